"""Who may see what: every URL of the site, taken from the URL resolver (not a
hand-kept list), requested as each role. The matrix below is the test's data and
the README's table in code; extend RULES (public site, learners' pages) or
ADMIN_ACCESS (the admin) when you add a page.

Ids in the URLs name real objects (a course, an image, a user, a workflow task
...; see `admin_objects`), so a refusal is a refusal and not a 404 for want of
an object.

A role is *allowed* when the page answers (2xx, a redirect that is not to a
log-in or a refusal, 404 only for made-up slugs, 405 for POST-only views). It is
*denied* when it gets 403, 404, 405, a redirect to the log-in page, or, inside
the admin, Wagtail's refusal: a redirect to the admin home carrying the message
"Sorry, you do not have permission to access this area." (a redirect home with
any other message, e.g. "every locale is already added", is not a refusal).
No role ever gets a 5xx."""

import fnmatch
import functools
import uuid
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import NoReverseMatch, URLPattern, reverse
from django.utils import translation
from django.utils.http import urlencode

from accounts.factories import UserFactory
from certificates.factories import CertificateTemplateFactory
from courses.factories import TrainerFactory
from courses.roles import COURSE_MANAGERS, TRAINERS
from tests.helpers import signed_in, site_patterns, status_of

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
LEARNER = "learner"
TRAINER = "trainer"
COURSE_MANAGER = "course manager"
ANALYST = "analyst"
SUPERUSER = "superuser"
ROLES = [ANONYMOUS, LEARNER, TRAINER, COURSE_MANAGER, ANALYST, SUPERUSER]
ANALYSTS = "Analysts"  # created by the metrics app; see the analyst fixture

EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {ANONYMOUS}
STAFF = frozenset({TRAINER, COURSE_MANAGER, ANALYST, SUPERUSER})
TAKES_ATTENDANCE = frozenset({TRAINER, COURSE_MANAGER, SUPERUSER})

