from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Course runs, sessions and events: registration and the waitlist (issue 16).
    Uses courses and accounts; courses imports nothing of it."""

    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import receivers  # noqa: F401
        from .roles import roles_setup

        post_migrate.connect(roles_setup, sender=self)

        from accounts import privacy

        from .privacy import EventsProvider

        privacy.register(EventsProvider())
