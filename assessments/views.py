from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks

from . import services
from .charts import radar_chart
from .definitions import Definition, step_item_ids
from .models import Response
from .scoring import MIN_ANSWERS, NOISE, Result, compare
from .selectors import (
    can_view_response,
    draft_for,
    instrument_wording,
    offered_instrument,
    previous_response,
    response_result,
    resume_step,
    submitted_responses,
)

ITEM_FIELD_PREFIX = "item-"
RESULT_PANELS_HOOK = "assessments_result_panels"
ACTIONS = {"next", "previous", "later", "submit"}
STRENGTHS_SHOWN = 3


def _step_url(response: Response, step: int) -> str:
    return reverse("assessments:step", args=[response.uuid, step])


def _result_url(response: Response) -> str:
    return reverse("assessments:result", args=[response.uuid])


def _own_response(request: HttpRequest, response_id) -> Response:
    # Someone else's response is answered exactly like one that does not exist.
    return get_object_or_404(
        Response.objects.select_related("version"),
        uuid=response_id,
        user=request.user,
    )


def landing(request: HttpRequest) -> HttpResponse:
    instrument = offered_instrument()
    context = {"instrument": instrument, "draft": None, "attempts": []}
    if instrument is not None and request.user.is_authenticated:
        draft = draft_for(user=request.user, instrument=instrument)
        if draft is not None:
            context["draft"] = draft
            context["resume_url"] = _step_url(draft, resume_step(draft))
            context["draft_answered"] = len(draft.answers)
            context["draft_total"] = sum(
                len(ids) for ids in step_item_ids(draft.version.definition)
            )
        context["attempts"] = list(submitted_responses(user=request.user))
    if instrument is not None:
        steps = instrument.body
        context["step_count"] = len(steps)
        context["item_count"] = sum(
            len(dimension["items"])
            for area in steps
            for dimension in area.value["dimensions"]
        )
    return render(request, "assessments/landing.html", context)


@login_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    instrument = offered_instrument()
    if instrument is None:
        raise Http404
    try:
        response = services.response_start(user=request.user, instrument=instrument)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return HttpResponseRedirect(reverse("assessments:landing"))
    return HttpResponseRedirect(_step_url(response, resume_step(response)))


def _step_context(
    response: Response, step: int, answers: dict[str, str | int | None]
) -> dict:
    """What the step template shows: the area's competences and statements, each
    with its options and the learner's answer, and where the step stands."""
    definition: Definition = response.version.definition
    saved = response.answers
    step_ids = step_item_ids(definition)
    steps = [
        {
            "number": number,
            "name": area["name"],
            "answered": sum(1 for item_id in ids if item_id in saved),
            "total": len(ids),
            "current": number == step,
        }
        for number, (area, ids) in enumerate(
            zip(definition["areas"], step_ids, strict=True), start=1
        )
    ]
    options = [
        (str(point["value"]), f"{point['value']} · {point['label']}")
        for point in definition["scale"]
    ] + [(services.NOT_APPLICABLE, definition["not_applicable_label"])]
    area = definition["areas"][step - 1]
    competences = []
    for dimension in area["dimensions"]:
        items = []
        for item in dimension["items"]:
            chosen = answers.get(item["id"], "")
            chosen = services.NOT_APPLICABLE if chosen is None else str(chosen)
            items.append(
                {
                    "id": item["id"],
                    "text": item["text"],
                    "field": f"{ITEM_FIELD_PREFIX}{item['id']}",
                    "options": [
                        {
                            "value": value,
                            "label": label,
                            "input_id": f"i-{item['id']}-{value}",
                            "checked": value == chosen,
                        }
                        for value, label in options
                    ],
                }
            )
        competences.append(
            {
                "code": dimension["competence"],
                "name": dimension["name"],
                "description": dimension["description"],
                "items": items,
            }
        )
    return {
        "response": response,
        "definition": definition,
        "content_language": definition["language"],
        "step": step,
        "step_count": len(steps),
        "steps": steps,
        "area": area,
        "competences": competences,
        "is_first": step == 1,
        "is_last": step == len(steps),
        "unanswered_total": sum(s["total"] - s["answered"] for s in steps),
    }


@login_required
def step(request: HttpRequest, response_id, number: int) -> HttpResponse:
    response = _own_response(request, response_id)
    definition = response.version.definition
    if not 1 <= number <= len(definition["areas"]):
        raise Http404
    if request.method != "POST":
        if response.is_submitted:
            return HttpResponseRedirect(_result_url(response))
        context = _step_context(response, number, response.answers)
        return render(request, "assessments/step.html", context)

    answers = {
        key[len(ITEM_FIELD_PREFIX) :]: request.POST.get(key)
        for key in request.POST
        if key.startswith(ITEM_FIELD_PREFIX)
    }
    action = request.POST.get("action", "next")
    if action not in ACTIONS:
        action = "next"
    try:
        if action == "submit":
            response = services.response_submit(
                user=request.user, response=response, answers=answers, step=number
            )
        else:
            response = services.response_answers_save(
                user=request.user, response=response, answers=answers, step=number
            )
    except ValidationError as error:
        context = _step_context(response, number, {**response.answers, **answers})
        context["error"] = error.messages[0]
        return render(request, "assessments/step.html", context, status=400)

    if action == "submit":
        return HttpResponseRedirect(_result_url(response))
    if action == "later":
        messages.success(
            request,
            _("Your answers are saved. Come back whenever you like to continue."),
        )
        return HttpResponseRedirect(reverse("assessments:landing"))
    if action == "previous":
        return HttpResponseRedirect(_step_url(response, max(number - 1, 1)))
    if number == len(definition["areas"]):
        return HttpResponseRedirect(_step_url(response, number))
    return HttpResponseRedirect(_step_url(response, number + 1))