# (URL name pattern, roles allowed, roles not asserted). First match wins.
RULES: list[tuple[str, frozenset, frozenset]] = [
    # Public site.
    ("wagtail_serve", EVERYONE, frozenset()),
    ("wagtailcore_*", EVERYONE, frozenset()),
    ("wagtaildocs_serve", EVERYONE, frozenset()),
    ("wagtaildocs_authenticate_with_password", EVERYONE, frozenset()),
    ("set_language", EVERYONE, frozenset()),
    ("verify_unprefixed", EVERYONE, frozenset()),
    ("certificates:verify*", EVERYONE, frozenset()),
    # Certificates' credentials, the achievements, status list and DID document
    # they name: for any verifier.
    ("credentials:*", EVERYONE, frozenset()),
    ("assessments:landing", EVERYONE, frozenset()),
    # Events: a guest registers (POST) and opens their registration by the
    # link's token; the rest is for signed-in participants, about themselves.
    ("events:guest_register", EVERYONE, frozenset()),
    ("events:guest_registration", EVERYONE, frozenset()),
    # A guest's satisfaction survey opens by the token in their invitation; a
    # made-up token is a 404 to everyone. The signed-in participant's survey
    # (by session or run) falls under events:* below: only the one asked, a
    # 404 to anyone else (events/tests/test_feedback.py).
    ("events:feedback_guest", EVERYONE, frozenset()),
    # A calendar feed opens by its secret token, without a log-in (calendar
    # apps cannot log in): a made-up token is a 404 to everyone. The sample
    # session's .ics (a run's) falls under events:* below: only its
    # participants (an event's is public: events/tests/test_calendar_views.py).
    ("calendar_feed", EVERYONE, frozenset()),
    ("account_login", EVERYONE, frozenset()),
    ("account_signup", EVERYONE, frozenset()),
    ("account_logout", EVERYONE, frozenset()),
    ("account_inactive", EVERYONE, frozenset()),
    ("account_reset_password*", EVERYONE, frozenset()),
    ("account_confirm_email", EVERYONE, frozenset()),
    ("account_email_verification_sent", EVERYONE, frozenset()),
    # Admin assets. Wagtail's own log-in sends everyone to the site's log-in
    # (accounts.views.admin_login).
    ("wagtailadmin_sprite", EVERYONE, frozenset()),
    ("wagtailadmin_javascript_catalog", EVERYONE, frozenset()),
    ("wagtailadmin_login", frozenset(), frozenset()),
    # Turned off (WAGTAIL_PASSWORD_RESET_ENABLED = False; allauth resets).
    ("wagtailadmin_password_reset*", frozenset(), EVERYONE),
    # Steps inside a log-in or a two-factor set-up: they send anyone who is not
    # in the middle of one back to its start.
    ("account_confirm_login_code", frozenset(), EVERYONE),
    ("mfa_authenticate", frozenset(), EVERYONE),
    ("mfa_deactivate_totp", frozenset(), SIGNED_IN),
    ("mfa_*recovery_codes", frozenset(), SIGNED_IN),
    # The learner's own pages: anyone logged in, about themselves only.
    ("accounts:*", SIGNED_IN, frozenset()),
    # A learner out of attempts asks the trainers (POST; about their own quiz).
    ("courses:quiz_attempt_ask", SIGNED_IN, frozenset()),
    ("courses:*", SIGNED_IN, frozenset()),
    # The check-in screen (and the state it polls) and the attendance sheet:
    # the session's trainer (the sample session is theirs), course managers.
    # Checking in (the QR code's URL, the online code) is for anyone signed in,
    # about themselves (events/tests/test_attendance.py).
    ("events:check_in_screen*", TAKES_ATTENDANCE, frozenset()),
    ("events:attendance_sheet", TAKES_ATTENDANCE, frozenset()),
    # Its sign-in sheet for funders (PDF, XLSX): the same people.
    ("events:sign_in_sheet_*", TAKES_ATTENDANCE, frozenset()),
    ("events:*", SIGNED_IN, frozenset()),
    ("assessments:*", SIGNED_IN, frozenset()),
    ("certificates:download", SIGNED_IN, frozenset()),
    ("certificates:my_certificates", SIGNED_IN, frozenset()),
    ("mfa_*", SIGNED_IN, frozenset()),
    ("account_*", SIGNED_IN, frozenset()),
    # Everything else is the admin: see ADMIN_ACCESS.
]

