"""The certificate services take the moment of the action as `now=` (the demo
dates its learners' certificates a few minutes after each completion, tests pass
one instead of patching the clock): the certificate stores the moment passed."""

import datetime

import pytest

from accounts.factories import UserFactory
from certificates.factories import certificate_for, completed_enrolment
from certificates.models import Certificate
from certificates.services import (
    certificate_create,
    certificate_email_send,
    certificate_issue,
    certificate_render_failed,
    certificate_revoke,
)
from courses.models import Enrolment

pytestmark = pytest.mark.django_db

# Well in the past, so that nothing can store it by reading the clock.
MOMENT = datetime.datetime(2025, 3, 14, 9, 30, tzinfo=datetime.UTC)
LATER = MOMENT + datetime.timedelta(days=2, hours=5)


def stand_in_renderer(html: str) -> bytes:
    """A renderer `CERTIFICATE_RENDERER` can name: these tests are about dates."""
    return b"%PDF-stand-in"


@pytest.fixture
def quick_renderer(settings):
    settings.CERTIFICATE_RENDERER = "certificates.tests.test_clock.stand_in_renderer"


def test_a_certificate_is_created_at_the_moment_passed(catalogue):
    enrolment = completed_enrolment(parent=catalogue)
    Certificate.objects.filter(enrolment=enrolment).delete()
    certificate = certificate_create(
        enrolment=Enrolment.objects.get(pk=enrolment.pk), now=MOMENT
    )
    assert Certificate.objects.get(pk=certificate.pk).created_at == MOMENT


def test_issuing_dates_the_issue_and_the_email(catalogue, quick_renderer, mailoutbox):
    certificate = certificate_for(completed_enrolment(parent=catalogue))
    certificate_issue(certificate_id=certificate.pk, now=MOMENT)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED
    assert (certificate.issued_at, certificate.emailed_at) == (MOMENT, MOMENT)
    assert len(mailoutbox) == 1


def test_an_email_sent_again_is_dated_when_sent(catalogue, quick_renderer):
    certificate = certificate_for(completed_enrolment(parent=catalogue))
    certificate_issue(certificate_id=certificate.pk, now=MOMENT)
    Certificate.objects.filter(pk=certificate.pk).update(emailed_at=None)
    certificate.refresh_from_db()
    assert certificate_email_send(certificate=certificate, now=LATER)
    certificate.refresh_from_db()
    assert certificate.emailed_at == LATER


def test_a_final_failure_is_dated_at_the_moment_passed(catalogue):
    certificate = certificate_for(completed_enrolment(parent=catalogue))
    certificate_render_failed(
        certificate_id=certificate.pk, error="no fonts", final=True, now=MOMENT
    )
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.FAILED
    assert certificate.failed_at == MOMENT


def test_revoking_is_dated_at_the_moment_passed(catalogue, quick_renderer):
    certificate = certificate_for(completed_enrolment(parent=catalogue))
    certificate_issue(certificate_id=certificate.pk, now=MOMENT)
    manager = UserFactory(is_staff=True)
    certificate_revoke(
        certificate=certificate, revoked_by=manager, reason="Copied quiz", now=LATER
    )
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_at == LATER
