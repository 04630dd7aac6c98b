"""The badge image: a round medal with the course title, the issuer's name
around its rim, a small skyline of creative cities as its emblem and a ribbon
with a label, drawn with Pillow (no external service) in the certificate's
colours and fonts (DejaVu, from Debian's fonts-dejavu-core, as the PDF uses).

Drawn at twice the size and scaled down, since Pillow draws shapes without
antialiasing.
"""

import io
import math
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SANS_BOLD = "DejaVuSans-Bold.ttf"
SERIF_BOLD = "DejaVuSerif-Bold.ttf"

# The certificate's palette (certificate.css) and a warm gold for the rim.
TEAL_DARK = (7, 58, 68)
TEAL = (11, 85, 99)
TEAL_LIGHT = (22, 112, 128)
GOLD = (214, 164, 72)
GOLD_DARK = (166, 121, 42)
CREAM = (246, 241, 230)
WHITE = (255, 255, 255)

SIZE = 600
SCALE = 2  # drawn at this multiple, then scaled down


@cache
def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(str(FONT_DIR / name), size)
    except OSError:
        # Without the system fonts the badge still renders, plainer.
        return ImageFont.load_default(size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    """The words of `text` in lines no wider than `width` (a word too long for
    a line alone stays whole; the caller then tries a smaller font)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _fit_title(draw, title: str, width: int, height: int):
    """The largest serif size (and its lines) at which the title fits the box;
    at the smallest size, the lines that fit, the last one cut with an ellipsis."""
    for size in range(52 * SCALE, 17 * SCALE, -2 * SCALE):
        font = _font(SERIF_BOLD, size)
        lines = _wrap(draw, title, font, width)
        line_height = int(size * 1.18)
        fits_width = all(draw.textlength(line, font=font) <= width for line in lines)
        if fits_width and len(lines) * line_height <= height:
            return font, lines, line_height
    line_height = int(size * 1.18)
    keep = max(1, height // line_height)
    lines = lines[:keep]
    while lines and draw.textlength(lines[-1] + "…", font=font) > width:
        lines[-1] = lines[-1][:-1]
    lines[-1] = lines[-1].rstrip() + "…"
    return font, lines, line_height


def _arc_text(image: Image.Image, text: str, font, centre, radius: float, colour):
    """`text` along the top of a circle, centred on twelve o'clock, each letter
    upright to the circle."""
    draw = ImageDraw.Draw(image)
    spacing = 0.12 * font.size
    widths = [draw.textlength(character, font=font) + spacing for character in text]
    total_angle = sum(widths) / radius
    angle = -math.pi / 2 - total_angle / 2
    for character, width in zip(text, widths, strict=True):
        middle = angle + (width / 2) / radius
        glyph_size = int(font.size * 1.6)
        glyph = Image.new("RGBA", (glyph_size, glyph_size), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text(
            (glyph_size / 2, glyph_size / 2),
            character,
            font=font,
            fill=colour,
            anchor="mm",
        )
        glyph = glyph.rotate(
            -math.degrees(middle + math.pi / 2), resample=Image.BICUBIC
        )
        x = centre[0] + radius * math.cos(middle) - glyph_size / 2
        y = centre[1] + radius * math.sin(middle) - glyph_size / 2
        image.alpha_composite(glyph, (round(x), round(y)))
        angle += width / radius


def _skyline(draw: ImageDraw.ImageDraw, centre_x: int, base_y: int, unit: int):
    """The emblem: a rising sun behind a row of buildings of a creative city
    (a gallery's pitched roof, a tower, a studio with a sawtooth roof)."""
    sun_x, sun_y, sun_r = centre_x + 0.8 * unit, base_y - 8.2 * unit, 4.6 * unit
    for ray in range(12):
        angle = math.pi + ray * math.pi / 11
        inner, outer = sun_r + 0.7 * unit, sun_r + 1.8 * unit
        draw.line(
            (
                sun_x + inner * math.cos(angle),
                sun_y + inner * math.sin(angle),
                sun_x + outer * math.cos(angle),
                sun_y + outer * math.sin(angle),
            ),
            fill=GOLD,
            width=max(1, unit // 3),
        )
    draw.ellipse(
        (sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r), fill=GOLD
    )
    buildings = [  # (left offset, width, height) in units
        (-9.5, 3, 4.5),
        (-6.5, 3.2, 7),
        (-3.3, 2.6, 10.5),
        (-0.7, 3.4, 6),
        (2.7, 3, 8.5),
        (5.7, 3.8, 5),
    ]
    for left, width, height in buildings:
        x0 = centre_x + left * unit
        x1 = x0 + width * unit
        y0 = base_y - height * unit
        draw.rectangle((x0, y0, x1, base_y), fill=CREAM)
        for row in range(int(height) - 1):
            for column in range(int(width // 1.2)):
                wx = x0 + (0.45 + column * 1.2) * unit
                wy = y0 + (0.8 + row * 1.3) * unit
                if wy + 0.6 * unit < base_y - 0.6 * unit and (row + column) % 3:
                    draw.rectangle(
                        (wx, wy, wx + 0.5 * unit, wy + 0.6 * unit), fill=TEAL
                    )
    # A pitched gallery roof on the fourth building and an antenna on the tower.
    x0 = centre_x - 0.7 * unit
    draw.polygon(
        [
            (x0, base_y - 6 * unit),
            (x0 + 1.7 * unit, base_y - 8 * unit),
            (x0 + 3.4 * unit, base_y - 6 * unit),
        ],
        fill=CREAM,
    )
    tower = centre_x - 2.0 * unit
    draw.rectangle(
        (
            tower - 0.12 * unit,
            base_y - 12.5 * unit,
            tower + 0.12 * unit,
            base_y - 10.5 * unit,
        ),
        fill=CREAM,
    )
    # Sawtooth studio roof on the last building.
    x0 = centre_x + 5.7 * unit
    teeth = [(x0, base_y - 5 * unit)]
    for tooth in range(3):
        teeth += [
            (x0 + (tooth * 1.27 + 1.27) * unit, base_y - 6.2 * unit),
            (x0 + (tooth * 1.27 + 1.27) * unit, base_y - 5 * unit),
        ]
    draw.polygon(teeth, fill=CREAM)
    draw.rectangle(
        (centre_x - 10.5 * unit, base_y, centre_x + 10.5 * unit, base_y + 0.5 * unit),
        fill=GOLD,
    )


def _star(draw: ImageDraw.ImageDraw, x: float, y: float, radius: float) -> None:
    points = []
    for corner in range(10):
        reach = radius if corner % 2 == 0 else radius * 0.4
        angle = math.pi / 2 + corner * math.pi / 5
        points.append((x + reach * math.cos(angle), y - reach * math.sin(angle)))
    draw.polygon(points, fill=GOLD)


def _ribbon(image: Image.Image, label: str, centre_x: int, top: int, unit: int):
    draw = ImageDraw.Draw(image)
    half = 15 * unit
    height = 5 * unit
    tail = 3.2 * unit
    # The folded tails behind the band, then the band.
    for side in (-1, 1):
        outer = centre_x + side * (half + tail * 1.4)
        inner = centre_x + side * (half - tail * 0.3)
        draw.polygon(
            [
                (inner, top + 1.2 * unit),
                (outer, top + 1.2 * unit),
                (outer - side * tail * 0.7, top + 1.2 * unit + height / 2),
                (outer, top + 1.2 * unit + height),
                (inner, top + 1.2 * unit + height),
            ],
            fill=GOLD_DARK,
        )
    draw.rectangle((centre_x - half, top, centre_x + half, top + height), fill=GOLD)
    if label:
        size = int(2.1 * unit)
        font = _font(SANS_BOLD, size)
        while draw.textlength(label, font=font) > 2 * half - 2 * unit and size > unit:
            size -= 2
            font = _font(SANS_BOLD, size)
        draw.text(
            (centre_x, top + height / 2), label, font=font, fill=TEAL_DARK, anchor="mm"
        )


def render_badge(
    *, title: str, issuer: str, label: str = "", size: int = SIZE
) -> bytes:
    """The badge as PNG bytes, `size` pixels square, transparent around the
    medal. `title` is the course's name (wrapped and shrunk to fit), `issuer`
    the organisation (around the rim, in capitals), `label` the ribbon's word
    (e.g. "Certificate of completion", in the course's language; none if empty).
    """
    full = size * SCALE
    unit = full // 60
    centre = (full // 2, full // 2)
    image = Image.new("RGBA", (full, full), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def disc(radius: float, fill) -> None:
        draw.ellipse(
            (
                centre[0] - radius,
                centre[1] - radius,
                centre[0] + radius,
                centre[1] + radius,
            ),
            fill=fill,
        )

    disc(29.5 * unit, GOLD_DARK)
    disc(28.8 * unit, GOLD)
    disc(27.2 * unit, TEAL_DARK)
    # A soft light from the top left: discs of a lighter teal, shifted and shrinking.
    steps = 24
    for step in range(steps):
        share = step / steps
        colour = tuple(
            round(TEAL[channel] + (TEAL_LIGHT[channel] - TEAL[channel]) * share)
            for channel in range(3)
        )
        radius = 24.6 * unit * (1 - share * 0.55)
        offset = share * 6 * unit
        draw.ellipse(
            (
                centre[0] - radius - offset,
                centre[1] - radius - offset,
                centre[0] + radius - offset,
                centre[1] + radius - offset,
            ),
            fill=colour,
        )
    # Mask the light back into the inner disc, then the fine inner rings.
    inner = Image.new("L", (full, full), 0)
    ImageDraw.Draw(inner).ellipse(
        (
            centre[0] - 24.6 * unit,
            centre[1] - 24.6 * unit,
            centre[0] + 24.6 * unit,
            centre[1] + 24.6 * unit,
        ),
        fill=255,
    )
    ring = Image.new("RGBA", (full, full), (0, 0, 0, 0))
    ImageDraw.Draw(ring).ellipse(
        (
            centre[0] - 27.2 * unit,
            centre[1] - 27.2 * unit,
            centre[0] + 27.2 * unit,
            centre[1] + 27.2 * unit,
        ),
        fill=TEAL_DARK + (255,),
    )
    ring.paste((0, 0, 0, 0), mask=inner)
    image.alpha_composite(ring)
    for radius, width in ((24.6 * unit, unit // 3), (26.4 * unit, unit // 6)):
        draw.ellipse(
            (
                centre[0] - radius,
                centre[1] - radius,
                centre[0] + radius,
                centre[1] + radius,
            ),
            outline=GOLD,
            width=max(1, width),
        )

    issuer_font = _font(SANS_BOLD, int(2.0 * unit))
    issuer_text = " ".join(issuer.upper().split())
    while (
        ImageDraw.Draw(image).textlength(issuer_text, font=issuer_font)
        > math.pi * 25.9 * unit * 0.9
        and issuer_font.size > unit
    ):
        issuer_font = _font(SANS_BOLD, issuer_font.size - 2)
    _arc_text(image, issuer_text, issuer_font, centre, 25.2 * unit, CREAM)
    # Two small stars where the rim's text would end at its widest.
    for side in (-1, 1):
        x = centre[0] + side * 25.8 * unit * math.cos(math.radians(20))
        y = centre[1] + 25.8 * unit * math.sin(math.radians(20))
        _star(draw, x, y, 0.8 * unit)
    # And three under the ribbon, the middle one larger.
    for offset, radius in ((-3.2, 0.9), (0, 1.3), (3.2, 0.9)):
        _star(draw, centre[0] + offset * unit, 51.2 * unit, radius * unit)

    _skyline(draw, centre[0], int(21 * unit), unit)

    title_width = int(36 * unit)
    title_box = int(16 * unit)
    font, lines, line_height = _fit_title(
        draw, " ".join(title.split()), title_width, title_box
    )
    top = int(24 * unit) + (title_box - len(lines) * line_height) // 2
    for number, line in enumerate(lines):
        draw.text(
            (centre[0], top + number * line_height + line_height // 2),
            line,
            font=font,
            fill=WHITE,
            anchor="mm",
        )

    _ribbon(image, label, centre[0], int(41.5 * unit), unit)

    badge = image.resize((size, size), Image.LANCZOS)
    buffer = io.BytesIO()
    badge.save(buffer, format="PNG")
    return buffer.getvalue()
