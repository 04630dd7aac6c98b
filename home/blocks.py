from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class FeatureBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), max_length=600)
    link_page = blocks.PageChooserBlock(label=_("Link to page"), required=False)
    link_text = blocks.CharBlock(label=_("Link text"), required=False, max_length=60)

    class Meta:
        icon = "pick"
        template = "blocks/feature.html"
        label = _("Feature")


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