# The admin, per staff role: an allow-list of view names (fnmatch patterns) and
# the exceptions to it. Every other admin view is closed to the role. Superusers
# open every admin view. Why each role has what it has: README, "Who may see
# and do what"; accounts/admin_access.py closes the views Wagtail leaves open.
EVERY_ADMIN_USER = [
    "wagtailadmin_home",
    "wagtailadmin_account",
    "wagtailadmin_dismissibles",
]
# Writing courses: pages under the catalogues (Wagtail's page permissions decide
# which actions), the tools of the page editor, images, documents, trainers.
COURSE_WRITING = [
    *EVERY_ADMIN_USER,
    "wagtailadmin_explore*",
    "wagtailadmin_pages:*",
    "wagtailadmin_api:*",
    "wagtailadmin_choose_*",
    "wagtailadmin_tag_*",
    "wagtailadmin_block_preview",
    "wagtailadmin_editing_sessions:*",
    "wagtailembeds:*",
    "wagtailadmin_reports:workflow*",
    "wagtailadmin_reports:aging_pages*",
    "wagtailadmin_reports:page_types_usage*",
    "wagtailforms:index*",
    "wagtailimages:*",
    "wagtailimages_chooser:*",
    "wagtaildocs:*",
    "wagtaildocs_chooser:*",
    "wagtailsnippets:index",
    "wagtailsnippets_courses_trainer:*",
    "wagtailsnippetchoosers_*",
    "wagtailsnippets_certificates_certificatetemplate:*",
    # Learners, with one learner's quizzes and "Allow another attempt" (a trainer
    # only for the courses they teach: the sample enrolment is in one).
    "courses_learners*",
    "simple_translation:*",
]
# Course runs and sessions (events): a trainer those of the courses and runs
# they teach (the sample run is of a course they teach), a course manager all.
EVENT_RUNS = ["events_runs:*", "events_sessions:*", "events_session_cancel"]
ADMIN_ACCESS: dict[str, tuple[list[str], list[str]]] = {
    TRAINER: (
        [*COURSE_WRITING, *EVENT_RUNS],
        [
            # Deleting runs and sessions is the course managers'.
            "events_runs:delete",
            "events_sessions:delete",
            # Publishing, moving and privacy are the course managers'.
            "wagtailadmin_pages:unpublish",
            "wagtailadmin_pages:move*",
            "wagtailadmin_pages:set_privacy",
            "wagtailadmin_pages:revisions_unschedule",
            "wagtailadmin_pages:workflow_action",
            "wagtailadmin_pages:collect_workflow_action_data",
            "wagtailadmin_pages:workflow_preview",
            "wagtailadmin_pages:delete",
            "wagtailadmin_pages:convert_alias",
            # Images and documents: they add them, choose them and edit their own
            # (the sample ones were uploaded by nobody).
            "wagtailimages:edit",
            "wagtailimages:delete",
            "wagtailimages:url_generator*",
            "wagtailimages:preview",
            "wagtailimages:image_usage",
            "wagtaildocs:edit",
            "wagtaildocs:delete",
            "wagtaildocs:document_usage",
            "wagtailsnippets_courses_trainer:delete",
            # Certificate texts: they edit the templates, managers add them.
            "wagtailsnippets_certificates_certificatetemplate:add",
            "wagtailsnippets_certificates_certificatetemplate:copy",
            "wagtailsnippets_certificates_certificatetemplate:delete",
            "wagtailsnippetchoosers_certificates_certificatetemplate:create",
            "wagtailsnippetchoosers_assessments_instrument:create",
        ],
    ),
    COURSE_MANAGER: (
        [
            *COURSE_WRITING,
            *EVENT_RUNS,
            "wagtailadmin_reports:locked_pages*",
            "wagtailadmin_reports:site_history*",
            "courses_enrolment_*",
            "certificates_admin*",
        ],
        [
            # A course page with learners is kept: unpublish it instead.
            "wagtailadmin_pages:delete",
            "wagtailadmin_pages:convert_alias",
            "wagtailsnippets_certificates_certificatetemplate:delete",
            "wagtailsnippetchoosers_assessments_instrument:create",
        ],
    ),
    # Participation metrics, nothing else.
    ANALYST: ([*EVERY_ADMIN_USER, "metrics_*"], []),
}

# Wagtail's deliberate "test a server error" page, and a log-out by GET.
SKIPPED = {"wagtailadmin_error_test", "wagtailadmin_logout"}
SAMPLE_BY_CONVERTER = {
    "IntConverter": 1,  # replaced by a real page's id, see site_urls()
    "StringConverter": "1",
    "SlugConverter": "sample",
    "UUIDConverter": uuid.UUID("00000000-0000-4000-8000-000000000000"),
    "PathConverter": "sample",
}
REGEX_SAMPLES = ["1", "", "sample", "1-sample"]


@dataclass(frozen=True)
class SiteUrl:
    name: str
    url: str
    has_parameters: bool


