"""The certificates' admin: revoking is confirmed with a reason on a page of its
own, a certificate whose holder erased their account is never re-issued, and the
Slovenian admin says "razveljavi" (revoke), not "prekliči" (cancel)."""

import gettext
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from accounts.factories import UserFactory
from accounts.services import account_erase
from certificates.factories import certificate_for, completed_enrolment
from certificates.models import Certificate
from certificates.services import (
    certificate_issue,
    certificate_reissue,
    certificate_revoke,
)
from courses.roles import COURSE_MANAGERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(catalogue):
    certificate = certificate_for(
        completed_enrolment(parent=catalogue, title="Pricing creative work")
    )
    return certificate_issue(certificate_id=certificate.pk)


@pytest.fixture
def manager(client):
    user = UserFactory(full_name="Maja Manager")
    user.groups.add(Group.objects.get(name=COURSE_MANAGERS))
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return user


def field_error(page: str, name: str) -> str:
    """The error shown with the field `name` (inside its own field wrapper)."""
    soup = BeautifulSoup(page, "html.parser")
    field = soup.find(attrs={"name": name})
    wrapper = field.find_parent(attrs={"data-field-wrapper": True}) or field.parent
    error = wrapper.find(class_="error-message")
    return error.get_text(" ", strip=True) if error else ""


def test_revoking_asks_for_the_reason_before_anything_happens(client, issued, manager):
    detail = reverse("certificates_admin_detail", args=[issued.pk])
    revoke = reverse("certificates_admin_revoke", args=[issued.pk])
    page = client.get(detail).content.decode()
    # The certificate's page offers revoking as a way to the confirmation, not
    # as a button that acts (nor a reason field on the page itself).
    assert f'href="{revoke}"' in page
    assert 'name="reason"' not in page
    client.post(detail, {"action": "revoke", "reason": "Name misspelt"})
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.ISSUED

    confirmation = client.get(revoke)
    assert confirmation.status_code == 200
    text = confirmation.content.decode()
    assert "Reason for revoking" in text and issued.verification_code in text
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.ISSUED  # the first click did nothing

    for reason in ("", "   "):
        refused = client.post(revoke, {"reason": reason})
        assert refused.status_code == 200
        assert field_error(refused.content.decode(), "reason") == (
            "Give the reason for revoking."
        )
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.ISSUED

    done = client.post(revoke, {"reason": "Name misspelt"})
    assert done.status_code == 302 and done["Location"] == detail
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.REVOKED
    assert issued.revoked_by == manager and issued.revocation_reason == "Name misspelt"

    # Revoking again is not offered, and the page says why.
    again = client.get(revoke)
    assert again.status_code == 302 and again["Location"] == detail
    assert "This certificate is already revoked." in [
        str(message) for message in get_messages(again.wsgi_request)
    ]


def test_only_certificate_managers_open_the_revoke_page(client, issued):
    for user in (UserFactory(), UserFactory(is_staff=True)):
        client.force_login(user)
        revoke = reverse("certificates_admin_revoke", args=[issued.pk])
        assert client.get(revoke).status_code in (302, 403)
        client.post(revoke, {"reason": "no"})
        issued.refresh_from_db()
        assert issued.status == Certificate.Status.ISSUED


def test_a_certificate_of_an_erased_holder_is_never_re_issued(
    client, issued, manager, django_capture_on_commit_callbacks
):
    learner = issued.user
    with django_capture_on_commit_callbacks(execute=True):
        account_erase(user=learner, requested_by=learner, reason="own request")
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.REVOKED and issued.holder_erased

    with pytest.raises(ValidationError, match="its holder erased their account"):
        certificate_reissue(certificate=issued)

    detail = reverse("certificates_admin_detail", args=[issued.pk])
    page = client.get(detail).content.decode()
    assert 'value="reissue"' not in page
    assert "this certificate cannot be re-issued" in page
    response = client.post(detail, {"action": "reissue"}, follow=True)
    assert "its holder erased their account" in response.content.decode()
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.REVOKED
    verify = client.get(reverse("certificates:verify", args=[issued.verification_code]))
    assert "Revoked certificate" in verify.content.decode()


def test_a_revoked_certificate_of_a_holder_with_an_account_is_re_issued(
    client, issued, manager
):
    certificate_revoke(certificate=issued, revoked_by=manager, reason="Wrong course")
    detail = reverse("certificates_admin_detail", args=[issued.pk])
    assert 'value="reissue"' in client.get(detail).content.decode()
    client.post(detail, {"action": "reissue"})
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.PENDING


def test_the_slovenian_admin_and_verification_page_say_razveljavi(
    client, issued, manager
):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "sl"
    with translation.override("sl"):
        detail = reverse("certificates_admin_detail", args=[issued.pk])
        revoke = reverse("certificates_admin_revoke", args=[issued.pk])
        page = client.get(detail).content.decode()
        assert ">Razveljavi</a>" in page and "Prekliči" not in page
        confirmation = client.get(revoke).content.decode()
        assert "Razlog za razveljavitev" in confirmation
        assert "Da, razveljavi potrdilo" in confirmation
        client.post(revoke, {"reason": "Napačno ime"})
        verify = client.get(
            reverse("certificates:verify", args=[issued.verification_code])
        ).content.decode()
    assert "Razveljavljeno potrdilo" in verify and "reklic" not in verify


def test_no_slovenian_text_about_revoking_says_preklic():
    """Every text of ours about revoking certificates uses "razveljaviti"
    ("preklicati" reads as "cancel"): the whole Slovenian catalogue is read."""
    path = Path(settings.BASE_DIR) / "locale" / "sl" / "LC_MESSAGES" / "django.mo"
    with path.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog
    about_revoking = {
        msgid: text
        for msgid, text in catalogue.items()
        if isinstance(msgid, str) and ("revok" in msgid.lower() or "revoca" in msgid)
    }
    assert len(about_revoking) > 10
    said_preklic = {
        msgid: text
        for msgid, text in about_revoking.items()
        if "prekli" in text.lower()
    }
    assert not said_preklic
