"""Completion rules: what a course asks of a learner besides its required lessons
and quizzes (attending sessions of a run, say) before it is complete. Other apps
give them through a Wagtail hook, so that courses need not know them (events
registers attendance; courses imports nothing of events). Register in the app's
`wagtail_hooks.py`; `order=` sets their place among the requirements shown:

    @hooks.register(COURSE_COMPLETION_RULES, order=10)
    def attendance(enrolments): ...

- `course_completion_rules`: called as `hook(enrolments=[...])`, once for every
  enrolment a page shows or the services check (active ones, completed or not,
  with `course` and `user_id` at hand; the dashboard passes all the learner's
  courses in progress at once, so query once for all of them); returns
  `{enrolment id: [CompletionRequirement, ...]}` for the enrolments it has
  something for (leave the others out; an empty dict when none).

An enrolment completes when every required lesson is done and every requirement
is met: the lesson services check it when a lesson is done, and an app whose
requirement becomes met another way (attendance recorded) calls
`courses.services.enrolment_completion_check`. A completed enrolment stays
completed whatever the rules say later.

The progress bar stays the lessons' (`Enrolment.progress_percent`, stored, read
by the dashboard and the reports in one query); requirements are listed beside it
in words. A session of three hours and a lesson of ten minutes are not two equal
steps, so a percentage over both would say nothing true.

The hours of a requirement (attended so far, online and in person) are what the
certificate adds to the hours of the lessons; a course without rules prints only
its lessons' hours, as before.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from wagtail import hooks

from .models import Enrolment

COURSE_COMPLETION_RULES = "course_completion_rules"

NO_HOURS = Decimal(0)


@dataclass(frozen=True)
class CompletionRequirement:
    """One thing a rule asks of a learner, and how far they are with it.

    `key`: stable and unique among the requirements of an enrolment (e.g.
    "events.attendance"); pages and tests find the requirement by it. `label`:
    the sentence the learner reads, in the active language, numbers included
    ("Attended 1 of 3 sessions"), since only the rule knows how to say them.
    `done` of `required`: met when done reaches required. `url`: where the
    learner can act on it (the run's sessions), or "". `online_hours`,
    `in_person_hours`: hours spent in the requirement's activities so far, by
    mode (live online sessions; sessions in a room), which the certificate adds
    to the course's hours of learning."""

    key: str
    label: str
    done: int
    required: int
    url: str = ""
    online_hours: Decimal = field(default=NO_HOURS)
    in_person_hours: Decimal = field(default=NO_HOURS)

    def __post_init__(self):
        if not self.key or not self.label:
            raise ValueError("A completion requirement needs a key and a label.")
        if self.done < 0 or self.required < 0:
            raise ValueError("A completion requirement counts from zero.")
        for name in ("online_hours", "in_person_hours"):
            # Rules may count in floats; the certificate adds Decimals.
            hours = Decimal(str(getattr(self, name)))
            if hours < 0:
                raise ValueError("Hours are not negative.")
            object.__setattr__(self, name, hours)

    @property
    def met(self) -> bool:
        return self.done >= self.required


def completion_requirements(
    *, enrolments: Iterable[Enrolment]
) -> dict[int, tuple[CompletionRequirement, ...]]:
    """What the `course_completion_rules` hooks ask of each enrolment, by
    enrolment id (every id given, an empty tuple when nothing), in the hooks'
    order. No query of its own: with no rule registered, none at all."""
    enrolments = list(enrolments)
    requirements: dict[int, list[CompletionRequirement]] = {
        enrolment.pk: [] for enrolment in enrolments
    }
    rules = hooks.get_hooks(COURSE_COMPLETION_RULES) if enrolments else []
    for rule in rules:
        for enrolment_id, given in (rule(enrolments=enrolments) or {}).items():
            if enrolment_id in requirements:
                requirements[enrolment_id].extend(given)
    return {pk: tuple(given) for pk, given in requirements.items()}


def enrolment_requirements(
    *, enrolment: Enrolment | None
) -> tuple[CompletionRequirement, ...]:
    """The requirements of one enrolment (none without an enrolment)."""
    if enrolment is None:
        return ()
    return completion_requirements(enrolments=[enrolment])[enrolment.pk]


def requirements_met(requirements: Iterable[CompletionRequirement]) -> bool:
    return all(requirement.met for requirement in requirements)
