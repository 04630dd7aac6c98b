"""Personal-data export and erasure across every app that holds personal data:
what the learner downloads, what is deleted, what stays (without the person)."""

import datetime
import io
import json
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.models import Comment, CommentReply, ModelLogEntry, PageLogEntry
from wagtail.users.models import UserProfile

from accounts import privacy
from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.models import DataExport, SecurityEvent, User
from accounts.services import account_erase, data_export_build, data_export_request
from assessments import demo as assessment_demo
from assessments import services as assessment_services
from assessments.factories import all_answers
from assessments.models import Instrument, Response
from certificates.factories import certificate_for, completed_enrolment
from certificates.models import Certificate
from certificates.services import certificate_issue
from courses.models import (
    CourseVisit,
    Enrolment,
    ExerciseAnswer,
    LessonCompletion,
    QuizAttempt,
)
from courses.roles import TRAINERS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def learner_with_history(catalogue):
    """A learner with a completed course (issued certificate with its PDF), a quiz
    attempt, an exercise answer, a submitted self-assessment and a draft."""
    learner = UserFactory(full_name="Nina Kralj", organisation="Studio Kralj")
    enrolment = completed_enrolment(
        parent=catalogue, user=learner, title="Pricing creative work"
    )
    lesson = enrolment.lesson_completions.get().lesson
    QuizAttempt.objects.create(
        enrolment=enrolment,
        lesson=lesson,
        quiz_id="q1",
        answers={"a": ["b"]},
        score=100,
        passed=True,
    )
    ExerciseAnswer.objects.create(
        enrolment=enrolment,
        lesson=lesson,
        exercise_id="e1",
        text="My day rate is 400 EUR, my secret client is ACME.",
    )
    CourseVisit.objects.create(
        course=enrolment.course, user=learner, day=datetime.date(2026, 3, 2)
    )
    certificate = certificate_issue(certificate_id=certificate_for(enrolment).pk)
    instrument = Instrument.objects.get(
        translation_key=assessment_demo.TRANSLATION_KEY, locale__language_code="en"
    )
    response = assessment_services.response_start(user=learner, instrument=instrument)
    submitted = assessment_services.response_submit(
        user=learner, response=response, answers=all_answers(response)
    )
    draft = assessment_services.response_start(user=learner, instrument=instrument)
    return {
        "user": learner,
        "enrolment": enrolment,
        "certificate": certificate,
        "submitted": submitted,
        "draft": draft,
    }


