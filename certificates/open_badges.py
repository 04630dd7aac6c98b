"""What our records say as Open Badges 3.0 (reads only; issuing is
`services.credential_issue`): the issuer, a course's Achievement, a
certificate's credential, the revocation status list and the DID.

Every URL that goes into a credential is outside the language prefix, as the
verification address printed on the PDF is, so that it never changes:

* `/verify/<code>/credential.json`, `.jwt`, `badge.png`: a certificate's
  credential in its three forms;
* `/credentials/achievements/<course id>/` (and `badge.png`): the course's
  Achievement, the stable id every credential of the course names (the page id
  survives a new slug or title, which the course page's URL would not);
* `/credentials/status/1`: the revocation list, derived from the database on
  each request (its bit set ⇔ the credential was replaced by a re-issue, its
  certificate is revoked or its holder erased), so it cannot disagree with
  the records;
* `/.well-known/did.json`: the DID document of `did:web:<host>`.
"""

import hashlib
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext

from assessments.entrecomp import COMPETENCE_NAMES
from courses.models import CoursePage
from courses.selectors import course_outline

from .credentials import build, keys, status_list
from .credentials.badge import render_badge
from .credentials.dataintegrity import create_proof
from .models import Certificate, CertificateSettings, Credential

# One list is 131,072 credentials; a second list when that fills is for later.
STATUS_LIST_NUMBER = 1
STATUS_LIST_BITS = status_list.MIN_BITS
# How long verifiers (and our cache) may keep the status list: a revocation
# shows within this time.
STATUS_LIST_TTL_SECONDS = 300
ENTRECOMP_URL = "https://publications.jrc.ec.europa.eu/repository/handle/JRC101581"
ENTRECOMP_FRAMEWORK = "EntreComp: The Entrepreneurship Competence Framework"
# A rendered badge is the same for every certificate of a course (title, issuer
# and label): drawn once (about 0.25 s) and kept, then baked per request.
BADGE_CACHE_SECONDS = 30 * 24 * 60 * 60
ACHIEVEMENT_CACHE_SECONDS = 24 * 60 * 60


def site_url(path: str = "/") -> str:
    """An absolute URL of the site (`WAGTAILADMIN_BASE_URL`)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def our_did() -> str:
    """The did:web of the site's host (its port's colon percent-encoded)."""
    return keys.did_web(urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc)


def status_list_url(number: int = STATUS_LIST_NUMBER) -> str:
    return site_url(f"/credentials/status/{number}")


def achievement_url(course_id: int) -> str:
    return site_url(f"/credentials/achievements/{course_id}/")


def achievement_badge_url(course_id: int) -> str:
    return site_url(f"/credentials/achievements/{course_id}/badge.png")


def certificate_settings() -> CertificateSettings:
    from .services import _certificate_settings

    return _certificate_settings()


def _logo_url(site_settings: CertificateSettings) -> str:
    image = site_settings.issuer_logo
    if image is None:
        return ""
    url = image.get_rendition("max-360x360").url
    return url if urlsplit(url).scheme else site_url(url)


def issuer_profile(
    *, name: str, site_settings: CertificateSettings | None = None
) -> build.IssuerProfile:
    """Us, as the credentials name us: `name` in the certificate's language
    (copied onto the certificate when it was earned), the site, its logo and
    e-mail address from the certificate settings (`site_settings` if the
    caller has read them)."""
    site_settings = site_settings or certificate_settings()
    return build.IssuerProfile(
        did=our_did(),
        name=name,
        url=site_url("/"),
        image_url=_logo_url(site_settings),
        email=site_settings.issuer_email_or_default(),
    )


def _criteria_narrative(course: CoursePage, language: str) -> str:
    """The required lessons and the quizzes in them, as Markdown."""
    required = [entry.lesson for entry in course_outline(course=course).lessons]
    required = [lesson for lesson in required if lesson.required]
    quizzes = [
        quiz.value["title"]
        for lesson in required
        for quiz in lesson.quizzes
        if quiz.value.get("title")
    ]
    with translation.override(language):
        lines = [gettext("Complete the required lessons of the course:"), ""]
        lines += [f"- {lesson.title}" for lesson in required]
        if quizzes:
            lines += ["", gettext("Pass its quizzes:"), ""]
            lines += [f"- {title}" for title in quizzes]
    return "\n".join(lines)


def _alignments(course: CoursePage, language: str) -> tuple[build.Alignment, ...]:
    with translation.override(language):
        return tuple(
            build.Alignment(
                target_name=str(COMPETENCE_NAMES.get(code, code)),
                target_url=ENTRECOMP_URL,
                target_code=code,
                target_framework=ENTRECOMP_FRAMEWORK,
                target_type="ceasn:Competency",
            )
            for code in course.competences.order_by("sort_order").values_list(
                "code", flat=True
            )
        )


def achievement_description(
    course: CoursePage, *, name: str | None = None, hours=None
) -> build.AchievementDescription:
    """The course as an Achievement, in its language. A certificate passes the
    title and hours it was earned with (copied when it was created)."""
    language = course.locale.language_code
    criteria_narrative, alignments = _achievement_parts(course, language)
    return build.AchievementDescription(
        id=achievement_url(course.pk),
        name=name or course.title,
        description=course.summary or course.title,
        criteria_narrative=criteria_narrative,
        language=language,
        image_url=achievement_badge_url(course.pk),
        alignments=alignments,
        hours=course.estimated_hours if hours is None else hours,
    )


def _achievement_parts(
    course: CoursePage, language: str
) -> tuple[str, tuple[build.Alignment, ...]]:
    """The criteria and the alignments of a course, the same for every
    certificate of it: read once (a query per required lesson for its quizzes,
    one for the competences) and then kept in the cache until a page changes,
    as the course's outline is (home.site_frame)."""
    from home.site_frame import frame_version

    key = f"certificates:achievement:{frame_version()}:{course.pk}:{language}"
    parts = cache.get(key)
    if parts is None:
        parts = (_criteria_narrative(course, language), _alignments(course, language))
        cache.set(key, parts, ACHIEVEMENT_CACHE_SECONDS)
    return parts


