"""The names the summary stores: the kinds of learner sets (`LearnerSet.kind`), the
kinds of counts by place (`CellCount.kind`) and the scopes of its refresh stamps
(`SummaryRefresh.scope`). docs/metrics.md describes each."""

from django.db import models


class SetKind(models.TextChoices):
    """What the learners of one learner set did (or, for profile sets, have)."""

    # Events of a month, per course and for all courses (`ALL_COURSES`).
    JOINED = "joined"  # signed up (learners only, not staff); all courses only
    ACTIVE = "active"  # asked to enrol, completed a lesson, submitted a quiz (or,
    # for all courses, a self-assessment)
    ENROLLED = "enrolled"  # enrolment began
    WITHDRAWN = "withdrawn"  # of the enrolments begun that month, now withdrawn
    FINISHED = "finished"  # of the enrolments begun that month, now completed
    COMPLETED = "completed"  # completed a course that month (pairs: durations)
    CERTIFIED = "certified"  # issued a certificate that month, not revoked
    ASSESSED = "assessed"  # submitted a self-assessment; all courses only
    # Rows of numbers without members, read when no filter on people needs the
    # members themselves.
    DURATIONS = "durations"  # a month's completion durations, sorted
    DURATIONS_PLACE = "durations_place"  # the same for one place (all courses)
    GAIN = "gain"  # learning-gain records (learner, change per competence)
    GAIN_TOTAL = "gain_total"  # their totals and counts per competence
    GAIN_PLACE = "gain_place"  # the same for one place (all courses)
    # Cohorts: what became of the enrolments begun in a month (per course).
    STARTED = "started"  # completed a lesson
    HALFWAY = "halfway"  # half the required lessons done, or completed
    COHORT_CERTIFIED = "cohort_certified"  # holds a certificate now
    LESSON = "lesson"  # completed the lesson of the key
    QUIZ_TAKEN = "quiz_taken"  # took the quiz of the key ("lesson/quiz")
    QUIZ_PASSED = "quiz_passed"  # passed it
    # Profiles (no month): the learners whose profile says the key now.
    SECTOR = "sector"
    CITY = "city"
    STAGE = "stage"
    GENDER = "gender"
    BORN = "born"  # year of birth
    ORGANISATION = "organisation"  # pairs: each member's organisation, numbered


# The course id of sets for all courses together.
ALL_COURSES = 0
# Level of a set: its members did the thing at least this many times that month.
# Levels above it exist for all courses only, to count events and not just people.
AT_LEAST_ONCE = 1

EVENT_KINDS = (
    SetKind.JOINED,
    SetKind.ACTIVE,
    SetKind.ENROLLED,
    SetKind.WITHDRAWN,
    SetKind.FINISHED,
    SetKind.COMPLETED,
    SetKind.CERTIFIED,
    SetKind.ASSESSED,
)
# Counted by place per course (`CellCount`).
CELL_KINDS = (SetKind.ENROLLED, SetKind.COMPLETED, SetKind.CERTIFIED)
COHORT_KINDS = (
    SetKind.STARTED,
    SetKind.HALFWAY,
    SetKind.COHORT_CERTIFIED,
    SetKind.LESSON,
    SetKind.QUIZ_TAKEN,
    SetKind.QUIZ_PASSED,
)
PLACE_KINDS = (SetKind.DURATIONS_PLACE, SetKind.GAIN_PLACE)
# The profile dimensions that make a learner's place.
PLACE_DIMENSIONS = (SetKind.SECTOR, SetKind.CITY)

# `SummaryRefresh.scope`: a month's sets are stamped with the month ("2026-03",
# `periods.month_scope`); these name the others.
PROFILES_SCOPE = "profiles"  # the profile sets
REBUILD_SCOPE = "rebuild"  # the start of the last nightly rebuild
REFRESH_SCOPE = "refresh"  # the start of the last periodic refresh
