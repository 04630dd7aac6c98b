"""HTML → PDF/A-3u with WeasyPrint.

A warm worker keeps the parsed stylesheet and the font configuration between
renders, so each certificate costs about WeasyPrint's own floor for one page."""

import io
from functools import lru_cache
from pathlib import Path

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

STYLESHEET = Path(__file__).parent / "certificate.css"


@lru_cache(maxsize=1)
def _font_config() -> FontConfiguration:
    return FontConfiguration()


@lru_cache(maxsize=1)
def _stylesheet() -> CSS:
    return CSS(filename=str(STYLESHEET), font_config=_font_config())


def qr_code_svg(url: str) -> str:
    """The verification URL as an inline SVG QR code (vector, crisp in print)."""
    image = qrcode.make(
        url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2
    )
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


def verification_url(code: str) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{base}/verify/{code}/"


def certificate_html(context: dict, language: str) -> str:
    with translation.override(language):
        return render_to_string("certificates/certificate.html", context)


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    return HTML(string=html, base_url=base_url or str(settings.BASE_DIR)).write_pdf(
        stylesheets=[_stylesheet()],
        font_config=_font_config(),
        pdf_variant="pdf/a-3u",
        pdf_tags=True,
    )
