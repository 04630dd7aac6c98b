import secrets
from email.utils import parseaddr

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.search import index

# Crockford's base32 alphabet: no I, L, O, U, so codes survive being read aloud
# or typed from paper.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 30  # 30 symbols × 5 bits = 150 bits of randomness


def verification_code_generate() -> str:
    """An unguessable, readable code: 150 random bits in groups of five."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 5] for i in range(0, CODE_LENGTH, 5))


def verification_code_normalise(code: str) -> str:
    """What a person typed, in the stored form (case, spaces and look-alikes)."""
    cleaned = code.upper().replace(" ", "").replace("-", "")
    cleaned = cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    return "-".join(cleaned[i : i + 5] for i in range(0, len(cleaned), 5))


def certificate_storage():
    """Certificates are private files: a storage with no public URL, served only
    through the download view (STORAGES["certificates"])."""
    from django.core.files.storage import storages

    return storages["certificates"]


@register_setting(icon="doc-full")
class CertificateSettings(BaseSiteSetting):
    """Who issues the certificates of this site. A site serves both languages and
    Wagtail's settings are per site, not per locale, so the texts a certificate
    prints have a field per language; a certificate takes those of its course's
    language (the Slovenian one where the English is left empty)."""

    issuer_name_sl = models.CharField(
        _("issuing organisation (Slovenian)"),
        max_length=200,
        default="Regionalni center kreativne ekonomije (RCKE)",
    )
    issuer_name_en = models.CharField(
        _("issuing organisation (English)"),
        max_length=200,
        blank=True,
        default="Regional Centre of Creative Economy (RCKE)",
        help_text=_("Leave empty to print the Slovenian name."),
    )
    issuer_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issuer_email = models.EmailField(
        _("e-mail address"),
        blank=True,
        help_text=_(
            "Named in the certificates' digital credentials. Leave empty for the "
            "address the site's e-mails come from."
        ),
    )
    signatory_name = models.CharField(_("signatory"), max_length=150, blank=True)
    signatory_title_sl = models.CharField(
        _("signatory's title (Slovenian)"), max_length=150, blank=True
    )
    signatory_title_en = models.CharField(
        _("signatory's title (English)"),
        max_length=150,
        blank=True,
        help_text=_("Leave empty to print the Slovenian title."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("issuer_name_sl"), FieldPanel("issuer_name_en")],
            heading=_("Issuing organisation"),
        ),
        FieldPanel("issuer_logo"),
        FieldPanel("issuer_email"),
        MultiFieldPanel(
            [
                FieldPanel("signatory_name"),
                FieldPanel("signatory_title_sl"),
                FieldPanel("signatory_title_en"),
            ],
            heading=_("Signatory"),
        ),
    ]

    class Meta:
        verbose_name = _("certificate settings")

    def _in(self, field: str, language: str) -> str:
        default = settings.LANGUAGE_CODE
        return getattr(self, f"{field}_{language}", "") or getattr(
            self, f"{field}_{default}"
        )

    def issuer_name_for(self, language: str) -> str:
        """The organisation's name as a certificate in `language` prints it."""
        return self._in("issuer_name", language)

    def signatory_title_for(self, language: str) -> str:
        return self._in("signatory_title", language)

    def issuer_email_or_default(self) -> str:
        """The address the credentials name: the one given, else the bare address
        of DEFAULT_FROM_EMAIL."""
        return self.issuer_email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


