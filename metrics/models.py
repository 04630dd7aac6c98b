from django.db import models
from django.utils.translation import gettext_lazy as _


class ParticipationReport(models.Model):
    """No table: carries the permission to read the participation dashboard, which
    the "Analysts" group holds."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_participation", _("Can view participation metrics"))]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
