"""What other apps add to enrolling and to the course page, through Wagtail hooks,
so that courses need not know them (events adds the choice of a course run and
the run's sessions; courses imports nothing of events). Register in the app's
`wagtail_hooks.py`:

- `course_enrolment_choice`: called as `hook(course=, user=, now=)` when the
  course page offers enrolment and when `enrolment_create` runs; returns an
  `EnrolmentChoice` (the learner must pick one of its options to enrol) or
  None (nothing to choose for this course). The first hook that returns a
  choice gives it. Its `join(enrolment=, value=, now=)` is called inside the
  enrolment's transaction, after the enrolment is saved: it re-checks the
  option under its own lock and raises `ValidationError` to refuse (the
  enrolment is then not saved either).
- `course_page_sections`: called as `hook(course=, user=, enrolment=)` for
  every course page view; returns a list of `CoursePageSection` (a template and
  its context) shown below the enrolment box, in the hooks' order. Cost: a
  course with nothing to show should cost no query (cache what says so).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from wagtail import hooks

COURSE_ENROLMENT_CHOICE = "course_enrolment_choice"
COURSE_PAGE_SECTIONS = "course_page_sections"


@dataclass(frozen=True)
class EnrolmentOption:
    """One thing the learner can choose: `value` goes back in the enrol form;
    `label` and `description` are what they read; `disabled` with its reason
    (`description` says it) when it cannot be chosen now (full)."""

    value: str
    label: str
    description: str = ""
    disabled: bool = False


@dataclass(frozen=True)
class EnrolmentChoice:
    """What the learner chooses when enrolling (the enrol form's `option`
    field). `legend`: the question; `options`: what can be chosen;
    `unavailable`: when no option can be chosen, why enrolment is not possible
    now (shown instead of the enrol button, and the service refuses with it);
    `help_text`: what to do, said again next to the options when none was
    chosen; `join`: records the choice (see the module's docstring)."""

    legend: str
    options: tuple[EnrolmentOption, ...]
    join: Callable[..., None]
    unavailable: str = ""
    help_text: str = ""

    @property
    def available(self) -> tuple[EnrolmentOption, ...]:
        return tuple(option for option in self.options if not option.disabled)

    @property
    def initial(self) -> str:
        """The option ticked on the form: the only one there is."""
        available = self.available
        return available[0].value if len(available) == 1 else ""


@dataclass(frozen=True)
class CoursePageSection:
    template: str
    context: dict = field(default_factory=dict)


def enrolment_choice(*, course, user, now: datetime | None = None):
    """The choice the learner makes to enrol in `course`, or None."""
    for hook in hooks.get_hooks(COURSE_ENROLMENT_CHOICE):
        choice = hook(course=course, user=user, now=now)
        if choice is not None:
            return choice
    return None


def course_page_sections(*, course, user, enrolment) -> list[CoursePageSection]:
    sections: list[CoursePageSection] = []
    for hook in hooks.get_hooks(COURSE_PAGE_SECTIONS):
        sections.extend(hook(course=course, user=user, enrolment=enrolment) or ())
    return sections
