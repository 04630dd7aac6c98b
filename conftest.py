"""Fixtures shared by the whole suite: the session's demo content, a real Celery
worker process, headless Chromium through Playwright, and axe-core
accessibility checks. How the suite is organised: docs/testing.md."""

import importlib
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from email import message_from_binary_file
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from hypothesis import settings as hypothesis_settings

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# CI (and `make test`) runs the same examples every time: a failure there is the
# code's, not the draw's. Locally hypothesis keeps exploring.
hypothesis_settings.register_profile(
    "ci", derandomize=True, database=None, deadline=None, print_blob=True
)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
)


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    # allauth keeps rate-limit counters in the cache; each test starts fresh.
    cache.clear()
    yield


@pytest.fixture(scope="session", autouse=True)
def _credential_signing_key() -> None:
    """A demo signing key in the test run's own CREDENTIAL_SIGNING_KEY_FILE
    (under TEST_VAR_DIR), made once, as `make run` makes one: certificates are
    issued with credentials, by this process and by the worker processes it
    starts."""
    from certificates.credentials.keys import (
        KeyFileError,
        load_keyring,
        new_keyring,
        save_keyring,
    )

    try:
        load_keyring()
    except KeyFileError:
        save_keyring(new_keyring(demo=True))


@pytest.fixture
def english() -> Iterator[None]:
    """Messages and reversed URLs in English (/en/...). App test folders switch it
    on for all their tests (their conftest); elsewhere a test opts in with
    `pytest.mark.usefixtures("english")`."""
    with translation.override("en"):
        yield


# --- the session's demo -------------------------------------------------------
#
# The home, course and assessment demo is loaded once per test database (per
# xdist process), right after pytest-django has created or reused it: every
# test starts from "migrated + demo". A test in a transaction (`db`) rolls back
# to it. A transactional test (`transactional_db`, `live_server`, the worker and
# browser tests) commits, and Django empties every table after it; the rows the
# demo left are then put back from a snapshot before the next test that uses the
# database (a few hundred rows, well under a second, where loading the demo
# through the page tree takes half a minute).

SESSION_DEMO_APPS = ("home", "assessments", "courses")  # INSTALLED_APPS order


# Tables that triggers fill from another table's rows: on SQLite, Wagtail's
# full-text index of its search entries (putting its rows back as well would
# insert each twice).
TRIGGER_FILLED_TABLES = frozenset({"wagtailsearch_indexentry_fts"})


class DatabaseSnapshot:
    """Every row of every table of the models (the tables `flush` empties), as
    they are when taken; `restore()` makes those tables hold exactly these rows
    again. Primary keys are kept, so ids looked up once stay valid. Django's
    foreign keys are deferred to the commit, so the order of tables is free."""

    def __init__(self) -> None:
        from django.db import connection

        self.tables: dict[str, tuple[list[str], list[tuple]]] = {}
        with connection.cursor() as cursor:
            for table in connection.introspection.django_table_names(
                only_existing=True, include_views=False
            ):
                if table in TRIGGER_FILLED_TABLES:
                    continue
                # Table names from Django's introspection, quoted.
                query = f"SELECT * FROM {connection.ops.quote_name(table)}"  # noqa: S608
                cursor.execute(query)
                rows = cursor.fetchall()
                if rows:
                    columns = [column[0] for column in cursor.description]
                    self.tables[table] = (columns, rows)

    def restore(self) -> None:
        from django.db import connection, transaction

        quote = connection.ops.quote_name
        # After a flush only the tables post_migrate fills hold rows, and the
        # snapshot, taken after migrate, has rows in each of those.
        with transaction.atomic(), connection.cursor() as cursor:
            for table, (columns, rows) in self.tables.items():
                cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
                names = ", ".join(quote(column) for column in columns)
                values = ", ".join(["%s"] * len(columns))
                insert = f"INSERT INTO {quote(table)} ({names}) VALUES ({values})"  # noqa: S608
                cursor.executemany(insert, rows)


