"""Factories for events: listings, event pages, course runs, sessions and
registrations. `build_event` makes a published event with its sessions in one
call (the usual start of a test)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from .models import (
    CourseRun,
    EventIndexPage,
    EventPage,
    EventType,
    Registration,
    RunParticipant,
    Session,
    SessionKind,
)


def in_days(days: float, hour: int = 10) -> datetime.datetime:
    """A moment `days` from today at `hour` o'clock, Ljubljana time."""
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = factory.Sequence(lambda n: f"events-{n}")

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    summary = "Designers meet the furniture industry."
    event_type = EventType.WORKSHOP

    class Meta:
        model = EventPage


class CourseRunFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Run {n}")
    starts_on = factory.LazyFunction(lambda: in_days(7).date())
    ends_on = factory.LazyFunction(lambda: in_days(60).date())

    class Meta:
        model = CourseRun


class SessionFactory(factory.django.DjangoModelFactory):
    """A two-hour in-person session in Ljubljana a week from now (give `event`
    or `run`)."""

    starts_at = factory.LazyFunction(lambda: in_days(7))
    ends_at = factory.LazyAttribute(
        lambda session: session.starts_at + datetime.timedelta(hours=2)
    )
    kind = SessionKind.IN_PERSON
    venue_name = "Cukrarna"
    address = "Poljanski nasip 40"
    city = "ljubljana"

    class Meta:
        model = Session


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A registration written directly (no service): for reads and exports."""

    status = Registration.Status.REGISTERED
    language = "en"
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration


class RunParticipantFactory(factory.django.DjangoModelFactory):
    """A learner's place in a run, written directly (events.runs.run_join is
    the service): give `run` and `enrolment` (an enrolment in the run's
    course)."""

    class Meta:
        model = RunParticipant


def build_event(
    *,
    parent: EventIndexPage,
    sessions: int = 1,
    capacity: int | None = None,
    starts_in_days: float = 7,
    **event_fields,
) -> tuple[EventPage, list[Session]]:
    """A published event under `parent` with `sessions` sessions a day apart,
    each with `capacity`. Returns (event, sessions)."""
    event = EventPageFactory(parent=parent, **event_fields)
    made = [
        SessionFactory(
            event=event,
            capacity=capacity,
            starts_at=in_days(starts_in_days + number),
        )
        for number in range(sessions)
    ]
    return event, made
