import importlib

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Install the demo content: home and general pages in Slovenian and English, "
        "a demo administrator, and whatever each app's `demo` module adds. "
        "Idempotent: a second run changes nothing."
    )

    def handle(self, *args, **options) -> None:
        # Each app that has demo content says so in a `demo.py` with a `load()`;
        # running them in INSTALLED_APPS order keeps dependencies first.
        for app_config in apps.get_app_configs():
            try:
                module = importlib.import_module(f"{app_config.name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{app_config.name}.demo":
                    raise
                continue
            with transaction.atomic():
                for line in module.load():
                    self.stdout.write(line)
