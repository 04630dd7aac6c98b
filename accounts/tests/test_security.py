"""Hardening that a visitor or a member of staff can observe: the Content
Security Policy, two-factor authentication for everyone who can enter the admin,
the admin's log-in going through allauth (rate limits), upload restrictions."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model

from accounts.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, str]:
    return {
        part.strip().split(" ", 1)[0]: part.strip().partition(" ")[2]
        for part in header.split(";")
        if part.strip()
    }


def error_codes(response) -> list[str]:
    return [
        error.code for error in response.context["form"].non_field_errors().as_data()
    ]


def test_public_pages_have_a_strict_content_security_policy(client, demo_site):
    response = client.get("/en/")
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == "'self'"
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert policy["style-src"] == "'self'"


def test_the_admin_has_its_own_looser_policy(client, demo_site):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == "'none'"
    assert policy["form-action"] == "'self'"


def test_staff_e_mail_addresses_are_not_sent_to_gravatar(client, demo_site):
    client.force_login(
        UserFactory(is_superuser=True, is_staff=True, email="tina@studio.si")
    )
    response = client.get(reverse("wagtailadmin_home"))
    page = response.content.decode()
    assert "gravatar" not in page
    assert "gravatar" not in response["Content-Security-Policy"]
    assert "default-user-avatar.png" in page  # Wagtail's own picture instead


@override_settings(MFA_REQUIRED_FOR_STAFF=True)
@pytest.mark.parametrize("kind", ["superuser", "trainer", "course manager"])
def test_staff_must_turn_on_two_factor_before_the_admin_opens(client, demo_site, kind):
    user = UserFactory(is_superuser=kind == "superuser", is_staff=kind == "superuser")
    if kind != "superuser":
        name = "Trainers" if kind == "trainer" else "Course managers"
        user.groups.add(Group.objects.get(name=name))
    client.force_login(user)

    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_index")
    # The public site and the two-factor pages stay open.
    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.get("/en/").status_code == 200

    TOTP.activate(user, generate_totp_secret())
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@override_settings(MFA_REQUIRED_FOR_STAFF=True)
def test_learners_are_not_asked_for_two_factor(client, demo_site):
    client.force_login(UserFactory())
    assert client.get(reverse("courses:dashboard")).status_code == 200
    # The admin is not for them, with or without a second factor.
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_anonymous_admin_visitors_are_sent_to_the_site_log_in(client, demo_site):
    response = client.get("/cms/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_admin_log_in_is_the_site_s_log_in(client, demo_site):
    response = client.get(reverse("wagtailadmin_login"), {"next": "/cms/pages/"})
    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=%2Fcms%2Fpages%2F"
    # Only a path on this site is passed on.
    for elsewhere in ("//evil.example/", "https://evil.example/cms/", ""):
        response = client.get(reverse("wagtailadmin_login"), {"next": elsewhere})
        assert response.url == reverse("account_login") + "?next=%2Fcms%2F"


def test_the_admin_log_in_refuses_an_unconfirmed_address(client, demo_site):
    """Wagtail's own form logged in an address that was never confirmed (the
    production settings use the same URLs: lms/tests/test_settings.py)."""
    admin = UserFactory(is_superuser=True, is_staff=True, verified=False)
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": admin.email, "password": DEFAULT_PASSWORD},
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    # The site's log-in asks for the confirmation first.
    response = client.post(
        reverse("account_login"), {"login": admin.email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_the_admin_log_in_cannot_skip_the_second_factor(client, demo_site):
    admin = UserFactory(is_superuser=True, is_staff=True)
    TOTP.activate(admin, generate_totp_secret())
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": admin.email, "password": DEFAULT_PASSWORD},
    )
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    response = client.post(
        reverse("account_login"), {"login": admin.email, "password": DEFAULT_PASSWORD}
    )
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


def test_one_failed_log_in_budget_per_account_whatever_the_form_or_host(
    client, demo_site
):
    """Each Host header (e.g. localhost:1) started a fresh budget, and
    /cms/login/ counted under a key of its own."""
    admin = UserFactory(is_superuser=True, is_staff=True)
    for port in range(1, 6):
        client.post(
            reverse("account_login"),
            {"login": admin.email, "password": "guess-guess-guess"},
            HTTP_HOST=f"localhost:{port}",
        )
    for host in ("localhost:6", "127.0.0.1", "LOCALHOST"):
        response = client.post(
            reverse("account_login"),
            {"login": admin.email.upper(), "password": DEFAULT_PASSWORD},
            HTTP_HOST=host,
        )
        assert "_auth_user_id" not in client.session, host
        assert response.status_code in (200, 429)
    client.post(
        reverse("wagtailadmin_login"),
        {"username": admin.email, "password": DEFAULT_PASSWORD},
        HTTP_HOST="localhost:7",
    )
    assert "_auth_user_id" not in client.session


def test_the_site_log_in_leads_back_to_the_admin(client, demo_site):
    admin = UserFactory(is_superuser=True, is_staff=True)
    login_url = client.get(reverse("wagtailadmin_login")).url
    response = client.post(
        login_url, {"login": admin.email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == "/cms/"
    assert client.session["_auth_user_id"] == str(admin.pk)


def test_site_log_in_is_rate_limited(client, demo_site):
    admin = UserFactory(is_superuser=True, is_staff=True)
    for _attempt in range(6):
        client.post(
            reverse("account_login"),
            {"login": admin.email, "password": "guess-guess-guess"},
        )
    response = client.post(
        reverse("account_login"), {"login": admin.email, "password": DEFAULT_PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)


def test_uploads_are_limited_to_safe_types(client, demo_site):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    Document = get_document_model()
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Not a document",
            "file": SimpleUploadedFile(
                "page.html", b"<script>alert(1)</script>", "text/html"
            ),
        },
    )
    assert response.status_code == 200
    assert not Document.objects.exists()
    image = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Vector",
            "file": SimpleUploadedFile(
                "logo.svg",
                b'<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>',
                "image/svg+xml",
            ),
        },
    )
    assert image.status_code == 200
    from wagtail.images import get_image_model

    assert not get_image_model().objects.exists()


def test_documents_are_at_most_10_mb(client, demo_site):
    """Wagtail sets no limit of its own: 60 MB went through."""
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    form_page = client.get(reverse("wagtaildocs:add")).content.decode()
    assert "Maximum filesize: 10.0\xa0MB." in form_page
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Too big",
            "file": SimpleUploadedFile(
                "big.pdf", b"%PDF-1.4" + b"x" * (10 * 1024 * 1024), "application/pdf"
            ),
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["file"]
    assert "file_too_large" in [error.code for error in errors]
    assert not get_document_model().objects.exists()
