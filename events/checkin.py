"""The codes that check a participant in: pure functions of the session's `uid`,
the moment and a server secret (Django's SECRET_KEY through salted_hmac), so
that any web process computes the same code and nothing is stored.

- The QR code on the trainer's screen changes every `QR_STEP_SECONDS` (30 s).
  A code is accepted during its step and the next one only, so a photo of the
  screen sent to someone at home is refused a minute later. It travels in a
  plain URL (`events:check_in`): the participant's phone camera opens it.
- The code the trainer says in an online session is six digits that change
  every `SPOKEN_STEP_SECONDS` (10 min), accepted for that step and the next:
  long enough to type after hearing it, too short to be passed around for the
  rest of the day.

A participant can check in only during the session's window
(`check_in_window`): from `OPENS_BEFORE` (30 min) before the start to the end.
"""

import datetime
import hmac
import io
import re

from django.utils.crypto import salted_hmac

QR_STEP_SECONDS = 30
SPOKEN_STEP_SECONDS = 600
OPENS_BEFORE = datetime.timedelta(minutes=30)
QR_CODE_LENGTH = 16
SPOKEN_CODE_DIGITS = 6

_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # no 0/o, 1/l: read aloud or typed
_QR_CODE = re.compile(rf"^[{_ALPHABET}]{{{QR_CODE_LENGTH}}}$")


def _step(at: datetime.datetime, seconds: int) -> int:
    return int(at.timestamp()) // seconds


def _digest(purpose: str, session_uid, step: int) -> bytes:
    return salted_hmac(
        f"events.checkin.{purpose}", f"{session_uid}:{step}", algorithm="sha256"
    ).digest()


def _qr_code_at_step(session_uid, step: int) -> str:
    digest = _digest("qr", session_uid, step)
    return "".join(_ALPHABET[byte % len(_ALPHABET)] for byte in digest[:QR_CODE_LENGTH])


def _spoken_code_at_step(session_uid, step: int) -> str:
    number = int.from_bytes(_digest("spoken", session_uid, step)[:8], "big")
    return f"{number % 10**SPOKEN_CODE_DIGITS:0{SPOKEN_CODE_DIGITS}d}"


def qr_code(session_uid, at: datetime.datetime) -> str:
    """The code the check-in screen shows at `at`."""
    return _qr_code_at_step(session_uid, _step(at, QR_STEP_SECONDS))


def qr_code_seconds_left(at: datetime.datetime) -> int:
    """Seconds until the screen's code changes."""
    return QR_STEP_SECONDS - int(at.timestamp()) % QR_STEP_SECONDS


def qr_code_is_valid(session_uid, code, at: datetime.datetime) -> bool:
    """The code of the current step or the one before (never a later one)."""
    if not isinstance(code, str) or not _QR_CODE.match(code):
        return False
    step = _step(at, QR_STEP_SECONDS)
    return any(
        hmac.compare_digest(code, _qr_code_at_step(session_uid, candidate))
        for candidate in (step, step - 1)
    )


def spoken_code(session_uid, at: datetime.datetime) -> str:
    """The six digits the trainer says in an online session at `at`."""
    return _spoken_code_at_step(session_uid, _step(at, SPOKEN_STEP_SECONDS))


def normalise_spoken_code(code) -> str:
    """What the participant typed without spaces and dashes ("123 456")."""
    if not isinstance(code, str) or len(code) > 40:
        return ""
    return re.sub(r"[\s\-]", "", code)


def spoken_code_is_valid(session_uid, code, at: datetime.datetime) -> bool:
    code = normalise_spoken_code(code)
    if len(code) != SPOKEN_CODE_DIGITS or not code.isascii() or not code.isdigit():
        return False
    step = _step(at, SPOKEN_STEP_SECONDS)
    return any(
        hmac.compare_digest(code, _spoken_code_at_step(session_uid, candidate))
        for candidate in (step, step - 1)
    )


def check_in_window(
    starts_at: datetime.datetime, ends_at: datetime.datetime
) -> tuple[datetime.datetime, datetime.datetime]:
    """From when until when participants may check themselves in."""
    return starts_at - OPENS_BEFORE, ends_at


def is_in_window(
    starts_at: datetime.datetime, ends_at: datetime.datetime, at: datetime.datetime
) -> bool:
    opens, closes = check_in_window(starts_at, ends_at)
    return opens <= at <= closes


def qr_svg(url: str, *, label: str) -> str:
    """The URL as an inline SVG QR code named `label` for screen readers (it
    scales to its box: no width or height)."""
    import qrcode
    import qrcode.image.svg

    code = qrcode.QRCode(
        border=2,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        image_factory=qrcode.image.svg.SvgPathImage,
    )
    code.add_data(url)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer)
    svg = buffer.getvalue().decode()
    svg = svg[svg.index("<svg") :]  # no XML declaration inside HTML
    svg = re.sub(r'\s(width|height)="[^"]*"', "", svg, count=2)
    label = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return svg.replace(
        "<svg", f'<svg class="checkin__qr-image" role="img" aria-label="{label}"', 1
    )
