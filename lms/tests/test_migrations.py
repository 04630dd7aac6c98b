"""The models and their migrations agree (what `makemigrations --check` says),
checked inside the suite's process, where Django is set up already, instead of
a process of its own before the suite starts."""

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_every_model_change_has_its_migration():
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out)
    except SystemExit:  # --check exits 1 when a migration is missing
        pytest.fail("Models changed without a migration:\n" + out.getvalue())
    assert "No changes detected" in out.getvalue()
