"""Give the course roles their rights on each new events listing."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import EventIndexPage


@receiver(post_save, sender=EventIndexPage)
def grant_event_roles(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        from .roles import event_index_permissions_grant

        event_index_permissions_grant(index_page=instance)
