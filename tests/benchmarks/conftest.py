import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.client import HTTPConnection
from pathlib import Path

import pytest
from django.conf import settings

RESULTS_DIR = Path(settings.BASE_DIR) / "var" / "bench"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """gunicorn serving the test database, as production would serve the real one."""

    def __init__(self, database_name: str, workers: int = 2):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "lms.wsgi",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "lms.settings.test",
                "TEST_DATABASE_NAME": database_name,
                "DJANGO_ALLOW_ASYNC_UNSAFE": "",
            },
            cwd=settings.BASE_DIR,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

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
        connection = HTTPConnection("127.0.0.1", port, timeout=30)
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


def record(name: str, results: dict) -> None:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / f"{name}.json").write_text(json.dumps(results, indent=2))


@pytest.fixture
def gunicorn(transactional_db) -> Iterator[Gunicorn]:
    from django.db import connection

    server = Gunicorn(connection.settings_dict["NAME"])
    yield server
    server.stop()
