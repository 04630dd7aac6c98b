"""What certificates hold about a person, for accounts' privacy registry."""

from collections.abc import Iterable
from typing import Any

from accounts.privacy import ExportFile, delete_file_on_commit

HOLDER_ERASED = "holder erased"


def _when(value) -> str | None:
    return value.isoformat() if value else None


class CertificatesProvider:
    """Certificates with their PDFs and their Open Badges credentials.

    Erasing revokes every certificate with the reason "holder erased", blanks the
    holder's name and deletes the PDF. The record stays (unlinked from the person
    when the user row is deleted) so that its code still answers on the
    verification page: revoked, without a name, instead of "no such certificate".
    A credential names the holder and their hashed address: erasing blanks what
    was signed and keeps the row, whose status list index stays taken and its
    bit set (the erased holder's copies keep saying "revoked")."""

    name = "certificates"
    models = ("certificates.Certificate", "certificates.Credential")

    def export(self, user) -> dict[str, Any]:
        return {
            "certificates": [
                {
                    "verification_code": certificate.verification_code,
                    "status": certificate.status,
                    "holder_name": certificate.holder_name,
                    "course": certificate.course_title,
                    "hours": str(certificate.hours),
                    "in_person_hours": str(certificate.in_person_hours),
                    "completed_at": _when(certificate.completed_at),
                    "issued_at": _when(certificate.issued_at),
                    "revoked_at": _when(certificate.revoked_at),
                    "pdf": self._file_name(certificate) if certificate.pdf else None,
                    "credentials": [
                        {
                            "id": str(credential),
                            "issued_at": _when(credential.issued_at),
                            "replaced_at": _when(credential.revoked_at),
                            "email_hash_salt": credential.email_salt,
                            "credential": credential.document,
                        }
                        for credential in certificate.credentials.order_by(
                            "issued_at", "pk"
                        )
                    ],
                }
                for certificate in user.certificates.order_by("created_at", "pk")
            ]
        }

    @staticmethod
    def _file_name(certificate) -> str:
        return f"certificates/{certificate.verification_code}.pdf"

    def export_files(self, user) -> Iterable[ExportFile]:
        for certificate in user.certificates.exclude(pdf=""):
            yield ExportFile(self._file_name(certificate), certificate.pdf)

    def erase(self, user) -> None:
        from .models import Certificate, Credential
        from .services import certificate_revoke

        for certificate in user.certificates.all():
            if certificate.status != Certificate.Status.REVOKED:
                certificate = certificate_revoke(
                    certificate=certificate, revoked_by=None, reason=HOLDER_ERASED
                )
            if certificate.pdf:
                # Deleted once the erasure commits: a rolled-back erasure keeps it.
                delete_file_on_commit(certificate.pdf)
            Certificate.objects.filter(pk=certificate.pk).update(
                holder_name="", pdf="", emailed_at=None
            )
            Credential.objects.filter(certificate=certificate).update(
                document={}, jwt="", email_salt=""
            )
