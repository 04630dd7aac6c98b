"""The public pages: the events listing of a language (`EventIndexPage`, with the
past events as an archive at `past/`) and one page per event (`EventPage`), whose
sessions people register for."""

from django.core.paginator import Paginator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class EventType(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    FAIR_PRESENTATION = "fair_presentation", _("Fair presentation")
    CONFERENCE = "conference", _("Conference")
    NETWORKING = "networking", _("Networking meeting")


class EventIndexPage(RoutablePageMixin, Page):
    """The events of one language, under its home page ("Events" / "Dogodki"):
    upcoming ones first, filtered by city, type and month; `past/` keeps the
    ones that are over as an archive. In the site's menu by default."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)

    EVENTS_PER_PAGE = 12

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    show_in_menus_default = True

    class Meta:
        verbose_name = _("events listing")

    def listing_context(self, request, *, past: bool) -> dict:
        from ..forms import EventFilterForm
        from ..selectors import event_listing, event_listing_months, shown_session

        form = EventFilterForm(
            request.GET or None,
            months=event_listing_months(index_page=self, past=past),
        )
        # A value that is not one of the choices is ignored, the others apply.
        form.is_valid()
        filters = {
            name: value
            for name, value in getattr(form, "cleaned_data", {}).items()
            if value
        }
        events = event_listing(index_page=self, past=past, **filters)
        paginator = Paginator(events, self.EVENTS_PER_PAGE)
        page_of_events = paginator.get_page(request.GET.get("page"))
        page_of_events.object_list = list(page_of_events.object_list)
        for event in page_of_events.object_list:
            event.shown_session = shown_session(event, past=past)
        query = request.GET.copy()
        query.pop("page", None)
        return {
            "filter_form": form,
            "filtered": bool(filters),
            "past": past,
            "page_of_events": page_of_events,
            "event_count": paginator.count,
            "filter_query": query.urlencode(),
            "upcoming_url": self.url,
            "past_url": self.url + self.reverse_subpage("past"),
        }

    @path("")
    def upcoming(self, request):
        context = self.get_context(request)
        context.update(self.listing_context(request, past=False))
        return TemplateResponse(request, self.get_template(request), context)

    @path("past/")
    def past(self, request):
        context = self.get_context(request)
        context.update(self.listing_context(request, past=True))
        return TemplateResponse(request, self.get_template(request), context)


class SessionsHelpPanel(HelpPanel):
    """On the event page's editor: its sessions (dates, places, registrations)
    are kept in *Events → Sessions*, not in the page's revisions, because every
    change of time or place goes through events.services.session_save."""

    def __init__(self, template="events/admin/event_sessions_panel.html", **kwargs):
        super().__init__(template=template, **kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            from django.urls import reverse

            context = super().get_context_data(parent_context)
            page = self.instance
            context["sessions"] = (
                list(page.sessions.order_by("starts_at")) if page.pk else []
            )
            context["add_url"] = (
                reverse("events_sessions:add") + f"?event={page.pk}" if page.pk else ""
            )
            return context


class EventPage(Page):
    """One event (a workshop, a fair presentation, a conference, a networking
    meeting) with one or several sessions (a conference's days, a workshop's
    two dates), each registered for on its own. `open_to_guests`: people
    without an account may register by name and e-mail, confirmed by a link."""

    event_type = models.CharField(
        _("type of event"),
        max_length=24,
        choices=EventType.choices,
        default=EventType.WORKSHOP,
    )
    summary = models.TextField(_("summary"), max_length=400)
    body = RichTextField(
        _("description"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        blank=True,
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    open_to_guests = models.BooleanField(
        _("open to guests"),
        default=False,
        help_text=_(
            "People without an account may register with their name and e-mail "
            "address (they confirm by a link we e-mail them)."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("event_type"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("open_to_guests"),
        SessionsHelpPanel(heading=_("Sessions")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("event_type"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")

    def get_context(self, request, *args, block_errors=None, guest_form=None, **kw):
        """`block_errors`: what a refused action says next to its form, by
        `session-<id>`; `guest_form`: a refused guest registration's form, to
        show again with its messages."""
        from ..forms import GuestRegistrationForm
        from ..selectors import session_states

        context = super().get_context(request, *args, **kw)
        sessions = list(self.sessions.order_by("starts_at", "pk")) if self.pk else []
        context["session_states"] = session_states(sessions=sessions, user=request.user)
        context["block_errors"] = block_errors = block_errors or {}
        for state in context["session_states"]:
            state.error = block_errors.get(f"session-{state.session.pk}", "")
        if self.open_to_guests and not request.user.is_authenticated:
            # One form per session (ids of its own); a refused one comes back.
            for state in context["session_states"]:
                session_id = state.session.pk
                if guest_form is not None and guest_form.session_id == session_id:
                    state.guest_form = guest_form
                else:
                    state.guest_form = GuestRegistrationForm(session_id=session_id)
        return context
