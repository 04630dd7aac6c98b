from django.db import migrations

COMPETENCES = [
    ("spotting_opportunities", "ideas_opportunities"),
    ("creativity", "ideas_opportunities"),
    ("vision", "ideas_opportunities"),
    ("valuing_ideas", "ideas_opportunities"),
    ("ethical_sustainable_thinking", "ideas_opportunities"),
    ("self_awareness", "resources"),
    ("motivation_perseverance", "resources"),
    ("mobilising_resources", "resources"),
    ("financial_literacy", "resources"),
    ("mobilising_others", "resources"),
    ("taking_initiative", "into_action"),
    ("planning_management", "into_action"),
    ("coping_with_uncertainty", "into_action"),
    ("working_with_others", "into_action"),
    ("learning_through_experience", "into_action"),
]


def create_competences(apps, schema_editor):
    Competence = apps.get_model("assessments", "Competence")
    for order, (code, area) in enumerate(COMPETENCES, start=1):
        Competence.objects.update_or_create(
            code=code, defaults={"area": area, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]

    operations = [migrations.RunPython(create_competences, migrations.RunPython.noop)]
