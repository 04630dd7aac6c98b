"""Contention on one session's places (issue 16, item 11): 300 participants
register at once for 50 places, each in a thread with its own database
connection, as 300 simultaneous web requests would; then 20 of the registered
cancel at once. Run with `make bench PYTEST_ARGS="-k events"` against
PostgreSQL (its row lock is what is measured; SQLite's single writer is not).

Arrival order is the order the session's row lock was granted: each
registration is inserted under the lock, so its id (a sequence) follows that
order. Exactly the first 50 hold places, the other 250 are waitlisted at
positions 1..250 (`selectors.waitlist_position`) in the same order, and the 20
places freed go to the first 20 in line, each e-mailed once.

PostgreSQL serves a limited number of connections (`max_connections`, 100 by
default, shared with whatever else runs): the 300 threads start together but
at most BENCH_EVENTS_CONNECTIONS (default 40) hold a connection at a time; the
others wait for one, as requests wait for a pooled connection."""

import os
import statistics
import threading
import time

import pytest
from django.core import mail
from django.db import connection

from accounts.factories import UserFactory
from events import services
from events.factories import EventIndexPageFactory, build_event
from events.models import Registration, RegistrationNotice
from events.selectors import waitlist_position
from home.models import HomePage

from .conftest import record

PARTICIPANTS = int(os.environ.get("BENCH_EVENTS_PARTICIPANTS", "300"))
PLACES = int(os.environ.get("BENCH_EVENTS_PLACES", "50"))
CANCELLATIONS = int(os.environ.get("BENCH_EVENTS_CANCELLATIONS", "20"))
CONNECTIONS = int(os.environ.get("BENCH_EVENTS_CONNECTIONS", "40"))

Status = Registration.Status


def _at_once(function, items: list) -> tuple[float, list[float], list[Exception]]:
    """`function(item)` for every item, each in its own thread (its own
    database connection), released together; at most CONNECTIONS connected at
    a time. Returns the wall time, each call's latency (seconds, waiting for a
    connection excluded) and the errors."""
    start = threading.Barrier(len(items) + 1)
    connections = threading.BoundedSemaphore(CONNECTIONS)
    latencies: list[float] = []
    errors: list[Exception] = []
    lock = threading.Lock()

    def run(item) -> None:
        start.wait()
        with connections:
            try:
                began = time.perf_counter()
                function(item)
                took = time.perf_counter() - began
                with lock:
                    latencies.append(took)
            except Exception as error:  # reported by the caller
                with lock:
                    errors.append(error)
            finally:
                connection.close()

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join(timeout=300)
    return time.perf_counter() - began, latencies, errors


def _figures(wall: float, latencies: list[float]) -> dict:
    latencies = sorted(latencies)
    return {
        "wall_s": round(wall, 2),
        "per_second": round(len(latencies) / wall, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000, 1),
        "max_ms": round(latencies[-1] * 1000, 1),
    }


def _inversions(order: list[int]) -> int:
    """Pairs out of order (0: sorted)."""
    return sum(
        1
        for position, first in enumerate(order)
        for second in order[position + 1 :]
        if first > second
    )


@pytest.mark.benchmark
def test_300_participants_for_50_places(transactional_db, demo_site):
    if connection.vendor != "postgresql":
        pytest.skip(
            "the contention benchmark needs PostgreSQL's row locks "
            "(set DATABASE_URL=postgres://…)"
        )
    index = EventIndexPageFactory(
        parent=HomePage.objects.get(locale__language_code="en")
    )
    _event, (session,) = build_event(parent=index, capacity=PLACES)
    people = [UserFactory() for _ in range(PARTICIPANTS)]
    mail.outbox = []

    wall, latencies, errors = _at_once(
        lambda user: services.registration_create(session=session, user=user),
        people,
    )
    assert not errors, errors[:3]
    registering = _figures(wall, latencies)

    rows = list(Registration.objects.filter(session=session).order_by("pk"))
    assert len(rows) == PARTICIPANTS
    assert len({row.user_id for row in rows}) == PARTICIPANTS  # no duplicate
    # Lock order (ids): the first PLACES hold the places, the rest wait.
    assert [row.status for row in rows] == [Status.REGISTERED] * PLACES + [
        Status.WAITLISTED
    ] * (PARTICIPANTS - PLACES)
    waiting = rows[PLACES:]
    positions = [waitlist_position(row) for row in waiting]
    assert sorted(positions) == list(range(1, PARTICIPANTS - PLACES + 1))
    # The line is in lock order: position n is the n-th waitlisted by id.
    assert positions == list(range(1, PARTICIPANTS - PLACES + 1)), (
        f"{_inversions(positions)} pairs of the waitlist out of lock order"
    )

    # Some of the registered cancel at once: the next in line get their places.
    leaving = rows[: 2 * CANCELLATIONS : 2]
    wall, latencies, errors = _at_once(
        lambda row: services.registration_cancel(registration=row), leaving
    )
    assert not errors, errors[:3]
    cancelling = _figures(wall, latencies)

    after = {row.pk: row for row in Registration.objects.filter(session=session)}
    assert sum(row.status == Status.REGISTERED for row in after.values()) == PLACES
    promoted = [row.pk for row in waiting[:CANCELLATIONS]]
    assert [after[pk].status for pk in promoted] == [Status.REGISTERED] * CANCELLATIONS
    assert all(
        after[row.pk].status == Status.WAITLISTED for row in waiting[CANCELLATIONS:]
    )
    assert sorted(
        waitlist_position(after[row.pk]) for row in waiting[CANCELLATIONS:]
    ) == list(range(1, PARTICIPANTS - PLACES - CANCELLATIONS + 1))
    # Each promotion e-mailed once (the notices are claimed before sending).
    notices = RegistrationNotice.objects.filter(
        registration__session=session, kind="promoted"
    )
    assert sorted(notices.values_list("registration_id", flat=True)) == promoted
    assert len(mail.outbox) == CANCELLATIONS

    results = {
        "participants": PARTICIPANTS,
        "places": PLACES,
        "connections_at_once": CONNECTIONS,
        "registering": registering,
        "cancellations": CANCELLATIONS,
        "cancelling": cancelling,
        "load_average": os.getloadavg()[0],
    }
    record("events", results)
    print(
        f"\n{PARTICIPANTS} participants for {PLACES} places, "
        f"{CONNECTIONS} connections at once: {registering['wall_s']} s "
        f"({registering['per_second']}/s; per registration p50 "
        f"{registering['p50_ms']} ms, p95 {registering['p95_ms']} ms, max "
        f"{registering['max_ms']} ms); {CANCELLATIONS} cancellations at once, "
        f"each promoting the next in line: {cancelling['wall_s']} s (p50 "
        f"{cancelling['p50_ms']} ms, p95 {cancelling['p95_ms']} ms); load "
        f"{results['load_average']:.2f}"
    )
