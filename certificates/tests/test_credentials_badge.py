"""The badge image."""

import io

from PIL import Image

from certificates.credentials.badge import render_badge


def test_a_badge_is_a_square_png_with_a_transparent_surround():
    png = render_badge(
        title="Business models for creative practice",
        issuer="Regional Centre of Creative Economy",
        label="Certificate of completion",
    )
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (600, 600)
    assert image.mode == "RGBA"
    assert image.getpixel((2, 2))[3] == 0  # the corner, outside the medal
    assert image.getpixel((300, 300))[3] == 255


def test_a_long_title_and_name_still_render():
    png = render_badge(
        title=" ".join(["Poslovni modeli za ustvarjalno prakso"] * 6),
        issuer="Regionalni center kreativne ekonomije " * 3,
        size=300,
    )
    assert Image.open(io.BytesIO(png)).size == (300, 300)
