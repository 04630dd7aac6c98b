from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # audit connects the security-log receivers, checks registers the
        # deployment check of the rate-limit cache; receivers acts on allauth's.
        from . import audit, checks, privacy, receivers  # noqa: F401

        privacy.register(privacy.AccountProvider())
        privacy.register(privacy.EditorialProvider())

        # Wagtail's exports (reports, listings) go through the platform's
        # spreadsheet writer: no formulas from people's text, local dates.
        from lms.spreadsheets import wagtail_exports_install

        wagtail_exports_install()


class AccountsUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for our user model (no username, no
    first/last name, the learner's profile fields), and groups named in the
    reader's language."""

    user_viewset = "accounts.viewsets.UserViewSet"
    group_viewset = "accounts.group_viewsets.GroupViewSet"
