import re
import uuid

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks

from accounts.factories import UserFactory
from assessments import services
from assessments.factories import all_answers, step_answers
from assessments.models import Instrument, Response

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client, learner):
    client.force_login(learner)
    return client


def step_url(response, number):
    return reverse("assessments:step", args=[response.uuid, number])


def result_url(response):
    return reverse("assessments:result", args=[response.uuid])


def form_data(answers: dict, action="next") -> dict:
    data = {
        f"item-{item_id}": "na" if value is None else str(value)
        for item_id, value in answers.items()
    }
    data["action"] = action
    return data


def submitted(learner, instrument, value=3, answers=None) -> Response:
    response = services.response_start(user=learner, instrument=instrument)
    return services.response_submit(
        user=learner,
        response=response,
        answers=answers if answers is not None else all_answers(response, value),
    )


# --- landing and starting ---------------------------------------------------------


def test_landing_shows_the_instrument_of_the_language(client, instruments):
    page = client.get("/sl/assessment/").content.decode()
    assert "Samoocena podjetnosti" in page
    assert "/sl/accounts/login/?next=/sl/assessment/" in page
    page = client.get("/en/assessment/").content.decode()
    assert "Entrepreneurial self-assessment" in page
    assert "45 statements" in page


@pytest.mark.parametrize("language", ["en", "sl"])
def test_landing_states_who_sees_results_once_and_truly(client, instruments, language):
    """The interface says who sees results (the learner, and staff given the
    permission: see test_staff_need_the_explicit_permission); the instrument's
    own introduction no longer says "only you" beside it."""
    page = client.get(f"/{language}/assessment/").content.decode()
    statement = {
        "en": "only you and authorised staff see them",
        "sl": "vidite jih lahko samo vi in pooblaščeno osebje",
    }[language]
    assert page.count(statement) == 1
    assert "only you can see" not in page
    assert "vidite samo vi" not in page


def test_landing_without_an_instrument(client, db):
    # The demo's instrument, the only one, taken offline (unpublished).
    Instrument.objects.filter(live=True).update(live=False)
    response = client.get("/en/assessment/")
    assert response.status_code == 200
    assert "No self-assessment is available yet" in response.content.decode()
    assert client.post("/en/assessment/start/").status_code == 302  # to log in


