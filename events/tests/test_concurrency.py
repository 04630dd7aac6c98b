"""Simultaneous registrations never exceed a session's places, and the
waitlist keeps one place per person in line (each thread has its own database
connection, as concurrent web requests do). The 300-participant benchmark is in
tests/benchmarks."""

import threading

import pytest
from django.db import connection

from accounts.factories import UserFactory
from events import services
from events.factories import EventIndexPageFactory, build_event
from events.models import Registration
from events.selectors import waitlist_position
from home.models import HomePage

pytestmark = pytest.mark.django_db(transaction=True)

CAPACITY = 3
CONTENDERS = 10


def test_simultaneous_registrations_fill_the_places_then_the_waitlist(demo_site):
    index = EventIndexPageFactory(
        parent=HomePage.objects.get(locale__language_code="en")
    )
    _event, (session,) = build_event(parent=index, capacity=CAPACITY)
    people = [UserFactory() for _ in range(CONTENDERS)]
    start = threading.Barrier(CONTENDERS)
    errors: list[Exception] = []

    def register(user) -> None:
        try:
            start.wait()
            services.registration_create(session=session, user=user)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(user,)) for user in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors
    registrations = Registration.objects.filter(session=session)
    assert registrations.filter(status="registered").count() == CAPACITY
    waiting = list(registrations.filter(status="waitlisted").order_by("pk"))
    assert len(waiting) == CONTENDERS - CAPACITY
    assert sorted(waitlist_position(r) for r in waiting) == list(
        range(1, CONTENDERS - CAPACITY + 1)
    )
