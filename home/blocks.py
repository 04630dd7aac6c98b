from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# Places of the site that are views, not pages, which a feature may link to:
# (value, label, URL name), resolved in the page's language.
SITE_DESTINATIONS = [
    ("assessment", _("Self-assessment"), "assessments:landing"),
    ("verify", _("Verify a certificate"), "certificates:verify_form"),
]


class FeatureValue(blocks.StructValue):
    def destination_url(self) -> str:
        """The URL of the chosen site destination, or "" (none chosen, or its
        app is not installed)."""
        names = {value: name for value, _label, name in SITE_DESTINATIONS}
        name = names.get(self.get("link_to") or "")
        if not name:
            return ""
        try:
            return reverse(name)
        except NoReverseMatch:
            return ""


class FeatureBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), max_length=600)
    link_page = blocks.PageChooserBlock(label=_("Link to page"), required=False)
    link_to = blocks.ChoiceBlock(
        label=_("Or link to"),
        choices=[(value, label) for value, label, _name in SITE_DESTINATIONS],
        required=False,
        help_text=_("A part of the site that is not a page. A page chosen above wins."),
    )
    link_text = blocks.CharBlock(label=_("Link text"), required=False, max_length=60)

    class Meta:
        icon = "pick"
        template = "blocks/feature.html"
        label = _("Feature")
        value_class = FeatureValue


class FeatureListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    features = blocks.ListBlock(FeatureBlock(), label=_("Features"))

    class Meta:
        icon = "list-ul"
        template = "blocks/feature_list.html"
        label = _("Feature list")


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), form_classname="title", template="blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "ol", "ul", "h3", "h4"],
        template="blocks/paragraph.html",
    )
    features = FeatureListBlock()
