import uuid
from datetime import date

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CreativeSector(models.TextChoices):
    ARCHITECTURE = "architecture", _("Architecture")
    DESIGN = "design", _("Design")
    FASHION = "fashion", _("Fashion")
    FILM_VIDEO = "film_video", _("Film and video")
    MUSIC = "music", _("Music")
    PERFORMING_ARTS = "performing_arts", _("Performing arts")
    VISUAL_ARTS = "visual_arts", _("Visual arts")
    CRAFTS = "crafts", _("Crafts")
    PUBLISHING = "publishing", _("Publishing")
    ADVERTISING = "advertising", _("Advertising")
    GAMES_SOFTWARE = "games_software", _("Games and software")
    CULTURAL_HERITAGE = "cultural_heritage", _("Cultural heritage")
    OTHER = "other", _("Other")


class City(models.TextChoices):
    GDANSK = "gdansk", "Gdańsk"
    # English says Genoa, Slovenian (and Italian) Genova.
    GENOVA = "genova", _("Genoa")
    LEIPZIG = "leipzig", "Leipzig"
    LJUBLJANA = "ljubljana", "Ljubljana"
    PECS = "pecs", "Pécs"
    OTHER = "other", _("Other")


class BusinessStage(models.TextChoices):
    IDEA = "idea", _("An idea")
    STARTING = "starting", _("Starting out")
    ESTABLISHED = "established", _("Established")


class Gender(models.TextChoices):
    FEMALE = "female", _("Woman")
    MALE = "male", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")
    SELF_DESCRIBED = "other", _("In another way")


EARLIEST_YEAR_OF_BIRTH = 1900


def validate_year_of_birth(value: int) -> None:
    if value > date.today().year:
        raise ValidationError(
            _("The year of birth cannot be in the future."), code="future_year"
        )


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account: learner, trainer, manager or analyst.

    E-mail is the login. The profile lives on the user row itself: it is read on
    almost every page and in every participation figure, so a join would buy nothing.
    Gender and year of birth are optional and used for anonymous statistics;
    gender also gives a Slovenian certificate its verb form ("zaključila").
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(
        _("full name"),
        max_length=150,
        help_text=_("As it should appear on your certificates."),
    )
    sector = models.CharField(
        _("creative sector"), max_length=32, choices=CreativeSector.choices, blank=True
    )
    city = models.CharField(_("city"), max_length=16, choices=City.choices, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    business_stage = models.CharField(
        _("business stage"), max_length=16, choices=BusinessStage.choices, blank=True
    )
    gender = models.CharField(
        _("gender"), max_length=16, choices=Gender.choices, blank=True
    )
    year_of_birth = models.PositiveSmallIntegerField(
        _("year of birth"),
        null=True,
        blank=True,
        validators=[MinValueValidator(EARLIEST_YEAR_OF_BIRTH), validate_year_of_birth],
    )
    privacy_consent_at = models.DateTimeField(
        _("agreed to the privacy notice at"), null=True, blank=True
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]
        permissions = [("erase_user", _("Can erase a user's account on request"))]
        indexes = [models.Index(fields=["date_joined"])]
        constraints = [
            # One account per address whatever its case, as allauth looks them up.
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_case_insensitive_unique",
                violation_error_message=_(
                    "Another account already uses this e-mail address."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return (self.full_name.split() or [self.email])[0]


def data_export_storage():
    """Exports are private files: no URL, served only to their owner through a
    view (STORAGES["exports"])."""
    from django.core.files.storage import storages

    return storages["exports"]


class DataExport(models.Model):
    """A learner's copy of everything the platform holds about them: a ZIP built
    by a worker, downloadable by its owner until it expires."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Expired")

    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True)
    user = models.ForeignKey(
        User,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="data_exports",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    file = models.FileField(
        _("file"), max_length=255, blank=True, storage=data_export_storage
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    ready_at = models.DateTimeField(_("ready at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"))

    class Meta:
        verbose_name = _("personal data export")
        verbose_name_plural = _("personal data exports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} · {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_downloadable(self) -> bool:
        return (
            self.status == self.Status.READY
            and bool(self.file)
            and self.expires_at > timezone.now()
        )


class SecurityEvent(models.Model):
    """Who did what to whom, and when: log-ins, failed log-ins, two-factor
    changes, role changes, certificate revocations, exports and erasures.
    Written by accounts.audit; read-only in the admin."""

    class Action(models.TextChoices):
        LOGIN = "login", _("Logged in")
        LOGIN_FAILED = "login_failed", _("Failed log-in")
        LOGOUT = "logout", _("Logged out")
        MFA_ADDED = "mfa_added", _("Two-factor method added")
        MFA_REMOVED = "mfa_removed", _("Two-factor method removed")
        MFA_RESET = "mfa_reset", _("Recovery codes regenerated")
        ROLE_ADDED = "role_added", _("Added to group")
        ROLE_REMOVED = "role_removed", _("Removed from group")
        SUPERUSER_CHANGED = "superuser_changed", _("Administrator rights changed")
        CERTIFICATE_REVOKED = "certificate_revoked", _("Certificate revoked")
        DATA_EXPORTED = "data_exported", _("Personal data export requested")
        ACCOUNT_ERASED = "account_erased", _("Account erased")
        EMAIL_CHANGED = "email_changed", _("Login e-mail address changed")

    actor = models.ForeignKey(
        User,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.ForeignKey(
        User,
        verbose_name=_("concerning"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="security_events",
    )
    action = models.CharField(_("action"), max_length=32, choices=Action.choices)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("security event")
        verbose_name_plural = _("security events")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["action", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"
