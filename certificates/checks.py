from django.conf import settings
from django.core.checks import Error, Tags, register

from .credentials.keys import signing_key_problems


@register(Tags.security)
def credential_signing_key_is_fit(app_configs, **kwargs):
    """Production signs every certificate's credential: without a key file,
    certificates would stay unissued (the render task fails); with the demo's
    key, anyone holding a copy of the demo could sign credentials as us. Not a
    deploy-only check, so that `migrate` and the other commands a start runs
    refuse too (`credentials_keygen`, which makes the key, runs no checks)."""
    if not settings.CREDENTIAL_SIGNING_KEY_REQUIRED:
        return []
    return [
        Error(
            problem,
            hint="Set CREDENTIAL_SIGNING_KEY_FILE to a key made by "
            "`manage.py credentials_keygen`.",
            id="certificates.E001",
        )
        for problem in signing_key_problems()
    ]
