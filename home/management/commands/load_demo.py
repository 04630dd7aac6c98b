import importlib

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

INLINE_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
}


class Command(BaseCommand):
    help = (
        "Install the demo content: home and general pages in Slovenian and English, "
        "a demo administrator, and whatever each app's `demo` module adds. "
        "Idempotent: a second run changes nothing."
    )

    def handle(self, *args, **options) -> None:
        # What the demo leaves for later (Wagtail's reference and search index
        # entries for every page, a render task for each certificate the demo
        # already rendered) is done here and now: a few hundred tasks left in the
        # queue would keep the worker busy for minutes after `make run` starts.
        from lms.celery import app

        eager = app.conf.task_always_eager
        app.conf.task_always_eager = True
        try:
            with override_settings(TASKS=INLINE_TASKS):
                self._load()
        finally:
            app.conf.task_always_eager = eager

    def _load(self) -> None:
        # Each app that has demo content says so in a `demo.py` with a `load()`;
        # running them in INSTALLED_APPS order keeps dependencies first. Then
        # each `activity()` (where there is one) adds what people did with that
        # content, once every app's content is there.
        modules = []
        for app_config in apps.get_app_configs():
            try:
                modules.append(importlib.import_module(f"{app_config.name}.demo"))
            except ModuleNotFoundError as error:
                if error.name != f"{app_config.name}.demo":
                    raise
        for module in modules:
            with transaction.atomic():
                for line in getattr(module, "load", list)():
                    self.stdout.write(line)
        # One transaction for all of it: what one app's activity leaves for
        # after the commit (a certificate to render) finds the next app's
        # activity done (the certificate rendered, dated at the completion).
        with transaction.atomic():
            for module in modules:
                for line in getattr(module, "activity", list)():
                    self.stdout.write(line)
