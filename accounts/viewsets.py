from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .admin_names import group_label
from .forms import PROFILE_FIELDS
from .group_viewsets import UserFilterSet
from .models import User


class ProfileFieldsMixin(forms.ModelForm):
    first_name = None
    last_name = None
    full_name = forms.CharField(label=_("Full name"), max_length=150)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            # The platform's groups in the reader's language (accounts.admin_names).
            self.fields["groups"].label_from_instance = group_label

    def clean_email(self) -> str:
        """Addresses are one whatever their case, as allauth compares them (Wagtail
        compared them exactly: "Ana@…" made a second account beside "ana@…")."""
        email = self.cleaned_data["email"].strip().lower()
        others = User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("Another account already uses this e-mail address."),
                code="duplicate_email",
            )
        return email


class AdminUserCreationForm(ProfileFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = {"email", "is_superuser", "groups", *PROFILE_FIELDS}


class AdminUserEditForm(ProfileFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = {"email", "is_active", "is_superuser", "groups", *PROFILE_FIELDS}


class UserViewSet(WagtailUserViewSet):
    filterset_class = UserFilterSet

    def get_form_class(self, for_update: bool = False):
        return AdminUserEditForm if for_update else AdminUserCreationForm
