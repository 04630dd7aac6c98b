"""The participation dashboard and per-course report in the Wagtail admin, for
analysts (read only) and superusers."""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import City, CreativeSector
from courses.models import CoursePage

from . import selectors
from .charts import bar_chart
from .exports import table_response

SERIES = [
    ("signups", gettext_lazy("New sign-ups")),
    ("enrolments", gettext_lazy("Enrolments")),
    ("completions", gettext_lazy("Completions")),
    ("active", gettext_lazy("Active learners")),
]


class DashboardFilterForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"})
    )
    course = forms.ModelChoiceField(
        label=gettext_lazy("Course"),
        queryset=CoursePage.objects.order_by("title"),
        required=False,
        empty_label=gettext_lazy("All courses"),
    )
    sector = forms.ChoiceField(
        label=gettext_lazy("Creative sector"),
        choices=[("", gettext_lazy("All sectors")), *CreativeSector.choices],
        required=False,
    )
    city = forms.ChoiceField(
        label=gettext_lazy("City"),
        choices=[("", gettext_lazy("All cities")), *City.choices],
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The period must end after it starts."))
        start, end = data.get("start"), data.get("end")
        if start and end and (end - start).days > 366 * 10:
            self.add_error("start", _("Choose a period of at most ten years."))
        return data


def default_period() -> tuple[datetime.date, datetime.date]:
    today = timezone.localdate()
    start = (today.replace(day=1) - datetime.timedelta(days=335)).replace(day=1)
    return start, today


def _filters(request: HttpRequest) -> tuple[DashboardFilterForm, selectors.Filters]:
    start, end = default_period()
    data = request.GET.copy()
    data.setdefault("start", start.isoformat())
    data.setdefault("end", end.isoformat())
    form = DashboardFilterForm(data)
    if form.is_valid():
        cleaned = form.cleaned_data
        return form, selectors.Filters(
            start=cleaned["start"],
            end=cleaned["end"],
            course=cleaned["course"],
            sector=cleaned["sector"],
            city=cleaned["city"],
        )
    return form, selectors.Filters(start=start, end=end)


def _require_analyst(request: HttpRequest) -> None:
    if not request.user.has_perm("metrics.view_participation"):
        raise PermissionDenied


def _tables(filters: selectors.Filters, only: str | None = None) -> dict[str, dict]:
    """The dashboard's tables (headings and rows, as shown and exported); `only`
    builds just the one an export asks for."""
    builders = {
        "headline": lambda: _headline_table(filters),
        "monthly": lambda: _monthly_table(filters),
        "learning_gain": lambda: _gain_table(filters),
        **{
            f"by_{dimension}": (lambda d=dimension: _breakdown_table(filters, d))
            for dimension in selectors.DIMENSIONS
        },
    }
    keys = [only] if only in builders else list(builders)
    return {key: builders[key]() for key in keys}


def _headline_table(filters: selectors.Filters) -> dict:
    return {
        "title": _("Headline figures"),
        "headings": [_("Figure"), _("Value")],
        "rows": [[f["label"], f["value"]] for f in selectors.headline(filters)],
    }


def _monthly_table(filters: selectors.Filters) -> dict:
    series = selectors.monthly_series(filters)["rows"]
    return {
        "title": _("Per month"),
        "headings": [_("Month")] + [label for _key, label in SERIES],
        "rows": [
            [row["month"].strftime("%Y-%m")] + [row[key] for key, _label in SERIES]
            for row in series
        ],
        "series": series,
    }


def _gain_table(filters: selectors.Filters) -> dict:
    return {
        "title": _("Learning gain (after minus before, on 1–5)"),
        "headings": [_("Competence"), _("Pairs of assessments"), _("Mean change")],
        "rows": [
            [row["competence"], row["pairs"], row["mean_change"]]
            for row in selectors.learning_gain(filters)
        ],
    }


def _breakdown_table(filters: selectors.Filters, dimension: str) -> dict:
    table = selectors.breakdown(filters, dimension)
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


def _export(request, tables, filters, prefix: str) -> HttpResponse | None:
    fmt, key = request.GET.get("export"), request.GET.get("table")
    if fmt not in ("csv", "xlsx") or key not in tables:
        return None
    table = tables[key]
    filename = f"{prefix}-{key}-{filters.start:%Y-%m-%d}_{filters.end:%Y-%m-%d}"
    return table_response(
        headings=table["headings"], rows=table["rows"], filename=filename, fmt=fmt
    )


def dashboard(request: HttpRequest) -> HttpResponse:
    _require_analyst(request)
    form, filters = _filters(request)
    if request.GET.get("export"):
        exported = _export(
            request,
            _tables(filters, only=request.GET.get("table")),
            filters,
            "participation",
        )
        if exported:
            return exported
    tables = _tables(filters)
    charts = [
        {
            "key": key,
            "title": label,
            "chart": bar_chart(tables["monthly"]["series"], key),
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
            "tables": tables,
            "charts": charts,
            "query": query.urlencode(),
            "courses": CoursePage.objects.live().order_by("title"),
        },
    )


def course_report(request: HttpRequest, course_id: int) -> HttpResponse:
    _require_analyst(request)
    course = get_object_or_404(CoursePage, pk=course_id)
    form, filters = _filters(request)
    report = selectors.course_funnel(course, filters)
    tables = {
        "funnel": {
            "title": _("Funnel of the learners who enrolled in the period"),
            "headings": [_("Step"), _("People")],
            "rows": [[row["step"], row["people"]] for row in report["funnel"]],
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
            "tables": tables,
            "query": query.urlencode(),
        },
    )
