# The services pass the moment of the action (a default now, not auto_now):
# no change in the database.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0005_submitted_at_index"),
    ]

    operations = [
        migrations.AlterField(
            model_name="response",
            name="started_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                editable=False,
                verbose_name="started",
            ),
        ),
        migrations.AlterField(
            model_name="response",
            name="updated_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                editable=False,
                verbose_name="last saved",
            ),
        ),
    ]
