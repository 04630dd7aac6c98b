import datetime
import json

import pytest
from django.core import mail

from accounts import privacy
from accounts.factories import UserFactory
from accounts.services import account_erase
from events import services
from events.factories import SessionFactory, build_event, in_days
from events.models import Registration

pytestmark = pytest.mark.django_db

Status = Registration.Status


def export_of(user) -> dict:
    (provider,) = [p for p in privacy.providers() if p.name == "events"]
    # What the export task writes: JSON.
    return json.loads(json.dumps(provider.export(user)))


@pytest.fixture
def history(events_index):
    """Mira: registered for a coming session (full, one person waiting), a
    past one, and as a guest with her address for another event; Bor: his own
    registration, which must stay out of her export."""
    mira, bor, waiting = (
        UserFactory(full_name="Mira Kos", email="mira@example.org"),
        UserFactory(full_name="Bor Kos"),
        UserFactory(),
    )
    event, (coming,) = build_event(parent=events_index, capacity=1, title="Fair")
    past = SessionFactory(
        event=event, starts_at=in_days(-9), ends_at=in_days(-9) + datetime.timedelta(1)
    )
    guests, (open_session,) = build_event(
        parent=events_index, open_to_guests=True, title="Evening"
    )
    mine = services.registration_create(session=coming, user=mira)
    queued = services.registration_create(session=coming, user=waiting)
    attended = Registration.objects.create(
        session=past, user=mira, status=Status.REGISTERED, confirmed_at=in_days(-20)
    )
    as_guest = services.guest_registration_create(
        session=open_session, name="Mira K.", email="MIRA@example.org"
    )
    services.registration_create(session=open_session, user=bor)
    return {
        "mira": mira,
        "mine": mine,
        "queued": queued,
        "attended": attended,
        "as_guest": as_guest,
    }


def test_the_export_holds_her_registrations_and_her_guest_ones(history):
    data = export_of(history["mira"])
    rows = data["registrations"]
    assert {row["session"] for row in rows} == {"Fair", "Evening"}
    assert len(rows) == 3
    (guest,) = [row for row in rows if row["as_guest"]]
    assert (guest["name_given"], guest["email_given"]) == (
        "Mira K.",
        "mira@example.org",
    )
    assert guest["status"] == "pending"
    assert "Bor" not in json.dumps(data)


def test_an_unconfirmed_address_does_not_export_guest_registrations(history):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=history["mira"]).update(verified=False)
    rows = export_of(history["mira"])["registrations"]
    assert not [row for row in rows if row["as_guest"]]


def test_erasure_keeps_the_counts_without_her_and_frees_her_place(
    history, django_capture_on_commit_callbacks
):
    mira = history["mira"]
    with django_capture_on_commit_callbacks(execute=True):
        account_erase(user=mira, requested_by=mira, reason="own request")

    mine = Registration.objects.get(pk=history["mine"].pk)
    assert mine.user_id is None and mine.status == Status.CANCELLED
    attended = Registration.objects.get(pk=history["attended"].pk)
    assert attended.user_id is None and attended.status == Status.REGISTERED
    guest = Registration.objects.get(pk=history["as_guest"].pk)
    assert (guest.guest_name, guest.guest_email, guest.confirmation_token) == (
        "",
        "",
        "",
    )
    assert guest.status == Status.CANCELLED
    # Her place went to the one waiting, who was told.
    queued = Registration.objects.get(pk=history["queued"].pk)
    assert queued.status == Status.REGISTERED
    assert [message.to for message in mail.outbox][-1] == [queued.user.email]


def test_the_export_names_the_run_she_chose_and_erasure_keeps_its_count(catalogue):
    from courses import services as course_services
    from courses.factories import build_course
    from events.factories import CourseRunFactory
    from events.models import RunParticipant

    course, _lessons = build_course(parent=catalogue, lessons_per_module=(1,))
    run = CourseRunFactory(course=course, title="Spring, Ljubljana")
    mira, bor = UserFactory(), UserFactory()
    for person in (mira, bor):
        course_services.enrolment_create(user=person, course=course, option=str(run.pk))
    (place,) = export_of(mira)["course_runs"]
    assert place["course_run"].endswith("Spring, Ljubljana")
    assert place["starts_on"] == run.starts_on.isoformat()
    assert place["joined_at"] and place["invited_to_the_survey_at"] is None

    account_erase(user=mira, requested_by=mira, reason="own request")
    assert RunParticipant.objects.filter(run=run).count() == 2
    assert RunParticipant.objects.filter(enrolment__user__isnull=True).count() == 1
    assert len(export_of(bor)["course_runs"]) == 1
