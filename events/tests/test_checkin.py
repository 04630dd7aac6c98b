"""The check-in codes (events.checkin): pure functions of the session, the
moment and the server's secret. No database: the clock is an argument."""

import datetime
import uuid

from events import checkin

UID = uuid.UUID("5b1f3f0e-5a1c-4c56-9d57-0c6b2b0f7a11")
OTHER = uuid.UUID("00000000-0000-4000-8000-000000000000")
T0 = datetime.datetime(2027, 3, 4, 10, 0, 0, tzinfo=datetime.UTC)  # a step's start


def later(seconds: float) -> datetime.datetime:
    return T0 + datetime.timedelta(seconds=seconds)


def test_the_qr_code_changes_every_30_seconds_and_differs_per_session():
    code = checkin.qr_code(UID, T0)
    assert len(code) == checkin.QR_CODE_LENGTH and code.isalnum()
    assert checkin.qr_code(UID, later(29)) == code
    assert checkin.qr_code(UID, later(30)) != code
    assert checkin.qr_code(OTHER, T0) != code
    assert checkin.qr_code_seconds_left(later(0)) == 30
    assert checkin.qr_code_seconds_left(later(25)) == 5


def test_a_code_is_accepted_in_its_step_and_the_next_only():
    code = checkin.qr_code(UID, T0)
    assert checkin.qr_code_is_valid(UID, code, T0)
    assert checkin.qr_code_is_valid(UID, code, later(59))  # the previous step
    assert not checkin.qr_code_is_valid(UID, code, later(60))  # photographed, sent
    assert not checkin.qr_code_is_valid(UID, code, later(-1))  # not a future one
    assert not checkin.qr_code_is_valid(OTHER, code, T0)  # another session's


def test_forged_and_malformed_codes_are_refused():
    code = checkin.qr_code(UID, T0)
    flipped = ("b" if code[0] != "b" else "c") + code[1:]
    for wrong in (
        flipped,
        code.upper(),
        code[:-1],
        code + "a",
        "",
        " " + code[1:],
        "ž" * 16,
        None,
        12345,
        "a" * 10_000,
        code[:8] + "\x00" + code[9:],
    ):
        assert not checkin.qr_code_is_valid(UID, wrong, T0), repr(wrong)


def test_the_spoken_code_has_six_digits_for_ten_minutes():
    code = checkin.spoken_code(UID, T0)
    assert len(code) == 6 and code.isdigit()
    assert checkin.spoken_code(UID, later(599)) == code
    assert checkin.spoken_code(UID, later(600)) != code
    assert checkin.spoken_code_is_valid(UID, code, later(1199))
    assert checkin.spoken_code_is_valid(UID, f" {code[:3]} {code[3:]} ", T0)
    assert checkin.spoken_code_is_valid(UID, f"{code[:3]}-{code[3:]}", T0)
    assert not checkin.spoken_code_is_valid(UID, code, later(1200))
    assert not checkin.spoken_code_is_valid(OTHER, code, T0)
    for wrong in ("", "12345", "1234567", "١٢٣٤٥٦", None, "x" * 100, "12\x0034"):
        assert not checkin.spoken_code_is_valid(UID, wrong, T0), repr(wrong)


def test_the_window_opens_30_minutes_before_the_start_and_closes_at_the_end():
    starts, ends = T0, T0 + datetime.timedelta(hours=2)
    assert not checkin.is_in_window(starts, ends, later(-30 * 60 - 1))
    assert checkin.is_in_window(starts, ends, later(-30 * 60))
    assert checkin.is_in_window(starts, ends, ends)
    assert not checkin.is_in_window(starts, ends, ends + datetime.timedelta(seconds=1))


def test_the_qr_image_is_an_inline_svg_that_scales():
    svg = checkin.qr_svg("https://academy.test/en/x/", label='Check in "now"')
    assert svg.startswith('<svg class="checkin__qr-image" role="img"')
    assert 'aria-label="Check in &quot;now&quot;"' in svg
    assert "<?xml" not in svg and 'width="' not in svg.split(">")[0]
