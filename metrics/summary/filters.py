"""What a figure is about: a period of whole months, a course, a sector, a city."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from courses.models import CoursePage

from .periods import month_start, months_between, next_month

EVERY = ""  # the value of a sector or city filter that leaves everyone in


@dataclass(frozen=True)
class Filters:
    """A period in whole months (the summary's grain: figures over any run of
    months are exact) and who it is about. Dates inside a month stand for it."""

    start: datetime.date  # the first day of the first month
    end: datetime.date  # the last day of the last month (inclusive)
    course: CoursePage | None = None
    sector: str = EVERY
    city: str = EVERY

    def __post_init__(self):
        object.__setattr__(self, "start", month_start(self.start))
        last_day = next_month(self.end) - datetime.timedelta(days=1)
        object.__setattr__(self, "end", last_day)

    @property
    def since(self) -> datetime.datetime:
        return timezone.make_aware(
            datetime.datetime.combine(self.start, datetime.time())
        )

    @property
    def until(self) -> datetime.datetime:
        """The first moment after the period."""
        day_after = self.end + datetime.timedelta(days=1)
        return timezone.make_aware(
            datetime.datetime.combine(day_after, datetime.time())
        )

    @property
    def months(self) -> list[datetime.date]:
        """The months of the period."""
        return months_between(self.start, self.end)

    def within(self, field: str) -> Q:
        return Q(**{f"{field}__gte": self.since, f"{field}__lt": self.until})

    def people(self, prefix: str = "") -> Q:
        """Conditions on the learner's profile (sector, city)."""
        condition = Q()
        if self.sector:
            condition &= Q(**{f"{prefix}sector": self.sector})
        if self.city:
            condition &= Q(**{f"{prefix}city": self.city})
        return condition
