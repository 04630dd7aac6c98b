from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import CreativeSector
from assessments.entrecomp import Band
from assessments.models import Competence


class CatalogueFilterForm(forms.Form):
    """The catalogue's filters, read from the query string."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    competence = forms.ModelChoiceField(
        label=_("Competence"),
        queryset=Competence.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All competences"),
    )
    level = forms.ChoiceField(
        label=_("Level"),
        choices=[("", _("All levels")), *Band.choices],
        required=False,
    )
    sector = forms.ChoiceField(
        label=_("Creative sector"),
        choices=[("", _("All sectors")), *CreativeSector.choices],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs["type"] = "search"
