from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

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
    subpage_types = ["home.StandardPage", "courses.CourseIndexPage"]

    class Meta:
        verbose_name = _("home page")


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