class CertificateTemplate(index.Indexed, ClusterableModel):
    """The texts and logo of a certificate. A template lists the courses that use
    it (the choice lives here so courses need not know about certificates);
    courses not listed use the default template."""

    name = models.CharField(_("name"), max_length=150)
    is_default = models.BooleanField(
        _("default template"),
        default=False,
        help_text=_("Used by every course that no other template lists."),
    )
    # Empty: the standard wording in the certificate's language (the statement
    # in Slovenian takes the holder's gender where they gave it).
    heading = models.CharField(
        _("heading"),
        max_length=120,
        blank=True,
        help_text=_(
            "Leave empty for “Certificate of completion” in the course's language."
        ),
    )
    statement = models.CharField(
        _("statement"),
        max_length=250,
        blank=True,
        help_text=_(
            "Printed between the learner's name and the course title. Leave empty "
            "for “has successfully completed the course” in the course's "
            "language (in Slovenian in the form of the holder's gender)."
        ),
    )
    footer_text = models.TextField(_("footer text"), max_length=600, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Leave empty to use the issuer's logo from the certificate settings."
        ),
    )
    signatory_name = models.CharField(
        _("signatory"),
        max_length=150,
        blank=True,
        help_text=_("Leave empty to use the one in the certificate settings."),
    )
    signatory_title = models.CharField(
        _("signatory's title"), max_length=150, blank=True
    )
    courses = ParentalManyToManyField(
        "courses.CoursePage",
        verbose_name=_("courses"),
        blank=True,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("is_default"),
        MultiFieldPanel(
            [FieldPanel("heading"), FieldPanel("statement"), FieldPanel("footer_text")],
            heading=_("Texts (in the language of the courses that use it)"),
        ),
        FieldPanel("logo"),
        FieldPanel("signatory_name"),
        FieldPanel("signatory_title"),
        FieldPanel("courses"),
    ]
    search_fields = [index.SearchField("name")]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Certificate(models.Model):
    """One certificate per enrolment (a database constraint), from "pending" to
    "issued" (or "failed", to be retried), and "revoked" by staff. What it says
    is copied from the course and the learner when it is created, so it stays
    true to the day it was earned."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ISSUED = "issued", _("Issued")
        FAILED = "failed", _("Failed")
        REVOKED = "revoked", pgettext_lazy("certificate", "Revoked")

    enrolment = models.OneToOneField(
        "courses.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    verification_code = models.CharField(
        _("verification code"),
        max_length=40,
        unique=True,
        default=verification_code_generate,
        editable=False,
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    holder_name = models.CharField(_("holder's name"), max_length=150)
    course_title = models.CharField(_("course"), max_length=255)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    # Of `hours`, those spent in person (sessions attended in a room, as the
    # course's completion rules count them); the rest were online (lessons, live
    # online sessions). 0 for a course taken online only, whose certificate
    # states its hours alone, as it always has.
    in_person_hours = models.DecimalField(
        _("in-person hours"), max_digits=5, decimal_places=1, default=0
    )
    completed_at = models.DateTimeField(_("completed at"))
    language = models.CharField(_("language"), max_length=8)
    issuer_name = models.CharField(_("issuing organisation"), max_length=200)
    pdf = models.FileField(
        _("PDF"), max_length=255, blank=True, storage=certificate_storage
    )
    created_at = models.DateTimeField(
        _("created at"), default=timezone.now, editable=False
    )
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    render_attempts = models.PositiveSmallIntegerField(_("render attempts"), default=0)
    error = models.TextField(_("last error"), blank=True)
    failed_at = models.DateTimeField(_("failed at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["issued_at"]),
            models.Index(fields=["revoked_at"]),
        ]
        permissions = [
            ("revoke_certificate", _("Can revoke and re-issue certificates"))
        ]

    def __str__(self) -> str:
        return f"{self.holder_name} – {self.course_title} ({self.verification_code})"

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.ISSUED

    @property
    def online_hours(self):
        return self.hours - self.in_person_hours

    @property
    def holder_erased(self) -> bool:
        """The holder erased their account (a certificate is created for a
        person; only the erasure unlinks it): it stays revoked, without a name."""
        return self.user_id is None


class Credential(models.Model):
    """A certificate's Open Badges 3.0 credential as it was signed: its JSON with
    the embedded proof and its JWT, never re-signed, so that a revoked
    certificate answers with the credential it had (whose status bit now says
    revoked) and not with a fresh one. A re-issued certificate gets a new row;
    the one it replaces is kept, revoked (`revoked_at`), so that copies of it
    out in the world stop verifying as valid.

    The status list index is drawn at random (Bitstring Status List §6.1: an
    index in issue order would tell who was certified when); the unique
    constraint settles a draw that two workers make at once."""

    certificate = models.ForeignKey(
        Certificate,
        verbose_name=_("certificate"),
        on_delete=models.PROTECT,
        related_name="credentials",
    )
    uuid = models.UUIDField(_("id"), unique=True, editable=False)
    status_list_index = models.PositiveIntegerField(
        _("status list index"), unique=True, editable=False
    )
    document = models.JSONField(_("credential (JSON with proof)"), editable=False)
    jwt = models.TextField(_("credential (JWT)"), editable=False)
    # The salt of the holder's hashed e-mail address in the credential: with it,
    # the holder proves that the credential names their address.
    email_salt = models.CharField(_("e-mail hash salt"), max_length=64)
    key_id = models.CharField(_("signing key"), max_length=100)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    revoked_at = models.DateTimeField(
        _("replaced at"),
        null=True,
        blank=True,
        help_text=_("When a re-issue replaced it (its status bit is set from then)."),
    )

    class Meta:
        verbose_name = _("credential")
        verbose_name_plural = _("credentials")
        ordering = ["-issued_at", "-pk"]

    def __str__(self) -> str:
        return f"urn:uuid:{self.uuid}"

    @property
    def is_revoked(self) -> bool:
        """Its status bit is set: replaced, its certificate revoked, or the
        holder erased."""
        return (
            self.revoked_at is not None
            or self.certificate.status == Certificate.Status.REVOKED
            or self.certificate.holder_erased
        )
