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
GENDER_HELP = _(
    "Optional. Used for anonymous statistics and for the wording of your "
    "certificates (in Slovenian the verb agrees with it)."
)


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
            "gender": GENDER_HELP,
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


class AccountEraseForm(forms.Form):
    """The learner confirms the erasure of their own account with their password."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that my account and my personal data will be deleted "
            "and cannot be restored."
        ),
        required=True,
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("The password is not correct."), code="wrong_password"
            )
        return password


class StaffAccountEraseForm(forms.Form):
    """Staff erase an account on the person's written request."""

    reason = forms.CharField(
        label=_("Written request"),
        help_text=_("Where and when the person asked, e.g. “e-mail of 3 May 2026”."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=_("Delete this account and its personal data now."), required=True
    )


class AdminFullNameForm(forms.ModelForm):
    """The name on the admin's account page: our accounts have one full name
    (Wagtail's page asked for a first and a last name they do not have)."""

    class Meta:
        model = User
        fields = ["full_name"]
        labels = {"full_name": _("Full name")}
        help_texts = {"full_name": _("As it should appear on your certificates.")}
