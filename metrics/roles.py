from courses.roles import group_permissions_grant

ANALYSTS = "Analysts"


def roles_setup(**kwargs) -> None:
    """Analysts read the participation dashboard in the admin, and nothing else."""
    group_permissions_grant(
        {ANALYSTS: ["wagtailadmin.access_admin", "metrics.view_participation"]}
    )
