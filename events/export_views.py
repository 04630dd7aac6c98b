"""The sign-in sheet downloads (events.exports), for those who take the
session's attendance: the same check as the attendance sheet (a trainer their
own sessions, course managers every one; anyone else a 404).

`?version=blank` is the sheet to print and sign in the room, `?version=record`
the attendance recorded; without it, the blank sheet until the session starts
and the record from then on. Both files are made in the request: the XLSX in
tens of milliseconds, the PDF in about half a second for 100 people (WeasyPrint
costs about a millisecond per table cell; docs/performance.md)."""

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import exports
from .attendance_views import _taken_session
from .models import Session


def _organiser(request: HttpRequest) -> str:
    """The organisation the site names in its footer (home's site settings,
    looked up by name: events does not import home)."""
    try:
        site_settings = apps.get_model("home", "SiteSettings")
    except LookupError:
        return ""
    return site_settings.for_request(request).organisation_name


def _version(request: HttpRequest, session: Session) -> str | None:
    asked = request.GET.get("version")
    if asked is None:
        return exports.RECORD if session.has_started() else exports.BLANK
    return asked if asked in exports.VERSIONS else None


def _download(request: HttpRequest, session_id: int, extension: str) -> HttpResponse:
    session = _taken_session(request, session_id)
    version = _version(request, session)
    if version is None:
        return HttpResponseBadRequest(
            _("Choose the sign-in sheet to print (blank) or the attendance record."),
            content_type="text/plain; charset=utf-8",
        )
    sheet = exports.sign_in_sheet(
        session=session, version=version, organiser=_organiser(request)
    )
    if extension == "pdf":
        content, content_type = exports.sign_in_sheet_pdf(sheet), "application/pdf"
    else:
        content = exports.sign_in_sheet_xlsx(sheet)
        content_type = exports.XLSX_CONTENT_TYPE
    response = HttpResponse(content, content_type=content_type)
    filename = exports.sign_in_filename(
        session=session, version=version, extension=extension
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Names of people: kept by no cache on the way.
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def sign_in_sheet_pdf(request: HttpRequest, session_id: int) -> HttpResponse:
    return _download(request, session_id, "pdf")


@login_required
@require_GET
def sign_in_sheet_xlsx(request: HttpRequest, session_id: int) -> HttpResponse:
    return _download(request, session_id, "xlsx")
