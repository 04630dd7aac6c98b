import datetime

import pytest
from django.core import mail
from django.urls import reverse

from accounts.factories import UserFactory
from events import services
from events.factories import SessionFactory, build_event, in_days
from events.models import EventType, Registration

pytestmark = pytest.mark.django_db

Status = Registration.Status


def titles(response) -> list[str]:
    return [event.title for event in response.context["page_of_events"]]


@pytest.fixture
def listing(events_index):
    """Four events: two upcoming (Ljubljana workshop, online conference next
    month), one over, one without dates yet."""
    workshop, _ = build_event(
        parent=events_index, title="Pricing workshop", starts_in_days=3
    )
    conference, (online,) = build_event(
        parent=events_index,
        title="Design conference",
        event_type=EventType.CONFERENCE,
        starts_in_days=40,
    )
    online.kind, online.city = "online", ""
    online.save()
    fair, _ = build_event(
        parent=events_index,
        title="Furniture fair",
        event_type=EventType.FAIR_PRESENTATION,
        starts_in_days=-20,
    )
    later, _ = build_event(parent=events_index, title="Networking", sessions=0)
    return {"workshop": workshop, "conference": conference, "fair": fair}


def test_upcoming_events_come_first_then_those_without_dates(client, listing):
    response = client.get(listing["workshop"].get_parent().url)
    assert response.status_code == 200
    assert titles(response) == ["Pricing workshop", "Design conference", "Networking"]
    assert b"Dates to be announced" in response.content


def test_past_events_are_an_archive_of_their_own(client, events_index, listing):
    response = client.get(events_index.url + "past/")
    assert response.status_code == 200
    assert titles(response) == ["Furniture fair"]
    assert "Past events" in response.content.decode()


def test_the_listing_filters_by_city_type_and_month(client, events_index, listing):
    url = events_index.url
    assert titles(client.get(url, {"city": "online"})) == ["Design conference"]
    assert titles(client.get(url, {"city": "ljubljana"})) == ["Pricing workshop"]
    assert titles(client.get(url, {"event_type": "conference"})) == [
        "Design conference"
    ]
    month = in_days(40).strftime("%Y-%m")
    response = client.get(url, {"month": month})
    assert titles(response) == ["Design conference"]
    # The month select offers the months that have events.
    assert month in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"city": "atlantis"},
        {"event_type": "<script>"},
        {"month": "2026-13"},
        {"month": "x" * 500},
        {"page": "999"},
        {"page": "-1"},
        {"city": ["ljubljana", "<b>"]},
    ],
)
def test_bad_filter_values_are_ignored(client, events_index, listing, query):
    response = client.get(events_index.url, query)
    assert response.status_code == 200
    assert "Design conference" in titles(response) or query.get("page")


def test_the_listing_pages(client, events_index, settings):
    for number in range(14):
        build_event(parent=events_index, title=f"Meeting {number:02}")
    first = client.get(events_index.url)
    second = client.get(events_index.url, {"page": 2})
    assert len(titles(first)) == 12 and len(titles(second)) == 2
    assert 'rel="next"' in first.content.decode()


