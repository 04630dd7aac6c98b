from django.db import migrations


def forget_summaries(apps, schema_editor):
    """Summaries written before the 'durations' and 'gain_total' sets existed
    lack them: forget every month, so each is recomputed when next needed (and
    by the nightly rebuild)."""
    apps.get_model("metrics", "LearnerSet").objects.all().delete()
    apps.get_model("metrics", "SummaryRefresh").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("metrics", "0003_learner_set_size")]

    operations = [migrations.RunPython(forget_summaries, migrations.RunPython.noop)]
