from courses.roles import COURSE_MANAGERS, TRAINERS, group_permissions_grant

CERTIFICATE_PERMISSIONS = {
    TRAINERS: ["certificates.change_certificatetemplate"],
    COURSE_MANAGERS: [
        "certificates.view_certificate",
        "certificates.revoke_certificate",
        "certificates.add_certificatetemplate",
        "certificates.change_certificatetemplate",
    ],
}


def roles_setup(**kwargs) -> None:
    """Course managers manage certificates; trainers edit certificate texts."""
    group_permissions_grant(CERTIFICATE_PERMISSIONS)
