"""The admin's edit forms for runs and sessions (panels for the viewsets in
wagtail_hooks)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
)

from .forms import SessionInlineForm
from .roles import MANAGE_EVERY_SESSION


class ParticipantsPanel(HelpPanel):
    """Who registered for the session (read-only), in arrival order, with the
    waitlist positions: for the staff who may see the session."""

    def __init__(self, template="events/admin/participants_panel.html", **kwargs):
        super().__init__(template=template, **kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            from .models import Registration
            from .selectors import with_waitlist_position

            context = super().get_context_data(parent_context)
            context["participants"] = list(
                with_waitlist_position(
                    self.instance.registrations.filter(
                        status__in=Registration.ACTIVE_STATUSES
                    )
                )
                .select_related("user")
                .order_by("confirmed_at", "pk")
            )
            context["session"] = self.instance
            return context


class SessionsInlinePanel(InlinePanel):
    """The run's sessions, each with the session form's time-zone handling."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = SessionInlineForm
        return options


def _place_panels() -> list:
    return [
        FieldPanel("kind"),
        FieldPanel("meeting_url"),
        FieldPanel("venue_name"),
        FieldRowPanel([FieldPanel("address"), FieldPanel("room")]),
        FieldPanel("city"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]


def session_panels(*, inline: bool = False) -> list:
    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("time_zone"),
        MultiFieldPanel(_place_panels(), heading=_("Place")),
        FieldRowPanel(
            [FieldPanel("capacity"), FieldPanel("trainer", widget=forms.Select)]
        ),
    ]
    if inline:
        return panels
    return [
        MultiFieldPanel(
            [
                FieldPanel("run"),
                FieldPanel(
                    "event", widget=forms.Select, permission=MANAGE_EVERY_SESSION
                ),
            ],
            heading=_("Part of"),
        ),
        *panels,
        ParticipantsPanel(heading=_("Participants")),
    ]


def run_panels() -> list:
    return [
        # A select of the courses one may set runs for, not the page explorer.
        FieldPanel("course", widget=forms.Select),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("mode")]),
        FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sessions_required"),
        SessionsInlinePanel(
            "sessions",
            panels=session_panels(inline=True),
            heading=_("Sessions"),
            label=_("Session"),
        ),
    ]