class SessionDemo:
    """The demo of this test session: its snapshot and the ids of what the
    fixtures below look up, and whether a flush has emptied the tables since."""

    snapshot: DatabaseSnapshot | None = None
    course_id: int | None = None
    flushed = False

    @classmethod
    def load(cls) -> None:
        from django.contrib.contenttypes.models import ContentType
        from django.core.management.sql import emit_post_migrate_signal
        from django.db import transaction

        from courses.models import CoursePage

        # A reused database that a run left emptied (killed in the middle of a
        # transactional test) gets back what migrations put there.
        if not ContentType.objects.exists():
            emit_post_migrate_signal(0, False, "default")
        ensure_wagtail_tree()
        for app_name in SESSION_DEMO_APPS:
            module = importlib.import_module(f"{app_name}.demo")
            with transaction.atomic():
                for _line in module.load():
                    pass
        cls.course_id = (
            CoursePage.objects.filter(locale__language_code="en")
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )
        cls.snapshot = DatabaseSnapshot()

    @classmethod
    def restore_if_flushed(cls) -> None:
        if cls.flushed:
            cls.snapshot.restore()


def _empty_tables_with_rows(self) -> None:
    """TransactionTestCase's teardown: the tables the test left rows in are
    emptied (one query finds them, a DELETE each, in one transaction). Django's
    flush truncates every table (0.6 s on PostgreSQL each time) and then runs
    post_migrate; the snapshot puts back every row post_migrate makes (content
    types, permissions, our groups and workflow) before the next test that uses
    the database, so neither was needed. Django's foreign keys are checked at
    the commit, so the order of the DELETEs is free."""
    from django.db import connections, transaction

    for db_name in self._databases_names(include_mirrors=False):
        connection = connections[db_name]
        quote = connection.ops.quote_name
        tables = connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        # Table names from Django's introspection, quoted.
        probe = " UNION ALL ".join(
            f"SELECT {number} WHERE EXISTS (SELECT 1 FROM {quote(table)})"  # noqa: S608
            for number, table in enumerate(tables)
        )
        with transaction.atomic(using=db_name), connection.cursor() as cursor:
            cursor.execute(probe)
            for (number,) in cursor.fetchall():
                cursor.execute(f"DELETE FROM {quote(tables[number])}")  # noqa: S608


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, with the session's demo in it."""
    from django.test import TransactionTestCase

    from lms.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True  # what the demo leaves for later, now
    try:
        with django_db_blocker.unblock():
            SessionDemo.load()
    finally:
        app.conf.task_always_eager = eager
    # django.test.TestCase has its own teardown (a rollback); this reaches only
    # the transactional tests.
    TransactionTestCase._fixture_teardown = _empty_tables_with_rows
    yield
    # With --reuse-db the next run starts from what this one leaves.
    with django_db_blocker.unblock():
        SessionDemo.restore_if_flushed()
        SessionDemo.flushed = False


def _is_transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    return bool(
        (marker and (marker.kwargs.get("transaction") or (marker.args[:1] == (True,))))
        or {"transactional_db", "live_server"} & set(request.fixturenames)
    )


@pytest.fixture(autouse=True)
def _session_demo_in_place(request) -> Iterator[None]:
    """Before a test that uses the database: the demo is there (put back if a
    transactional test's flush emptied it)."""
    uses_database = request.node.get_closest_marker("django_db") or {
        "db",
        "transactional_db",
        "live_server",
    } & set(request.fixturenames)
    if not uses_database:
        yield
        return
    transactional = _is_transactional(request)
    request.getfixturevalue("transactional_db" if transactional else "db")
    SessionDemo.restore_if_flushed()
    if transactional:
        SessionDemo.flushed = False  # committed
    yield
    if transactional:
        SessionDemo.flushed = True  # Django flushes right after this


# --- a real Celery worker -------------------------------------------------


