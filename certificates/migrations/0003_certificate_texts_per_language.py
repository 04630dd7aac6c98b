from django.db import migrations, models

# What the template fields held by default before an empty field meant "the
# standard wording in the certificate's language".
OLD_DEFAULT_HEADING = "Certificate of completion"
OLD_DEFAULT_STATEMENT = "has successfully completed the course"


def standard_wording_where_default(apps, schema_editor):
    CertificateTemplate = apps.get_model("certificates", "CertificateTemplate")
    CertificateTemplate.objects.filter(heading=OLD_DEFAULT_HEADING).update(heading="")
    CertificateTemplate.objects.filter(statement=OLD_DEFAULT_STATEMENT).update(
        statement=""
    )


def default_wording_back(apps, schema_editor):
    CertificateTemplate = apps.get_model("certificates", "CertificateTemplate")
    CertificateTemplate.objects.filter(heading="").update(heading=OLD_DEFAULT_HEADING)
    CertificateTemplate.objects.filter(statement="").update(
        statement=OLD_DEFAULT_STATEMENT
    )


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0002_issued_revoked_indexes"),
    ]

    operations = [
        # The names typed so far were the Slovenian ones (the site's default
        # language).
        migrations.RenameField(
            model_name="certificatesettings",
            old_name="issuer_name",
            new_name="issuer_name_sl",
        ),
        migrations.AlterField(
            model_name="certificatesettings",
            name="issuer_name_sl",
            field=models.CharField(
                default="Regionalni center kreativne ekonomije (RCKE)",
                max_length=200,
                verbose_name="issuing organisation (Slovenian)",
            ),
        ),
        migrations.RenameField(
            model_name="certificatesettings",
            old_name="signatory_title",
            new_name="signatory_title_sl",
        ),
        migrations.AlterField(
            model_name="certificatesettings",
            name="signatory_title_sl",
            field=models.CharField(
                blank=True,
                max_length=150,
                verbose_name="signatory's title (Slovenian)",
            ),
        ),
        migrations.AddField(
            model_name="certificatesettings",
            name="issuer_name_en",
            field=models.CharField(
                blank=True,
                default="Regional Centre of Creative Economy (RCKE)",
                help_text="Leave empty to print the Slovenian name.",
                max_length=200,
                verbose_name="issuing organisation (English)",
            ),
        ),
        migrations.AddField(
            model_name="certificatesettings",
            name="signatory_title_en",
            field=models.CharField(
                blank=True,
                help_text="Leave empty to print the Slovenian title.",
                max_length=150,
                verbose_name="signatory's title (English)",
            ),
        ),
        migrations.AlterField(
            model_name="certificatetemplate",
            name="heading",
            field=models.CharField(
                blank=True,
                help_text="Leave empty for “Certificate of completion” in the course's language.",
                max_length=120,
                verbose_name="heading",
            ),
        ),
        migrations.AlterField(
            model_name="certificatetemplate",
            name="statement",
            field=models.CharField(
                blank=True,
                help_text="Printed between the learner's name and the course title. Leave empty for “has successfully completed the course” in the course's language (in Slovenian in the form of the holder's gender).",
                max_length=250,
                verbose_name="statement",
            ),
        ),
        migrations.RunPython(standard_wording_where_default, default_wording_back),
    ]
