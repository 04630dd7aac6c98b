"""What events adds to the admin (*Events*: course runs and sessions, and the
page that cancels a session) and to the learner's dashboard (*My sessions*)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from courses.completion import COURSE_COMPLETION_RULES
from courses.dashboard import LEARNER_DASHBOARD_PANELS
from courses.enrolment_choices import COURSE_ENROLMENT_CHOICE, COURSE_PAGE_SECTIONS

from . import admin_views
from .completion import attendance_requirements
from .feedback import feedback_panel
from .forms import CourseRunForm, SessionForm
from .models import CourseRun, Session
from .panels import run_panels, session_panels
from .runs import run_enrolment_choice, run_sessions_section
from .selectors import my_sessions_panel

# The learner's dashboard: their upcoming sessions and waitlist places.
hooks.register(LEARNER_DASHBOARD_PANELS, my_sessions_panel, order=20)
# ... and "Tell us how it went": the surveys awaiting their answer.
hooks.register(LEARNER_DASHBOARD_PANELS, feedback_panel, order=15)
# Completing a course whose runs ask for sessions: attend them (events.completion).
hooks.register(COURSE_COMPLETION_RULES, attendance_requirements, order=10)
# Enrolling in a course with runs: choose one; the course page shows its sessions.
hooks.register(COURSE_ENROLMENT_CHOICE, run_enrolment_choice)
hooks.register(COURSE_PAGE_SECTIONS, run_sessions_section, order=10)


class CourseRunViewSet(ModelViewSet):
    model = CourseRun
    name = "events_runs"
    url_prefix = "events/runs"
    icon = "group"
    menu_label = _("Course runs")
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = [
        "title",
        "course",
        "starts_on",
        "ends_on",
        Column("session_count", label=_("Sessions")),
        "capacity",
    ]
    list_filter = ["mode"]
    search_fields = ["title", "course__title"]
    index_view_class = admin_views.RunIndexView
    add_view_class = admin_views.RunCreateView
    edit_view_class = admin_views.RunEditView
    delete_view_class = admin_views.RunDeleteView
    history_view_class = admin_views.RunHistoryView
    usage_view_class = admin_views.RunUsageView

    @property
    def edit_handler(self):
        return ObjectList(run_panels(), base_form_class=CourseRunForm)


class SessionViewSet(ModelViewSet):
    model = Session
    name = "events_sessions"
    url_prefix = "events/sessions"
    icon = "date"
    menu_label = _("Sessions")
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = [
        "display_title",
        Column(
            "starts_at",
            label=_("Starts"),
            accessor="starts_label",
            sort_key="starts_at",
        ),
        "city",
        Column("registered_count", label=_("Registered")),
        "capacity",
        Column("waitlisted_count", label=_("Waitlist")),
        "cancelled_at",
    ]
    list_filter = ["kind", "city"]
    search_fields = ["title", "event__title", "run__title", "venue_name"]
    ordering = ["-starts_at"]
    index_view_class = admin_views.SessionIndexView
    add_view_class = admin_views.SessionCreateView
    edit_view_class = admin_views.SessionEditView
    delete_view_class = admin_views.SessionDeleteView
    history_view_class = admin_views.SessionHistoryView
    usage_view_class = admin_views.SessionUsageView

    @property
    def edit_handler(self):
        return ObjectList(session_panels(), base_form_class=SessionForm)


class EventsViewSetGroup(ViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 255
    items = (CourseRunViewSet, SessionViewSet)


@hooks.register("register_admin_viewset")
def register_events_viewsets():
    return EventsViewSetGroup()


@hooks.register("register_admin_urls")
def register_events_admin_urls():
    return [
        path(
            "events/sessions/<int:pk>/cancel/",
            admin_views.session_cancel,
            name="events_session_cancel",
        ),
    ]
