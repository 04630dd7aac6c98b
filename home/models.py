from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from .blocks import BodyBlock


class HomePage(Page):
    """The site's front page, one per language."""

    hero_heading = models.CharField(_("hero heading"), max_length=160)
    hero_text = models.TextField(_("hero text"), max_length=600, blank=True)
    hero_cta_text = models.CharField(
        _("call to action text"), max_length=60, blank=True
    )
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call to action page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("hero_cta_text"),
        PageChooserPanel("hero_cta_page"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]
    max_count_per_parent = 1
    subpage_types = [
        "home.StandardPage",
        "courses.CourseIndexPage",
        "events.EventIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Wagtail's routing asks the database twice per level of the path (the
        child by its slug, then its specific page): a lesson four levels down
        cost eight queries. Here the pages of the path come in one query and
        the page asked for in one more, whatever the depth, with the same
        outcome (only the page asked for must be live); a path through a page
        type with routing of its own is left to Wagtail's."""
        if len(path_components) < 2:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[:depth]) + "/"
            for depth in range(1, len(path_components) + 1)
        ]
        found = {
            page.url_path: page for page in Page.objects.filter(url_path__in=prefixes)
        }
        lineage = [found.get(prefix) for prefix in prefixes]
        if any(
            page is None
            or page.specific_class is None
            or page.specific_class.route is not Page.route
            for page in lineage
        ):
            return super().route(request, path_components)
        parent = self
        for page in lineage:
            # As Wagtail's routing does: get_parent() needs no query.
            page._cached_parent_obj = parent
            parent = page
        page = lineage[-1].specific
        page._cached_parent_obj = lineage[-1]._cached_parent_obj
        if not page.live:
            raise Http404
        return RouteResult(page)


class StandardPage(Page):
    """A general page: about, privacy notice, terms."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)
    body = RichTextField(
        _("body"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"],
        blank=True,
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What an editor sets once per site: the privacy notice the sign-up form
    asks people to agree to, and the organisation named in the footer."""

    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(
        _("organisation name"),
        max_length=200,
        default="Regionalni center kreativne ekonomije (RCKE)",
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    panels = [
        PageChooserPanel("privacy_notice"),
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = _("site settings")