def _table_rows(result: Result, previous: Result | None) -> list[dict]:
    changes = {c.code: c for c in compare(previous, result)} if previous else {}
    rows = []
    for area in result.areas:
        for competence in area.competences:
            rows.append(
                {
                    "competence": competence,
                    "area": area,
                    "change": changes.get(competence.code),
                }
            )
    return rows


def _summary(result: Result) -> dict:
    """The strongest and weakest competences in words; none when the scores do
    not tell them apart."""
    scored = [c for c in result.competences if c.mean is not None]
    shown = min(STRENGTHS_SHOWN, len(scored) // 2)
    if shown == 0 or len({c.mean for c in scored}) == 1:
        return {"strongest": [], "weakest": [], "all_equal": len(scored) > 1}
    return {
        "strongest": result.strongest(shown),
        "weakest": result.weakest(shown),
        "all_equal": False,
    }


def _result_panels(request: HttpRequest, response: Response, result: Result) -> list:
    """HTML that other apps add below a result (course recommendations), through
    the Wagtail hook `assessments_result_panels`: each hook is called with
    request, response and result and returns safe HTML or None. Assessments
    knows nothing of who answers."""
    panels = []
    for hook in hooks.get_hooks(RESULT_PANELS_HOOK):
        panel = hook(request=request, response=response, result=result)
        if panel:
            panels.append(panel)
    return panels


@login_required
def result(request: HttpRequest, response_id) -> HttpResponse:
    response = (
        Response.objects.select_related("version", "user")
        .filter(uuid=response_id)
        .first()
    )
    if response is None or not can_view_response(user=request.user, response=response):
        raise Http404
    if not response.is_submitted:
        if response.user_id != request.user.pk:
            raise Http404
        return HttpResponseRedirect(_step_url(response, resume_step(response)))
    # Named in the page's language (the instrument's translation), scored as
    # answered.
    wording = instrument_wording(response=response, language=get_language())
    current = wording.result(response_result(response))
    earlier = previous_response(response)
    previous = wording.result(response_result(earlier)) if earlier else None
    context = {
        "response": response,
        "definition": response.version.definition,
        "instrument_title": wording.title,
        "content_language": wording.language,
        "result": current,
        "extra_panels": _result_panels(request, response, current),
        "previous_response": earlier,
        "previous": previous,
        "rows": _table_rows(current, previous),
        "chart": radar_chart(result=current, previous=previous)
        if len(current.competences) >= 3
        else None,
        "chart_numbered": radar_chart(result=current, previous=previous, numbered=True)
        if len(current.competences) >= 3
        else None,
        "min_answers": MIN_ANSWERS,
        "thresholds": {
            band: formats.number_format(Decimal(value).normalize())
            for band, value in response.version.definition["thresholds"].items()
        },
        "noise": float(NOISE),
        "is_own": response.user_id == request.user.pk,
        **_summary(current),
    }
    return render(request, "assessments/result.html", context)


class CompareForm(forms.Form):
    earlier = forms.ChoiceField(label=gettext_lazy("Earlier attempt"))
    later = forms.ChoiceField(label=gettext_lazy("Later attempt"))

    def __init__(self, *args, attempts: list[Response], **kwargs):
        super().__init__(*args, **kwargs)
        # Newest first; numbered from the first attempt so equal times differ.
        # Short enough for a phone's select: a short date, and the title only
        # when the attempts are at different instruments.
        one_instrument = len({attempt.instrument_key for attempt in attempts}) == 1
        choices = []
        for index, attempt in enumerate(attempts):
            moment = timezone.localtime(attempt.submitted_at)
            values = {
                "number": len(attempts) - index,
                "date": formats.date_format(moment, "SHORT_DATE_FORMAT"),
                "time": formats.time_format(moment, "TIME_FORMAT"),
                "title": attempt.version.definition["title"],
            }
            label = (
                _("Attempt %(number)s: %(date)s, %(time)s")
                if one_instrument
                else _("Attempt %(number)s: %(date)s, %(time)s · %(title)s")
            )
            choices.append((str(attempt.uuid), label % values))
        self.fields["earlier"].choices = choices
        self.fields["later"].choices = choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("earlier") and cleaned.get("earlier") == cleaned.get("later"):
            raise forms.ValidationError(_("Choose two different attempts to compare."))
        return cleaned


@login_required
def history(request: HttpRequest) -> HttpResponse:
    attempts = list(submitted_responses(user=request.user))
    by_uuid = {str(attempt.uuid): attempt for attempt in attempts}
    context: dict = {"attempts": attempts, "noise": float(NOISE)}
    if len(attempts) >= 2:
        data = request.GET if "earlier" in request.GET else None
        initial = {"earlier": str(attempts[1].uuid), "later": str(attempts[0].uuid)}
        form = CompareForm(data, attempts=attempts, initial=initial)
        chosen = form.cleaned_data if form.is_bound and form.is_valid() else None
        if not form.is_bound:
            chosen = initial
        if chosen:
            first, second = by_uuid[chosen["earlier"]], by_uuid[chosen["later"]]
            if (first.submitted_at, first.pk) > (second.submitted_at, second.pk):
                first, second = second, first
            wording = instrument_wording(response=second, language=get_language())
            context.update(
                {
                    "before": first,
                    "after": second,
                    "names_language": wording.language,
                    "changes": compare(
                        wording.result(response_result(first)),
                        wording.result(response_result(second)),
                    ),
                }
            )
        context["form"] = form
    status = 400 if context.get("form") is not None and context["form"].errors else 200
    return render(request, "assessments/history.html", context, status=status)
