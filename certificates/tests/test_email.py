"""The e-mail a holder gets when their certificate is issued: in the course's
language, with the My certificates page, LinkedIn's add-to-profile form and the
verification address, as plain text (nothing HTML-escaped)."""

import pytest

from accounts.factories import UserFactory
from certificates.factories import certificate_for, completed_enrolment
from certificates.models import Certificate
from certificates.services import certificate_issue
from certificates.sharing import linkedin_add_to_profile_url

pytestmark = pytest.mark.django_db


def stand_in_renderer(html: str) -> bytes:
    """A renderer `CERTIFICATE_RENDERER` can name: these tests are about mail."""
    return b"%PDF-stand-in"


@pytest.fixture(autouse=True)
def _quick_renderer(settings):
    settings.CERTIFICATE_RENDERER = "certificates.tests.test_email.stand_in_renderer"


def issued_mail(catalogue, mailoutbox, **course_fields):
    user = UserFactory(full_name="Nina O'Kralj")
    certificate = certificate_for(
        completed_enrolment(parent=catalogue, user=user, **course_fields)
    )
    certificate_issue(certificate_id=certificate.pk)
    assert len(mailoutbox) == 1
    return Certificate.objects.get(pk=certificate.pk), mailoutbox[0]


def test_the_email_links_my_certificates_linkedin_and_verification(
    catalogue, mailoutbox
):
    certificate, message = issued_mail(catalogue, mailoutbox, title="Design & business")
    code = certificate.verification_code
    assert message.subject == "Your certificate for “Design & business”"
    assert message.body == (
        "Congratulations, Nina O'Kralj!\n\n"
        "You have completed “Design & business”. Your certificate is ready: "
        "download it, with its badge and digital credential, from My "
        "certificates:\n"
        "http://testserver/en/certificates/\n\n"
        "Add it to your LinkedIn profile (LinkedIn opens with the details "
        "filled in):\n"
        f"{linkedin_add_to_profile_url(certificate)}\n\n"
        "Anyone can check that it is genuine with the verification code "
        f"{code}:\n"
        f"http://testserver/verify/{code}/\n\n"
        "Creative Cities Academy\n"
    )
    assert "&amp;" not in message.body and "&#x27;" not in message.body


def test_a_slovenian_course_s_email_is_in_slovenian(demo_site, mailoutbox):
    from courses.factories import CourseIndexPageFactory
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="sl")
    catalogue = CourseIndexPageFactory(parent=home, slug="tecaji-test")
    certificate, message = issued_mail(
        catalogue, mailoutbox, title="Cenik ustvarjalnega dela"
    )
    assert message.subject == "Vaše potrdilo za tečaj »Cenik ustvarjalnega dela«"
    assert "Čestitamo, Nina O'Kralj!" in message.body
    assert "»Moja potrdila«:\nhttp://testserver/sl/certificates/\n" in message.body
    assert "profil na LinkedInu" in message.body
    assert f"\n{linkedin_add_to_profile_url(certificate)}\n" in message.body
    assert "Regionalni%20center%20kreativne%20ekonomije" in message.body
