"""StreamField blocks for authoring an instrument: areas hold dimensions, each
dimension scores one EntreComp competence through its items (can-do statements).

A list item keeps its block id when an editor rewords, moves or translates it;
instrument versions use those ids as the items' stable identifiers."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from .entrecomp import COMPETENCE_NAMES, COMPETENCES, Area

COMPETENCE_AREA = {code: area for code, area, _name in COMPETENCES}
MIN_ITEMS_PER_DIMENSION = 3


class DimensionBlock(blocks.StructBlock):
    competence = blocks.ChoiceBlock(
        label=_("EntreComp competence"),
        choices=[(code, name) for code, _area, name in COMPETENCES],
        help_text=_("The competence these statements measure."),
    )
    name = blocks.CharBlock(
        label=_("name"),
        max_length=120,
        help_text=_("The competence's name as learners read it, in this language."),
    )
    description = blocks.TextBlock(label=_("description"), required=False)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("statement"), max_length=300),
        label=_("statements"),
        min_num=MIN_ITEMS_PER_DIMENSION,
        help_text=_(
            "Positively worded “I can …” statements, at least three per "
            "competence; each is answered on the instrument's five-point scale."
        ),
    )

    class Meta:
        icon = "list-ul"
        label = _("Competence")


class AreaBlock(blocks.StructBlock):
    area = blocks.ChoiceBlock(label=_("EntreComp area"), choices=Area.choices)
    name = blocks.CharBlock(
        label=_("name"),
        max_length=120,
        help_text=_("The area's name as learners read it, in this language."),
    )
    dimensions = blocks.ListBlock(DimensionBlock(), label=_("competences"), min_num=1)

    class Meta:
        icon = "folder-open-inverse"
        label = _("Area (one step of the questionnaire)")

    def clean(self, value):
        value = super().clean(value)
        foreign = [
            str(COMPETENCE_NAMES[dimension["competence"]])
            for dimension in value["dimensions"]
            if COMPETENCE_AREA.get(dimension["competence"]) != value["area"]
        ]
        if foreign:
            raise StructBlockValidationError(
                non_block_errors=ErrorList(
                    [
                        ValidationError(
                            _(
                                "These competences belong to another EntreComp "
                                "area: %(names)s."
                            )
                            % {"names": ", ".join(foreign)}
                        )
                    ]
                )
            )
        return value


class InstrumentBodyBlock(blocks.StreamBlock):
    area = AreaBlock()

    class Meta:
        min_num = 1

    def clean(self, value):
        value = super().clean(value)
        areas = [child.value["area"] for child in value]
        codes = [
            dimension["competence"]
            for child in value
            for dimension in child.value["dimensions"]
        ]
        errors = []
        if len(set(areas)) != len(areas):
            errors.append(ValidationError(_("Each area may appear only once.")))
        repeated = sorted({code for code in codes if codes.count(code) > 1})
        if repeated:
            errors.append(
                ValidationError(
                    _("Each competence may appear only once: %(names)s.")
                    % {"names": ", ".join(str(COMPETENCE_NAMES[c]) for c in repeated)}
                )
            )
        if errors:
            raise StreamBlockValidationError(non_block_errors=ErrorList(errors))
        return value
