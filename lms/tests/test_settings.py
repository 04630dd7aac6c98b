import os
import secrets
import subprocess
import sys

from django.conf import settings

from certificates.credentials.keys import new_keyring, save_keyring
from lms.celery import app

BASE_DIR = str(settings.BASE_DIR)


def run_manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean_env, "DJANGO_SETTINGS_MODULE": "lms.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", env={"ALLOWED_HOSTS": "academy.example"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", env={"SECRET_KEY": secrets.token_urlsafe(50)})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def production_env(key_file) -> dict:
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "academy.example",
        # Rate limits need a cache shared by every web process
        # (accounts.W001/E001); the check does not connect to it.
        "CACHE_URL": "redis://cache.invalid:6379/1",
        "CREDENTIAL_SIGNING_KEY_FILE": str(key_file),
    }


def test_production_settings_pass_the_deployment_checklist(tmp_path):
    key_file = tmp_path / "private" / "credential-signing-key.json"
    save_keyring(new_keyring(), key_file)
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env=production_env(key_file)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_the_demo_signing_key(tmp_path):
    key_file = tmp_path / "credential-signing-key.json"
    save_keyring(new_keyring(demo=True), key_file)
    result = run_manage("check", env=production_env(key_file))
    assert result.returncode != 0
    assert "certificates.E001" in result.stderr
    assert "made for the demo" in result.stderr
    assert "secretKeyMultibase" not in result.stderr + result.stdout


def test_the_key_check_refuses_a_missing_key_file(settings, tmp_path):
    """In process (the production wiring is the test above)."""
    from certificates.checks import credential_signing_key_is_fit

    settings.CREDENTIAL_SIGNING_KEY_REQUIRED = True
    settings.CREDENTIAL_SIGNING_KEY_FILE = tmp_path / "none.json"
    (error,) = credential_signing_key_is_fit(None)
    assert error.id == "certificates.E001"
    assert "no credential signing key file" in error.msg
    settings.CREDENTIAL_SIGNING_KEY_REQUIRED = False
    assert credential_signing_key_is_fit(None) == []


def test_production_admin_log_in_is_the_site_s_log_in():
    """/cms/login/ skipped the e-mail confirmation, with these settings too."""
    script = (
        "from django.conf import settings; from django.urls import resolve; "
        "view = resolve('/cms/login/').func; "
        "print(view.__module__, view.__name__, settings.ACCOUNT_EMAIL_VERIFICATION)"
    )
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        script,
        env={
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "academy.example",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["accounts.views", "admin_login", "mandatory"]


def test_celery_accepts_only_json_and_survives_a_lost_worker():
    conf = app.conf
    assert conf.accept_content == ["json"]
    assert conf.task_serializer == "json"
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert 0 < conf.task_soft_time_limit < conf.task_time_limit
    assert conf.worker_max_tasks_per_child and conf.worker_max_memory_per_child


def test_broker_visibility_timeout_outlasts_any_task():
    # Redis redelivers an unacknowledged task after the visibility timeout; a task
    # still running then would run twice.
    options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    if "visibility_timeout" in options:
        assert options["visibility_timeout"] > settings.CELERY_TASK_TIME_LIMIT * 2