class WorkerProcess:
    """A `celery worker` subprocess using the configured broker and the test
    database. Tests may kill it (`kill()`) and start another (`start()`)."""

    def __init__(
        self,
        database_name: str,
        mail_dir: Path,
        concurrency: int = 1,
        extra_env: dict | None = None,
        queues: str | None = None,
    ):
        self.database_name = database_name
        self.mail_dir = mail_dir
        self.concurrency = concurrency
        self.queues = queues  # "mail,certificates"; None: every queue
        self.extra_env = extra_env or {}
        self.process: subprocess.Popen | None = None
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []

    def start(self, timeout: float = 60) -> None:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.test",
            "TEST_DATABASE_NAME": self.database_name,
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "TEST_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "TEST_EMAIL_FILE_PATH": str(self.mail_dir),
            "DJANGO_ALLOW_ASYNC_UNSAFE": "",
            # The site's address as the test has it (the live server's, in a
            # browser test): the worker's links and credentials name it too.
            "TEST_SITE_URL": settings.WAGTAILADMIN_BASE_URL,
            **self.extra_env,
        }
        self.lines = queue.Queue()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "lms",
                "worker",
                "--loglevel",
                "INFO",
                "--concurrency",
                str(self.concurrency),
                "--pool",
                "prefork",
                "--without-gossip",
                "--without-mingle",
                "--hostname",
                f"test-{uuid.uuid4().hex[:8]}@%h",
                *(["--queues", self.queues] if self.queues else []),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._read, args=(self.process,), daemon=True).start()
        self.wait_for_log(" ready.", timeout=timeout)

    def _read(self, process: subprocess.Popen) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.log.append(line)
            self.lines.put(line)

    def wait_for_log(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process and self.process.poll() is not None:
                    log = "".join(self.log)
                    raise RuntimeError(f"Celery worker exited:\n{log}") from None
                continue
            if text in line:
                return line
        raise TimeoutError(f"worker never logged {text!r}:\n" + "".join(self.log[-50:]))

    def pool_children(self) -> list[int]:
        assert self.process is not None
        result = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        )
        return [int(pid) for pid in result.stdout.split()]

    def kill_pool_child(self) -> None:
        """SIGKILL the pool process running the task, as the OOM killer would."""
        for pid in self.pool_children():
            os.kill(pid, signal.SIGKILL)

    def kill(self) -> None:
        """SIGKILL the whole worker (main process and pool children)."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def sent_emails(self) -> list:
        messages = []
        for path in sorted(self.mail_dir.glob("*.log")):
            with path.open("rb") as handle:
                content = handle.read()
            # The file backend separates messages with a line of dashes.
            for chunk in content.split(b"\n" + b"-" * 79 + b"\n"):
                if chunk.strip():
                    from io import BytesIO

                    messages.append(message_from_binary_file(BytesIO(chunk)))
        return messages


def wait_until(
    predicate, *, timeout: float = 30, interval: float = 0.1, message: str = ""
):
    """Poll `predicate` until it returns something truthy, or fail at the deadline."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(message or f"condition not met within {timeout} s")


@pytest.fixture
def start_worker(transactional_db, tmp_path):
    """Start real worker processes on the configured broker (Redis in CI, the
    filesystem transport locally) reading the test database; `extra_env` sets
    their environment; `queues` the queues they serve (default: all). Tasks
    sent by the test go through the broker."""
    from django.db import connection

    from lms.celery import app

    app.control.purge()
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    workers: list[WorkerProcess] = []
    previous_eager = app.conf.task_always_eager
    app.conf.task_always_eager = False

    def start(
        concurrency: int = 1, queues: str | None = None, **extra_env
    ) -> WorkerProcess:
        worker = WorkerProcess(
            connection.settings_dict["NAME"],
            mail_dir,
            concurrency=concurrency,
            extra_env=extra_env,
            queues=queues,
        )
        workers.append(worker)
        worker.start()
        return worker

    try:
        yield start
    finally:
        # The test is over: SIGKILL, not a warm shutdown (3 s of the worker's
        # pool joining for each); the queues are purged below.
        for worker in workers:
            worker.kill()
        app.conf.task_always_eager = previous_eager
        app.control.purge()


@pytest.fixture
def celery_worker_process(start_worker) -> WorkerProcess:
    """One real worker with the default settings."""
    return start_worker()


@pytest.fixture
def wait_for():
    return wait_until


# --- headless Chromium -----------------------------------------------------


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), *CHROMIUM_CANDIDATES):
        if candidate and Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(
                "REQUIRE_BROWSER=1 but no Chromium was found (apt-get install chromium)"
            )
        pytest.skip("Chromium is not installed; browser tests need Debian's chromium")
    # Playwright's sync API runs an event loop in this thread; the ORM calls
    # the tests make between browser steps are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server, request, settings):
    # The live server is the public address: links in e-mails lead to it.
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15_000)
    browser_page = context.new_page()
    yield browser_page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        artifacts = Path(settings.BASE_DIR) / "test-artifacts"
        artifacts.mkdir(exist_ok=True)
        browser_page.screenshot(
            path=str(artifacts / f"{request.node.name}.png"), full_page=True
        )
    context.close()


