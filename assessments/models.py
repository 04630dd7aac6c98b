import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index

from .blocks import InstrumentBodyBlock
from .entrecomp import COMPETENCE_NAMES, Area


class Competence(models.Model):
    """One of EntreComp's 15 competences. Rows are created by a migration and never
    edited: courses tag them, instruments score them, metrics group by them."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    area = models.CharField(_("area"), max_length=32, choices=Area.choices)
    sort_order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("EntreComp competence")
        verbose_name_plural = _("EntreComp competences")

    def __str__(self) -> str:
        return str(self.name)

    @property
    def name(self):
        return COMPETENCE_NAMES.get(self.code, self.code)


SCALE_BOTTOM = Decimal("1")
SCALE_TOP = Decimal("5")


def _threshold_field(label: str, default: str, help_text: str) -> models.DecimalField:
    return models.DecimalField(
        label,
        max_digits=3,
        decimal_places=2,
        default=Decimal(default),
        validators=[MinValueValidator(SCALE_BOTTOM), MaxValueValidator(SCALE_TOP)],
        help_text=help_text,
    )


class Instrument(
    TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, models.Model
):
    """A self-assessment questionnaire, authored in the Wagtail admin.

    A snippet rather than a page: an instrument has no place in the site's page
    tree and no URL of its own (learners take it at /assessment/, courses may refer
    to it), yet it still needs translations (TranslatableMixin: one instrument per
    language, linked by translation_key), drafts and revisions.

    Its areas, competences and statements are one StreamField: three levels of
    nesting that InlinePanel cannot express, and list blocks give every statement a
    stable id. Learners never answer this model directly: publishing (or the first
    learner to start) freezes the live content into an immutable InstrumentVersion,
    and answers are stored against that version."""

    title = models.CharField(_("title"), max_length=150)
    introduction = models.TextField(_("introduction"), max_length=1500, blank=True)
    is_default = models.BooleanField(
        _("offer on the self-assessment page"),
        default=False,
        help_text=_(
            "Learners take this instrument at /assessment/ in its language. If "
            "several (or none) are ticked, the oldest live one is offered."
        ),
    )
    label_1 = models.CharField(_("point 1 (lowest)"), max_length=80)
    label_2 = models.CharField(_("point 2"), max_length=80)
    label_3 = models.CharField(_("point 3"), max_length=80)
    label_4 = models.CharField(_("point 4"), max_length=80)
    label_5 = models.CharField(_("point 5 (highest)"), max_length=80)
    label_not_applicable = models.CharField(
        _("not relevant / don't know"), max_length=80
    )
    threshold_intermediate = _threshold_field(
        _("Intermediate from"), "2.5", _("Lowest mean score of the Intermediate band.")
    )
    threshold_advanced = _threshold_field(
        _("Advanced from"), "3.5", _("Lowest mean score of the Advanced band.")
    )
    threshold_expert = _threshold_field(
        _("Expert from"), "4.5", _("Lowest mean score of the Expert band.")
    )
    body = StreamField(
        InstrumentBodyBlock(),
        verbose_name=_("areas and competences"),
        help_text=_(
            "One area per step of the questionnaire. Changing a published "
            "instrument creates a new version; answers already given keep the "
            "version they were given to."
        ),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("introduction"),
        FieldPanel("is_default"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel(f"label_{value}") for value in range(1, 6)],
                ),
                FieldPanel("label_not_applicable"),
            ],
            heading=_("Scale labels"),
            help_text=_("Every point of the five-point scale is labelled."),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("threshold_intermediate"),
                        FieldPanel("threshold_advanced"),
                        FieldPanel("threshold_expert"),
                    ]
                )
            ],
            heading=_("Bands"),
            help_text=_(
                "A competence's band follows from its mean score: Foundation from "
                "1, then Intermediate, Advanced and Expert from these values."
            ),
        ),
        FieldPanel("body"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("self-assessment instrument")
        verbose_name_plural = _("self-assessment instruments")

    def __str__(self) -> str:
        return self.title

    @property
    def scale_labels(self) -> list[str]:
        return [self.label_1, self.label_2, self.label_3, self.label_4, self.label_5]

    def clean(self) -> None:
        super().clean()
        thresholds = [
            ("threshold_intermediate", self.threshold_intermediate),
            ("threshold_advanced", self.threshold_advanced),
            ("threshold_expert", self.threshold_expert),
        ]
        if any(value is None for _name, value in thresholds):
            return
        lower = SCALE_BOTTOM
        for name, value in thresholds:
            if value <= lower:
                raise ValidationError(
                    {
                        name: _(
                            "Each band must start above the one before it "
                            "(and above 1)."
                        )
                    }
                )
            lower = value


class InstrumentVersion(models.Model):
    """The content of an instrument at one moment, frozen. Created (never changed)
    when the instrument is published or first taken after its content changed;
    responses point here, so their answers always mean what the learner read."""

    instrument = models.ForeignKey(
        Instrument,
        verbose_name=_("instrument"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    definition = models.JSONField(_("definition"))
    digest = models.CharField(_("content digest"), max_length=64)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("instrument version")
        verbose_name_plural = _("instrument versions")
        ordering = ["instrument", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "number"], name="assessments_version_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.definition.get('title', '')} v{self.number}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise TypeError("An instrument version is immutable once created.")
        super().save(*args, **kwargs)


class Response(models.Model):
    """One learner's attempt at an instrument version: a draft while they answer,
    then submitted and never changed again. Addressed by an unguessable UUID."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("In progress")
        SUBMITTED = "submitted", _("Submitted")

    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        # Kept without a person when the learner erases their account: submitted
        # answers still count in the anonymous learning-gain statistics.
        null=True,
        on_delete=models.SET_NULL,
        related_name="assessment_responses",
    )
    version = models.ForeignKey(
        InstrumentVersion,
        verbose_name=_("instrument version"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    # The instrument's translation_key: attempts at any language of one
    # instrument are one series (one draft at a time, compared with each other).
    instrument_key = models.UUIDField(_("instrument"), db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    # {item id: 1..5, or null for "not relevant / don't know"}; an item that is
    # not a key has not been answered.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    last_step = models.PositiveSmallIntegerField(_("last step saved"), default=0)
    started_at = models.DateTimeField(
        _("started"), default=timezone.now, editable=False
    )
    updated_at = models.DateTimeField(
        _("last saved"), default=timezone.now, editable=False
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("self-assessment response")
        verbose_name_plural = _("self-assessment responses")
        ordering = ["-submitted_at", "-started_at"]
        permissions = [
            (
                "view_any_response",
                _("Can view any learner's self-assessment result"),
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "instrument_key"],
                condition=Q(status="draft"),
                name="assessments_one_draft_per_instrument",
            )
        ]
        indexes = [
            models.Index(fields=["user", "status", "submitted_at"]),
            models.Index(fields=["submitted_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.version}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @property
    def definition(self):
        return self.version.definition
