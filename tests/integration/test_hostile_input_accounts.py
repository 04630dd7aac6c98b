"""Hostile input on the account-security forms (hypothesis): password change,
re-authentication, two-factor set-up and removal, recovery codes, the second
factor during log-in, and Wagtail's password forms for private pages and
documents. Each answers with a clear 4xx or a form error, never a 5xx, and
changes nothing it should not: the password, the second factor and the access
granted stay as they were."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import cache
from django.forms import BaseForm
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
)

from accounts.factories import DEFAULT_PASSWORD, UserFactory

from .hostile import FUZZ, assert_answers_cleanly, field_value, form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

# Wrong codes that look right: six digits (authenticator app), eight hex
# characters (recovery code).
plausible_code = st.one_of(
    st.from_regex(r"\A[0-9]{6}\Z"), st.from_regex(r"\A[0-9a-f]{8}\Z")
)
code_data = st.one_of(
    form_data(["code"]), plausible_code.map(lambda code: {"code": code})
)
PRIVATE_PASSWORD = "open sesame 2024"


def log_in(client, user, password: str = DEFAULT_PASSWORD):
    return client.post(
        reverse("account_login"), {"login": user.email, "password": password}
    )


def form_errors(response) -> dict:
    """The errors of the forms the page shows (the templates' contexts)."""
    errors = {}
    for context in response.context or []:
        for value in context.flatten().values():
            if isinstance(value, BaseForm) and value.is_bound:
                errors.update(value.errors)
    return errors


def assert_refused_with_a_form_error(response) -> None:
    """A clear answer; when it is the form again (200), it says what is wrong."""
    assert_answers_cleanly(response)
    if response.status_code == 200:
        assert form_errors(response), "the form came back without an error"


def staged_login_user(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def two_factor_user(demo_site):
    """A learner with an authenticator app and recovery codes."""
    user = UserFactory()
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)
    return user


# --- password change --------------------------------------------------------


@pytest.fixture
def password_holder(client, demo_site):
    """A logged-in learner and the password they have now."""
    user = UserFactory()
    log_in(client, user)
    return {"user": user, "password": DEFAULT_PASSWORD}


@FUZZ
@given(
    data=form_data(["oldpassword", "password1", "password2"]),
    right_old_password=st.booleans(),
)
def test_password_change_refuses_hostile_input(
    client, password_holder, data, right_old_password
):
    cache.clear()  # the change limit (5 a minute) would answer later tries 429
    user, old = password_holder["user"], password_holder["password"]
    if right_old_password:
        data["oldpassword"] = old

    response = client.post(reverse("account_change_password"), data)

    user.refresh_from_db()
    if user.check_password(old):
        assert_refused_with_a_form_error(response)
        return
    # Changed: only with the right old password and a new one typed twice.
    assert response.status_code == 302
    assert data.get("oldpassword") == old
    assert data.get("password1") == data.get("password2")
    assert user.check_password(data["password1"])
    password_holder["password"] = data["password1"]


# --- re-authentication ------------------------------------------------------


@FUZZ
@given(data=form_data(["password"]))
def test_reauthentication_refuses_hostile_passwords(client, demo_site, data):
    cache.clear()
    user = UserFactory()
    client.force_login(user)  # logged in long ago: changes ask again

    response = client.post(reverse("account_reauthenticate"), data)

    assert_refused_with_a_form_error(response)
    # Still not re-authenticated: two-factor settings still ask first.
    assert "reauthenticate" in client.get(reverse("mfa_activate_totp")).url


# --- two-factor set-up -------------------------------------------------------


@pytest.fixture
def reauthenticated(client, demo_site):
    """A learner who has just entered their password (changes are allowed)."""
    user = UserFactory()
    log_in(client, user)
    client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
    return user


@FUZZ
@given(data=code_data)
def test_authenticator_app_activation_refuses_wrong_codes(
    client, reauthenticated, data
):
    cache.clear()
    assert client.get(reverse("mfa_activate_totp")).status_code == 200

    response = client.post(reverse("mfa_activate_totp"), data)

    assert_refused_with_a_form_error(response)
    assert response.status_code != 302
    assert not Authenticator.objects.filter(user=reauthenticated).exists()


@FUZZ
@given(data=form_data(["code", "action", "confirm"]))
def test_two_factor_removal_and_new_recovery_codes_need_the_password_first(
    client, two_factor_user, data
):
    # Logged in, but not just now: hostile form data must not skip the
    # re-authentication that removing or replacing a second factor asks for.
    client.force_login(two_factor_user)
    codes_before = RecoveryCodes(
        Authenticator.objects.get(
            user=two_factor_user, type=Authenticator.Type.RECOVERY_CODES
        )
    ).get_unused_codes()

    for name in ("mfa_deactivate_totp", "mfa_generate_recovery_codes"):
        response = client.post(reverse(name), data)
        assert_answers_cleanly(response)
        if response.status_code != 400:  # 400: a NUL refused up front
            assert response.status_code == 302
            assert "reauthenticate" in response.url

    authenticators = Authenticator.objects.filter(user=two_factor_user)
    assert authenticators.filter(type=Authenticator.Type.TOTP).exists()
    codes = RecoveryCodes(authenticators.get(type=Authenticator.Type.RECOVERY_CODES))
    assert codes.get_unused_codes() == codes_before


@FUZZ
@given(data=code_data)
def test_two_factor_reauthentication_refuses_wrong_codes(client, two_factor_user, data):
    cache.clear()
    client.force_login(two_factor_user)

    response = client.post(reverse("mfa_reauthenticate"), data)

    assert_refused_with_a_form_error(response)
    assert "reauthenticate" in client.post(reverse("mfa_deactivate_totp")).url
    assert Authenticator.objects.filter(
        user=two_factor_user, type=Authenticator.Type.TOTP
    ).exists()


# --- the second factor during log-in -----------------------------------------


@FUZZ
@given(data=code_data)
def test_the_second_factor_step_refuses_wrong_codes(client, two_factor_user, data):
    cache.clear()
    client.logout()
    login = log_in(client, two_factor_user)
    assert login.status_code == 302 and login.url == reverse("mfa_authenticate")
    assert not staged_login_user(client)

    response = client.post(reverse("mfa_authenticate"), data)

    assert_refused_with_a_form_error(response)
    assert not staged_login_user(client)
    assert client.get(reverse("courses:dashboard")).status_code == 302


def test_the_second_factor_step_still_lets_the_right_code_in(client, two_factor_user):
    code = RecoveryCodes(
        Authenticator.objects.get(
            user=two_factor_user, type=Authenticator.Type.RECOVERY_CODES
        )
    ).get_unused_codes()[0]
    log_in(client, two_factor_user)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(two_factor_user.pk)


# --- Wagtail's password forms (private pages and documents) ------------------


@pytest.fixture
def private_page(demo_site):
    from home.models import HomePage

    page = HomePage.objects.get(locale__language_code="en")
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type=BaseViewRestriction.PASSWORD,
        password=PRIVATE_PASSWORD,
    )
    url = reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]
    )
    return restriction, url


