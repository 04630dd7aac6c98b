"""What self-assessments hold about a person, for accounts' privacy registry."""

from collections.abc import Iterable
from typing import Any

from accounts.privacy import ExportFile


def _when(value) -> str | None:
    return value.isoformat() if value else None


class AssessmentsProvider:
    """Self-assessment responses (drafts and submitted attempts).

    Erasing deletes drafts; submitted responses (Likert answers, no free text)
    stay for the anonymous learning-gain statistics, unlinked from the person when
    the user row is deleted (Response.user is SET_NULL)."""

    name = "assessments"
    models = ("assessments.Response",)

    def export(self, user) -> dict[str, Any]:
        from .models import Response

        responses = (
            Response.objects.filter(user=user)
            .select_related("version")
            .order_by("started_at", "pk")
        )
        return {
            "responses": [
                {
                    "id": str(response.uuid),
                    "instrument": str(response.version),
                    "status": response.status,
                    "answers": response.answers,
                    "started_at": _when(response.started_at),
                    "submitted_at": _when(response.submitted_at),
                }
                for response in responses
            ]
        }

    def export_files(self, user) -> Iterable[ExportFile]:
        return []

    def erase(self, user) -> None:
        from .models import Response

        Response.objects.filter(user=user, status=Response.Status.DRAFT).delete()
