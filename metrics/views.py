"""The participation dashboard and per-course report in the Wagtail admin, for
analysts (read only) and superusers."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import City, CreativeSector
from courses.models import CoursePage
from lms.spreadsheets import Month, table_response

from .charts import bar_chart
from .html import QuickSelect, chart_svg
from .summary.breakdowns import DIMENSIONS, breakdown
from .summary.course_report import course_funnel
from .summary.filters import Filters
from .summary.participation import Participation, freshness, participation_load
from .summary.periods import month_start, months_between, next_month
from .summary.refresh import first_month
from .summary.sessions import DIMENSIONS as EVENT_DIMENSIONS
from .summary.sessions import EventParticipation, course_runs, events_load

SERIES = [
    ("signups", gettext_lazy("New sign-ups")),
    ("enrolments", gettext_lazy("Enrolments")),
    ("completions", gettext_lazy("Completions")),
    ("active", gettext_lazy("Active learners")),
]


class MonthField(forms.Field):
    """A month chosen from a list ("2026-03"); a full date stands for its month."""

    widget = QuickSelect

    def to_python(self, value) -> datetime.date | None:
        if value in self.empty_values:
            return None
        try:
            year, month = (int(part) for part in str(value).split("-")[:2])
            return datetime.date(year, month, 1)
        except (TypeError, ValueError) as error:
            raise forms.ValidationError(_("Choose a month from the list.")) from error


class _TitleChoices(forms.models.ModelChoiceIterator):
    """Choices as (id, title) straight from the database: no page objects are
    built for a list of hundreds of courses."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list("pk", "title")


class CourseField(forms.ModelChoiceField):
    iterator = _TitleChoices


def _month_value(value) -> str:
    """ "2026-03-15" or "2026-03" as the list's "2026-03"."""
    return str(value)[:7]


