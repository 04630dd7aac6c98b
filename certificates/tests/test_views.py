import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse

from accounts.factories import UserFactory
from certificates.factories import certificate_for, completed_enrolment
from certificates.models import Certificate, verification_code_generate
from certificates.services import certificate_issue, certificate_revoke
from courses.models import Enrolment
from courses.roles import COURSE_MANAGERS, TRAINERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(catalogue):
    certificate = certificate_for(
        completed_enrolment(parent=catalogue, title="Pricing creative work")
    )
    return certificate_issue(certificate_id=certificate.pk)


def test_codes_are_unguessable_and_readable():
    codes = {verification_code_generate() for _ in range(1000)}
    assert len(codes) == 1000
    code = next(iter(codes))
    groups = code.split("-")
    assert len(groups) == 6 and all(len(group) == 5 for group in groups)
    # 30 symbols from a 32-letter alphabet: 150 bits of randomness.
    assert not set(code.replace("-", "")) & set("ILOU")


def test_verify_page_says_valid_with_the_facts(client, issued):
    response = client.get(
        reverse("certificates:verify", args=[issued.verification_code])
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Valid certificate" in page
    assert "Nina Kralj" in page and "Pricing creative work" in page
    assert "RCKE" in page


def test_verify_accepts_a_code_typed_in_lower_case_with_spaces(client, issued):
    typed = issued.verification_code.lower().replace("-", " ")
    response = client.get(reverse("certificates:verify_form"), {"code": typed})
    assert response.status_code == 302
    assert client.get(response.url).status_code == 200


def test_verify_form_explains_a_malformed_code(client, issued):
    response = client.get(reverse("certificates:verify_form"), {"code": "12345"})
    assert response.status_code == 200
    assert "30 letters and digits" in response.content.decode()


def test_an_unknown_code_is_echoed_as_typed(client, issued):
    # 30 letters and digits in groups of five, on no certificate, with an O
    # and an I that the look-up reads as 0 and 1.
    typed = "notac odeio abcde fghjk mnpqr stvwx"
    response = client.get(
        reverse("certificates:verify_form"), {"code": typed}, follow=True
    )
    page = response.content.decode()
    assert response.status_code == 404
    assert f"<code>{typed}</code>" in page
    assert "N0TAC" not in page
    response = client.get(reverse("certificates:verify", args=["<b>n0t-a-code"]))
    assert "<code>&lt;b&gt;n0t-a-code</code>" in response.content.decode()


def test_revocation_shows_at_once(client, issued):
    certificate_revoke(certificate=issued, revoked_by=None, reason="Issued by mistake")
    response = client.get(
        reverse("certificates:verify", args=[issued.verification_code])
    )
    page = response.content.decode()
    assert "Revoked certificate" in page
    assert "Nina Kralj" not in page
    assert Certificate.objects.filter(pk=issued.pk).exists()


def test_unknown_and_pending_codes_are_not_found(client, catalogue):
    pending = certificate_for(completed_enrolment(parent=catalogue))
    for code in (verification_code_generate(), pending.verification_code, "x" * 30):
        response = client.get(reverse("certificates:verify", args=[code]))
        assert response.status_code == 404
        assert "No certificate found" in response.content.decode()


def test_verify_is_rate_limited(client, issued):
    cache.clear()
    url = reverse("certificates:verify", args=[issued.verification_code])
    statuses = [client.get(url).status_code for _ in range(31)]
    assert statuses[:30] == [200] * 30
    assert statuses[30] == 429


def test_the_limit_answers_429_with_the_page_and_counts_per_address(
    client, issued, settings
):
    """Counted by allauth's rate limiter, with the rate the setting gives: per
    client address, whatever the Host header, the refusal on the page."""
    settings.CERTIFICATES_RATE_LIMITS = {"verify": "2/m/ip"}
    url = reverse("certificates:verify", args=[issued.verification_code])
    assert client.get(url).status_code == 200
    assert client.get(url, HTTP_HOST="localhost:1").status_code == 200
    limited = client.get(url)
    assert limited.status_code == 429
    assert limited["Retry-After"] == "60"
    page = limited.content.decode()
    assert "Too many look-ups" in page
    assert "You have checked many certificates in a short time." in page
    assert "Nina Kralj" not in page
    assert client.get(url, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_printed_address_redirects_to_the_visitors_language(client, issued):
    response = client.get(
        f"/verify/{issued.verification_code}/", HTTP_ACCEPT_LANGUAGE="sl"
    )
    assert response.status_code == 302
    assert response.url == f"/sl/verify/{issued.verification_code}/"


def test_only_the_holder_and_staff_download_the_pdf(client, issued):
    url = reverse("certificates:download", args=[issued.verification_code])
    assert "/accounts/login/" in client.get(url).url

    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    trainer = UserFactory()
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    client.force_login(trainer)
    assert client.get(url).status_code == 404

    client.force_login(issued.user)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")

    manager = UserFactory()
    manager.groups.add(Group.objects.get(name=COURSE_MANAGERS))
    client.force_login(manager)
    assert client.get(url).status_code == 200


def test_the_pdf_has_no_public_media_url(issued):
    with pytest.raises(ValueError):
        issued.pdf.url  # noqa: B018


def completed_card(page: str, title: str) -> str:
    section = page[page.index('id="completed-heading"') :]
    start = section.index(f">{title}</a></h3>")
    return section[start : section.index("</li>", start)]


def test_each_completed_course_on_the_dashboard_shows_its_certificate(
    client, catalogue, issued
):
    """The certificate sits with its course (being prepared, then download and
    verification page); the courses app shows it through its dashboard hook."""
    learner = issued.user
    preparing = completed_enrolment(
        parent=catalogue, user=learner, title="Selling at fairs"
    )
    client.force_login(learner)
    page = client.get(reverse("courses:dashboard")).content.decode()

    card = completed_card(page, "Pricing creative work")
    code = issued.verification_code
    assert reverse("certificates:download", args=[code]) in card
    assert reverse("certificates:verify", args=[code]) in card
    card = completed_card(page, "Selling at fairs")
    assert "Your certificate is being prepared." in card
    assert reverse("courses:withdraw", args=[preparing.course_id]) not in page
    # Shown with their courses, the certificates are not listed a second time
    # (the account menu links to My certificates, the panel is not there).
    assert 'id="certificates-heading"' not in page
    assert page.count(reverse("certificates:download", args=[code])) == 1


def test_a_certificate_of_a_course_no_longer_listed_stays_on_the_dashboard(
    client, issued
):
    Enrolment.objects.filter(pk=issued.enrolment_id).update(
        status=Enrolment.Status.WITHDRAWN
    )
    client.force_login(issued.user)
    page = client.get(reverse("courses:dashboard")).content.decode()
    assert '<h2 id="certificates-heading">My certificates</h2>' in page
    assert reverse("certificates:download", args=[issued.verification_code]) in page


def test_manager_revokes_with_a_reason_and_reissues_in_the_admin(client, issued):
    manager = UserFactory()
    manager.groups.add(Group.objects.get(name=COURSE_MANAGERS))
    client.force_login(manager)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    detail = reverse("certificates_admin_detail", args=[issued.pk])
    assert (
        "Pricing creative work"
        in client.get(reverse("certificates_admin")).content.decode()
    )

    revoke = reverse("certificates_admin_revoke", args=[issued.pk])
    response = client.post(revoke, {"reason": ""})
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.ISSUED
    assert "Give the reason for revoking." in response.content.decode()

    client.post(revoke, {"reason": "Name misspelt"})
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.REVOKED
    assert issued.revoked_by == manager and issued.revocation_reason == "Name misspelt"

    client.post(detail, {"action": "reissue"})
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.PENDING


def test_learners_and_trainers_cannot_revoke(client, issued):
    for group in (None, TRAINERS):
        user = UserFactory(is_staff=group is not None)
        if group:
            user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        client.post(
            reverse("certificates_admin_revoke", args=[issued.pk]),
            {"reason": "no"},
        )
        issued.refresh_from_db()
        assert issued.status == Certificate.Status.ISSUED
