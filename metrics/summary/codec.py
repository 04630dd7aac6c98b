"""How the summary lays out its sets, numbers and keys in `LearnerSet` rows: the one
place that reads and writes `members`, `pairs` and `key` (docs/metrics.md draws it).

- `members`: the learners' user ids as a Roaring bitmap (pyroaring's portable
  serialisation), with their number in `size`.
- `pairs`, by kind:
  - `completed` (level 1): user ids (int64) then the seconds from enrolment to
    completion (float64), in the order of the durations;
  - `organisation`: user ids (int64) then each one's organisation (float64, numbered
    from 1, never named);
  - `durations`, `durations_place`: durations alone (float64), sorted;
  - `gain`: records of `GAIN_WIDTH` int64 numbers: the user id, then the change of
    each competence (`COMPETENCE_CODES` order) in units of 1/`GAIN_SCALE`, or
    `MISSING`;
  - `gain_total`, `gain_place`: totals of those changes per competence (int64),
    then how many changes each total adds up.
  An event whose learner erased their account is stored with the user id
  `NO_PERSON`.
- `key`: a profile set's value (`NOT_GIVEN` when the profile says nothing), a
  lesson's id, a quiz's "lesson/quiz", a place's "sector|city"; `NO_KEY` otherwise.
"""

from array import array
from collections.abc import Iterable, Iterator

from pyroaring import BitMap

from assessments.entrecomp import COMPETENCE_NAMES

from ..models import LearnerSet

USER_IDS = "q"  # array type codes: int64
NUMBERS = "d"  # float64
# User ids start at 1, so 0 can stand for "an erased account" in pairs.
NO_PERSON = 0
# Learning gain: each competence's change between the before and after
# self-assessments, in units of 1/27720 (the least common multiple of 1..12): the
# difference of two means of up to twelve answers is a whole number of them, so
# sums stay exact. MISSING marks a competence without enough answers.
GAIN_SCALE = 27720
MISSING = -(2**63)
COMPETENCE_CODES = list(COMPETENCE_NAMES)
GAIN_WIDTH = len(COMPETENCE_CODES) + 1
NO_KEY = ""
NOT_GIVEN = ""
KEY_LENGTH = LearnerSet._meta.get_field("key").max_length
QUIZ_SEPARATOR = "/"
PLACE_SEPARATOR = "|"


def members_encode(members: Iterable[int]) -> tuple[bytes, int]:
    """The serialised bitmap of `members` and how many they are."""
    bitmap = BitMap(members)
    bitmap.run_optimize()
    return bitmap.serialize(), len(bitmap)


def members_decode(data: bytes | memoryview) -> BitMap:
    return BitMap.deserialize(bytes(data))


def learner_set(members: Iterable[int], **fields) -> LearnerSet:
    """A `LearnerSet` row of `members` (other fields as given)."""
    serialised, size = members_encode(members)
    return LearnerSet(members=serialised, size=size, **fields)


def pairs_encode(users: array, numbers: array) -> bytes:
    """(user id, number) pairs as the two arrays back to back."""
    return users.tobytes() + numbers.tobytes()


def pairs_decode(data: bytes) -> tuple[array, array]:
    """The (user ids, numbers) arrays of `pairs_encode`."""
    users, numbers = array(USER_IDS), array(NUMBERS)
    half = len(data) // 2
    users.frombytes(data[:half])
    numbers.frombytes(data[half:])
    return users, numbers


def durations_encode(seconds: array) -> bytes:
    return seconds.tobytes()


def durations_decode(data: bytes) -> array:
    return array(NUMBERS, data)


def gain_records_encode(records: array) -> bytes:
    return records.tobytes()


def gain_records_decode(data: bytes) -> array:
    records = array(USER_IDS)
    records.frombytes(data)
    return records


def gain_records(records: array) -> Iterator[tuple[int, array]]:
    """(user id, changes per competence) of each learning-gain record."""
    for start in range(0, len(records), GAIN_WIDTH):
        yield records[start], records[start + 1 : start + GAIN_WIDTH]


def gain_totals_encode(totals: list[int], counts: list[int]) -> bytes:
    return array(USER_IDS, totals + counts).tobytes()


def gain_totals_decode(data: bytes) -> tuple[array, array]:
    """(totals, counts) per competence."""
    values = array(USER_IDS)
    values.frombytes(data)
    return values[: GAIN_WIDTH - 1], values[GAIN_WIDTH - 1 :]


def lesson_key(lesson_id: int) -> str:
    return str(lesson_id)


def quiz_key(lesson_id: int, quiz_id: str) -> str:
    return f"{lesson_id}{QUIZ_SEPARATOR}{quiz_id}"


def quiz_key_lesson(key: str) -> str:
    """The lesson's key in a quiz's key."""
    return key.split(QUIZ_SEPARATOR)[0]


def cell_key(cell: tuple[str, str]) -> str:
    """The key of a place's sets ("design|ljubljana")."""
    return f"{cell[0]}{PLACE_SEPARATOR}{cell[1]}"
