"""HTML → PDF/A-3u with WeasyPrint.

A warm worker keeps the parsed stylesheet and the font configuration between
renders, so each certificate costs about WeasyPrint's own floor for one page.
Which function prints the PDF is a setting (`CERTIFICATE_RENDERER`, by default
`html_to_pdf` below), so another engine, or a stand-in in tests, can take its place."""

import base64
import io
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import qrcode
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.module_loading import import_string

from lms import pdf

STYLESHEET = Path(__file__).parent / "certificate.css"


def _font_config():
    return pdf.font_config()


def _stylesheet():
    return pdf.stylesheet(STYLESHEET)


def qr_code_data_uri(url: str) -> str:
    """The verification URL as a QR code: a one-pixel-per-module PNG that the PDF
    scales up without smoothing (crisp in print). WeasyPrint draws it in a
    fraction of the time an inline SVG of the same code takes."""
    # A fixed mask pattern spares the search over all eight (the code reads the
    # same; the search only tunes its look).
    code = qrcode.QRCode(
        border=2,
        box_size=1,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        mask_pattern=0,
    )
    code.add_data(url)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


# About 450 dpi at the 20 mm the logo is printed: enough for print, and it bounds
# what WeasyPrint decodes and re-compresses at every render (an upload of 3,000 px
# would cost it tens of milliseconds per certificate).
LOGO_RENDITION = "max-360x360"


def logo_file_url(image) -> str:
    """The logo as a URL WeasyPrint reads, to a rendition no bigger than the print
    needs ("" without a logo): a file:// URL when the storage keeps local files,
    else the rendition's bytes as a data: URL (object storage has no path)."""
    if image is None:
        return ""
    rendition = image.get_rendition(LOGO_RENDITION)
    try:
        return Path(rendition.file.path).as_uri()
    except NotImplementedError:
        pass
    with rendition.file.open("rb") as handle:
        content = handle.read()
    kind = Path(rendition.file.name).suffix.lstrip(".").lower() or "png"
    kind = {"jpg": "jpeg"}.get(kind, kind)
    return f"data:image/{kind};base64,{base64.b64encode(content).decode('ascii')}"


def verification_url(code: str) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{base}/verify/{code}/"


def layout_class(*, holder_name: str, course_title: str, footer_text: str) -> str:
    """How tight the type must be for the texts to fit the page above the
    signature and the code (a name may have 150 characters, a title 255): one
    of three steps, chosen by length, since a PDF has no second layout pass."""
    room = len(holder_name) / 32 + len(course_title) / 70 + (1 if footer_text else 0)
    if len(holder_name) > 64 or len(course_title) > 140 or room > 3.2:
        return "is-longer"
    if len(holder_name) > 32 or len(course_title) > 70 or footer_text:
        return "is-long"
    return ""


def certificate_html(context: dict, language: str) -> str:
    certificate, template = context["certificate"], context["template"]
    context = {
        **context,
        "layout": layout_class(
            holder_name=certificate.holder_name,
            course_title=certificate.course_title,
            footer_text=template.footer_text,
        ),
    }
    with translation.override(language):
        return render_to_string("certificates/certificate.html", context)


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url or str(settings.BASE_DIR)).write_pdf(
        stylesheets=[_stylesheet()],
        font_config=_font_config(),
        pdf_variant="pdf/a-3u",
        pdf_tags=True,
    )


# The renderers named so far, imported once each (keyed by the dotted path, so a
# test that overrides the setting gets its own).
_renderer_named = lru_cache(maxsize=None)(import_string)


def pdf_renderer() -> Callable[[str], bytes]:
    """The function that turns a certificate's HTML document into PDF bytes:
    the one `settings.CERTIFICATE_RENDERER` names by its dotted path."""
    return _renderer_named(settings.CERTIFICATE_RENDERER)
