import json
import os
import socket
import statistics
import subprocess
import sys
import sysconfig
import textwrap
import threading
import time
from collections.abc import Iterator
from http.client import HTTPConnection
from pathlib import Path

import pytest
from django.conf import settings

RESULTS_DIR = Path(settings.BASE_DIR) / "var" / "bench"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    # The suite's SQLite test database is one file (var/test/test-db.sqlite3):
    # a benchmark run beside a test run would drop it under the other's feet.
    from django.db import connections

    database = connections["default"].settings_dict
    if database["ENGINE"] == "django.db.backends.sqlite3":
        name = Path(settings.BASE_DIR) / "var" / "test" / f"bench-{os.getpid()}.sqlite3"
        database["TEST"]["NAME"] = str(name)


def _process_cpu_seconds(pid: int) -> float:
    """utime + stime of one live process, from /proc/<pid>/stat."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # fields 14, 15


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        if int(stat[stat.rindex(")") + 2 :].split()[1]) == pid:
            found.append(int(entry.name))
    return found


class Gunicorn:
    """gunicorn serving a WSGI application with sync workers, as production
    would (the test database for ours, its own for the bare Wagtail project)."""

    def __init__(
        self,
        database_name: str | None = None,
        workers: int = 2,
        *,
        application: str = "lms.wsgi",
        cwd: Path | str | None = None,
        env: dict | None = None,
        python_options: tuple[str, ...] = (),
    ):
        self.port = free_port()
        if env is None:
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "lms.settings.test",
                "TEST_DATABASE_NAME": database_name or "",
                "DJANGO_ALLOW_ASYNC_UNSAFE": "",
            }
        self.process = subprocess.Popen(
            [
                sys.executable,
                *python_options,
                "-m",
                "gunicorn",
                application,
                "--workers",
                str(workers),
                "--worker-class",
                "sync",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=cwd or settings.BASE_DIR,
        )
        self.workers = workers
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn {application} exited")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        while len(_children(self.process.pid)) < workers:
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn's workers did not start")
            time.sleep(0.2)

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the master and its live workers have used."""
        pids = [self.process.pid, *_children(self.process.pid)]
        return sum(_process_cpu_seconds(pid) for pid in pids)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def load(
    port: int, path: str, *, clients: int, requests_per_client: int, cookie: str = ""
):
    """Send requests from `clients` concurrent keep-alive connections; return
    requests/s, p50 and p95 latency in milliseconds."""
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    headers = {"Cookie": cookie} if cookie else {}

    def client() -> None:
        connection = HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        for _ in range(requests_per_client):
            started = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            mine.append((time.perf_counter() - started) * 1000)
            if response.status != 200:
                errors.append(response.status)
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    assert not errors, f"{path} answered {sorted(set(errors))}"
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
    }


def load_with_cpu(
    server: Gunicorn,
    path: str,
    *,
    clients: int,
    requests_per_client: int,
    cookie: str = "",
) -> dict:
    """`load`, plus the CPU time the server's processes spent per request (what
    moves little when other work shares the machine, unlike requests/s)."""
    before = server.cpu_seconds()
    figures = load(
        server.port,
        path,
        clients=clients,
        requests_per_client=requests_per_client,
        cookie=cookie,
    )
    spent = server.cpu_seconds() - before
    figures["cpu_ms_per_request"] = round(spent * 1000 / figures["requests"], 1)
    return figures


def record(name: str, results: dict) -> None:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / f"{name}.json").write_text(json.dumps(results, indent=2))


@pytest.fixture
def gunicorn(transactional_db) -> Iterator[Gunicorn]:
    from django.db import connection

    server = Gunicorn(connection.settings_dict["NAME"])
    yield server
    server.stop()


BARE_PROJECT = "floorsite"
BARE_SETTINGS = """\
from .base import *  # noqa

DEBUG = False
SECRET_KEY = "benchmark-only"
ALLOWED_HOSTS = ["*"]
"""
BARE_QUERY_COUNT = """\
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
assert client.get("/").status_code == 200
with CaptureQueriesContext(connection) as queries:
    assert client.get("/").status_code == 200
print(len(queries))
"""


class BareWagtail:
    """The home page of a fresh `wagtail start` project: the floor for a
    Wagtail page on this machine. Nothing of it is kept."""

    def __init__(self, directory: Path):
        self.directory = directory
        directory.mkdir(parents=True)
        wagtail = Path(sys.executable).with_name("wagtail")
        subprocess.run(
            [str(wagtail), "start", BARE_PROJECT, str(directory)],
            check=True,
            capture_output=True,
        )
        (directory / BARE_PROJECT / "settings" / "bench.py").write_text(BARE_SETTINGS)
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_", "CACHE_", "CELERY_"))
        }
        self.env["DJANGO_SETTINGS_MODULE"] = f"{BARE_PROJECT}.settings.bench"
        # Without site (-S), so that the .pth of our editable install does not
        # map `home` to our home app: the project's own `home` app is served.
        self.env["PYTHONPATH"] = (
            f"{directory}{os.pathsep}{sysconfig.get_paths()['purelib']}"
        )
        subprocess.run(
            [sys.executable, "-S", "manage.py", "migrate", "--no-input", "-v0"],
            check=True,
            cwd=directory,
            env=self.env,
        )
        self.server = Gunicorn(
            application=f"{BARE_PROJECT}.wsgi",
            cwd=directory,
            env=self.env,
            python_options=("-S",),
        )

    def queries_per_request(self) -> int:
        result = subprocess.run(
            [sys.executable, "-S", "-c", textwrap.dedent(BARE_QUERY_COUNT)],
            check=True,
            cwd=self.directory,
            env=self.env,
            capture_output=True,
            text=True,
        )
        return int(result.stdout.split()[-1])

    def stop(self) -> None:
        self.server.stop()


@pytest.fixture
def bare_wagtail(tmp_path) -> Iterator[BareWagtail]:
    site = BareWagtail(tmp_path / "bare-wagtail")
    yield site
    site.stop()
