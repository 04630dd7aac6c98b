"""Everything that changes self-assessment state. Each function is one transaction,
validates before it writes, changes nothing when it refuses, and raises
ValidationError with a message meant for the learner."""

from collections.abc import Mapping
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .definitions import (
    Definition,
    definition_digest,
    instrument_definition,
    item_ids,
    scale_values,
)
from .models import Instrument, InstrumentVersion, Response
from .signals import response_submitted

NOT_APPLICABLE = "na"

# An answer as it arrives: a scale value (int, or its form string "1".."5"), or
# None / "na" for "not relevant / don't know".
AnswerInput = int | str | None


def FOREIGN_ANSWERS() -> str:  # noqa: N802 - reads like the message it returns
    return _(
        "Some answers sent do not belong to this self-assessment. Reload the page "
        "and try again."
    )


def instrument_version_ensure(*, instrument: Instrument) -> InstrumentVersion:
    """The version holding the instrument's live content: the latest version if
    the content has not changed since, else a new version numbered after it.
    Existing versions are never changed, so stored answers keep their meaning.
    Idempotent; concurrent calls create one version."""
    with transaction.atomic():
        # The lock serialises version numbering for this instrument.
        instrument = Instrument.objects.select_for_update().get(pk=instrument.pk)
        if not instrument.live:
            raise ValidationError(
                _("This self-assessment is not available."), code="not_live"
            )
        definition = instrument_definition(instrument)
        digest = definition_digest(definition)
        latest = instrument.versions.order_by("-number").first()
        if latest is not None and latest.digest == digest:
            return latest
        return InstrumentVersion.objects.create(
            instrument=instrument,
            number=latest.number + 1 if latest else 1,
            definition=definition,
            digest=digest,
        )


def response_start(
    *, user, instrument: Instrument, now: datetime | None = None
) -> Response:
    """The learner's draft of this instrument (in any of its languages) if they
    have one, else a new draft on the instrument's current version, started at
    `now` (None: now). A learner never has two drafts of one instrument."""
    existing = Response.objects.filter(
        user=user,
        instrument_key=instrument.translation_key,
        status=Response.Status.DRAFT,
    ).first()
    if existing is not None:
        return existing
    now = now or timezone.now()
    with transaction.atomic():
        version = instrument_version_ensure(instrument=instrument)
        try:
            with transaction.atomic():
                return Response.objects.create(
                    user=user,
                    version=version,
                    instrument_key=instrument.translation_key,
                    started_at=now,
                    updated_at=now,
                )
        except IntegrityError:
            # Another request (a second tab) started the draft first.
            return Response.objects.get(
                user=user,
                instrument_key=instrument.translation_key,
                status=Response.Status.DRAFT,
            )


def _owned_draft(*, user, response: Response) -> Response:
    locked = (
        Response.objects.select_for_update(of=("self",))
        .select_related("version")
        .get(pk=response.pk)
    )
    if locked.user_id != user.pk:
        raise ValidationError(
            _("This self-assessment belongs to someone else."), code="not_owner"
        )
    if locked.status != Response.Status.DRAFT:
        raise ValidationError(
            _(
                "You have already submitted this self-assessment, so its answers "
                "can no longer change. Start a new attempt to answer again."
            ),
            code="submitted",
        )
    return locked


def _clean_answers(
    definition: Definition, answers: Mapping[str, AnswerInput]
) -> dict[str, int | None]:
    """Answers in stored form; refuses items of another instrument or version and
    values off the scale."""
    if set(answers) - item_ids(definition):
        raise ValidationError(FOREIGN_ANSWERS(), code="unknown_item")
    values = scale_values(definition)
    cleaned: dict[str, int | None] = {}
    for item_id, raw in answers.items():
        if raw is None or raw == NOT_APPLICABLE:
            cleaned[item_id] = None
            continue
        value: int | None = None
        if isinstance(raw, int) and not isinstance(raw, bool):
            value = raw
        elif isinstance(raw, str) and raw.isascii() and raw.isdigit():
            value = int(raw)
        if value not in values:
            raise ValidationError(
                _(
                    "Choose one of the points of the scale, or “not relevant / "
                    "don't know”, for each statement you answer."
                ),
                code="off_scale",
            )
        cleaned[item_id] = value
    return cleaned


def _check_step(definition: Definition, step: int) -> None:
    if not 1 <= step <= len(definition["areas"]):
        raise ValidationError(_("This step does not exist."), code="unknown_step")


def response_answers_save(
    *,
    user,
    response: Response,
    answers: Mapping[str, AnswerInput],
    step: int,
    now: datetime | None = None,
) -> Response:
    """Save one step's answers to the learner's draft (saved at `now`, None:
    now), keeping earlier answers to other items, and remember the step for
    resuming. Only the owner's draft can be changed; nothing is saved if any
    answer is refused."""
    with transaction.atomic():
        draft = _owned_draft(user=user, response=response)
        definition = draft.version.definition
        _check_step(definition, step)
        draft.answers = {**draft.answers, **_clean_answers(definition, answers)}
        draft.last_step = step
        draft.updated_at = now or timezone.now()
        draft.save(update_fields=["answers", "last_step", "updated_at"])
        return draft


def response_submit(
    *,
    user,
    response: Response,
    answers: Mapping[str, AnswerInput] | None = None,
    step: int | None = None,
    now: datetime | None = None,
) -> Response:
    """Submit the learner's draft at `now` (None: now), with the last step's
    answers if given. Items may be left unanswered (the result says where answers
    are too few), but at least one must be answered. A response is submitted
    once: a second submit is refused and changes nothing."""
    with transaction.atomic():
        draft = _owned_draft(user=user, response=response)
        definition = draft.version.definition
        if answers:
            draft.answers = {**draft.answers, **_clean_answers(definition, answers)}
        if step is not None:
            _check_step(definition, step)
            draft.last_step = step
        if not draft.answers:
            raise ValidationError(
                _("Answer at least one statement before you submit."), code="empty"
            )
        draft.status = Response.Status.SUBMITTED
        draft.submitted_at = draft.updated_at = now or timezone.now()
        draft.save()
        response_submitted.send(sender=Response, response=draft)
        return draft
