"""allauth signals the accounts app acts on."""

from allauth.account.signals import password_reset
from django.dispatch import receiver

from .services import password_reset_confirms_sole_address


@receiver(password_reset, dispatch_uid="accounts.password_reset_confirms_address")
def _password_reset_confirms_address(sender, request, user, **kwargs) -> None:
    password_reset_confirms_sole_address(user=user)
