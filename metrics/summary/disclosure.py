"""How a figure may be shown: every count of people passes through `suppress`
before it is shown or exported, so 1 to 4 people become "<5" and nobody can be
singled out."""

from lms.spreadsheets import Number, Percentage

SMALLEST_GROUP = 5
SUPPRESSED = "<5"
NO_DATA = "–"  # a share or mean of nothing


def suppress(count: int) -> int | str:
    """A count of people as it may be shown: 0, or 5 and more, or "<5"."""
    return SUPPRESSED if 0 < count < SMALLEST_GROUP else count


def rate(part: int, whole: int) -> Percentage | str:
    """A share (shown "45 %", exported as a number), unless either side
    describes fewer than five people."""
    if not whole or 0 < part < SMALLEST_GROUP or whole < SMALLEST_GROUP:
        return NO_DATA if not whole else SUPPRESSED
    return Percentage(part / whole)


def decimal(value: float, places: int, *, sign: bool = False) -> Number:
    """A decimal shown as the language writes it (24.8 / 24,8; "+" before a
    positive change when `sign`), exported as a number."""
    return Number(value, places, signed=sign)
