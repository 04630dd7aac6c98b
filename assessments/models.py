from django.db import models
from django.utils.translation import gettext_lazy as _

from .entrecomp import COMPETENCE_NAMES, Area


class Competence(models.Model):
    """One of EntreComp's 15 competences. Rows are created by a migration and never
    edited: courses tag them, instruments score them, metrics group by them."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    area = models.CharField(_("area"), max_length=32, choices=Area.choices)
    sort_order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("EntreComp competence")
        verbose_name_plural = _("EntreComp competences")

    def __str__(self) -> str:
        return str(self.name)

    @property
    def name(self):
        return COMPETENCE_NAMES.get(self.code, self.code)
