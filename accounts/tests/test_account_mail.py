"""Account e-mails: the same answer for known and unknown addresses (no account
enumeration), the academy named in the message's language, links on the public
address, and an invitation for staff created in the admin."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.models import User
from tests.helpers import SIGNUP_FORM

pytestmark = pytest.mark.django_db

PUBLIC = "https://academy.example"
KNOWN = "ana@studio.si"
UNKNOWN = "nobody@studio.si"


def url(name: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse(name)


def post(client, capture, path: str, data: dict, **headers):
    with capture(execute=True):
        return client.post(path, data, **headers)


def same_page(first, second, first_address: str, second_address: str) -> None:
    """Two answers are the same but for the address typed (and CSRF tokens)."""

    def normalised(response) -> str:
        page = response.content.decode()
        return re.sub(r'value="[^"]{32,}"', "", page)

    assert first.status_code == second.status_code
    assert first.get("Location") == second.get("Location")
    assert normalised(first).replace(first_address, "@") == normalised(second).replace(
        second_address, "@"
    )


# --- no account enumeration ------------------------------------------------


def test_sign_up_answers_the_same_for_a_known_and_an_unknown_address(
    client, demo_site, django_capture_on_commit_callbacks
):
    owner = UserFactory(email=KNOWN)
    users_before = User.objects.count()

    known = post(
        client,
        django_capture_on_commit_callbacks,
        url("account_signup"),
        {**SIGNUP_FORM, "email": "Ana@Studio.si"},
    )
    assert User.objects.count() == users_before  # no second account
    known_page = client.get(known["Location"])
    client.logout()
    unknown = post(
        client,
        django_capture_on_commit_callbacks,
        url("account_signup"),
        {**SIGNUP_FORM, "email": UNKNOWN},
    )
    unknown_page = client.get(unknown["Location"])

    assert known.status_code == 302
    same_page(known, unknown, "", "")
    same_page(known_page, unknown_page, "Ana@Studio.si".lower(), UNKNOWN)
    # The owner is told that they already have an account; the newcomer gets
    # the confirmation link.
    already, confirmation = mail.outbox
    assert already.to == [owner.email]
    assert "already have one" in already.body
    assert "/password/reset/" in already.body
    assert confirmation.to == [UNKNOWN]
    assert "/confirm-email/" in confirmation.body


def test_password_reset_answers_the_same_for_a_known_and_an_unknown_address(
    client, demo_site, django_capture_on_commit_callbacks
):
    UserFactory(email=KNOWN)
    known = post(
        client,
        django_capture_on_commit_callbacks,
        url("account_reset_password"),
        {"email": KNOWN},
    )
    unknown = post(
        client,
        django_capture_on_commit_callbacks,
        url("account_reset_password"),
        {"email": UNKNOWN},
    )

    assert known.status_code == 302
    same_page(known, unknown, KNOWN, UNKNOWN)
    same_page(client.get(known["Location"]), client.get(unknown["Location"]), "", "")
    reset, no_account = mail.outbox
    assert reset.to == [KNOWN] and "/password/reset/key/" in reset.body
    assert no_account.to == [UNKNOWN] and "no account uses this address" in (
        no_account.body
    )
    assert "not assigned" not in known.content.decode() + unknown.content.decode()


def test_adding_an_address_answers_the_same_whether_it_is_taken_or_not(
    client, demo_site, django_capture_on_commit_callbacks
):
    UserFactory(email=KNOWN)

    answers = {}
    for address in (KNOWN, UNKNOWN):
        # Each from an account of its own, so both lists hold two addresses.
        client.force_login(UserFactory(email=f"own-{address}"))
        # Changing addresses asks for the password again (re-authentication).
        client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
        response = post(
            client,
            django_capture_on_commit_callbacks,
            url("account_email"),
            {"email": address, "action_add": ""},
        )
        answers[address] = (response, client.get(response["Location"]))

    assert answers[KNOWN][0].status_code == 302
    same_page(*(answers[a][0] for a in (KNOWN, UNKNOWN)), KNOWN, UNKNOWN)
    same_page(*(answers[a][1] for a in (KNOWN, UNKNOWN)), KNOWN, UNKNOWN)
    assert "already" not in answers[KNOWN][1].content.decode()
    # Each address gets a confirmation link; the taken one can never be
    # confirmed for a second account (allauth refuses it).
    assert sorted(message.to[0] for message in mail.outbox) == [KNOWN, UNKNOWN]


# --- the academy in every e-mail ------------------------------------------

NAMES = {"sl": "Akademija Kreativna mesta", "en": "Creative Cities Academy"}


def assert_names_the_academy(message, language: str) -> None:
    body = message.body
    assert NAMES[language] in body
    assert f"{PUBLIC}/" in body
    for broken in ("Hello from !", "using !", " na .", "from !"):
        assert broken not in body
    for link in re.findall(r"https?://\S+", body):
        assert link.startswith(PUBLIC), link


@pytest.mark.parametrize("language", ["sl", "en"])
@override_settings(WAGTAILADMIN_BASE_URL=PUBLIC)
def test_every_account_e_mail_names_the_academy_and_links_to_its_address(
    client, demo_site, django_capture_on_commit_callbacks, language
):
    UserFactory(email=KNOWN)
    # Whatever Host the request came with, links go to the public address.
    host = {"HTTP_HOST": "attacker.example"}
    capture = django_capture_on_commit_callbacks
    post(
        client,
        capture,
        url("account_signup", language),
        {**SIGNUP_FORM, "email": UNKNOWN},
    )
    client.logout()
    post(client, capture, url("account_signup", language), SIGNUP_FORM, **host)
    post(client, capture, url("account_reset_password", language), {"email": KNOWN})
    post(
        client,
        capture,
        url("account_reset_password", language),
        {"email": "stranger@studio.si"},
        **host,
    )

    confirmation, already, reset, no_account = mail.outbox
    for message in mail.outbox:
        assert_names_the_academy(message, language)
        assert message.subject.startswith(f"[{NAMES[language]}] ")
    assert "/confirm-email/" in confirmation.body
    assert "/password/reset/" in already.body
    assert "/password/reset/key/" in reset.body
    assert "/signup/" in no_account.body
    assert "stranger@studio.si" in no_account.body
    assert KNOWN in already.body


@override_settings(WAGTAILADMIN_BASE_URL=PUBLIC)
def test_staff_created_in_the_admin_are_invited_to_choose_a_password(
    client, demo_site, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory(is_superuser=True))
    response = post(
        client,
        django_capture_on_commit_callbacks,
        reverse("wagtailusers_users:add"),
        {
            "email": "trainer@rcke.si",
            "full_name": "Tina Trener",
            "sector": "design",
            "city": "ljubljana",
            "business_stage": "established",
        },
        follow=True,
    )
    assert response.status_code == 200
    # The admin speaks Slovenian to this administrator; so does the invitation.
    assert "Na trainer@rcke.si smo poslali vabilo" in response.content.decode()
    staff = User.objects.get(email="trainer@rcke.si")
    assert not staff.has_usable_password()

    (invitation,) = mail.outbox
    assert invitation.to == ["trainer@rcke.si"]
    assert_names_the_academy(invitation, "sl")
    assert "izberete geslo" in invitation.body
    assert "registracij" not in invitation.body
    link = re.search(rf"{PUBLIC}(/\S+/password/reset/key/\S+/)", invitation.body)

    client.logout()
    form_url = client.get(link.group(1)).url
    client.post(
        form_url, {"password1": "glina-in-les-2027", "password2": "glina-in-les-2027"}
    )
    assert EmailAddress.objects.get(user=staff).verified is True
    response = client.post(
        url("account_login"),
        {"login": "trainer@rcke.si", "password": "glina-in-les-2027"},
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == staff.pk


def test_a_reset_does_not_confirm_an_address_when_the_account_has_several(
    client, demo_site
):
    from accounts.services import password_reset_confirms_sole_address

    user = UserFactory()
    EmailAddress.objects.create(user=user, email="second@studio.si", verified=False)
    assert password_reset_confirms_sole_address(user=user) is False
    assert not EmailAddress.objects.get(email="second@studio.si").verified


# --- Wagtail's review e-mails ---------------------------------------------


@override_settings(WAGTAILADMIN_BASE_URL=PUBLIC)
def test_review_e_mails_link_pages_on_the_public_address(demo_site):
    from django.template.loader import render_to_string
    from wagtail.models import Site

    from home.models import HomePage
    from home.site_address import site_address_apply

    Site.objects.filter(pk=demo_site.pk).update(hostname="localhost", port=80)
    assert site_address_apply() == 1
    page = HomePage.objects.get(locale__language_code="en")
    revision = page.save_revision()

    body = render_to_string(
        "wagtailadmin/notifications/approved.txt",
        {"revision": revision, "user": UserFactory(), "settings": None},
    )
    assert f"{PUBLIC}/en/" in body
    assert "localhost" not in body
    # An address staff chose in Settings → Sites is theirs to keep.
    Site.objects.filter(pk=demo_site.pk).update(hostname="akademija.rcke.si")
    assert site_address_apply() == 0
