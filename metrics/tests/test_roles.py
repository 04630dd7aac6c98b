import pytest
from django.contrib.auth.models import Group

from courses.roles import COURSE_MANAGERS, TRAINERS
from metrics.roles import ANALYSTS

pytestmark = pytest.mark.django_db


def test_migrate_alone_gives_every_role_its_permissions():
    # No fixture re-runs the set-up here: this is what `migrate` left behind.
    def codenames(name):
        return set(
            Group.objects.get(name=name).permissions.values_list("codename", flat=True)
        )

    assert {"access_admin", "view_participation"} <= codenames(ANALYSTS)
    assert {"view_enrolment", "change_trainer"} <= codenames(TRAINERS)
    assert {"change_enrolment", "revoke_certificate"} <= codenames(COURSE_MANAGERS)
