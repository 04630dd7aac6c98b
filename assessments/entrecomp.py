"""The EntreComp framework (JRC 2016): 3 areas, 15 competences, 4 bands.

Codes are stable identifiers shared by instruments, courses and metrics; names are
translated in the interface."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    IDEAS_OPPORTUNITIES = "ideas_opportunities", _("Ideas and opportunities")
    RESOURCES = "resources", _("Resources")
    INTO_ACTION = "into_action", _("Into action")


class Band(models.TextChoices):
    FOUNDATION = "foundation", _("Foundation")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")
    EXPERT = "expert", _("Expert")


BAND_ORDER = [Band.FOUNDATION, Band.INTERMEDIATE, Band.ADVANCED, Band.EXPERT]

# (code, area, name), in the framework's order.
COMPETENCES: list[tuple[str, str, str]] = [
    ("spotting_opportunities", Area.IDEAS_OPPORTUNITIES, _("Spotting opportunities")),
    ("creativity", Area.IDEAS_OPPORTUNITIES, _("Creativity")),
    ("vision", Area.IDEAS_OPPORTUNITIES, _("Vision")),
    ("valuing_ideas", Area.IDEAS_OPPORTUNITIES, _("Valuing ideas")),
    (
        "ethical_sustainable_thinking",
        Area.IDEAS_OPPORTUNITIES,
        _("Ethical and sustainable thinking"),
    ),
    ("self_awareness", Area.RESOURCES, _("Self-awareness and self-efficacy")),
    ("motivation_perseverance", Area.RESOURCES, _("Motivation and perseverance")),
    ("mobilising_resources", Area.RESOURCES, _("Mobilising resources")),
    ("financial_literacy", Area.RESOURCES, _("Financial and economic literacy")),
    ("mobilising_others", Area.RESOURCES, _("Mobilising others")),
    ("taking_initiative", Area.INTO_ACTION, _("Taking the initiative")),
    ("planning_management", Area.INTO_ACTION, _("Planning and management")),
    (
        "coping_with_uncertainty",
        Area.INTO_ACTION,
        _("Coping with uncertainty, ambiguity and risk"),
    ),
    ("working_with_others", Area.INTO_ACTION, _("Working with others")),
    ("learning_through_experience", Area.INTO_ACTION, _("Learning through experience")),
]
COMPETENCE_NAMES = {code: name for code, _area, name in COMPETENCES}
