from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Self-assessment")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accounts import privacy

        from . import receivers  # noqa: F401
        from .privacy import AssessmentsProvider

        privacy.register(AssessmentsProvider())
