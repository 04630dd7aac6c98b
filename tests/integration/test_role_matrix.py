"""Who may see what: every URL of the site, taken from the URL resolver (not a
hand-kept list), requested as each role. The matrix below is the test's data and
the README's table in code; extend RULES when you add a page.

A role is *allowed* when the page answers (2xx, a redirect that is not to a
log-in or the admin's "no permission" home, 404 for the made-up ids we fill
in, 405 for POST-only views). It is *denied* when it gets 403, 404, 405, or a
redirect to the log-in page (or, inside the admin, back to the admin home).
No role ever gets a 5xx."""

import fnmatch
import uuid
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from accounts.factories import UserFactory
from courses.roles import COURSE_MANAGERS, TRAINERS

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
NOT_CHECKED = None  # the role's answer is not asserted (only: never a 5xx)

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
    ("assessments:landing", EVERYONE, frozenset()),
    ("account_login", EVERYONE, frozenset()),
    ("account_signup", EVERYONE, frozenset()),
    ("account_logout", EVERYONE, frozenset()),
    ("account_inactive", EVERYONE, frozenset()),
    ("account_reset_password*", EVERYONE, frozenset()),
    ("account_confirm_email", EVERYONE, frozenset()),
    ("account_email_verification_sent", EVERYONE, frozenset()),
    # Admin assets and Wagtail's own log-in (accounts.forms.AdminLoginForm).
    ("wagtailadmin_sprite", EVERYONE, frozenset()),
    ("wagtailadmin_javascript_catalog", EVERYONE, frozenset()),
    ("wagtailadmin_login", frozenset({ANONYMOUS}), SIGNED_IN),
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
    ("courses:*", SIGNED_IN, frozenset()),
    ("assessments:*", SIGNED_IN, frozenset()),
    ("certificates:download", SIGNED_IN, frozenset()),
    ("mfa_*", SIGNED_IN, frozenset()),
    ("account_*", SIGNED_IN, frozenset()),
    # Admin: who runs the platform.
    ("security_events:*", frozenset({SUPERUSER}), frozenset()),
    ("accounts_admin_erase", frozenset({SUPERUSER}), frozenset()),
    ("wagtailusers_users:*", frozenset({SUPERUSER}), frozenset()),
    ("wagtailusers_groups:*", frozenset({SUPERUSER}), frozenset()),
    ("certificates_admin*", frozenset({COURSE_MANAGER, SUPERUSER}), frozenset()),
    ("metrics_*", frozenset({ANALYST, SUPERUSER}), frozenset()),
    ("wagtailadmin_home", STAFF, frozenset()),
    # Admin endpoints that need a query (?id=, ?block=) and answer 404 without.
    ("wagtailadmin_api:*", frozenset(), STAFF),
    ("wagtailadmin_block_preview", frozenset(), STAFF),
    # Every other admin view: closed to visitors and learners, open to the
    # superuser; what each staff group sees inside depends on its permissions
    # (add a rule above to pin one down).
    ("*", frozenset({SUPERUSER}), frozenset({TRAINER, COURSE_MANAGER, ANALYST})),
]

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


def _walk(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from _walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def _reverse(name: str, pattern: URLPattern, samples: dict) -> SiteUrl | None:
    converters = getattr(pattern.pattern, "converters", {})
    if converters:
        kwargs = {
            key: samples.get(type(converter).__name__, "1")
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
                kwargs = dict.fromkeys(regex.groupindex, sample)
                return SiteUrl(name, reverse(name, kwargs=kwargs), True)
            return SiteUrl(name, reverse(name, args=[sample] * regex.groups), True)
        except NoReverseMatch:
            continue
    return None


def site_urls(object_id: int = 1) -> list[SiteUrl]:
    """Every named URL of the site, with sample values for its parameters (ids:
    `object_id`, a page that exists, so page views answer)."""
    samples = {**SAMPLE_BY_CONVERTER, "IntConverter": object_id}
    seen, urls = set(), []
    with translation.override("en"):
        for name, pattern in _walk(get_resolver().url_patterns):
            if name in seen or name in SKIPPED:
                continue
            seen.add(name)
            site_url = _reverse(name, pattern, samples)
            if site_url is not None:
                urls.append(site_url)
    return urls


def rule_for(name: str) -> tuple[frozenset, frozenset]:
    for name_pattern, allowed, unchecked in RULES:
        if fnmatch.fnmatchcase(name, name_pattern):
            return allowed, unchecked
    raise AssertionError(name)


def is_login_redirect(response) -> bool:
    location = response.get("Location", "")
    return response.status_code in (301, 302) and (
        "/accounts/login/" in location or "/cms/login/" in location
    )


def admin_no_permission(response, url: str) -> bool:
    """Wagtail answers "no permission" inside the admin with a redirect home."""
    location = response.get("Location", "")
    return (
        url.startswith("/cms/")
        and response.status_code == 302
        and location.rstrip("/").endswith("/cms")
        and url.rstrip("/") != "/cms"
    )


def status_of(response, url: str) -> int:
    """A 404 outside the language prefix is answered by LocaleMiddleware with a
    redirect to the same path under /sl/ (which is a 404 too)."""
    location = response.get("Location", "")
    if response.status_code == 302 and location == f"/sl{url}":
        return 404
    return response.status_code


def denied(response, url: str) -> bool:
    return (
        status_of(response, url) in (401, 403, 404, 405)
        or is_login_redirect(response)
        or admin_no_permission(response, url)
    )


def allowed(response, site_url: SiteUrl, role: str) -> bool:
    if response.status_code in (401, 403) or is_login_redirect(response):
        return False
    # A superuser has every permission: Wagtail sending them home is about the
    # state of things ("every locale is already added"), not a refusal.
    if role != SUPERUSER and admin_no_permission(response, site_url.url):
        return False
    if status_of(response, site_url.url) == 404:
        return site_url.has_parameters  # our made-up ids find nothing
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
    client, role_users, demo_course, role
):
    problems = []
    for site_url in site_urls(object_id=demo_course.pk):
        if role != ANONYMOUS:
            # Re-login each time: a page may have ended the session (log-out).
            client.force_login(role_users[role])
        else:
            client.logout()
        try:
            response = client.get(site_url.url)
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
    self-assessment and a draft, with the URLs that reach them."""
    from accounts.services import data_export_request
    from assessments import demo as assessment_demo
    from assessments import services as assessment_services
    from assessments.models import Instrument
    from assessments.tests.helpers import all_answers
    from certificates.factories import certificate_for, completed_enrolment
    from certificates.services import certificate_issue

    owner = UserFactory(full_name="Olga Owner")
    enrolment = completed_enrolment(parent=catalogue, user=owner)
    certificate = certificate_issue(certificate_id=certificate_for(enrolment).pk)
    with django_capture_on_commit_callbacks(execute=True):
        export = data_export_request(user=owner)
    for _line in assessment_demo.load():
        pass
    instrument = Instrument.objects.get(
        translation_key=assessment_demo.TRANSLATION_KEY, locale__language_code="en"
    )
    response = assessment_services.response_start(user=owner, instrument=instrument)
    submitted = assessment_services.response_submit(
        user=owner, response=response, answers=all_answers(response)
    )
    draft = assessment_services.response_start(user=owner, instrument=instrument)
    with translation.override("en"):
        urls = [
            reverse("certificates:download", args=[certificate.verification_code]),
            reverse("accounts:data_export_download", args=[export.uuid]),
            reverse("assessments:result", args=[submitted.uuid]),
            reverse("assessments:step", args=[draft.uuid, 1]),
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
