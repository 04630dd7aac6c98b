"""The events listing's filters and the guest registration form (public), and
the admin's forms for runs and sessions, which save through the services."""

import datetime

from django import forms
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import City

from .models import EventType, Session, time_zone_names
from .selectors import ONLINE

# --- public --------------------------------------------------------------------


class EventFilterForm(forms.Form):
    """The listing's filters, read from the query string. A value that is not
    one of the choices is an error of its field only: that filter is ignored."""

    city = forms.ChoiceField(label=_("City"), required=False)
    event_type = forms.ChoiceField(
        label=_("Type of event"),
        choices=[("", _("All types")), *EventType.choices],
        required=False,
    )
    month = forms.ChoiceField(label=_("Month"), required=False)

    def __init__(self, *args, months: list[datetime.date] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].choices = [
            ("", _("All cities")),
            (ONLINE, _("Online")),
            *[(value, label) for value, label in City.choices if value != "other"],
        ]
        self.fields["month"].choices = [
            ("", _("All months")),
            *[
                (
                    month.strftime("%Y-%m"),
                    formats.date_format(month, "YEAR_MONTH_FORMAT"),
                )
                for month in months
            ],
        ]

    def clean_month(self) -> datetime.date | None:
        value = self.cleaned_data.get("month")
        if not value:
            return None
        return datetime.datetime.strptime(value, "%Y-%m").date()


class GuestRegistrationForm(forms.Form):
    """Name and e-mail address of a person without an account (the service
    checks them again and says what is wrong next to each)."""

    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)

    def __init__(self, *args, session_id: int, **kwargs):
        # Ids of their own: one form per session on the event page.
        kwargs.setdefault("auto_id", f"guest-{session_id}-%s")
        super().__init__(*args, **kwargs)
        self.session_id = session_id
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"


