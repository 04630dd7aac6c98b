# The services pass the moment of the action (a default now, not auto_now):
# no change in the database.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0003_certificate_texts_per_language"),
    ]

    operations = [
        migrations.AlterField(
            model_name="certificate",
            name="created_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                editable=False,
                verbose_name="created at",
            ),
        ),
    ]