def user_links(model) -> list[str]:
    """Fields declared on `model` that point at the user model."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    return [
        field.name
        for field in model._meta.local_fields
        if field.is_relation and field.related_model is user_model
    ]


def test_every_model_linked_to_a_person_is_covered_by_a_privacy_provider():
    covered = privacy.covered_models()
    missing = sorted(
        model._meta.label
        for model in apps.get_models()
        if (user_links(model) or model._meta.label == settings.AUTH_USER_MODEL)
        and model._meta.label not in covered
    )
    assert not missing, (
        "These models hold a link to a person but no privacy provider exports and "
        f"erases them: {missing}. Register them in the app's privacy.py."
    )
    # And no provider names a model that does not exist (a typo hides nothing).
    for label in covered:
        assert apps.get_model(label)


def test_every_app_of_ours_with_personal_data_registers_a_provider():
    names = {provider.name for provider in privacy.providers()}
    assert {"account", "courses", "assessments", "certificates", "events"} <= names


def read_zip(export: DataExport) -> dict:
    with export.file.open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    return {name: archive.read(name) for name in archive.namelist()}


def test_export_holds_everything_about_the_learner_and_nothing_about_others(
    learner_with_history, catalogue, django_capture_on_commit_callbacks
):
    learner = learner_with_history["user"]
    other = UserFactory(full_name="Bor Kos")
    completed_enrolment(parent=catalogue, user=other, title="Someone else's course")

    with django_capture_on_commit_callbacks(execute=True):
        export = data_export_request(user=learner)  # eager tasks: built at once
    export.refresh_from_db()

    assert export.status == DataExport.Status.READY
    files = read_zip(export)
    account = json.loads(files["account.json"])
    assert account["profile"]["full_name"] == "Nina Kralj"
    assert account["profile"]["organisation"] == "Studio Kralj"
    assert account["email_addresses"][0]["email"] == learner.email
    courses = json.loads(files["courses.json"])
    (enrolment,) = courses["enrolments"]
    assert enrolment["course"] == "Pricing creative work"
    assert enrolment["progress_percent"] == 100
    assert enrolment["quiz_attempts"][0]["score"] == 100
    assert "secret client" in enrolment["exercise_answers"][0]["text"]
    assert courses["course_page_visits"] == [
        {"course": "Pricing creative work", "day": "2026-03-02"}
    ]
    assessments = json.loads(files["assessments.json"])
    assert {r["status"] for r in assessments["responses"]} == {"submitted", "draft"}
    certificates = json.loads(files["certificates.json"])
    code = learner_with_history["certificate"].verification_code
    assert certificates["certificates"][0]["verification_code"] == code
    assert files[f"files/certificates/{code}.pdf"].startswith(b"%PDF")
    everything = b"".join(files.values())
    assert b"Bor Kos" not in everything
    assert b"Someone else" not in everything
    assert SecurityEvent.objects.filter(
        action=SecurityEvent.Action.DATA_EXPORTED, subject=learner
    ).exists()


def test_building_an_export_twice_leaves_one_file(
    learner_with_history, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        export = data_export_request(user=learner_with_history["user"])
    export.refresh_from_db()
    name = export.file.name
    again = data_export_build(export_id=export.pk)
    assert again.file.name == name
    _dirs, stored = export.file.storage.listdir("")
    assert [n for n in stored if str(export.uuid) in n] == [name]


def test_erasure_deletes_the_person_and_keeps_anonymous_statistics(
    learner_with_history, client, django_capture_on_commit_callbacks
):
    learner = learner_with_history["user"]
    certificate = learner_with_history["certificate"]
    pdf_storage, pdf_name = certificate.pdf.storage, certificate.pdf.name
    with django_capture_on_commit_callbacks(execute=True):
        export = data_export_request(user=learner)
    export.refresh_from_db()
    export_storage, export_name = export.file.storage, export.file.name
    assert pdf_storage.exists(pdf_name) and export_storage.exists(export_name)

    with django_capture_on_commit_callbacks(execute=True):
        account_erase(user=learner, requested_by=learner, reason="own request")

    assert not User.objects.filter(pk=learner.pk).exists()
    assert not User.objects.filter(email=learner.email).exists()
    # Statistics records stay, unlinked.
    enrolment = Enrolment.objects.get(pk=learner_with_history["enrolment"].pk)
    assert enrolment.user_id is None and enrolment.completed_at is not None
    assert LessonCompletion.objects.filter(enrolment=enrolment).exists()
    assert QuizAttempt.objects.filter(enrolment=enrolment).exists()
    submitted = Response.objects.get(pk=learner_with_history["submitted"].pk)
    assert submitted.user_id is None and submitted.answers
    # Personal data goes.
    assert not ExerciseAnswer.objects.filter(enrolment=enrolment).exists()
    assert not CourseVisit.objects.exists()
    assert not Response.objects.filter(pk=learner_with_history["draft"].pk).exists()
    assert not DataExport.objects.exists()
    assert not export_storage.exists(export_name)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revocation_reason == "holder erased"
    assert certificate.holder_name == "" and not certificate.pdf
    assert not pdf_storage.exists(pdf_name)
    # Nothing in the security log names the person any more.
    assert not SecurityEvent.objects.filter(detail__icontains=learner.email).exists()
    erased = SecurityEvent.objects.get(action=SecurityEvent.Action.ACCOUNT_ERASED)
    assert erased.detail["user_id"] == learner.pk and erased.actor is None

    page = client.get(
        reverse("certificates:verify", args=[certificate.verification_code])
    ).content.decode()
    assert "Revoked certificate" in page
    assert "Its holder deleted their account" in page
    assert "Nina Kralj" not in page


def test_a_failed_erasure_changes_nothing_and_keeps_the_files(
    learner_with_history, monkeypatch, django_capture_on_commit_callbacks
):
    learner = learner_with_history["user"]
    certificate = learner_with_history["certificate"]

    class Broken:
        name = "zz-broken"
        models = ()

        def export(self, user):
            return {}

        def export_files(self, user):
            return []

        def erase(self, user):
            raise RuntimeError("disk full")

    monkeypatch.setitem(privacy._providers, "zz-broken", Broken())
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
    ):
        account_erase(user=learner, requested_by=learner, reason="own request")

    assert User.objects.filter(pk=learner.pk).exists()
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED
    assert certificate.holder_name == "Nina Kralj"
    assert certificate.pdf.storage.exists(certificate.pdf.name)
    assert ExerciseAnswer.objects.filter(enrolment__user=learner).exists()


def test_learner_deletes_own_account_with_password(
    learner_with_history, client, django_capture_on_commit_callbacks
):
    learner = learner_with_history["user"]
    client.force_login(learner)
    url = reverse("accounts:delete")
    assert client.get(url).status_code == 200

    wrong = client.post(url, {"password": "not-my-password", "confirm": "on"})
    assert wrong.status_code == 200
    assert "The password is not correct." in wrong.content.decode()
    unconfirmed = client.post(url, {"password": DEFAULT_PASSWORD})
    assert unconfirmed.status_code == 200
    assert User.objects.filter(pk=learner.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"password": DEFAULT_PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=learner.pk).exists()
    # Logged out: the profile asks for a log-in again.
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_staff_erase_an_account_on_written_request(
    learner_with_history, client, django_capture_on_commit_callbacks
):
    learner = learner_with_history["user"]
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    url = reverse("accounts_admin_erase", args=[learner.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "", "confirm": "on"}).status_code == 200
    assert User.objects.filter(pk=learner.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "E-mail of 3 May 2026", "confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=learner.pk).exists()
    event = SecurityEvent.objects.get(action=SecurityEvent.Action.ACCOUNT_ERASED)
    assert event.actor == admin
    assert event.detail["reason"] == "E-mail of 3 May 2026"


def test_only_permitted_staff_erase_accounts(client, demo_site):
    learner = UserFactory()
    trainer = UserFactory(is_staff=True)
    client.force_login(trainer)
    response = client.post(
        reverse("accounts_admin_erase", args=[learner.pk]),
        {"reason": "because", "confirm": "on"},
    )
    assert response.status_code in (302, 403)
    assert User.objects.filter(pk=learner.pk).exists()


def test_a_failed_export_can_be_asked_for_again(
    learner_with_history, monkeypatch, django_capture_on_commit_callbacks
):
    learner = learner_with_history["user"]

    class Broken:
        name = "zz-broken"
        models = ()

        def export(self, user):
            raise RuntimeError("database hiccup")

    monkeypatch.setitem(privacy._providers, "zz-broken", Broken())
    # The task runs (eagerly) when the request's transaction commits.
    with (
        pytest.raises(RuntimeError),
        django_capture_on_commit_callbacks(execute=True),
    ):
        data_export_request(user=learner)
    first = DataExport.objects.get(user=learner)
    assert first.status == DataExport.Status.FAILED

    monkeypatch.delitem(privacy._providers, "zz-broken")
    with django_capture_on_commit_callbacks(execute=True):
        second = data_export_request(user=learner)
    second.refresh_from_db()
    assert second.status == DataExport.Status.READY
    assert first.pk != second.pk


def test_an_export_survives_a_missing_certificate_file(
    learner_with_history, django_capture_on_commit_callbacks
):
    certificate = learner_with_history["certificate"]
    certificate.pdf.storage.delete(certificate.pdf.name)
    with django_capture_on_commit_callbacks(execute=True):
        export = data_export_request(user=learner_with_history["user"])
    export.refresh_from_db()
    files = read_zip(export)
    assert export.status == DataExport.Status.READY
    assert "certificates.json" in files
    assert not any(name.startswith("files/") for name in files)


def form_values(html: str) -> dict:
    """The values a browser would post from the page's main form (the posting
    form with the most fields) as it stands."""
    soup = BeautifulSoup(html, "html.parser")
    form = max(
        soup.find_all("form", method=lambda method: (method or "").lower() == "post"),
        key=lambda form: len(form.find_all(["input", "select", "textarea"])),
    )
    values: dict = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        kind = field.get("type", "")
        if not name or kind in ("submit", "button", "file"):
            continue
        if kind in ("checkbox", "radio"):
            if field.has_attr("checked"):
                values.setdefault(name, []).append(field.get("value", "on"))
        elif field.name == "select":
            chosen = [
                o.get("value", "") for o in field.find_all("option", selected=True)
            ]
            if chosen:
                values[name] = chosen
        elif field.name == "textarea":
            values[name] = field.get_text()
        else:
            values[name] = field.get("value", "")
    return values


def form_errors(response) -> list[str]:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [
        error.get_text(" ", strip=True)
        for error in soup.select(".error-message, .w-field__errors, .errorlist")
    ]


def small_png(name: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (16, 16), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def log_entry_texts() -> list[str]:
    """Every label and data of Wagtail's log entries, as text."""
    return [
        f"{entry.label} {json.dumps(entry.data, ensure_ascii=False)}"
        for model in (ModelLogEntry, PageLogEntry)
        for entry in model.objects.all()
    ]


