from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from accounts.models import CreativeSector
from assessments.entrecomp import Band

from ..blocks import LessonBodyBlock


def learning_hours(minutes: int) -> Decimal:
    """The one rounding of a course's learning time: its minutes to the nearest
    half hour (halves up), at least half an hour when there is anything to learn.
    The course page, the catalogue, the dashboard and the certificate all show
    this figure."""
    if minutes <= 0:
        return Decimal("0.0")
    halves = (Decimal(minutes) / 30).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return (max(halves, Decimal(1)) / 2).quantize(Decimal("0.1"))


class CourseIndexPage(Page):
    """The catalogue: every course of one language lives under its catalogue page."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)

    COURSES_PER_PAGE = 24

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from ..forms import CatalogueFilterForm
        from ..selectors import catalogue_search

        context = super().get_context(request, *args, **kwargs)
        form = CatalogueFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        context["filter_form"] = form
        # What the empty result says depends on what narrowed it.
        context["filtered"] = any(filters.values())
        others = any(value for name, value in filters.items() if name != "q")
        context["searched_only_for"] = "" if others else filters.get("q", "")
        courses = catalogue_search(index_page=self, **filters)
        paginator = Paginator(courses, self.COURSES_PER_PAGE)
        context["page_of_courses"] = paginator.get_page(request.GET.get("page"))
        context["course_count"] = paginator.count
        query = request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        return context


class CoursePageForm(WagtailAdminPageForm):
    sectors = forms.MultipleChoiceField(
        label=_("Creative sectors"),
        choices=CreativeSector.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave empty if the course suits every sector."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "trainers" in self.fields and self.instance.locale_id:
            # A trainer has a card per language: offer the course's language only
            # (both were listed, the same name twice), keeping what is chosen.
            chosen = self.instance.trainers.all() if self.instance.pk else []
            self.fields["trainers"].queryset = self.fields["trainers"].queryset.filter(
                models.Q(locale_id=self.instance.locale_id)
                | models.Q(pk__in=[trainer.pk for trainer in chosen])
            )


class EnrolmentMode(models.TextChoices):
    OPEN = "open", _("Open: learners enrol at once")
    APPROVAL = "approval", _("By approval: a course manager accepts each request")


class CoursePage(Page):
    summary = models.TextField(_("summary"), max_length=400)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    learning_outcomes = StreamField(
        [("outcome", blocks.CharBlock(label=_("Outcome"), max_length=250))],
        verbose_name=_("learning outcomes"),
        blank=True,
    )
    level = models.CharField(
        _("level"), max_length=16, choices=Band.choices, default=Band.FOUNDATION
    )
    # Derived, never typed: the published required lessons' minutes, through
    # learning_hours(). Kept on the row so lists of courses read it for free;
    # courses.receivers recounts it whenever a lesson or module changes.
    estimated_hours = models.DecimalField(
        _("hours of learning"),
        max_digits=5,
        decimal_places=1,
        default=0,
        editable=False,
        help_text=_(
            "The minutes of the course's published required lessons, to the "
            "nearest half hour. Change a lesson's minutes to change it."
        ),
    )
    trainers = ParentalManyToManyField(
        "courses.Trainer",
        verbose_name=_("trainers"),
        blank=True,
        related_name="courses",
    )
    competences = ParentalManyToManyField(
        "assessments.Competence",
        verbose_name=_("EntreComp competences it trains"),
        blank=True,
        related_name="courses",
    )
    sectors = models.JSONField(
        _("creative sectors"),
        default=list,
        blank=True,
        help_text=_("Leave empty if the course suits every sector."),
    )
    enrolment_mode = models.CharField(
        _("enrolment"),
        max_length=16,
        choices=EnrolmentMode.choices,
        default=EnrolmentMode.OPEN,
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    enrolment_opens_at = models.DateTimeField(
        _("enrolment opens"), null=True, blank=True
    )
    enrolment_closes_at = models.DateTimeField(
        _("enrolment closes"), null=True, blank=True
    )
    lessons_in_order = models.BooleanField(
        _("lessons in order"),
        default=False,
        help_text=_("Lock each lesson until the required lessons before it are done."),
    )
    assessment_before = models.BooleanField(
        _("self-assessment before enrolment"),
        default=False,
        help_text=_("Learners take the self-assessment before they can enrol."),
    )
    assessment_after = models.BooleanField(
        _("self-assessment after completion"),
        default=False,
        help_text=_(
            "Learners are invited to take it again when they complete the "
            "course, so the change can be measured."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("learning_outcomes"),
        FieldRowPanel(
            [FieldPanel("level"), FieldPanel("estimated_hours", read_only=True)]
        ),
        FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
        FieldPanel("competences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sectors"),
        MultiFieldPanel(
            [
                FieldPanel("enrolment_mode"),
                FieldPanel("capacity"),
                FieldRowPanel(
                    [
                        FieldPanel("enrolment_opens_at"),
                        FieldPanel("enrolment_closes_at"),
                    ]
                ),
                FieldPanel("lessons_in_order"),
                FieldRowPanel(
                    [FieldPanel("assessment_before"), FieldPanel("assessment_after")]
                ),
            ],
            heading=_("Enrolment"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("level"),
    ]
    base_form_class = CoursePageForm
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")

    def clean(self):
        super().clean()
        # Every save and every revision carries the hours its lessons add up
        # to now (a revision's copy would otherwise bring back an old figure).
        from ..selectors import course_required_minutes

        self.estimated_hours = learning_hours(course_required_minutes(course=self))
        unknown = set(self.sectors or []) - set(CreativeSector.values)
        if unknown:
            raise ValidationError({"sectors": _("Unknown creative sector.")})
        if (
            self.enrolment_opens_at
            and self.enrolment_closes_at
            and self.enrolment_closes_at <= self.enrolment_opens_at
        ):
            raise ValidationError(
                {"enrolment_closes_at": _("Enrolment must close after it opens.")}
            )

    def get_context(self, request, *args, block_errors=None, **kwargs):
        """`block_errors`: what a refused action says next to its form, by form
        (`enrol`), when the enrol or withdraw endpoint shows the page again."""
        from ..selectors import course_view_state

        context = super().get_context(request, *args, **kwargs)
        user = request.user if self.pk else None  # an unsaved page in preview
        context.update(course_view_state(course=self, user=user))
        context["block_errors"] = block_errors or {}
        return context

    def serve(self, request, *args, **kwargs):
        from ..services import course_visit_record

        response = super().serve(request, *args, **kwargs)
        if request.method == "GET" and response.status_code == 200:
            course_visit_record(course=self, user=request.user)
        return response

    @property
    def sector_labels(self) -> list[str]:
        labels = dict(CreativeSector.choices)
        return [labels[code] for code in self.sectors if code in labels]


class ModulePage(Page):
    summary = models.TextField(_("summary"), max_length=400, blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module")

    def serve(self, request, *args, **kwargs):
        # A module is a heading in the course outline, not a page of its own.
        return HttpResponseRedirect(self.get_parent().get_url(request))


class LessonPage(Page):
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=15
    )
    required = models.BooleanField(
        _("required"),
        default=True,
        help_text=_("Learners must complete required lessons to complete the course."),
    )
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("required")]),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")

    @property
    def quizzes(self) -> list:
        return [block for block in self.body if block.block_type == "quiz"]

    def quiz(self, quiz_id: str):
        return next((block for block in self.quizzes if block.id == quiz_id), None)

    def exercise(self, exercise_id: str):
        return next(
            (
                b
                for b in self.body
                if b.block_type == "exercise" and b.id == exercise_id
            ),
            None,
        )

    def get_context(
        self,
        request,
        *args,
        access=None,
        block_errors=None,
        quiz_draft=None,
        **kwargs,
    ):
        """`access`: what `courses.access.lesson_access` found (serve passes it);
        `block_errors`: what a refused action says next to its form, by form
        (`complete`, `quiz-<id>`, `ask-<id>`, `exercise-<id>`); `quiz_draft`:
        the answers of a refused quiz submission, by quiz id, to show again."""
        from ..access import lesson_access
        from ..selectors import lesson_view_state

        context = super().get_context(request, *args, **kwargs)
        access = access or lesson_access(user=request.user, lesson=self)
        context.update(
            lesson_view_state(
                lesson=self,
                course=access.course,
                enrolment=access.enrolment,
                enrolment_elsewhere=access.enrolment_elsewhere,
                outline=access.outline,
                preview=access.preview,
                # "Try again" opens a new try of that quiz; a refused submission
                # comes back with its answers.
                retry_quiz_id=request.GET.get("retry"),
                quiz_draft=quiz_draft,
            )
        )
        context["block_errors"] = block_errors or {}
        return context

    def serve(self, request, *args, **kwargs):
        """Lessons are for enrolled learners and the people who edit them, in
        the order the course sets (the rules: `courses.access`)."""
        from ..access import Refusal, lesson_access
        from ..services import lesson_visit

        access = lesson_access(user=request.user, lesson=self)
        if access.refusal is Refusal.LOGIN_REQUIRED:
            return redirect_to_login(request.get_full_path())
        if access.refusal is Refusal.NOT_ENROLLED:
            messages.info(request, _("Enrol in the course to open its lessons."))
            return HttpResponseRedirect(access.course.get_url(request))
        if access.refusal is Refusal.LOCKED:
            messages.info(
                request, _("Complete the earlier lessons of this course first.")
            )
            continue_entry = access.outline.continue_entry()
            target = continue_entry.lesson if continue_entry else access.course
            return HttpResponseRedirect(target.get_url(request))
        if access.enrolment and request.method == "GET":
            lesson_visit(user=request.user, lesson=self, enrolment=access.enrolment)
        return super().serve(request, *args, access=access, **kwargs)

    def get_preview_context(self, request, mode_name):
        # Only editors reach previews: show the lesson as a learner would see it,
        # without enrolment checks (the page may not even be saved yet).
        from ..access import lesson_preview_access

        return self.get_context(request, access=lesson_preview_access(lesson=self))
