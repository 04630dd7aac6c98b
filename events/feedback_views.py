"""The satisfaction survey's pages: a signed-in participant's (by session or
run, only for the one asked: anyone else gets a 404, as for every events page
about somebody else's registration) and a guest's (by the token in their
e-mail). Answers go through events.feedback.feedback_submit; a refusal (an
answer already given, a closed survey) is said on the page, with a 400, and
changes nothing."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from lms.middleware import validates_text_input

from . import feedback
from .forms import FeedbackForm


def _survey_page(
    request: HttpRequest, survey: feedback.Survey | None, *, guest: bool = False
) -> HttpResponse:
    if survey is None:
        raise Http404
    state = survey.state()
    form = FeedbackForm()
    refusal = ""
    status = 200
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if state == feedback.State.OPEN and form.is_valid():
            try:
                feedback.feedback_submit(
                    survey=survey,
                    language=get_language() or "",
                    **form.cleaned_data,
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.message_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    refusal = error.messages[0]
                    if error.code == "already_answered":
                        # Answered in another tab meanwhile: the thanks, not
                        # the form again.
                        return HttpResponseRedirect(request.path)
            else:
                return HttpResponseRedirect(request.path)
            state = survey.state()
        elif state == feedback.State.ANSWERED:
            refusal = feedback.already_answered_message()
        elif state == feedback.State.CLOSED:
            refusal = feedback.closed_message(survey)
        status = 400
    response = TemplateResponse(
        request,
        "events/feedback.html",
        {
            "survey": survey,
            "state": state,
            "form": form,
            "refusal": refusal,
            "closed_message": feedback.closed_message(survey),
            "guest": guest,
            "rating_fields": [form["overall"], form["usefulness"]],
        },
        status=status,
    )
    response["Cache-Control"] = "private, no-store"
    if guest:
        # The token is in the address: never pass it on to another site.
        response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
@validates_text_input
def session_survey(request: HttpRequest, session_id: int) -> HttpResponse:
    """The survey about a session, for a participant who attended it."""
    return _survey_page(
        request,
        feedback.survey_for_session(session_id=session_id, user=request.user),
    )


@login_required
@validates_text_input
def run_survey(request: HttpRequest, run_id: int) -> HttpResponse:
    """The survey about a run, for one of its participants."""
    return _survey_page(
        request, feedback.survey_for_run(run_id=run_id, user=request.user)
    )


@validates_text_input
def guest_survey(request: HttpRequest, token: str) -> HttpResponse:
    """The survey about a session, for a guest who attended it (the link in
    their invitation)."""
    return _survey_page(request, feedback.survey_for_guest(token=token), guest=True)
