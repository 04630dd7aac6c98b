"""Fixtures shared by the whole suite: a real Celery worker process, headless
Chromium through Playwright, and axe-core accessibility checks."""

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

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    # allauth keeps rate-limit counters in the cache; each test starts fresh.
    cache.clear()
    yield


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
        for worker in workers:
            worker.stop()
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
    (for a test that loads content itself)."""
    ensure_wagtail_tree()


@pytest.fixture
def demo_site(db):
    """The home app's demo content: home, about and privacy pages in sl and en."""
    from home import demo

    ensure_wagtail_tree()
    for _line in demo.load():
        pass
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_course(demo_site):
    """The courses app's demo content: catalogues and the demo course in sl and en."""
    from courses import demo

    for _line in demo.load():
        pass
    from courses.models import CoursePage

    return CoursePage.objects.get(locale__language_code="en")


@pytest.fixture
def catalogue(demo_site):
    """An English course catalogue under the demo home page."""
    from courses.factories import CourseIndexPageFactory
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="en")
    return CourseIndexPageFactory(parent=home, slug="catalogue")
