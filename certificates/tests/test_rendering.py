import datetime
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
    # One lesson of 10 minutes: half an hour of learning.
    enrolment = completed_enrolment(parent=catalogue, title="Pricing creative work")
    certificate = certificate_for(enrolment)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        data = certificate_pdf_render(certificate)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "Nina Kralj" in text
    assert "Pricing creative work" in text
    assert "0.5 hours of learning" in text
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
    certificate = certificate_for(completed_enrolment(parent=catalogue))
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


DECEMBER_FIRST = datetime.datetime(2026, 12, 1, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def issuer(demo_site):
    """RCKE's certificate settings with a signatory, as the demo sets them."""
    from certificates.models import CertificateSettings

    settings = CertificateSettings.for_site(demo_site)
    settings.signatory_name = "Mojca Zupan"
    settings.signatory_title_sl = "vodja akademije"
    settings.signatory_title_en = "Head of the Academy"
    settings.save()
    return settings


def _certificate_in(language: str, *, gender: str = "", **course_fields):
    from accounts.factories import UserFactory
    from courses.factories import CourseIndexPageFactory
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code=language)
    catalogue = CourseIndexPageFactory(parent=home, slug=f"catalogue-{language}")
    user = UserFactory(full_name="Nina Kralj", gender=gender)
    certificate = certificate_for(
        completed_enrolment(parent=catalogue, user=user, **course_fields)
    )
    Certificate.objects.filter(pk=certificate.pk).update(completed_at=DECEMBER_FIRST)
    certificate.refresh_from_db()
    return certificate


def test_slovenian_certificate_as_slovenian_writes_it(issuer):
    text = " ".join(pdf_text(certificate_pdf_render(_certificate_in("sl"))).split())
    assert "zaključeno 1. decembra 2026" in text
    assert "Regionalni center kreativne ekonomije (RCKE)" in text
    assert "Mojca Zupan" in text and "vodja akademije" in text
    # The learner gave no gender: the form that fits both.
    assert "je uspešno zaključil(-a) tečaj" in text


def test_english_certificate_in_english_with_a_british_date(issuer):
    text = " ".join(pdf_text(certificate_pdf_render(_certificate_in("en"))).split())
    assert "completed on 1 December 2026" in text
    assert "Regional Centre of Creative Economy (RCKE)" in text
    assert "Regionalni center" not in text
    assert "Mojca Zupan" in text and "Head of the Academy" in text
    assert "has successfully completed the course" in text


@pytest.mark.parametrize(
    "gender, statement",
    [
        ("female", "je uspešno zaključila tečaj"),
        ("male", "je uspešno zaključil tečaj"),
        ("non_binary", "ima uspešno zaključen tečaj"),
        ("other", "ima uspešno zaključen tečaj"),
    ],
)
def test_slovenian_statement_agrees_with_the_gender_the_learner_gave(
    issuer, gender, statement
):
    certificate = _certificate_in("sl", gender=gender)
    text = " ".join(pdf_text(certificate_pdf_render(certificate)).split())
    assert statement in text
    assert "(-a)" not in text


def test_the_english_name_falls_back_to_the_slovenian_one_when_left_empty(issuer):
    issuer.issuer_name_en = ""
    issuer.save()
    certificate = _certificate_in("en")
    assert certificate.issuer_name == "Regionalni center kreativne ekonomije (RCKE)"


def test_demo_sets_a_logo_and_a_signatory_printed_on_the_certificate(demo_site):
    from certificates import demo
    from certificates.models import CertificateSettings

    assert list(demo.load()) == ["Set the certificates' logo and signatory."]
    assert list(demo.load()) == []  # a second run changes nothing
    settings = CertificateSettings.for_site(demo_site)
    assert settings.issuer_logo is not None
    data = certificate_pdf_render(_certificate_in("en"))
    reader = PdfReader(io.BytesIO(data))
    images = reader.pages[0].images
    assert len(images) == 2  # the logo and the QR code
    text = " ".join(pdf_text(data).split())
    assert "Mojca Zupan" in text and "Head of the Academy" in text


@pytest.mark.parametrize(
    "name_length, title_length, footer, layout",
    [
        (12, 40, "", ""),
        (40, 40, "", "is-long"),
        (12, 100, "", "is-long"),
        (12, 40, "Funded by the partnership.", "is-long"),
        (150, 40, "", "is-longer"),  # the longest name the profile allows
        (12, 255, "", "is-longer"),  # the longest course title
        (60, 130, "Funded by the partnership.", "is-longer"),
    ],
)
def test_long_texts_get_tighter_type_so_they_fit_above_the_foot(
    name_length, title_length, footer, layout
):
    from certificates.rendering import layout_class

    assert (
        layout_class(
            holder_name="N" * name_length,
            course_title="T" * title_length,
            footer_text=footer,
        )
        == layout
    )


def test_a_big_logo_is_printed_from_a_rendition_of_print_size(issuer):
    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PillowImage.new("RGB", (2400, 1200), "#0b5563").save(buffer, format="PNG")
    logo = get_image_model()(title="Big logo")
    logo.file = ImageFile(buffer, name="big-logo.png")
    logo.save()
    issuer.issuer_logo = logo
    issuer.save()

    data = certificate_pdf_render(_certificate_in("en"))
    sizes = [image.image.size for image in PdfReader(io.BytesIO(data)).pages[0].images]
    assert (360, 180) in sizes  # not 2400 × 1200


def test_the_logo_is_printed_when_the_storage_has_no_local_files(issuer, monkeypatch):
    """Object storage (S3 and the like) gives no file path: the logo goes into
    the page as data instead of disappearing from the certificate."""
    from django.core.files.images import ImageFile
    from django.db.models.fields.files import FieldFile
    from PIL import Image as PillowImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PillowImage.new("RGB", (200, 100), "#0b5563").save(buffer, format="PNG")
    logo = get_image_model()(title="Logo")
    logo.file = ImageFile(buffer, name="logo.png")
    logo.save()
    issuer.issuer_logo = logo
    issuer.save()

    def no_local_path(_file):
        raise NotImplementedError("This backend doesn't support absolute paths.")

    monkeypatch.setattr(FieldFile, "path", property(no_local_path))
    data = certificate_pdf_render(_certificate_in("en"))
    sizes = [image.image.size for image in PdfReader(io.BytesIO(data)).pages[0].images]
    assert (200, 100) in sizes  # the logo, beside the QR code


def stand_in_renderer(html: str) -> bytes:
    """A renderer `CERTIFICATE_RENDERER` can name (for the test below)."""
    return b"%PDF-stand-in " + str(len(html)).encode()


def test_the_renderer_is_the_one_the_setting_names(catalogue, settings):
    certificate = certificate_for(completed_enrolment(parent=catalogue))
    settings.CERTIFICATE_RENDERER = (
        "certificates.tests.test_rendering.stand_in_renderer"
    )
    issued = certificate_issue(certificate_id=certificate.pk)
    assert issued.status == Certificate.Status.ISSUED
    assert issued.pdf.read().startswith(b"%PDF-stand-in ")
    settings.CERTIFICATE_RENDERER = "certificates.rendering.html_to_pdf"
    assert certificate_pdf_render(issued).startswith(b"%PDF-1.")
