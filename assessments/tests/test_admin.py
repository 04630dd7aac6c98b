"""Editors author instruments in the Wagtail admin; publishing a change makes a new
version and leaves answers already given on the old one."""

import copy

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.users.models import UserProfile

from accounts.factories import UserFactory
from assessments import services
from assessments.factories import all_answers
from assessments.models import Instrument, Response
from assessments.selectors import response_result

pytestmark = pytest.mark.django_db


def _list_data(prefix: str, children: list[dict], child_data) -> dict:
    data = {f"{prefix}-count": len(children)}
    for index, child in enumerate(children):
        data[f"{prefix}-{index}-id"] = child["id"]
        data[f"{prefix}-{index}-deleted"] = ""
        data[f"{prefix}-{index}-order"] = index
        data.update(child_data(f"{prefix}-{index}-value", child["value"]))
    return data


def _dimension_data(prefix: str, value: dict) -> dict:
    return {
        f"{prefix}-competence": value["competence"],
        f"{prefix}-name": value["name"],
        f"{prefix}-description": value["description"],
        **_list_data(f"{prefix}-items", value["items"], lambda p, v: {p: v}),
    }


def _area_data(prefix: str, value: dict) -> dict:
    return {
        f"{prefix}-area": value["area"],
        f"{prefix}-name": value["name"],
        **_list_data(f"{prefix}-dimensions", value["dimensions"], _dimension_data),
    }


def edit_form_data(instrument: Instrument, raw_body: list[dict], **fields) -> dict:
    """What the admin's edit form posts for this instrument (as the editor's
    browser would), with the areas given in raw StreamField form."""
    data = {
        "title": instrument.title,
        "introduction": instrument.introduction,
        "is_default": "on" if instrument.is_default else None,
        "label_1": instrument.label_1,
        "label_2": instrument.label_2,
        "label_3": instrument.label_3,
        "label_4": instrument.label_4,
        "label_5": instrument.label_5,
        "label_not_applicable": instrument.label_not_applicable,
        "threshold_intermediate": str(instrument.threshold_intermediate),
        "threshold_advanced": str(instrument.threshold_advanced),
        "threshold_expert": str(instrument.threshold_expert),
        "body-count": len(raw_body),
    }
    for index, block in enumerate(raw_body):
        prefix = f"body-{index}"
        data.update(
            {
                f"{prefix}-type": block["type"],
                f"{prefix}-id": block["id"],
                f"{prefix}-deleted": "",
                f"{prefix}-order": index,
            }
        )
        data.update(_area_data(f"{prefix}-value", block["value"]))
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def editor(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin)
    return client


def edit_url(instrument):
    return reverse("wagtailsnippets_assessments_instrument:edit", args=[instrument.pk])


def test_editor_sees_instruments_and_their_form(editor, instrument):
    listing = editor.get(reverse("wagtailsnippets_assessments_instrument:list"))
    assert listing.status_code == 200
    assert "Entrepreneurial self-assessment" in listing.content.decode()
    page = editor.get(edit_url(instrument))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="label_not_applicable"' in html
    assert 'name="threshold_expert"' in html


def test_publishing_an_edit_in_the_admin_creates_a_version(editor, instrument, learner):
    response = services.response_start(user=learner, instrument=instrument)
    services.response_submit(
        user=learner, response=response, answers=all_answers(response, 2)
    )
    before = response_result(Response.objects.get(pk=response.pk))

    raw = copy.deepcopy(list(instrument.body.raw_data))
    items = raw[0]["value"]["dimensions"][0]["value"]["items"]
    items[0]["value"] = "I can spot a need nobody has named yet."
    page = editor.post(
        edit_url(instrument),
        edit_form_data(instrument, raw, **{"action-publish": "action-publish"}),
    )
    assert page.status_code == 302, page.content.decode()[:2000]

    versions = list(instrument.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    new_item = versions[1].definition["areas"][0]["dimensions"][0]["items"][0]
    old_item = versions[0].definition["areas"][0]["dimensions"][0]["items"][0]
    assert new_item["text"] == "I can spot a need nobody has named yet."
    assert new_item["id"] == old_item["id"]
    assert old_item["text"] != new_item["text"]
    response = Response.objects.get(pk=response.pk)
    assert response.version == versions[0]
    assert response_result(response) == before


def test_a_draft_edit_does_not_change_what_learners_answer(editor, instrument):
    raw = copy.deepcopy(list(instrument.body.raw_data))
    raw[0]["value"]["name"] = "A draft name"
    page = editor.post(edit_url(instrument), edit_form_data(instrument, raw))
    assert page.status_code == 302
    assert instrument.versions.count() == 1
    assert Instrument.objects.get(pk=instrument.pk).body[0].value["name"] != (
        "A draft name"
    )


def test_the_admin_refuses_a_competence_in_the_wrong_area(editor, instrument):
    raw = copy.deepcopy(list(instrument.body.raw_data))
    raw[0]["value"]["dimensions"].append(raw[2]["value"]["dimensions"].pop(0))
    page = editor.post(
        edit_url(instrument),
        edit_form_data(instrument, raw, **{"action-publish": "action-publish"}),
    )
    assert page.status_code == 200
    error = page.context["form"].errors["body"].as_data()[0]
    message = str(error.block_errors[0].non_block_errors)
    assert "another EntreComp area: Taking the initiative" in message
    assert instrument.versions.count() == 1


def test_view_any_response_can_be_granted_to_a_group(editor):
    group, _created = Group.objects.get_or_create(name="Analysts")
    permission = Permission.objects.get(
        content_type__app_label="assessments", codename="view_any_response"
    )
    page = editor.get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    html = page.content.decode()
    assert "Can view any learner&#x27;s self-assessment result" in html
    assert f'value="{permission.pk}"' in html


def test_an_answered_instrument_cannot_be_deleted(editor, instruments, learner):
    answered, unanswered = instruments["en"], instruments["sl"]
    response = services.response_start(user=learner, instrument=answered)
    services.response_submit(
        user=learner, response=response, answers=all_answers(response)
    )
    url = reverse("wagtailsnippets_assessments_instrument:delete", args=[answered.pk])
    for page in (editor.get(url), editor.post(url)):
        assert page.status_code == 302
        assert page["Location"] == reverse(
            "wagtailsnippets_assessments_instrument:list"
        )
    listing = editor.get(reverse("wagtailsnippets_assessments_instrument:list"))
    assert "cannot be deleted" in listing.content.decode()
    assert Instrument.objects.filter(pk=answered.pk).exists()
    assert Response.objects.filter(pk=response.pk).exists()
    # One nobody has answered can go, with its versions.
    url = reverse("wagtailsnippets_assessments_instrument:delete", args=[unanswered.pk])
    assert editor.post(url).status_code == 302
    assert not Instrument.objects.filter(pk=unanswered.pk).exists()