class DashboardFilterForm(forms.Form):
    start = MonthField(label=gettext_lazy("From (month)"))
    end = MonthField(label=gettext_lazy("To (month)"))
    course = CourseField(
        label=gettext_lazy("Course"),
        queryset=CoursePage.objects.order_by("title"),
        required=False,
        empty_label=gettext_lazy("All courses"),
        widget=QuickSelect,
    )
    sector = forms.ChoiceField(
        label=gettext_lazy("Creative sector"),
        choices=[("", gettext_lazy("All sectors")), *CreativeSector.choices],
        required=False,
        widget=QuickSelect,
    )
    city = forms.ChoiceField(
        label=gettext_lazy("City"),
        choices=[("", gettext_lazy("All cities")), *City.choices],
        required=False,
        widget=QuickSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = month_start(timezone.localdate())
        first = first_month() or current
        first = min(first, current.replace(year=current.year - 1, month=1))
        choices = [
            (f"{month:%Y-%m}", date_format(month, "YEAR_MONTH_FORMAT"))
            for month in reversed(months_between(first, current))
        ]
        self.fields["start"].widget.choices = choices
        self.fields["end"].widget.choices = choices

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The period must end after it starts."))
        if start and end and (end - start).days > 366 * 10:
            self.add_error("start", _("Choose a period of at most ten years."))
        return data


def default_period() -> tuple[datetime.date, datetime.date]:
    """The last twelve months, this one included."""
    current = month_start(timezone.localdate())
    start = current.replace(year=current.year - 1)
    return next_month(start), current


def _filters(request: HttpRequest) -> tuple[DashboardFilterForm, Filters]:
    start, end = default_period()
    data = request.GET.copy()
    data.setdefault("start", f"{start:%Y-%m}")
    data.setdefault("end", f"{end:%Y-%m}")
    for name in ("start", "end"):
        data[name] = _month_value(data[name])
    form = DashboardFilterForm(data)
    if form.is_valid():
        cleaned = form.cleaned_data
        return form, Filters(
            start=cleaned["start"],
            end=cleaned["end"],
            course=cleaned["course"],
            sector=cleaned["sector"],
            city=cleaned["city"],
        )
    return form, Filters(start=start, end=end)


def _require_analyst(request: HttpRequest) -> None:
    if not request.user.has_perm("metrics.view_participation"):
        raise PermissionDenied


def _tables(data: Participation, only: str | None = None) -> dict[str, dict]:
    """The dashboard's tables (headings and rows, as shown and exported); `only`
    builds just the one an export asks for. The events tables (`events_*`) are
    counted from the events records, once, only if one of them is built."""
    events: list[EventParticipation] = []

    def events_data() -> EventParticipation:
        if not events:
            events.append(events_load(data.filters))
        return events[0]

    builders = {
        "headline": lambda: _headline_table(data),
        "monthly": lambda: _monthly_table(data),
        "learning_gain": lambda: _gain_table(data),
        **{
            f"by_{dimension}": (lambda d=dimension: _breakdown_table(data, d))
            for dimension in DIMENSIONS
        },
        "events": lambda: _events_headline_table(events_data()),
        **{
            f"events_by_{dimension}": (
                lambda d=dimension: _events_breakdown_table(events_data(), d)
            )
            for dimension in EVENT_DIMENSIONS
        },
    }
    keys = [only] if only in builders else list(builders)
    return {key: builders[key]() for key in keys}


def _headline_table(data: Participation) -> dict:
    return {
        "title": _("Headline figures"),
        "headings": [_("Figure"), _("Value")],
        "rows": [[f["label"], f["value"]] for f in data.headline()],
    }


def _monthly_table(data: Participation) -> dict:
    series = data.monthly_series()["rows"]
    return {
        "title": _("Per month"),
        "headings": [_("Month")] + [label for _key, label in SERIES],
        "rows": [
            [Month(row["month"])] + [row[key] for key, _label in SERIES]
            for row in series
        ],
        "series": series,
    }


def _gain_table(data: Participation) -> dict:
    return {
        "title": _("Learning gain (after minus before, on 1–5)"),
        "headings": [_("Competence"), _("Pairs of assessments"), _("Mean change")],
        "rows": [
            [row["competence"], row["pairs"], row["mean_change"]]
            for row in data.learning_gain()
        ],
    }


def _breakdown_table(data: Participation, dimension: str) -> dict:
    table = breakdown(data.filters, dimension, data)
    return {
        "title": _("By %(dimension)s") % {"dimension": str(table["title"]).lower()},
        "headings": [
            table["title"],
            _("Learners"),
            _("Enrolments"),
            _("Completions"),
            _("Certificates"),
        ],
        "rows": [
            [
                r["group"],
                r["learners"],
                r["enrolments"],
                r["completions"],
                r["certificates"],
            ]
            for r in table["rows"]
        ],
    }


def _events_headline_table(data: EventParticipation) -> dict:
    return {
        "title": _("Events and sessions: totals"),
        "headings": [_("Figure"), _("Value")],
        "rows": [[f["label"], f["value"]] for f in data.headline()],
    }


def _events_breakdown_table(data: EventParticipation, dimension: str) -> dict:
    table = data.breakdown(dimension)
    return {
        "title": table["title"],
        "headings": [
            table["heading"],
            *(heading for _key, heading in data.columns(dimension)),
        ],
        "rows": table["rows"],
        "wide": True,
    }


def _runs_table(runs: list[dict]) -> dict:
    return {
        "title": _("Course runs"),
        "note": _(
            "The runs that overlap the period, whenever their participants "
            "enrolled. Participants: the enrolments in the run (the sector and "
            "city filters choose them by profile). Sessions: not cancelled; "
            "held: those that have ended. Attendance rate: of the places held at "
            "its sessions that have ended, the share attended. The survey answers "
            "are about the whole run."
        ),
        "headings": [
            _("Run"),
            _("Starts"),
            _("Ends"),
            _("Participants"),
            _("Sessions"),
            _("Sessions held"),
            _("Attendance rate"),
            _("Completed the course"),
            _("Completion rate"),
            _("Survey answers"),
            _("Overall (1–5)"),
        ],
        "rows": [
            [
                run["run"],
                run["starts_on"],
                run["ends_on"],
                run["participants"],
                run["sessions"],
                run["sessions_ended"],
                run["attendance_rate"],
                run["completed"],
                run["completion_rate"],
                run["answers"],
                run["overall"],
            ]
            for run in runs
        ],
        "wide": True,
    }


def _export(request, tables, filters, prefix: str) -> HttpResponse | None:
    fmt, key = request.GET.get("export"), request.GET.get("table")
    if fmt not in ("csv", "xlsx") or key not in tables:
        return None
    table = tables[key]
    filename = f"{prefix}-{key}-{filters.start:%Y-%m-%d}_{filters.end:%Y-%m-%d}"
    return table_response(
        title=table["title"],
        headings=table["headings"],
        rows=table["rows"],
        filename=filename,
        fmt=fmt,
    )


def dashboard(request: HttpRequest) -> HttpResponse:
    _require_analyst(request)
    form, filters = _filters(request)
    data = participation_load(filters)
    if request.GET.get("export"):
        exported = _export(
            request,
            _tables(data, only=request.GET.get("table")),
            filters,
            "participation",
        )
        if exported:
            return exported
    tables = _tables(data)
    event_tables = {
        key: tables.pop(key) for key in list(tables) if key.startswith("events")
    }
    charts = [
        {
            "key": key,
            "title": label,
            "svg": chart_svg(
                bar_chart(tables["monthly"]["series"], key),
                _("%(title)s per month; the numbers are in the table below")
                % {"title": label},
            ),
        }
        for key, label in SERIES
    ]
    query = request.GET.copy()
    for name in ("export", "table"):
        query.pop(name, None)
    return TemplateResponse(
        request,
        "metrics/dashboard.html",
        {
            "page_title": _("Participation"),
            "header_icon": "table",
            "form": form,
            "filters": filters,
            "freshness": freshness(data.months, data.refreshed_at),
            "refresh_minutes": settings.METRICS_REFRESH_SECONDS // 60,
            "tables": tables,
            "event_tables": event_tables,
            "charts": charts,
            "query": query.urlencode(),
            "courses": CoursePage.objects.live()
            .order_by("title")
            .values("pk", "title", "locale__language_code"),
        },
    )


def course_report(request: HttpRequest, course_id: int) -> HttpResponse:
    _require_analyst(request)
    course = get_object_or_404(CoursePage, pk=course_id)
    form, filters = _filters(request)
    del form.fields["course"]  # the report is about the course in its address
    report = course_funnel(course, filters)
    tables = {
        "funnel": {
            "title": _("Funnel: from the course page to a certificate"),
            "headings": [_("Step"), _("People")],
            "rows": [[row["step"], row["people"]] for row in report["funnel"]]
            + [
                [
                    _("Visits to the course page by people not signed in (visits)"),
                    report["anonymous_visits"],
                ]
            ],
        },
        "lessons": {
            "title": _("Where learners stop"),
            "headings": [_("Lesson"), _("Completed it"), _("Stopped before it")],
            "rows": [
                [
                    f"{row['number']}. {row['title']}",
                    row["completed"],
                    row["stopped_here"],
                ]
                for row in report["lessons"]
            ],
        },
        "quizzes": {
            "title": _("Quizzes"),
            "headings": [_("Lesson"), _("Took it"), _("Passed"), _("Pass rate")],
            "rows": [
                [row["lesson"], row["takers"], row["passed"], row["pass_rate"]]
                for row in report["quizzes"]
            ],
        },
    }
    if course.runs.exists():  # a self-paced course has no runs to show
        tables["runs"] = _runs_table(course_runs(course, filters))
    exported = _export(request, tables, filters, f"course-{course.slug}")
    if exported:
        return exported
    query = request.GET.copy()
    for name in ("export", "table"):
        query.pop(name, None)
    return TemplateResponse(
        request,
        "metrics/course_report.html",
        {
            "page_title": _("Course report: %(title)s") % {"title": course.title},
            "header_icon": "table",
            "course": course,
            "form": form,
            "filters": filters,
            "freshness": freshness(filters.months),
            "refresh_minutes": settings.METRICS_REFRESH_SECONDS // 60,
            "tables": tables,
            "query": query.urlencode(),
        },
    )