def _reverse(
    name: str, pattern: URLPattern, samples: dict, arguments: dict
) -> SiteUrl | None:
    converters = getattr(pattern.pattern, "converters", {})
    if converters:
        kwargs = {
            key: arguments.get(key, samples.get(type(converter).__name__, "1"))
            for key, converter in converters.items()
        }
        try:
            return SiteUrl(name, reverse(name, kwargs=kwargs), True)
        except NoReverseMatch:
            return None
    regex = pattern.pattern.regex
    if not regex.groups:
        try:
            return SiteUrl(name, reverse(name), False)
        except NoReverseMatch:
            return None
    for sample in REGEX_SAMPLES:
        try:
            if regex.groupindex:
                kwargs = {key: arguments.get(key, sample) for key in regex.groupindex}
                return SiteUrl(name, reverse(name, kwargs=kwargs), True)
            return SiteUrl(name, reverse(name, args=[sample] * regex.groups), True)
        except NoReverseMatch:
            continue
    return None


def _first_match(name: str, table: list[tuple[str, dict]]) -> dict:
    return next(
        (value for pattern, value in table if fnmatch.fnmatchcase(name, pattern)), {}
    )


def site_urls(
    object_id: int = 1,
    arguments: list[tuple[str, dict]] = (),
    queries: list[tuple[str, dict]] = (),
) -> list[SiteUrl]:
    """Every named URL of the site, with sample values for its parameters: from
    `arguments` (URL name pattern -> {parameter: value}, first match wins), else
    `object_id` for numbers (a page that exists, so page views answer) and made-up
    values for the rest; `queries` adds a query string to the URLs that need one."""
    samples = {**SAMPLE_BY_CONVERTER, "IntConverter": object_id}
    seen, urls = set(), []
    with translation.override("en"):
        for name, pattern in site_patterns():
            if name in seen or name in SKIPPED:
                continue
            seen.add(name)
            site_url = _reverse(name, pattern, samples, _first_match(name, arguments))
            if site_url is None:
                continue
            if query := _first_match(name, queries):
                site_url = SiteUrl(
                    name, f"{site_url.url}?{urlencode(query)}", site_url.has_parameters
                )
            urls.append(site_url)
    return urls