def test_erasure_leaves_no_name_in_wagtails_log_entries_and_no_avatar_file(
    client, demo_course, django_capture_on_commit_callbacks
):
    """A staff member whose name the admin's history holds: an administrator
    edited their account, they saved their own account page with an avatar,
    commented on a course. After erasure no log entry names them or quotes their
    comment, the avatar is gone from storage, and the history still lists what
    was done, by "user <id> (deleted)"."""
    admin = UserFactory(is_superuser=True, is_staff=True, full_name="Sara Super")
    editor = UserFactory(
        is_staff=True, full_name="Petra Urednica", email="petra.urednica@example.org"
    )
    editor.groups.add(Group.objects.get(name=TRAINERS))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    client.force_login(admin)
    edit_url = reverse("wagtailusers_users:edit", args=[editor.pk])
    values = form_values(client.get(edit_url).content.decode())
    values["organisation"] = "Studio Urednica"
    response = client.post(edit_url, values)
    assert response.status_code == 302, form_errors(response)

    client.force_login(editor)
    account_url = reverse("wagtailadmin_account")
    values = form_values(client.get(account_url).content.decode())
    values["avatar-avatar"] = small_png("petra.png")
    # Wagtail's name panel (where the page still has it) asks for a first and a
    # last name that our user model does not have; the person types them.
    for field, part in (("first_name", "Petra"), ("last_name", "Urednica")):
        if f"name_email-{field}" in values:
            values[f"name_email-{field}"] = part
    response = client.post(account_url, values)
    assert response.status_code == 302, form_errors(response)
    avatar = UserProfile.get_for_user(editor).avatar
    assert avatar and avatar.storage.exists(avatar.name)
    avatar_storage, avatar_name = avatar.storage, avatar.name

    comment = Comment.objects.create(
        page=demo_course,
        user=editor,
        text="Petra's note: check the pricing table",
        contentpath="title",
    )
    comment.log_create(user=editor)
    reply = CommentReply.objects.create(
        comment=comment, user=admin, text="Done, Petra Urednica"
    )
    reply.log_create(user=admin)

    texts = log_entry_texts()
    assert any("Petra Urednica" in text for text in texts)  # the setup is real
    with django_capture_on_commit_callbacks(execute=True):
        export = data_export_request(user=editor)
    export.refresh_from_db()
    assert any(name.startswith("files/profile_picture/") for name in read_zip(export))

    with django_capture_on_commit_callbacks(execute=True):
        account_erase(user=editor, requested_by=admin, reason="E-mail of 3 May 2026")

    for text in log_entry_texts():
        assert "Petra" not in text and "Urednica" not in text, text
        assert editor.email not in text.lower(), text
    assert not avatar_storage.exists(avatar_name)
    # The history keeps what happened to the record, without the person.
    erased = ModelLogEntry.objects.filter(object_id=str(editor.pk))
    assert {entry.action for entry in erased} >= {"wagtail.edit"}
    (label,) = {entry.label for entry in erased}
    # "Erased account #<id>", in the site's language.
    assert label.endswith(f" {editor.pk}") or label.endswith(f"#{editor.pk}")
    client.force_login(admin)
    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert f"user {editor.pk} (deleted)" in history
    assert "Petra" not in history