def achievement_document(course: CoursePage) -> dict:
    """The Achievement that `/credentials/achievements/<id>/` answers."""
    return {
        "@context": list(build.CONTEXT),
        **build.achievement_entry(achievement_description(course)),
    }


def course_with_achievement(course_id: int) -> CoursePage | None:
    """A course whose Achievement is public: live, or named by a credential
    already (a course taken offline keeps describing what was earned)."""
    return (
        CoursePage.objects.filter(pk=course_id)
        .filter(Q(live=True) | Q(enrolments__certificate__credentials__isnull=False))
        .select_related("locale")
        .distinct()
        .first()
    )


def credential_description(
    certificate: Certificate,
    *,
    credential_uuid,
    status_list_index: int,
    salt: str,
    site_settings: CertificateSettings | None = None,
) -> build.CredentialDescription:
    """What a certificate's credential says: the certificate's own copies of the
    holder's name, the course title, hours and issuer, completion as validFrom."""
    course = certificate.enrolment.course
    return build.CredentialDescription(
        credential_id=f"urn:uuid:{credential_uuid}",
        issuer=issuer_profile(
            name=certificate.issuer_name, site_settings=site_settings
        ),
        achievement=achievement_description(
            course, name=certificate.course_title, hours=certificate.hours
        ),
        holder_name=certificate.holder_name,
        holder_email=certificate.user.email,
        email_salt=salt,
        valid_from=certificate.completed_at,
        status_list_url=status_list_url(),
        status_list_index=status_list_index,
    )


def current_credential(certificate: Certificate) -> Credential | None:
    """The credential a certificate answers with: its latest (the one issued
    last; after a revocation, still that one, as issued)."""
    return certificate.credentials.order_by("-issued_at", "-pk").first()


def revoked_indexes() -> list[int]:
    """The status list indexes whose bit is set."""
    return list(
        Credential.objects.filter(
            Q(revoked_at__isnull=False)
            | Q(certificate__status=Certificate.Status.REVOKED)
            | Q(certificate__user__isnull=True)
        ).values_list("status_list_index", flat=True)
    )


def status_list_bitstring(list_url: str | None = None) -> bytes | None:
    """The revocation list's bits (for `verify.verify`'s `status_bitstring`);
    None for a list URL that is not ours."""
    if list_url is not None and list_url != status_list_url():
        return None
    bitstring = status_list.new_bitstring(STATUS_LIST_BITS)
    for index in revoked_indexes():
        status_list.set_bit(bitstring, index)
    return bytes(bitstring)


def status_list_document(*, now: datetime | None = None) -> dict:
    """The signed BitstringStatusListCredential. Signing costs a few
    milliseconds, so the signed list is kept per content (bits and key): a
    revocation changes the bits, hence the key, and shows at once."""
    ring = keys.load_keyring()
    bitstring = status_list_bitstring()
    cache_key = (
        "certificates:status-list:"
        + hashlib.sha256(bitstring + ring.current.key_id.encode()).hexdigest()
    )
    document = cache.get(cache_key)
    if document is not None:
        return document
    now = now or datetime.now(UTC)
    did = our_did()
    credential = status_list.status_list_credential(
        list_url=status_list_url(),
        issuer=did,
        bitstring=bitstring,
        valid_from=now,
        ttl_ms=STATUS_LIST_TTL_SECONDS * 1000,
    )
    proof = create_proof(
        credential,
        private_key=ring.current.private_key,
        verification_method=ring.current.verification_method(did),
        created=now,
    )
    document = {**credential, "proof": [proof]}
    cache.set(cache_key, document, STATUS_LIST_TTL_SECONDS)
    return document


def badge_png(*, title: str, issuer: str, language: str) -> bytes:
    """The badge of a course (unbaked), drawn once per title, issuer and
    language and then taken from the cache."""
    with translation.override(language):
        label = gettext("Certificate of completion")
    cache_key = (
        "certificates:badge:"
        + hashlib.sha256("\0".join((title, issuer, label)).encode()).hexdigest()
    )
    png = cache.get(cache_key)
    if png is None:
        png = render_badge(title=title, issuer=issuer, label=label)
        cache.set(cache_key, png, BADGE_CACHE_SECONDS)
    return png