@pytest.fixture
def private_document(demo_site):
    import wagtail_factories

    collection = Collection.get_first_root_node().add_child(name="Board papers")
    document = wagtail_factories.DocumentFactory(collection=collection)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=BaseViewRestriction.PASSWORD,
        password=PRIVATE_PASSWORD,
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    return restriction, url, document


def passed(client, restriction) -> bool:
    key = restriction.passed_view_restrictions_session_key
    return restriction.pk in client.session.get(key, [])


def assert_no_open_redirect(response) -> None:
    if response.status_code in (301, 302):
        location = response["Location"]
        assert location.startswith("/") and not location.startswith("//"), location


@FUZZ
@given(data=form_data(["password", "return_url"]))
def test_private_page_password_form_refuses_hostile_input(client, private_page, data):
    restriction, url = private_page
    response = client.post(url, data)
    assert_answers_cleanly(response)
    assert_no_open_redirect(response)
    assert not passed(client, restriction)
    if response.status_code == 200:
        assert form_errors(response)


@FUZZ
@given(data=form_data(["password", "return_url"]))
def test_private_document_password_form_refuses_hostile_input(
    client, private_document, data
):
    restriction, url, document = private_document
    response = client.post(url, data)
    assert_answers_cleanly(response)
    assert_no_open_redirect(response)
    assert not passed(client, restriction)
    # The document still asks for the password instead of sending the file.
    assert not client.get(document.url).streaming


@FUZZ
@given(return_url=field_value)
def test_the_right_password_lets_in_but_never_redirects_elsewhere(
    client, private_page, private_document, return_url
):
    page_restriction, page_url = private_page
    document_restriction, document_url, document = private_document
    for restriction, url in (
        (page_restriction, page_url),
        (document_restriction, document_url),
    ):
        response = client.post(
            url, {"password": PRIVATE_PASSWORD, "return_url": return_url}
        )
        assert response.status_code in (200, 302, 400)
        assert_no_open_redirect(response)
        if response.status_code == 302:
            assert passed(client, restriction)


@pytest.mark.parametrize(
    "return_url",
    [
        "home",
        '"><img src=x onerror=alert(1)>',
        "https://evil.example/",
        "//evil.example/",
        "",
    ],
)
def test_with_the_right_password_a_bad_return_address_goes_back_to_the_page(
    client, private_page, private_document, return_url
):
    page_restriction, page_url = private_page
    response = client.post(
        page_url, {"password": PRIVATE_PASSWORD, "return_url": return_url}
    )
    # Wagtail alone answered 500 to the first two (redirect() took them for
    # URL names).
    assert response.status_code == 302
    assert response["Location"] == page_restriction.page.url
    assert passed(client, page_restriction)

    document_restriction, document_url, _document = private_document
    response = client.post(
        document_url, {"password": PRIVATE_PASSWORD, "return_url": return_url}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("courses:dashboard")
    assert passed(client, document_restriction)
