import io
import logging

import pytest
from pypdf import PdfReader

from certificates.factories import certificate_for, completed_enrolment
from certificates.models import Certificate
from certificates.services import certificate_issue, certificate_pdf_render

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_pdf_holds_name_course_hours_date_issuer_and_code(catalogue, caplog):
    enrolment = completed_enrolment(
        parent=catalogue, title="Pricing creative work", estimated_hours=6
    )
    certificate = certificate_for(enrolment)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        data = certificate_pdf_render(certificate)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "Nina Kralj" in text
    assert "Pricing creative work" in text
    assert "6 hours" in text
    assert "RCKE" in text
    assert certificate.verification_code in text.replace("\n", "")
    # PDF/A-3u, tagged, with the language and title set, fonts embedded.
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="U"' in xmp
    assert reader.metadata.title.startswith("Certificate of completion")
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for font in fonts.values():
        descriptor = (
            font.get_object().get("/FontDescriptor")
            or font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        )
        assert any(
            key in descriptor.get_object()
            for key in ("/FontFile", "/FontFile2", "/FontFile3")
        )


def test_weasyprint_subsets_fonts_with_harfbuzz_not_fonttools(catalogue, caplog):
    certificate = certificate_for(completed_enrolment(parent=catalogue))
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        certificate_pdf_render(certificate)
    fallbacks = [
        r for r in caplog.records if "fontTools instead of HarfBuzz" in r.getMessage()
    ]
    assert not fallbacks, (
        "libharfbuzz-subset0 is missing: apt-get install libharfbuzz-subset0"
    )


def test_slovenian_course_gets_a_slovenian_certificate(demo_site):
    from courses.factories import CourseIndexPageFactory
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="sl")
    catalogue = CourseIndexPageFactory(parent=home, slug="tecaji-test")
    certificate = certificate_for(
        completed_enrolment(parent=catalogue, estimated_hours=4)
    )
    data = certificate_pdf_render(certificate)
    assert PdfReader(io.BytesIO(data)).trailer["/Root"]["/Lang"] == "sl"


def test_issuing_twice_leaves_one_file_and_one_email(
    catalogue, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        certificate = certificate_for(completed_enrolment(parent=catalogue))
    assert certificate.status == Certificate.Status.PENDING

    certificate_issue(certificate_id=certificate.pk)
    certificate_issue(certificate_id=certificate.pk)

    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED
    assert certificate.issued_at is not None
    storage = certificate.pdf.storage
    directory, files = storage.listdir("")
    assert [name for name in files if certificate.verification_code in name] == [
        f"{certificate.verification_code}.pdf"
    ]
    assert len(mailoutbox) == 1
    assert certificate.verification_code in mailoutbox[0].body


def test_a_course_uses_the_certificate_template_that_lists_it(catalogue):
    from certificates.models import CertificateTemplate

    enrolment = completed_enrolment(parent=catalogue, title="Design meets industry")
    other = completed_enrolment(parent=catalogue, title="Another course")
    template = CertificateTemplate.objects.create(
        name="Ambient fair",
        heading="Certificate of participation",
        statement="took part in",
    )
    template.courses.set([enrolment.course])
    template.save()
    CertificateTemplate.objects.create(
        name="Default", is_default=True, heading="Certificate of achievement"
    )

    assert "Certificate of participation" in pdf_text(
        certificate_pdf_render(certificate_for(enrolment))
    )
    assert "Certificate of achievement" in pdf_text(
        certificate_pdf_render(certificate_for(other))
    )
