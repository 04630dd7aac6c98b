from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and general pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .site_address import site_address_apply

        post_migrate.connect(
            site_address_apply, sender=self, dispatch_uid="home.site_address"
        )
        self._site_frames_invalidate_on_change()

    def _site_frames_invalidate_on_change(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale, Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .models import SiteSettings
        from .site_frame import site_frames_invalidate

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(site_frames_invalidate, dispatch_uid="home.site_frames")
        # View restrictions: home.serving keeps the paths they apply from.
        for model in (Site, Locale, SiteSettings, PageViewRestriction):
            for signal in (post_save, post_delete):
                signal.connect(
                    site_frames_invalidate,
                    sender=model,
                    dispatch_uid=f"home.site_frames.{model.__name__}",
                )

        def page_saved_or_deleted(sender, instance, **kwargs) -> None:
            # Pages of every type (a page created live, as factories and the
            # demo loader do, sends no page_published).
            if isinstance(instance, Page):
                site_frames_invalidate()

        for signal in (post_save, post_delete):
            signal.connect(
                page_saved_or_deleted, weak=False, dispatch_uid="home.site_frames.page"
            )
        self._admin_access_invalidate_on_change()

    def _admin_access_invalidate_on_change(self) -> None:
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group, Permission
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .site_frame import admin_access_invalidate

        user_model = get_user_model()
        for model in (user_model, Group, Permission):
            for signal in (post_save, post_delete):
                signal.connect(
                    admin_access_invalidate,
                    sender=model,
                    dispatch_uid=f"home.admin_access.{model.__name__}",
                )
        for through in (
            user_model.groups.through,
            user_model.user_permissions.through,
            Group.permissions.through,
        ):
            m2m_changed.connect(
                admin_access_invalidate,
                sender=through,
                dispatch_uid=f"home.admin_access.{through.__name__}",
            )
