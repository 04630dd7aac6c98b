"""The Celery application. Settings come from Django's, under the CELERY_ namespace."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="lms.run_django_task", acks_late=True)
def run_django_task(module_path: str, args: list, kwargs: dict) -> None:
    """Run a django-tasks task (Wagtail's reference index, image focal points, file
    deletion) that `lms.tasks_backend.CeleryBackend` handed to Celery. Wagtail's
    tasks are idempotent, so a redelivery after a lost worker is harmless."""
    from django.utils.module_loading import import_string

    task = import_string(module_path)
    task.call(*args, **kwargs)
