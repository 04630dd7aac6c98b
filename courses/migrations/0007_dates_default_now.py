# The services pass the moment of the action (a default now, not auto_now):
# no change in the database.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0006_course_hours_from_lessons"),
    ]

    operations = [
        migrations.AlterField(
            model_name="enrolment",
            name="requested_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                editable=False,
                verbose_name="requested at",
            ),
        ),
        migrations.AlterField(
            model_name="exerciseanswer",
            name="updated_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                editable=False,
                verbose_name="updated at",
            ),
        ),
        migrations.AlterField(
            model_name="lessoncompletion",
            name="completed_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                editable=False,
                verbose_name="completed at",
            ),
        ),
        migrations.AlterField(
            model_name="quizattempt",
            name="submitted_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                editable=False,
                verbose_name="submitted at",
            ),
        ),
    ]