def test_the_listing_queries_stay_flat(client, events_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        client.get(events_index.url)  # the frame, cached (publishing drops it)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(events_index.url).status_code == 200
        return len(captured)

    build_event(parent=events_index, sessions=2)
    one = queries()
    for _number in range(8):
        build_event(parent=events_index, sessions=2)
    assert queries() == one <= 10


def test_the_event_page_shows_the_session_in_its_own_time_zone(client, events_index):
    event, (session,) = build_event(parent=events_index, capacity=10)
    session.time_zone = "Europe/London"
    session.latitude, session.longitude = "46.051401", "14.505899"
    session.save()
    page = client.get(event.url).content.decode()
    local = session.starts_at.astimezone(session.zone)
    assert local.strftime("%H:%M") in page
    assert "Europe/London" in page
    assert "https://www.openstreetmap.org/?mlat=46.051401&amp;mlon=14.505899" in page
    assert "10 places left of 10" in page
    assert "Log in to register" in page


def test_register_then_cancel_through_the_page(client, events_index, learner):
    event, (session,) = build_event(parent=events_index, capacity=1)
    client.force_login(learner)

    response = client.post(reverse("events:register", args=[session.pk]))
    assert response.status_code == 302
    assert response["Location"].endswith(f"{event.url}#session-{session.pk}")
    page = client.get(event.url).content.decode()
    assert "You are registered." in page
    assert "Cancel my registration" in page

    client.post(reverse("events:cancel", args=[session.pk]))
    assert Registration.objects.get(user=learner).status == Status.CANCELLED
    assert "Register" in client.get(event.url).content.decode()


def test_a_full_session_offers_the_waitlist_and_shows_the_position(
    client, events_index, people
):
    event, (session,) = build_event(parent=events_index, capacity=1)
    holder, waiting = people(2)
    services.registration_create(session=session, user=holder)
    client.force_login(waiting)
    assert "Join the waitlist" in client.get(event.url).content.decode()

    response = client.post(reverse("events:register", args=[session.pk]), follow=True)

    page = response.content.decode()
    assert "number 1 on the waitlist" in page
    assert "Leave the waitlist" in page


def test_a_refusal_is_shown_next_to_the_session(client, events_index, learner):
    event, (session,) = build_event(parent=events_index)
    services.session_cancel(session=session, reason="Rain")
    client.force_login(learner)
    response = client.post(reverse("events:register", args=[session.pk]))
    assert response.status_code == 400
    assert "This session has been cancelled." in response.content.decode()


def test_the_meeting_link_is_for_the_registered_only(client, events_index, people):
    event, (session,) = build_event(parent=events_index)
    session.kind, session.meeting_url = "online", "https://meet.example.org/secret"
    session.save()
    registered, other = people(2)
    services.registration_create(session=session, user=registered)

    assert "meet.example.org/secret" not in client.get(event.url).content.decode()
    client.force_login(other)
    assert "meet.example.org/secret" not in client.get(event.url).content.decode()
    client.force_login(registered)
    assert "meet.example.org/secret" in client.get(event.url).content.decode()


def test_cancelling_needs_ones_own_registration(client, events_index, people):
    _event, (session,) = build_event(parent=events_index)
    owner, other = people(2)
    services.registration_create(session=session, user=owner)
    client.force_login(other)
    assert client.post(reverse("events:cancel", args=[session.pk])).status_code == 404
    assert Registration.objects.get(user=owner).status == Status.REGISTERED


def test_the_guest_flow(client, events_index, django_capture_on_commit_callbacks):
    event, (session,) = build_event(
        parent=events_index, capacity=5, open_to_guests=True
    )
    page = client.get(event.url).content.decode()
    assert "Your e-mail address" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:guest_register", args=[session.pk]),
            {"name": "Mira Kos", "email": "mira@example.org"},
        )
    assert response.status_code == 302
    registration = Registration.objects.get(guest_email="mira@example.org")
    assert registration.status == Status.PENDING
    link = reverse("events:guest_registration", args=[registration.confirmation_token])
    assert link in mail.outbox[0].body

    # Opening the link changes nothing (mail scanners open links).
    opened = client.get(link)
    assert opened.status_code == 200
    assert opened["Referrer-Policy"] == "no-referrer"
    registration.refresh_from_db()
    assert registration.status == Status.PENDING

    client.post(link, {"action": "confirm"})
    registration.refresh_from_db()
    assert registration.status == Status.REGISTERED
    assert "Registered" in client.get(link).content.decode()

    client.post(link, {"action": "cancel"})
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED


def test_guest_form_errors_are_shown_next_to_the_fields(client, events_index):
    event, (session,) = build_event(parent=events_index, open_to_guests=True)
    response = client.post(
        reverse("events:guest_register", args=[session.pk]),
        {"name": "", "email": "nope"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'aria-invalid="true"' in page
    assert "Enter a valid email address." in page or "valid e-mail" in page
    assert not Registration.objects.exists()


def test_guest_registration_is_rate_limited(client, events_index, settings):
    settings.EVENTS_RATE_LIMITS = {"guest_register": "2/m/ip"}
    _event, (session,) = build_event(parent=events_index, open_to_guests=True)
    url = reverse("events:guest_register", args=[session.pk])
    codes = [
        client.post(url, {"name": "M", "email": f"m{n}@example.org"}).status_code
        for n in range(3)
    ]
    assert codes == [302, 302, 429]
    assert Registration.objects.count() == 2


def test_guests_are_refused_where_the_event_is_not_open_to_them(client, events_index):
    event, (session,) = build_event(parent=events_index)
    assert "Your e-mail address" not in client.get(event.url).content.decode()
    response = client.post(
        reverse("events:guest_register", args=[session.pk]),
        {"name": "Mira", "email": "mira@example.org"},
    )
    assert response.status_code == 404


def test_the_dashboard_lists_my_upcoming_sessions(client, events_index, people):
    event, (soon, later) = build_event(parent=events_index, sessions=2, capacity=1)
    me, other = people(2)
    services.registration_create(session=later, user=other)
    services.registration_create(session=soon, user=me)
    services.registration_create(session=later, user=me)
    past = SessionFactory(
        event=event, starts_at=in_days(-2), ends_at=in_days(-2) + datetime.timedelta(1)
    )
    Registration.objects.create(
        session=past, user=me, status=Status.REGISTERED, confirmed_at=past.starts_at
    )
    client.force_login(me)

    page = client.get(reverse("courses:dashboard")).content.decode()

    assert "My sessions" in page
    assert page.count('class="card"') >= 2
    assert "On the waitlist: number 1" in page
    client.force_login(UserFactory())
    assert (
        "My sessions" not in client.get(reverse("courses:dashboard")).content.decode()
    )
