import copy

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from .models import EARLIEST_YEAR_OF_BIRTH, User, validate_year_of_birth

PROFILE_FIELDS = [
    "full_name",
    "sector",
    "city",
    "organisation",
    "business_stage",
    "gender",
    "year_of_birth",
]

STATISTICS_ONLY_HELP = _("Optional. Used only for anonymous statistics.")


class ProfileForm(forms.ModelForm):
    """The learner's profile, as asked at sign-up and edited later."""

    year_of_birth = forms.IntegerField(
        label=_("Year of birth"),
        required=False,
        validators=[MinValueValidator(EARLIEST_YEAR_OF_BIRTH), validate_year_of_birth],
        help_text=STATISTICS_ONLY_HELP,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    class Meta:
        model = User
        fields = PROFILE_FIELDS
        labels = {
            "full_name": _("Full name"),
            "sector": _("Creative sector"),
            "city": _("City"),
            "organisation": _("Organisation"),
            "business_stage": _("Business stage"),
            "gender": _("Gender"),
        }
        help_texts = {
            "full_name": _("As it should appear on your certificates."),
            "organisation": _("Optional: your studio, company or collective."),
            "gender": STATISTICS_ONLY_HELP,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("sector", "city", "business_stage"):
            self.fields[name].required = True
            self.fields[name].choices = [("", _("Choose one"))] + list(
                self.fields[name].choices
            )[1:]
        self.fields["gender"].choices = [("", _("Prefer not to say"))] + list(
            self.fields["gender"].choices
        )[1:]
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form with the learner's profile and privacy consent.

    E-mail, password and profile are validated together: nothing is saved unless
    all of them are valid. AccountAdapter.save_user stores the profile."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        profile = ProfileForm()
        for name in PROFILE_FIELDS:
            self.fields[name] = copy.deepcopy(profile.fields[name])
        self.fields["privacy_consent"] = forms.BooleanField(
            label=_("I have read the privacy notice and agree to it."),
            required=True,
            error_messages={
                "required": _(
                    "Please agree to the privacy notice to create an account."
                )
            },
        )
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        self.order_fields(
            ["email", "full_name", "password1", "password2", *PROFILE_FIELDS]
        )
