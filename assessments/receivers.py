"""Publishing an instrument freezes its content into a version at once, so the
version learners answer is the one editors published."""

from django.dispatch import receiver
from wagtail.signals import published

from .models import Instrument
from .services import instrument_version_ensure


@receiver(published, sender=Instrument)
def freeze_published_instrument(sender, instance: Instrument, **kwargs) -> None:
    instrument_version_ensure(instrument=instance)
