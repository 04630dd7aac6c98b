"""Sharing a certificate outside the site: LinkedIn's "Add to profile" form,
prefilled by a plain link (LinkedIn's Add to Profile for certifications: no
script, pixel or frame of theirs on our pages; the holder's browser opens
linkedin.com only when they follow the link)."""

from urllib.parse import quote, urlencode

from django.utils import timezone

from .models import Certificate
from .rendering import verification_url

LINKEDIN_ADD_TO_PROFILE = "https://www.linkedin.com/profile/add"


def linkedin_add_to_profile_url(certificate: Certificate) -> str:
    """LinkedIn's add-certification form with the certificate's facts filled in:
    its name (the course title), the issuing organisation, the month it was
    earned, its verification code as the credential id and the printed
    verification address (no language prefix, so it never changes) as the
    credential URL.

    The organisation goes by name: LinkedIn's `organizationId` only links a
    company page LinkedIn knows, and the certificate settings keep no such id.
    The name is the certificate's own copy of the settings' issuer name in the
    course's language, as the PDF and the credential print it. The issue date
    is the completion, the date the PDF prints and the credential's validFrom
    (a re-issue keeps it), in the site's time zone."""
    earned = timezone.localtime(certificate.completed_at)
    parameters = {
        "startTask": "CERTIFICATION_NAME",
        "name": certificate.course_title,
        "organizationName": certificate.issuer_name,
        "issueYear": f"{earned.year:04d}",
        "issueMonth": str(earned.month),
        "certUrl": verification_url(certificate.verification_code),
        "certId": certificate.verification_code,
    }
    # %20 rather than + for spaces: every reader of a query string takes it.
    return f"{LINKEDIN_ADD_TO_PROFILE}?{urlencode(parameters, quote_via=quote)}"