def test_steps_need_a_login(client, instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    page = client.get(step_url(response, 1))
    assert page.status_code == 302
    assert "/accounts/login/" in page["Location"]


def test_start_creates_a_draft_and_opens_step_one(logged_in, instrument, learner):
    page = logged_in.post(reverse("assessments:start"))
    response = Response.objects.get(user=learner)
    assert page["Location"] == step_url(response, 1)
    assert logged_in.get(reverse("assessments:start")).status_code == 405


def test_a_step_shows_each_statement_as_a_labelled_radio_group(
    logged_in, instrument, learner
):
    response = services.response_start(user=learner, instrument=instrument)
    page = logged_in.get(step_url(response, 2)).content.decode()
    assert "Step 2 of 3" in page
    assert page.count("<fieldset") == 15
    assert page.count('type="radio"') == 15 * 6
    assert "<legend>I can name three strengths" in page
    assert re.search(r'aria-current="step"[^>]*>\s*<span[^>]*>2</span>', page)
    assert "Not relevant / don&#x27;t know" in page
    assert "5 · Leading change in my field" in page


def test_saving_a_step_moves_on_and_keeps_the_answers(logged_in, instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    answers = step_answers(response, 1, 4)
    page = logged_in.post(step_url(response, 1), form_data(answers))
    assert page["Location"] == step_url(response, 2)
    assert Response.objects.get(pk=response.pk).answers == answers
    # Going back shows the saved answers checked.
    page = logged_in.get(step_url(response, 1)).content.decode()
    assert page.count(" checked>") == 15


def test_previous_and_later_save_too(logged_in, instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    answers = step_answers(response, 2, 2)
    page = logged_in.post(step_url(response, 2), form_data(answers, "previous"))
    assert page["Location"] == step_url(response, 1)
    more = step_answers(response, 3, 5)
    page = logged_in.post(step_url(response, 3), form_data(more, "later"))
    assert page["Location"] == reverse("assessments:landing")
    assert Response.objects.get(pk=response.pk).answers == {**answers, **more}


def test_coming_back_resumes_at_the_first_step_with_unanswered_items(
    logged_in, instrument, learner
):
    response = services.response_start(user=learner, instrument=instrument)
    logged_in.post(step_url(response, 1), form_data(step_answers(response, 1)))
    partial = dict(list(step_answers(response, 2).items())[:5])
    logged_in.post(step_url(response, 2), form_data(partial, "later"))
    landing = logged_in.get(reverse("assessments:landing")).content.decode()
    assert step_url(response, 2) in landing
    assert "You have answered 20 of 45 statements" in landing
    # Starting again resumes the same draft at the same place.
    page = logged_in.post(reverse("assessments:start"))
    assert page["Location"] == step_url(response, 2)
    assert Response.objects.filter(user=learner).count() == 1


def test_a_value_off_the_scale_is_refused_next_to_the_form(
    logged_in, instrument, learner
):
    response = services.response_start(user=learner, instrument=instrument)
    answers = step_answers(response, 1, 4)
    data = form_data(answers)
    data[f"item-{next(iter(answers))}"] = "7"
    page = logged_in.post(step_url(response, 1), data)
    assert page.status_code == 400
    html = page.content.decode()
    assert 'role="alert"' in html
    assert "Choose one of the points of the scale" in html
    assert html.index('role="alert"') < html.index('class="assessment-form"')
    assert Response.objects.get(pk=response.pk).answers == {}


def test_an_item_of_another_instrument_is_refused(logged_in, instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    data = form_data({str(uuid.uuid4()): 3})
    page = logged_in.post(step_url(response, 1), data)
    assert page.status_code == 400
    assert "do not belong to this self-assessment" in page.content.decode()
    assert Response.objects.get(pk=response.pk).answers == {}


def test_unknown_step_is_not_found(logged_in, instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    assert logged_in.get(step_url(response, 4)).status_code == 404
    assert logged_in.post(step_url(response, 0), form_data({})).status_code == 404


def test_submitting_shows_the_result_and_a_double_submit_is_refused(
    logged_in, instrument, learner
):
    response = services.response_start(user=learner, instrument=instrument)
    last = step_answers(response, 3, 4)
    page = logged_in.post(step_url(response, 3), form_data(last, "submit"))
    assert page["Location"] == result_url(response)
    stored = Response.objects.get(pk=response.pk)
    assert stored.is_submitted

    again = logged_in.post(
        step_url(response, 3), form_data(step_answers(response, 3, 1), "submit")
    )
    assert again.status_code == 400
    assert "already submitted" in again.content.decode()
    assert Response.objects.get(pk=response.pk).answers == stored.answers
    # Opening a step of a submitted response goes to its result.
    assert logged_in.get(step_url(response, 1))["Location"] == result_url(response)


def test_submitting_nothing_is_refused(logged_in, instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    page = logged_in.post(step_url(response, 3), form_data({}, "submit"))
    assert page.status_code == 400
    assert "Answer at least one statement" in page.content.decode()


# --- the result ------------------------------------------------------------------


def test_result_has_a_chart_a_table_and_words(logged_in, instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    answers = all_answers(response, 3)
    ids = list(answers)
    answers.update({ids[0]: 5, ids[1]: 5, ids[2]: 4})  # Spotting opportunities
    answers.update({ids[3]: None, ids[4]: None})  # Creativity: one answer left
    answers.update({ids[-3]: 1, ids[-2]: 2, ids[-1]: 1})  # Learning through exp.
    services.response_submit(user=learner, response=response, answers=answers)

    page = logged_in.get(result_url(response))
    assert page.status_code == 200
    html = page.content.decode()
    assert '<svg class="radar__svg radar__svg--named"' in html and 'role="img"' in html
    assert '<title id="radar-title">' in html and '<desc id="radar-desc">' in html
    # The phone's chart: spokes numbered like the table's rows.
    assert '<svg class="radar__svg radar__svg--numbered"' in html
    assert '<title id="radar-numbered-title">' in html
    numbered = html.split("radar__svg--numbered")[1].split("</svg>")[0]
    labels = re.findall(
        r'<text [^>]*text-anchor="\w+"><tspan[^>]*>(\w+)</tspan>', numbered
    )
    assert labels == [str(number) for number in range(1, 16)]
    assert '<span class="result-table__number">1</span> Spotting opportunities' in html
    assert html.count('<th scope="row">') == 15
    assert "4.7" in html  # (5 + 5 + 4) / 3 with one decimal
    assert "Not enough answers" in html
    assert re.search(r"Where answers are too few.*?<li>Creativity</li>", html, re.S)
    strongest = html.split("Your strongest competences")[1].split("</ul>")[0]
    assert "Spotting opportunities" in strongest
    weakest = html.split("Most room to grow")[1].split("</ul>")[0]
    assert "Learning through experience" in weakest
    assert "window.print()" in html
    assert "This is your first attempt" in html
    assert "Previous score" not in html


def test_other_apps_add_panels_below_a_result(logged_in, instrument, learner):
    done = submitted(learner, instrument)
    seen = []

    def recommend(*, request, response, result):
        seen.append((response, result.competence("vision").score))
        return format_html("<section id='recommended'>{}</section>", "Try a course")

    with hooks.register_temporarily("assessments_result_panels", recommend):
        html = logged_in.get(result_url(done)).content.decode()
    assert "<section id='recommended'>Try a course</section>" in html
    assert seen == [(done, 3.0)]


def test_result_overlays_the_previous_attempt(logged_in, instrument, learner):
    first = submitted(learner, instrument, value=2)
    second = submitted(learner, instrument, value=3)
    html = logged_in.get(result_url(second)).content.decode()
    assert "Previous score" in html
    # Once in each chart (named spokes, and numbered for phones).
    assert html.count("radar__series--previous") == 2
    assert "higher (+1.0)" in html
    # The first attempt has no earlier one to compare with.
    html = logged_in.get(result_url(first)).content.decode()
    assert "radar__series--previous" not in html


def test_result_numbers_follow_the_language(client, instruments, learner):
    response = submitted(learner, instruments["sl"], value=3)
    client.force_login(learner)
    html = client.get(f"/sl/assessment/results/{response.uuid}/").content.decode()
    assert '<html lang="sl">' in html
    assert "Prepoznavanje priložnosti" in html
    assert ">3,0<" in html  # Slovenian decimal comma
    # Chart coordinates are never localised.
    assert re.search(r'<circle cx="-?\d+\.\d" cy="-?\d+\.\d"', html)


def test_a_result_names_competences_in_the_pages_language(client, instruments, learner):
    """One instrument in two languages: a Slovenian attempt read in English
    names its competences, areas and title as the English translation does (and
    the other way round), in the table, the words and the chart."""
    slovenian = submitted(learner, instruments["sl"], value=3)
    english = submitted(learner, instruments["en"], value=4)
    client.force_login(learner)

    html = client.get(f"/en/assessment/results/{slovenian.uuid}/").content.decode()
    assert "</span> Spotting opportunities</th>" in html
    assert "Ideas and opportunities" in html
    assert '<h1 lang="en">Entrepreneurial self-assessment</h1>' in html
    assert '<tbody lang="en">' in html
    for slovenian_name in ("Prepoznavanje priložnosti", "Ideje in priložnosti"):
        assert slovenian_name not in html
    assert ">3.0<" in html  # scored as answered

    html = client.get(f"/sl/assessment/results/{english.uuid}/").content.decode()
    assert "</span> Prepoznavanje priložnosti</th>" in html
    assert "Spotting opportunities" not in html

    html = client.get("/en/assessment/history/").content.decode()
    assert '<th scope="row" lang="en">Spotting opportunities</th>' in html
    assert "Prepoznavanje priložnosti" not in html


# --- who may see what -----------------------------------------------------------------


def test_other_learners_get_404_for_every_url_of_a_response(
    client, instrument, learner, other_learner
):
    draft = services.response_start(user=learner, instrument=instrument)
    done = submitted(UserFactory(), instrument)
    client.force_login(other_learner)
    assert client.get(step_url(draft, 1)).status_code == 404
    assert client.post(step_url(draft, 1), form_data({})).status_code == 404
    assert client.get(result_url(draft)).status_code == 404
    assert client.get(result_url(done)).status_code == 404
    assert client.get(f"/en/assessment/results/{uuid.uuid4()}/").status_code == 404
    assert client.get(f"/en/assessment/results/{done.pk}/").status_code == 404
    assert Response.objects.get(pk=draft.pk).answers == {}


def test_staff_need_the_explicit_permission(client, instrument, learner):
    done = submitted(learner, instrument)
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert client.get(result_url(done)).status_code == 404
    staff.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="assessments", codename="view_any_response"
        )
    )
    client.force_login(type(staff).objects.get(pk=staff.pk))
    page = client.get(result_url(done))
    assert page.status_code == 200
    assert "Result of Ana Novak" in page.content.decode()
    # Seeing results is not changing them or seeing drafts.
    draft = services.response_start(user=learner, instrument=instrument)
    assert client.get(result_url(draft)).status_code == 404
    assert client.get(step_url(draft, 1)).status_code == 404


# --- history ------------------------------------------------------------------------


def test_history_compares_two_attempts_with_the_noise_rule(
    logged_in, instrument, learner
):
    first = submitted(learner, instrument, value=2)
    ids = list(all_answers(first))
    later_answers = all_answers(first, 2)
    later_answers.update({ids[0]: 3, ids[1]: 3, ids[2]: 3})  # +1.0: higher
    later_answers.update({ids[3]: 3})  # +0.33: about the same
    later_answers.update({ids[6]: 1, ids[7]: 1, ids[8]: 1})  # -1.0: lower
    second = submitted(learner, instrument, answers=later_answers)

    html = logged_in.get(reverse("assessments:history")).content.decode()
    assert "0.5" in html and "about the same" in html
    rows = re.findall(r'<tr>\s*<th scope="row"[^>]*>(.*?)</th>(.*?)</tr>', html, re.S)
    verdicts = {name: cells for name, cells in rows}
    assert "higher (+1.0)" in verdicts["Spotting opportunities"]
    assert "about the same (+0.3)" in verdicts["Creativity"]
    assert "lower (-1.0)" in verdicts["Vision"]
    assert "about the same (0.0)" in verdicts["Valuing ideas"]

    # Reversed choice still reads from the earlier to the later attempt.
    page = logged_in.get(
        reverse("assessments:history"),
        {"earlier": str(second.uuid), "later": str(first.uuid)},
    )
    assert "higher (+1.0)" in page.content.decode()


def test_history_links_and_choices_read_apart_and_fit_a_phone(
    logged_in, instrument, learner
):
    """Two attempts in one minute: each link and each choice says which attempt
    it is, and a choice names no instrument when all are at one."""
    for value in (2, 3):
        submitted(learner, instrument, value=value)
    html = logged_in.get(reverse("assessments:history")).content.decode()
    links = re.findall(r'<a href="/en/assessment/results/[^"]+/">([^<]+)</a>', html)
    assert len(links) == 2 and len(set(links)) == 2
    assert links[0].startswith("Attempt 2: result of ")
    options = re.findall(r"<option value=[^>]*>([^<]+)</option>", html)
    assert len(options) == 4
    assert options[0].startswith("Attempt 2: ")
    assert all("Entrepreneurial" not in option for option in options)
    assert max(len(option) for option in options) <= 32

    landing = logged_in.get(reverse("assessments:landing")).content.decode()
    assert "Attempt 2: result of " in landing and "Attempt 1: result of " in landing


def test_history_refuses_bad_choices(logged_in, instrument, learner):
    first = submitted(learner, instrument, value=2)
    submitted(learner, instrument, value=3)
    foreign = submitted(UserFactory(), instrument)
    url = reverse("assessments:history")
    page = logged_in.get(url, {"earlier": str(first.uuid), "later": str(first.uuid)})
    assert page.status_code == 400
    assert "Choose two different attempts" in page.content.decode()
    page = logged_in.get(url, {"earlier": str(foreign.uuid), "later": str(first.uuid)})
    assert page.status_code == 400
    assert "Select a valid choice" in page.content.decode()
    assert "<table" not in page.content.decode()


def test_history_with_fewer_than_two_attempts(logged_in, instrument, learner):
    html = logged_in.get(reverse("assessments:history")).content.decode()
    assert "You have not completed the self-assessment yet" in html
    submitted(learner, instrument)
    html = logged_in.get(reverse("assessments:history")).content.decode()
    assert "You have one completed attempt" in html


def test_history_queries_stay_flat(
    logged_in, instrument, learner, django_assert_max_num_queries
):
    for value in (2, 3):
        submitted(learner, instrument, value=value)
    url = reverse("assessments:history")
    logged_in.get(url)  # warm up caches (site, locale)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        logged_in.get(url)
    for value in (4, 5, 1, 2, 3, 4):
        submitted(learner, instrument, value=value)
    with django_assert_max_num_queries(len(few)):
        page = logged_in.get(url)
    assert page.content.decode().count(": result of ") == 8