def _matches(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


@functools.cache
def rule_for(name: str) -> tuple[frozenset, frozenset]:
    """(roles allowed, roles not asserted) for the URL named `name`."""
    for name_pattern, allowed, unchecked in RULES:
        if fnmatch.fnmatchcase(name, name_pattern):
            return allowed, unchecked
    staff = {
        role
        for role, (allow, refuse) in ADMIN_ACCESS.items()
        if _matches(name, allow) and not _matches(name, refuse)
    }
    return frozenset({SUPERUSER, *staff}), frozenset()


def is_login_redirect(response) -> bool:
    location = response.get("Location", "")
    return response.status_code in (301, 302) and (
        "/accounts/login/" in location or "/cms/login/" in location
    )


WAGTAIL_REFUSAL = "Sorry, you do not have permission to access this area."


def _refusal_texts() -> set[str]:
    # The admin speaks the user's language (Slovenian unless they chose).
    texts = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts.add(translation.gettext(WAGTAIL_REFUSAL))
    return texts


def admin_no_permission(response, url: str) -> bool:
    """Wagtail's refusal inside the admin: a redirect to the admin home with its
    "no permission" message (wagtail.admin.auth.permission_denied)."""
    location = response.get("Location", "")
    if not (
        url.startswith(settings.ADMIN_PATH_PREFIX)
        and response.status_code == 302
        and location.rstrip("/") == settings.ADMIN_PATH_PREFIX.rstrip("/")
    ):
        return False
    refusals = _refusal_texts()
    return any(
        str(message).strip() in refusals
        for message in get_messages(response.wsgi_request)
    )


def answer(client, url: str):
    """GET `url`; a redirect to another admin page (revisions -> history, add a
    subpage -> the add form) is followed once, and that page answers."""
    # A refusal is recognised by its message: none left over from the last.
    client.cookies.pop("messages", None)
    response = client.get(url)
    location = response.get("Location", "")
    admin_home = settings.ADMIN_PATH_PREFIX
    if (
        response.status_code in (301, 302)
        and location.startswith(admin_home)
        and location.rstrip("/") != admin_home.rstrip("/")
        and not is_login_redirect(response)
    ):
        client.cookies.pop("messages", None)
        response = client.get(location)
    return response


def denied(response, url: str) -> bool:
    return (
        status_of(response, url) in (401, 403, 404, 405)
        or is_login_redirect(response)
        or admin_no_permission(response, url)
    )


def allowed(response, site_url: SiteUrl, role: str) -> bool:
    if response.status_code in (401, 403) or is_login_redirect(response):
        return False
    # A superuser has every permission: Wagtail's refusal to them is about the
    # state of things (the site has no form page; every language is added).
    if role != SUPERUSER and admin_no_permission(response, site_url.url):
        return False
    if status_of(response, site_url.url) == 404:
        return site_url.has_parameters  # a made-up slug finds nothing
    return True  # 2xx, other redirects, 400 (needs a query), 405 (POST only)


@pytest.fixture
def role_users(demo_course):
    """One user per role. The "Analysts" group belongs to the metrics app; if it
    is not there (metrics not installed yet), an empty one stands in."""
    analysts, _created = Group.objects.get_or_create(name=ANALYSTS)
    users = {
        LEARNER: UserFactory(full_name="Lea Learner"),
        TRAINER: UserFactory(full_name="Tine Trainer"),
        COURSE_MANAGER: UserFactory(full_name="Maja Manager"),
        ANALYST: UserFactory(full_name="Ana Analyst"),
        SUPERUSER: UserFactory(
            full_name="Sara Super", is_superuser=True, is_staff=True
        ),
    }
    users[TRAINER].groups.add(Group.objects.get(name=TRAINERS))
    users[COURSE_MANAGER].groups.add(Group.objects.get(name=COURSE_MANAGERS))
    users[ANALYST].groups.add(analysts)
    return users


@pytest.fixture
def admin_objects(demo_course, role_users):
    """One real object of each kind the admin URLs name, so that an id in a URL
    finds something: (URL name pattern, {parameter: value}) for site_urls(), and
    the query strings the endpoints that take one need."""
    import wagtail_factories
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import Collection, Locale, Site

    from accounts.models import SecurityEvent
    from assessments.models import Instrument
    from courses.models import LessonPage

    collection = Collection.get_first_root_node().add_child(name="Lesson files")
    image = wagtail_factories.ImageFactory(collection=collection)
    document = wagtail_factories.DocumentFactory(collection=collection)
    redirect = Redirect.objects.create(
        old_path="/old-course", redirect_link="https://example.com/"
    )
    trainer = TrainerFactory(name="Tine Trainer", user=role_users[TRAINER])
    template = CertificateTemplateFactory(name="Partnership courses")
    instrument = Instrument.objects.filter(locale__language_code="en").first()
    # The trainer's change waits for a course manager's review.
    revision = demo_course.save_revision(user=role_users[TRAINER])
    workflow_state = demo_course.get_workflow().start(demo_course, role_users[TRAINER])
    workflow_state.refresh_from_db()
    task_state = workflow_state.current_task_state
    event = SecurityEvent.objects.filter(subject=role_users[TRAINER]).first()
    learner = role_users[LEARNER]
    text_block = LessonPage._meta.get_field("body").stream_block.child_blocks["text"]
    # A certificate (pending: its page and the revoke confirmation answer).
    from certificates.factories import certificate_for, completed_enrolment

    certificate = certificate_for(
        completed_enrolment(
            parent=demo_course.get_parent().specific,
            user=UserFactory(full_name="Cleo Certified"),
        )
    )
    # A learner with a quiz in a course the trainer teaches (Learners' detail).
    from courses.factories import build_course
    from courses.models import Enrolment

    taught, taught_lessons = build_course(
        parent=demo_course.get_parent(), lessons_per_module=(1,), quizzes=(1,)
    )
    taught.trainers.add(trainer)
    taught.save_revision().publish()
    enrolment = Enrolment.objects.create(
        user=learner, course=taught, status=Enrolment.Status.ACTIVE
    )
    # A run of that course with a session (the trainer's; Events in the admin).
    from events.factories import CourseRunFactory, SessionFactory

    run = CourseRunFactory(course=taught)
    session = SessionFactory(run=run, trainer=trainer)
    arguments = [
        ("events:*", {"session_id": session.pk, "run_id": run.pk}),
        ("events_runs:*", {"pk": run.pk}),
        ("events_sessions:*", {"pk": session.pk}),
        ("events_session_cancel", {"pk": session.pk}),
        ("wagtailusers_users:*", {"pk": learner.pk}),
        (
            "courses_learners_*",
            {
                "enrolment_id": enrolment.pk,
                "lesson_id": taught_lessons[0].pk,
                "quiz_id": taught_lessons[0].quizzes[0].id,
            },
        ),
        ("accounts_admin_erase", {"pk": learner.pk}),
        ("certificates_admin_*", {"pk": certificate.pk}),
        ("wagtailusers_groups:*", {"pk": Group.objects.get(name=TRAINERS).pk}),
        ("wagtailsites:*", {"pk": Site.objects.get(is_default_site=True).pk}),
        ("wagtaillocales:*", {"pk": Locale.objects.get(language_code="en").pk}),
        (
            "wagtailadmin_collections:*",
            {"pk": collection.pk, "collection_id": collection.pk},
        ),
        (
            "wagtailadmin_workflows:*task*",
            {"pk": task_state.task_id, "task_id": task_state.task_id},
        ),
        (
            "wagtailadmin_workflows:*",
            {
                "pk": workflow_state.workflow_id,
                "workflow_pk": workflow_state.workflow_id,
            },
        ),
        ("wagtailredirects:*", {"redirect_id": redirect.pk}),
        ("wagtailimages*", {"image_id": image.pk, "pk": image.pk}),
        ("wagtailadmin_api:images:*", {"pk": image.pk}),
        (
            "wagtaildocs*",
            {"document_id": document.pk, "doc_id": document.pk, "pk": document.pk},
        ),
        ("wagtailadmin_api:documents:*", {"pk": document.pk}),
        ("wagtailsnippet*_courses_trainer:*", {"pk": trainer.pk}),
        ("wagtailsnippet*_certificates_certificatetemplate:*", {"pk": template.pk}),
        ("wagtailsnippet*_assessments_instrument:*", {"pk": instrument.pk}),
        ("security_events:*", {"pk": event.pk}),
        (
            "wagtailadmin_pages:*",
            {
                "revision_id": revision.pk,
                "task_state_id": task_state.pk,
                "task_id": task_state.task_id,
                "action_name": "approve",
                "pk": demo_course.pk,
                "revision_id_a": "earliest",
                "revision_id_b": "latest",
                "content_type_app_name": "courses",
                "content_type_model_name": "modulepage",
                "app_label": "courses",
                "model_name": "modulepage",
                "workflow_state_id": workflow_state.pk,
                "destination_id": demo_course.get_parent().pk,
            },
        ),
    ]
    queries = [
        ("wagtailadmin_api:pages:find", {"id": demo_course.pk}),
        ("wagtailadmin_api:images:find", {"id": image.pk}),
        ("wagtailadmin_api:documents:find", {"id": document.pk}),
        ("wagtailadmin_block_preview", {"id": text_block.definition_prefix}),
    ]
    return arguments, queries


def test_the_walk_covers_the_whole_site():
    names = {site_url.name for site_url in site_urls()}
    # Public, learner, allauth, admin and our own admin views are all in it.
    assert {
        "wagtail_serve",
        "accounts:privacy",
        "accounts:data_export_download",
        "certificates:download",
        "account_login",
        "wagtailadmin_home",
        "security_events:index",
        "certificates_admin",
        "wagtailusers_users:index",
    } <= names
    assert len(names) > 200


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_the_matrix_says(
    client, role_users, demo_course, admin_objects, role
):
    arguments, queries = admin_objects
    problems = []
    for site_url in site_urls(demo_course.pk, arguments, queries):
        signed_in(client, role_users.get(role))  # a page may have ended it
        try:
            response = answer(client, site_url.url)
        except Exception as error:  # a crash is a 500 that the client raised
            problems.append(f"{site_url.url} ({site_url.name}): raised {error!r}")
            continue
        if response.status_code >= 500:
            problems.append(f"{site_url.url} ({site_url.name}): {response.status_code}")
            continue
        allowed_roles, unchecked = rule_for(site_url.name)
        if role in unchecked:
            continue
        if role in allowed_roles and not allowed(response, site_url, role):
            problems.append(
                f"{site_url.url} ({site_url.name}) should answer {role}, got "
                f"{response.status_code} {response.get('Location', '')}"
            )
        if role not in allowed_roles and not denied(response, site_url.url):
            problems.append(
                f"{site_url.url} ({site_url.name}) should be closed to {role}, got "
                f"{response.status_code} {response.get('Location', '')}"
            )
    assert not problems, "\n".join(problems)


@pytest.fixture
def owned_objects(catalogue, django_capture_on_commit_callbacks):
    """One learner's private objects: certificate PDF, data export, a submitted
    self-assessment and a draft, the survey of a session she attended, with
    the URLs that reach them."""
    from accounts.services import data_export_request
    from assessments import demo as assessment_demo
    from assessments import services as assessment_services
    from assessments.factories import all_answers
    from assessments.models import Instrument
    from certificates.factories import certificate_for, completed_enrolment
    from certificates.services import certificate_issue

    owner = UserFactory(full_name="Olga Owner")
    enrolment = completed_enrolment(parent=catalogue, user=owner)
    certificate = certificate_issue(certificate_id=certificate_for(enrolment).pk)
    with django_capture_on_commit_callbacks(execute=True):
        export = data_export_request(user=owner)
    instrument = Instrument.objects.get(
        translation_key=assessment_demo.TRANSLATION_KEY, locale__language_code="en"
    )
    response = assessment_services.response_start(user=owner, instrument=instrument)
    submitted = assessment_services.response_submit(
        user=owner, response=response, answers=all_answers(response)
    )
    draft = assessment_services.response_start(user=owner, instrument=instrument)
    # A workshop she attended yesterday: its survey awaits her answer.
    from events.factories import (
        EventIndexPageFactory,
        RegistrationFactory,
        build_event,
    )
    from events.models import Attendance

    _event, (workshop,) = build_event(
        parent=EventIndexPageFactory(parent=catalogue.get_parent()),
        starts_in_days=-1,
    )
    Attendance.objects.create(
        session=workshop,
        registration=RegistrationFactory(session=workshop, user=owner),
        how=Attendance.How.SHEET,
    )
    with translation.override("en"):
        urls = [
            reverse("certificates:download", args=[certificate.verification_code]),
            reverse("accounts:data_export_download", args=[export.uuid]),
            reverse("assessments:result", args=[submitted.uuid]),
            reverse("assessments:step", args=[draft.uuid, 1]),
            reverse("events:feedback_session", args=[workshop.pk]),
        ]
    return owner, urls


def test_one_learners_objects_are_never_reachable_by_another(
    client, role_users, owned_objects
):
    owner, urls = owned_objects
    client.force_login(owner)
    for url in urls:
        assert client.get(url).status_code == 200, url

    for role in (LEARNER, TRAINER):
        client.force_login(role_users[role])
        for url in urls:
            response = client.get(url)
            assert denied(response, url), f"{role} reached {url}"
            assert b"Olga Owner" not in response.content
    client.logout()
    for url in urls:
        assert is_login_redirect(client.get(url)), url
