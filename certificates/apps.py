from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import checks, receivers  # noqa: F401
        from .roles import roles_setup

        post_migrate.connect(roles_setup, sender=self)

        from accounts import privacy

        from .privacy import CertificatesProvider

        privacy.register(CertificatesProvider())
