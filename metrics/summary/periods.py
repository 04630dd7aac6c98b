"""Months, the summary's grain: figures over any run of whole months are exact."""

import datetime

from django.utils import timezone


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def next_month(day: datetime.date) -> datetime.date:
    """The first day of the month after the one `day` is in."""
    return (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment of the month and of the next, in the platform's time zone."""
    return (
        timezone.make_aware(datetime.datetime.combine(month, datetime.time())),
        timezone.make_aware(
            datetime.datetime.combine(next_month(month), datetime.time())
        ),
    )


def months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, month = [], month_start(first)
    while month <= last:
        months.append(month)
        month = next_month(month)
    return months


def month_scope(month: datetime.date) -> str:
    """The `SummaryRefresh.scope` of a month's sets ("2026-03")."""
    return f"{month:%Y-%m}"


def scope_month(scope: str) -> datetime.date | None:
    """The month a `SummaryRefresh.scope` names, or None (the other scopes)."""
    if not scope[:4].isdigit():
        return None
    year, month = scope.split("-")
    return datetime.date(int(year), int(month), 1)