class FeedbackForm(forms.Form):
    """The satisfaction survey: two ratings 1 to 5, yes or no, and optional
    words (events.feedback.feedback_submit checks them again). Each rating's
    points have a word, shown beside the number."""

    OVERALL = [
        (1, _("Poor")),
        (2, _("Fair")),
        (3, _("Good")),
        (4, _("Very good")),
        (5, _("Excellent")),
    ]
    USEFULNESS = [
        (1, _("Not useful")),
        (2, _("A little")),
        (3, _("Useful")),
        (4, _("Very useful")),
        (5, _("Extremely useful")),
    ]

    overall = forms.TypedChoiceField(
        label=_("Overall, how was it?"),
        choices=OVERALL,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how it was overall, from 1 to 5."),
            "invalid_choice": _("Choose a number from 1 to 5."),
        },
    )
    usefulness = forms.TypedChoiceField(
        label=_("How useful was it for your work?"),
        choices=USEFULNESS,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how useful it was, from 1 to 5."),
            "invalid_choice": _("Choose a number from 1 to 5."),
        },
    )
    would_recommend = forms.TypedChoiceField(
        label=_("Would you recommend it to a colleague?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose yes or no."),
            "invalid_choice": _("Choose yes or no."),
        },
    )
    comment = forms.CharField(
        label=_("Anything else you would like to tell us?"),
        help_text=_("Optional. What worked, what to change. At most 2,000 characters."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "max_length": _(
                "Keep it to %(limit_value)d characters (this is %(show_value)d)."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "feedback-%s")
        super().__init__(*args, **kwargs)


# --- the admin -----------------------------------------------------------------


def trainer_choices(field) -> None:
    """A trainer has a card per language: say which one each is."""
    field.queryset = field.queryset.select_related("locale").order_by("name", "pk")

    def label(trainer) -> str:
        return f"{trainer.name} ({trainer.locale.get_display_name()})"

    field.label_from_instance = label


class SessionTimesMixin:
    """The start and end are typed and shown in the session's own time zone
    (a Pécs session at 18:00 Pécs time), not in the editor's: the form shows
    the stored moments in that zone and reads what was typed in it."""

    TIME_FIELDS = ("starts_at", "ends_at")

    def _setup_times(self) -> None:
        if "time_zone" in self.fields:
            self.fields["time_zone"].widget = forms.Select(
                choices=[(name, name) for name in time_zone_names()]
            )
        if "trainer" in self.fields:
            trainer_choices(self.fields["trainer"])
        zone = self.instance.zone
        for name in self.TIME_FIELDS:
            value = getattr(self.instance, name, None)
            if value is not None and name in self.fields:
                self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def _clean_times(self, cleaned_data: dict) -> dict:
        zone_name = cleaned_data.get("time_zone")
        if not zone_name or zone_name not in time_zone_names():
            return cleaned_data
        zone = Session(time_zone=zone_name).zone
        for name in self.TIME_FIELDS:
            value = cleaned_data.get(name)
            if isinstance(value, datetime.datetime):
                typed = (
                    timezone.make_naive(value) if timezone.is_aware(value) else value
                )
                cleaned_data[name] = timezone.make_aware(typed, zone)
        return cleaned_data


class SessionForm(SessionTimesMixin, WagtailAdminModelForm):
    """A session on its own (*Events → Sessions*). A trainer chooses among the
    runs they may change; only course managers attach sessions to events. Saved
    through events.services.session_save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_times()
        from .selectors import manages_every_session, runs_visible_to

        user = self.for_user
        if user is not None and "run" in self.fields:
            self.fields["run"].queryset = runs_visible_to(user).select_related("course")
        if (
            user is not None
            and "event" in self.fields
            and not manages_every_session(user)
        ):
            # The panel leaves the field out for them already; never offer it.
            self.fields["event"].queryset = self.fields["event"].queryset.none()
            self.fields["event"].disabled = True

    def clean(self):
        cleaned_data = self._clean_times(super().clean())
        run = cleaned_data.get("run")
        # A trainer's form has no event field: the session keeps its event.
        event = (
            cleaned_data.get("event")
            if "event" in self.fields
            else self.instance.event_id
        )
        if not run and not event and "run" not in self.errors:
            self.add_error(
                "run", _("Choose the course run or the event this session belongs to.")
            )
        return cleaned_data

    def save(self, commit=True):
        from .services import session_save

        session = super().save(commit=False)
        if commit:
            session_save(session=session)
        return session


class SessionInlineForm(SessionTimesMixin, WagtailAdminModelForm):
    """A session in its run's form (the run's InlinePanel)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_times()

    def clean(self):
        return self._clean_times(super().clean())


class CourseRunForm(WagtailAdminModelForm):
    """A run with its sessions. Sessions are saved one by one through
    events.services.session_save (never by the cluster's own saving), so that
    every change of time or place is counted and the waitlist moves; a session
    with registrations cannot be deleted here (cancel it instead). Sessions of
    the form that overlap each other are refused."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from courses.selectors import courses_visible_to

        from .selectors import manages_every_session

        user = self.for_user
        if user is not None and "course" in self.fields:
            courses = self.fields["course"].queryset
            if not manages_every_session(user):
                courses = courses.filter(pk__in=courses_visible_to(user).values("pk"))
            self.fields["course"].queryset = courses.order_by("title")
        if "trainers" in self.fields:
            trainer_choices(self.fields["trainers"])

    def _session_forms(self) -> tuple[list, list]:
        formset = self.formsets.get("sessions")
        if formset is None:
            return [], []
        formset.is_valid()  # cleans each form (once), so deletions can be read
        kept, deleted = [], []
        for form in formset.forms:
            if formset.can_delete and formset._should_delete_form(form):
                if form.instance.pk:
                    deleted.append(form)
            elif form.has_changed() or form.instance.pk:
                kept.append(form)
        return kept, deleted

    def clean(self):
        cleaned_data = super().clean()
        kept, deleted = self._session_forms()
        for form in deleted:
            if form.instance.registrations.exists():
                form.add_error(
                    None,
                    _(
                        "This session has registrations: it cannot be deleted. "
                        "Cancel it instead (Sessions → Cancel)."
                    ),
                )
        timed = [
            form
            for form in kept
            if form.is_valid()
            and form.cleaned_data.get("starts_at")
            and form.cleaned_data.get("ends_at")
            and not form.instance.is_cancelled
        ]
        for number, form in enumerate(timed):
            for other in timed[:number]:
                if (
                    form.cleaned_data["starts_at"] < other.cleaned_data["ends_at"]
                    and other.cleaned_data["starts_at"] < form.cleaned_data["ends_at"]
                ):
                    form.add_error(
                        "starts_at",
                        _("This overlaps another session of this run."),
                    )
        required = cleaned_data.get("sessions_required") or 0
        if required and required > len(kept):
            self.add_error(
                "sessions_required",
                _(
                    "The run has %(count)s sessions: participants cannot be asked "
                    "to attend more."
                )
                % {"count": len(kept)},
            )
        return cleaned_data

    def save(self, commit=True):
        from .services import session_save

        kept, deleted = self._session_forms()
        with transaction.atomic():
            # The run and its trainers, without the cluster's saving of sessions.
            run = forms.ModelForm.save(self, commit=False)
            self.save_cluster_m2m()
            run.save()
            self._save_m2m()
            for form in deleted:
                form.instance.delete()
            for form in kept:
                if form.instance.is_cancelled or not form.has_changed():
                    continue
                session = forms.ModelForm.save(form, commit=False)
                session.run = run
                # A refusal here (a race lost since the form was checked)
                # leaves the whole run unsaved; the view shows it on the form.
                session_save(session=session)
        return run
