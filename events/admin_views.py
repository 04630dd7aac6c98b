"""The admin's screens for runs and sessions: Wagtail's generic views narrowed to
what each member of staff may see (course managers every run and session,
trainers those of the courses and runs they teach: events.selectors), forms
that save through the services, and the page that cancels a session."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.widgets.button import Button

from lms.middleware import validates_text_input

from . import services
from .models import Registration
from .selectors import runs_visible_to, sessions_visible_to

Status = Registration.Status


def add_service_errors(form, error: ValidationError) -> None:
    """A service's refusal next to the fields it names (else above the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


class Visible:
    """Objects the user may see: `visible(user)` is a selector."""

    visible = None

    def visible_queryset(self):
        return type(self).visible(self.request.user)


class VisibleObject(Visible):
    """Edit and delete (Django's SingleObjectMixin) look their object up among
    the visible ones: anything else is a 404."""

    def get_queryset(self):
        return self.visible_queryset()


class VisibleListedObject(Visible):
    """History and usage (Wagtail's BaseObjectMixin): the same, for views
    whose own queryset is the listing of the object's log or usage."""

    def get_base_object_queryset(self):
        return self.visible_queryset()


class ServiceFormMixin:
    """Create and edit views whose form saves through a service: its refusal
    (a race lost since the form was checked) is shown on the form, never a 500."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)


# --- runs ------------------------------------------------------------------------


class RunIndexView(Visible, generic.IndexView):
    visible = staticmethod(runs_visible_to)

    def get_base_queryset(self):
        return (
            self.visible_queryset()
            .select_related("course__locale")
            .annotate(session_count=Count("sessions", distinct=True))
        )


class RunCreateView(ServiceFormMixin, generic.CreateView):
    pass


class RunEditView(VisibleObject, ServiceFormMixin, generic.EditView):
    visible = staticmethod(runs_visible_to)


class RunDeleteView(VisibleObject, generic.DeleteView):
    """A run whose sessions have registrations is kept (their records count)."""

    visible = staticmethod(runs_visible_to)

    def get(self, request, *args, **kwargs):
        return self._kept() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._kept() or super().post(request, *args, **kwargs)

    def _kept(self) -> HttpResponse | None:
        if not Registration.objects.filter(session__run=self.object).exists():
            return None
        messages.error(
            self.request,
            _(
                "This run has registrations: it cannot be deleted. Cancel "
                "its sessions instead."
            ),
        )
        return HttpResponseRedirect(reverse("events_runs:edit", args=[self.object.pk]))


class RunHistoryView(VisibleListedObject, history.HistoryView):
    visible = staticmethod(runs_visible_to)


class RunUsageView(VisibleListedObject, usage.UsageView):
    visible = staticmethod(runs_visible_to)


# --- sessions --------------------------------------------------------------------


class SessionIndexView(Visible, generic.IndexView):
    visible = staticmethod(sessions_visible_to)

    def get_base_queryset(self):
        return (
            self.visible_queryset()
            .select_related("event", "run__course")
            .annotate(
                registered_count=Count(
                    "registrations", filter=Q(registrations__status=Status.REGISTERED)
                ),
                waitlisted_count=Count(
                    "registrations", filter=Q(registrations__status=Status.WAITLISTED)
                ),
            )
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.is_cancelled and not instance.has_ended():
            buttons.append(
                Button(
                    _("Cancel the session"),
                    url=reverse("events_session_cancel", args=[instance.pk]),
                    icon_name="warning",
                    priority=40,
                )
            )
        return buttons


class SessionCreateView(ServiceFormMixin, generic.CreateView):
    def get_initial(self):
        # "Add a session" on an event page's or a run's editor.
        initial = super().get_initial()
        for name in ("event", "run"):
            value = self.request.GET.get(name, "")
            if value.isdigit():
                initial[name] = int(value)
        return initial


class SessionEditView(VisibleObject, ServiceFormMixin, generic.EditView):
    visible = staticmethod(sessions_visible_to)

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        from .completion import attendance_sessions_of

        if attendance_sessions_of(self.request.user).filter(pk=self.object.pk):
            buttons += [
                Button(
                    _("Check-in screen"),
                    url=reverse("events:check_in_screen", args=[self.object.pk]),
                    icon_name="view",
                    priority=20,
                ),
                Button(
                    _("Attendance sheet"),
                    url=reverse("events:attendance_sheet", args=[self.object.pk]),
                    icon_name="list-ul",
                    priority=30,
                ),
                Button(
                    _("Sign-in sheet (PDF)"),
                    url=reverse("events:sign_in_sheet_pdf", args=[self.object.pk])
                    + "?version=blank",
                    icon_name="download",
                    priority=32,
                ),
                Button(
                    _("Attendance record (PDF)"),
                    url=reverse("events:sign_in_sheet_pdf", args=[self.object.pk])
                    + "?version=record",
                    icon_name="download",
                    priority=34,
                ),
                Button(
                    _("Attendance record (XLSX)"),
                    url=reverse("events:sign_in_sheet_xlsx", args=[self.object.pk])
                    + "?version=record",
                    icon_name="download",
                    priority=36,
                ),
            ]
        if not self.object.is_cancelled and not self.object.has_ended():
            buttons.append(
                Button(
                    _("Cancel the session"),
                    url=reverse("events_session_cancel", args=[self.object.pk]),
                    icon_name="warning",
                    priority=40,
                )
            )
        return buttons


class SessionDeleteView(VisibleObject, generic.DeleteView):
    """A session with registrations is kept: cancel it instead."""

    visible = staticmethod(sessions_visible_to)

    def get(self, request, *args, **kwargs):
        return self._kept() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._kept() or super().post(request, *args, **kwargs)

    def _kept(self) -> HttpResponse | None:
        if not self.object.registrations.exists():
            return None
        messages.error(
            self.request,
            _(
                "This session has registrations: it cannot be deleted. "
                "Cancel it instead."
            ),
        )
        return HttpResponseRedirect(
            reverse("events_sessions:edit", args=[self.object.pk])
        )


class SessionHistoryView(VisibleListedObject, history.HistoryView):
    visible = staticmethod(sessions_visible_to)


class SessionUsageView(VisibleListedObject, usage.UsageView):
    visible = staticmethod(sessions_visible_to)


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why is it cancelled?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=services.CANCELLATION_REASON_MAX_LENGTH,
        help_text=gettext_lazy(
            "Every registered and waitlisted participant gets an e-mail with it."
        ),
    )


@validates_text_input
def session_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancelling, confirmed: the page says what happens and asks for the
    reason the participants will read; only its form (with a reason) cancels."""
    if not request.user.has_perm("events.change_session"):
        raise PermissionDenied
    session = get_object_or_404(
        sessions_visible_to(request.user).select_related("event", "run__course"),
        pk=pk,
    )
    edit_url = reverse("events_sessions:edit", args=[session.pk])
    if session.is_cancelled:
        messages.error(request, _("This session has already been cancelled."))
        return HttpResponseRedirect(edit_url)
    form = CancelForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.session_cancel(session=session, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                messages.error(request, error.messages[0])
                return HttpResponseRedirect(edit_url)
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The session was cancelled. The participants are being e-mailed."),
            )
            return HttpResponseRedirect(edit_url)
    counts = session.registrations.aggregate(
        registered=Count("pk", filter=Q(status=Status.REGISTERED)),
        waitlisted=Count("pk", filter=Q(status=Status.WAITLISTED)),
    )
    title = _("Cancel the session")
    return TemplateResponse(
        request,
        "events/admin/cancel.html",
        {
            "session": session,
            "form": form,
            "edit_url": edit_url,
            "counts": counts,
            "page_title": title,
            "header_icon": "warning",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": reverse("events_sessions:index"), "label": _("Sessions")},
                {"url": edit_url, "label": str(session)},
                {"url": "", "label": title},
            ],
        },
    )
