"""What self-assessments hold about a person, for accounts' privacy registry."""

from collections.abc import Iterable
from typing import Any

from django.utils import translation

from accounts.privacy import ExportFile


def _when(value) -> str | None:
    return value.isoformat() if value else None


def _readable(response) -> dict[str, Any]:
    """A response's answers as the person read them: each statement with its
    competence and the answer chosen on the scale; for a submitted one, the
    score of each competence (as shown, on 1–5) and its band. Texts are the
    instrument version's, in its language."""
    from .scoring import score, shown

    definition = response.definition
    scale = {point["value"]: point["label"] for point in definition["scale"]}
    answers = []
    for area in definition["areas"]:
        for dimension in area["dimensions"]:
            for item in dimension["items"]:
                if item["id"] not in response.answers:
                    continue
                value = response.answers[item["id"]]
                answers.append(
                    {
                        "statement": item["text"],
                        "competence": dimension["name"],
                        "area": area["name"],
                        "answer": definition["not_applicable_label"]
                        if value is None
                        else scale.get(value),
                        "value": value,
                    }
                )
    readable: dict[str, Any] = {"answers": answers}
    if response.is_submitted:
        with translation.override(definition.get("language")):
            readable["scores"] = [
                {
                    "competence": competence.name,
                    "score": None
                    if competence.mean is None
                    else float(shown(competence.mean)),
                    "level": str(competence.band.label) if competence.band else None,
                    "statements_answered": competence.answered,
                }
                for competence in score(definition, response.answers).competences
            ]
    return readable


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
                    **_readable(response),
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