# `make test-fast` leaves out the tests with these markers: a test that drives
# Chromium or a worker process must say so (benchmarks run by `make bench` only).
MARKED_FIXTURES = {
    "browser": {"browser", "page"},
    "worker": {"start_worker", "celery_worker_process"},
}


def pytest_collection_modifyitems(config, items):
    unmarked = [
        f"{item.nodeid} (needs @pytest.mark.{marker})"
        for item in items
        if not item.get_closest_marker("benchmark")
        for marker, fixtures in MARKED_FIXTURES.items()
        if fixtures & set(getattr(item, "fixturenames", ()))
        and not item.get_closest_marker(marker)
    ]
    if unmarked:
        raise pytest.UsageError("Unmarked tests:\n" + "\n".join(unmarked))
    _longest_transactional_first(items)


# Tests that take far longer than the rest (docs/testing.md, --durations). The
# transactional tests run last (pytest-django's order), handed one at a time to
# whichever process is free: started first, the long ones run beside the short
# ones instead of keeping one process busy while the other waits at the end.
LONG_TRANSACTIONAL_TESTS = (
    "tests/integration/test_demo_activity.py::",
    "tests/browser/test_learning.py::",
    "tests/browser/test_assessment.py::",
    "tests/integration/test_certificate_worker.py::",
)


def _longest_transactional_first(items) -> None:
    def rank(item) -> int:
        for position, prefix in enumerate(LONG_TRANSACTIONAL_TESTS):
            if item.nodeid.startswith(prefix):
                return position
        return len(LONG_TRANSACTIONAL_TESTS)

    def transactional(item) -> bool:
        marker = item.get_closest_marker("django_db")
        fixtures = set(getattr(item, "fixturenames", ()))
        in_transaction = marker and (
            marker.kwargs.get("transaction") or marker.args[:1] == (True,)
        )
        return bool(in_transaction or {"transactional_db", "live_server"} & fixtures)

    # pytest-django has put them in one run (its hook runs first); sort it alone.
    positions = [index for index, item in enumerate(items) if transactional(item)]
    if positions and positions == list(range(positions[0], positions[-1] + 1)):
        start, end = positions[0], positions[-1] + 1
        items[start:end] = sorted(items[start:end], key=rank)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core on the page as it is now; fail on any WCAG 2.1 A/AA violation."""

    def check(browser_page) -> None:
        # A click that navigates returns once the new page starts to arrive; a
        # slow response would otherwise be checked half-parsed.
        browser_page.wait_for_load_state()
        results = axe.run(
            browser_page,
            options={
                "runOnly": {"type": "tag", "values": AXE_TAGS},
                "resultTypes": ["violations"],
            },
        )
        assert results.violations_count == 0, (
            f"axe found violations on {browser_page.url}:\n{results.generate_report()}"
        )

    return check


# --- site content ----------------------------------------------------------


def ensure_wagtail_tree() -> None:
    """Wagtail's root page, root collection and locales come from migrations; a
    transactional test flushes them, so put them back before loading content."""
    from wagtail.models import Collection, Locale, Page

    from assessments.entrecomp import COMPETENCES
    from assessments.models import Competence
    from certificates.roles import roles_setup as certificate_roles_setup
    from courses.roles import roles_setup

    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    for order, (code, area, _name) in enumerate(COMPETENCES, start=1):
        Competence.objects.get_or_create(
            code=code, defaults={"area": area, "sort_order": order}
        )
    roles_setup()
    certificate_roles_setup()


@pytest.fixture
def wagtail_tree(db):
    """Wagtail's root page, the locales, competences and roles, as after migrate
    (every test has them, with the session's demo; kept for the tests that ask)."""


@pytest.fixture
def demo_site(db):
    """The home app's demo content: home, about and privacy pages in sl and en
    (the session's demo: a lookup)."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_course(db):
    """The courses app's demo content: catalogues and the demo course in sl and
    en (the session's demo); the English course."""
    from courses.models import CoursePage

    return CoursePage.objects.get(pk=SessionDemo.course_id)


@pytest.fixture
def catalogue(db):
    """An English course catalogue of the test's own under the demo home page
    (the demo catalogue holds the demo course)."""
    from courses.factories import CourseIndexPageFactory
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="en")
    return CourseIndexPageFactory(parent=home, slug="catalogue")
