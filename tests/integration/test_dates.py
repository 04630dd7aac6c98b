"""Dates as each language writes them: British English ("1 December 2026",
lms/formats/en) and Slovenian ("1. decembra 2026", lms/formats/sl)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import formats, translation

from certificates.factories import certificate_for, completed_enrolment
from certificates.models import Certificate
from certificates.services import certificate_issue

MOMENT = datetime.datetime(2026, 12, 1, 15, 5, tzinfo=datetime.UTC)  # 16:05 here


@pytest.mark.parametrize(
    "language, expected",
    [
        (
            "en",
            {
                "DATE_FORMAT": "1 December 2026",
                "DATETIME_FORMAT": "1 December 2026, 16:05",
                "SHORT_DATE_FORMAT": "1 Dec 2026",
                "SHORT_DATETIME_FORMAT": "1 Dec 2026, 16:05",
                "YEAR_MONTH_FORMAT": "December 2026",
            },
        ),
        (
            "sl",
            {
                "DATE_FORMAT": "1. decembra 2026",
                "DATETIME_FORMAT": "1. decembra 2026, 16:05",
                "SHORT_DATE_FORMAT": "1. 12. 2026",
                "SHORT_DATETIME_FORMAT": "1. 12. 2026, 16:05",
            },
        ),
    ],
)
def test_each_language_writes_dates_its_own_way(language, expected):
    from django.utils import timezone

    local = timezone.localtime(MOMENT)
    with translation.override(language):
        for name, text in expected.items():
            assert formats.date_format(local, name) == text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, date", [("en", "1 December 2026"), ("sl", "1. decembra 2026")]
)
def test_the_verification_page_prints_the_date_in_its_language(
    client, catalogue, language, date
):
    certificate = certificate_for(completed_enrolment(parent=catalogue))
    Certificate.objects.filter(pk=certificate.pk).update(completed_at=MOMENT)
    certificate_issue(certificate_id=certificate.pk)
    with translation.override(language):
        url = reverse("certificates:verify", args=[certificate.verification_code])
    response = client.get(url)
    page = " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())
    assert response.status_code == 200
    assert date in page
