"""/verify/ checks a credential someone shows us: an uploaded file (JSON, JWT,
baked badge) or pasted text, against our keys, status list and records. The
page says the verdict and each check in words; bad input gets its message next
to the field, never a 5xx."""

import copy
import html
import json
import re
import uuid
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.factories import UserFactory
from accounts.services import account_erase
from certificates import verification
from certificates.credentials import build, keys
from certificates.credentials import verify as core_verify
from certificates.credentials.badge import render_badge
from certificates.credentials.dataintegrity import MalformedProof, ProofError
from certificates.credentials.jose import JwtError
from certificates.credentials.multikey import base64url_decode, base64url_encode
from certificates.credentials.verify import Outcome, Verdict
from certificates.factories import certificate_for, completed_enrolment
from certificates.models import Certificate
from certificates.services import certificate_issue, certificate_revoke

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(catalogue):
    enrolment = completed_enrolment(
        parent=catalogue,
        user=UserFactory(full_name="Nina Kralj", email="Nina.Kralj@studio.si"),
        title="Pricing creative work",
    )
    return certificate_issue(certificate_id=certificate_for(enrolment).pk)


def credential_of(certificate):
    return certificate.credentials.get()


def document_json(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def badge_of(client, certificate) -> bytes:
    url = reverse("credentials:badge", args=[certificate.verification_code])
    return client.get(url).content


def form_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse("certificates:verify_form")


def upload(client, content: bytes, name: str = "credential.json", **extra):
    data = {"credential_file": SimpleUploadedFile(name, content), **extra}
    return client.post(form_url(), data)


def paste(client, text: str, language: str = "en"):
    return client.post(form_url(language), {"credential_text": text})


def page_of(response) -> str:
    return html.unescape(response.content.decode())


def field_errors(response, field: str) -> str:
    """The messages shown next to a field (its errorlist), as text."""
    match = re.search(
        rf'<ul class="errorlist" id="id_{field}_errors">(.*?)</ul>',
        response.content.decode(),
        re.S,
    )
    return html.unescape(re.sub(r"<[^>]+>", " ", match.group(1))) if match else ""


def outcomes(response) -> dict[str, Outcome]:
    return {check.name: check.outcome for check in response.context["checked"].checks}


def resigned(document: dict, change, key=None) -> dict:
    """The credential changed and signed again (with our current key unless
    another is given): a genuine signature over content we never issued."""
    unsigned = copy.deepcopy({k: v for k, v in document.items() if k != "proof"})
    change(unsigned)
    return build.sign(unsigned, key or keys.load_keyring().current).document


# --- genuine and valid, in each form ------------------------------------------


def test_the_credential_s_json_upload_is_genuine_and_valid(client, issued):
    response = upload(client, document_json(credential_of(issued).document))
    page = page_of(response)
    assert response.status_code == 200
    assert response.context["checked"].verdict is Verdict.VALID
    assert set(outcomes(response).values()) == {Outcome.PASSED}
    assert "Genuine and valid" in page
    assert "It was signed with our current key." in page
    assert "It is a digital credential in JSON." in page
    assert "Nina Kralj" in page and "Pricing creative work" in page
    verify_url = reverse("certificates:verify", args=[issued.verification_code])
    assert f'href="{verify_url}"' in page


def test_the_jwt_and_the_badge_are_genuine_and_valid(client, issued):
    credential = credential_of(issued)
    for response, form in (
        (upload(client, credential.jwt.encode(), "credential.jwt"), "jwt"),
        (upload(client, badge_of(client, issued), "badge.png"), "png+json"),
        (paste(client, credential.jwt), "jwt"),
        (paste(client, document_json(credential.document).decode()), "json"),
    ):
        checked = response.context["checked"]
        assert response.status_code == 200
        assert (checked.verdict, checked.result.form) == (Verdict.VALID, form)
        assert checked.result.check("record").outcome is Outcome.PASSED
        assert "Genuine and valid" in page_of(response)


def test_the_result_speaks_slovenian(client, issued):
    response = paste(client, credential_of(issued).jwt, language="sl")
    page = page_of(response)
    assert '<html lang="sl"' in page
    assert "Pristna in veljavna" in page
    assert "Kaj smo preverili" in page


# --- not genuine --------------------------------------------------------------

TAMPERINGS = {
    "holder name": lambda d: d["credentialSubject"].update(name="Mojca Novak"),
    "course": lambda d: d["credentialSubject"]["achievement"].update(
        name="Advanced pricing"
    ),
    "valid from": lambda d: d.update(validFrom="2020-01-01T00:00:00Z"),
    "status list index": lambda d: d["credentialStatus"].update(statusListIndex="7"),
}


@pytest.mark.parametrize("form", ["json", "jwt"])
def test_a_tampered_credential_is_altered(client, issued, form):
    credential = credential_of(issued)
    for name, change in TAMPERINGS.items():
        if form == "json":
            tampered = copy.deepcopy(credential.document)
            change(tampered)
            response = upload(client, document_json(tampered))
        else:
            header, payload, signature = credential.jwt.split(".")
            claims = json.loads(base64url_decode(payload))
            change(claims)
            forged = base64url_encode(json.dumps(claims).encode())
            response = paste(client, f"{header}.{forged}.{signature}")
        page = page_of(response)
        assert response.status_code == 200, name
        assert response.context["checked"].verdict is Verdict.ALTERED, name
        assert "Altered: the signature does not match" in page
        assert "something was changed after we signed it" in page
        assert outcomes(response)["issuer"] is Outcome.PASSED
        assert outcomes(response)["proof"] is Outcome.FAILED
        assert outcomes(response)["record"] is Outcome.NOT_CHECKED
        assert "Mojca Novak" not in page  # nothing of an altered one is shown
        assert "certificate's verification page" not in page


def test_a_credential_signed_with_another_key_is_not_ours(client, issued):
    stranger = keys.new_keyring().current
    forged = resigned(credential_of(issued).document, lambda d: None, key=stranger)
    response = upload(client, document_json(forged))
    page = page_of(response)
    assert response.context["checked"].verdict is Verdict.NOT_OURS
    assert "Not issued by us" in page
    assert "signed with a key that is not ours" in page
    assert outcomes(response)["proof"] is Outcome.NOT_CHECKED


def test_a_credential_of_another_issuer_is_not_ours(client, issued):
    def other_issuer(document):
        document["issuer"]["id"] = "did:web:badges.example"

    forged = resigned(
        credential_of(issued).document, other_issuer, key=keys.new_keyring().current
    )
    response = upload(client, document_json(forged))
    assert response.context["checked"].verdict is Verdict.NOT_OURS
    assert "It names another issuer" in page_of(response)


# --- revoked, rotated, erased -------------------------------------------------


def test_a_revoked_certificate_s_credential_is_genuine_but_revoked(client, issued):
    document = credential_of(issued).document
    certificate_revoke(certificate=issued, revoked_by=None, reason="Copied work")
    response = upload(client, document_json(document))
    page = page_of(response)
    assert response.context["checked"].verdict is Verdict.REVOKED
    assert "Genuine but revoked" in page
    assert "We have revoked it." in page
    assert outcomes(response)["status"] is Outcome.FAILED
    assert outcomes(response)["proof"] is Outcome.PASSED
    verify_url = reverse("certificates:verify", args=[issued.verification_code])
    assert f'href="{verify_url}"' in page


def test_after_a_rotation_an_older_credential_stays_genuine_and_valid(
    client, catalogue, settings, tmp_path
):
    settings.CREDENTIAL_SIGNING_KEY_FILE = tmp_path / "ring.json"
    keys.save_keyring(keys.new_keyring())

    def issue():
        enrolment = completed_enrolment(parent=catalogue, user=UserFactory())
        return certificate_issue(certificate_id=certificate_for(enrolment).pk)

    before = credential_of(issue())
    keys.rotate_keyring()
    after = credential_of(issue())
    assert before.key_id != after.key_id
    old = upload(client, document_json(before.document))
    assert old.context["checked"].verdict is Verdict.VALID
    assert old.context["checked"].key_state is verification.KeyState.RETIRED
    assert "It was signed with an earlier key of ours." in page_of(old)
    new = paste(client, after.jwt)
    assert new.context["checked"].key_state is verification.KeyState.CURRENT


def test_an_erased_holder_s_credential_is_revoked_and_shows_no_name(client, issued):
    """The holder's copies keep saying "revoked": the bit stays set, and we kept
    nothing of what it said to compare it with."""
    credential = credential_of(issued)
    document = credential.document
    account_erase(user=issued.user, requested_by=issued.user, reason="Leaving")
    for response in (
        upload(client, document_json(document)),
        paste(client, credential.jwt),
    ):
        page = page_of(response)
        assert response.context["checked"].verdict is Verdict.REVOKED
        assert "Genuine but revoked" in page
        assert "Its holder has deleted their account" in page
        assert "Nina Kralj" not in page
        verify_url = reverse("certificates:verify", args=[issued.verification_code])
        assert f'href="{verify_url}"' in page


# --- genuine, but not what our records say ------------------------------------


def test_a_credential_we_have_no_record_of_does_not_match_our_records(client, issued):
    def new_id(document):
        document["id"] = f"urn:uuid:{uuid.uuid4()}"

    response = upload(
        client, document_json(resigned(credential_of(issued).document, new_id))
    )
    page = page_of(response)
    assert response.context["checked"].verdict is Verdict.RECORD_MISMATCH
    assert "Genuine, but it does not match our records" in page
    assert "We have no record of this credential" in page
    assert "certificate's verification page" not in page


def test_a_record_that_differs_is_named_without_our_values(client, issued):
    Certificate.objects.filter(pk=issued.pk).update(
        holder_name="Nina Kralj Novak", course_title="Pricing"
    )
    response = paste(client, credential_of(issued).jwt)
    page = page_of(response)
    assert response.context["checked"].verdict is Verdict.RECORD_MISMATCH
    assert (
        "It differs from our record of the certificate in: the holder's name, "
        "the course." in page
    )
    assert "Nina Kralj Novak" not in page


def test_a_credential_pointing_to_another_status_list_has_an_unknown_status(
    client, issued
):
    def other_list(document):
        document["credentialStatus"]["statusListCredential"] = (
            "http://testserver/credentials/status/2"
        )

    forged = resigned(credential_of(issued).document, other_list)
    response = upload(client, document_json(forged))
    assert response.context["checked"].verdict is Verdict.STATUS_UNKNOWN
    assert "Genuine, but its status is unknown" in page_of(response)


def test_before_its_start_date_it_is_not_in_force(issued):
    credential = credential_of(issued)
    checked = verification.credential_verify(
        credential.jwt, now=issued.completed_at - timedelta(days=1)
    )
    assert checked.verdict is Verdict.NOT_CURRENT
    assert checked.headline == "Genuine but not in force"
    assert "It is not in force yet" in checked.reason_sentence


# --- bad input: a message next to the field -----------------------------------


def _unsigned(jwt: str) -> str:
    header = base64url_encode(b'{"alg":"none","typ":"vc+jwt"}')
    return f"{header}.{jwt.split('.')[1]}."


def _other_cryptosuite(document: dict) -> bytes:
    changed = copy.deepcopy(document)
    changed["proof"][0]["cryptosuite"] = "ecdsa-rdfc-2019"
    return document_json(changed)


BAD_FILES = {
    "not json": (
        lambda c: b"Hello, I am a certificate",
        "neither a credential's JSON nor a JWT",
    ),
    "a json array": (lambda c: b"[1, 2, 3]", "neither a credential's JSON nor"),
    "json, not a credential": (
        lambda c: b'{"name": "Nina"}',
        "not a digital credential",
    ),
    "binary garbage": (
        lambda c: bytes(range(256)) * 4,
        "neither UTF-8 text nor a PNG image",
    ),
    "utf-16": (
        lambda c: json.dumps(c.document).encode("utf-16"),
        "neither UTF-8 text nor a PNG image",
    ),
    "png without the chunk": (
        lambda c: render_badge(title="A course", issuer="RCKE", size=64),
        "This PNG image carries no credential",
    ),
    "broken png": (lambda c: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "damaged or incomplete"),
    "jwt alg none": (lambda c: _unsigned(c.jwt).encode(), "its algorithm is “none”"),
    "another cryptosuite": (
        lambda c: _other_cryptosuite(c.document),
        "eddsa-rdfc-2022",
    ),
    "no proof": (
        lambda c: document_json({k: v for k, v in c.document.items() if k != "proof"}),
        "carries no signature",
    ),
    "empty file": (lambda c: b"", "The submitted file is empty."),
}


def test_a_bad_file_gets_its_message_next_to_the_field(client, issued):
    credential = credential_of(issued)
    for name, (make, message) in BAD_FILES.items():
        response = upload(client, make(credential), "upload.bin")
        assert response.status_code == 400, name
        assert message in field_errors(response, "credential_file"), name
        assert "Please correct the errors marked below." in page_of(response)


def test_bad_pasted_text_gets_its_message_next_to_the_box(client, issued):
    jwt = credential_of(issued).jwt
    for text, message in (
        ("just some words", "neither a credential's JSON nor a JWT"),
        ('{"@context": [', "neither a credential's JSON nor a JWT"),
        (_unsigned(jwt), "its algorithm is “none”"),
        (jwt[:40], "neither a credential's JSON nor a JWT"),
        ("{\x00}", "Null characters are not allowed."),
    ):
        response = paste(client, text)
        assert response.status_code == 400, text
        assert message in field_errors(response, "credential_text"), text


def test_nothing_given_and_both_given_are_explained(client, issued):
    nothing = client.post(form_url(), {"credential_text": "  "})
    assert nothing.status_code == 400
    assert "Choose a credential file" in field_errors(nothing, "credential_file")
    both = upload(client, b"{}", credential_text=credential_of(issued).jwt)
    assert both.status_code == 400
    assert "check one at a time" in field_errors(both, "credential_text")


def test_a_20_mb_file_is_refused_by_its_size_before_it_is_read(client, monkeypatch):
    from django.http.multipartparser import MultiPartParser

    def unread(self):
        raise AssertionError("the body was read")

    monkeypatch.setattr(MultiPartParser, "parse", unread)
    response = upload(client, b"{" + b" " * (20 * 1000 * 1000))
    assert response.status_code == 400
    assert "larger than 2 MB" in field_errors(response, "credential_file")


def test_a_file_just_over_the_limit_is_refused_by_the_form(client):
    response = upload(client, b" " * (verification.MAX_UPLOAD_BYTES + 1))
    assert response.status_code == 400
    assert "larger than 2 MB" in field_errors(response, "credential_file")


def test_a_json_ld_context_we_do_not_have_is_not_what_we_signed(client, issued):
    changed = copy.deepcopy(credential_of(issued).document)
    changed["@context"].append("https://contexts.example/unknown-v1.jsonld")
    response = upload(client, document_json(changed))
    assert response.status_code == 200
    assert response.context["checked"].verdict is Verdict.ALTERED
    assert "a vocabulary (JSON-LD context) that our credentials do not use" in (
        page_of(response)
    )


# --- the form, its limits -----------------------------------------------------


def test_the_form_offers_both_ways_and_names_the_limit(client):
    response = client.get(form_url())
    page = page_of(response)
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert "at most 2 MB" in page
    assert 'name="code"' in page and 'name="credential_text"' in page


def test_the_upload_needs_the_csrf_token(issued):
    client = Client(enforce_csrf_checks=True)
    text = credential_of(issued).jwt
    assert client.post(form_url(), {"credential_text": text}).status_code == 403
    client.get(form_url())
    token = client.cookies["csrftoken"].value
    response = client.post(
        form_url(), {"credential_text": text, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 200


def test_uploads_are_rate_limited_with_the_look_ups(client, issued, settings):
    settings.CERTIFICATES_RATE_LIMITS = {"verify": "2/m/ip"}
    jwt = credential_of(issued).jwt
    assert [paste(client, jwt).status_code for _ in range(3)] == [200, 200, 429]
    url = reverse("certificates:verify", args=[issued.verification_code])
    assert client.get(url).status_code == 429  # one budget for both


def test_without_a_signing_key_the_page_says_it_cannot_check(
    client, settings, tmp_path
):
    settings.CREDENTIAL_SIGNING_KEY_FILE = tmp_path / "missing.json"
    response = paste(client, "eyJhbGciOiJFZERTQSJ9.e30.c2ln")
    assert response.status_code == 503
    assert "We cannot check credentials at the moment." in page_of(response)


def test_the_code_look_up_still_redirects(client, issued):
    response = client.get(form_url(), {"code": issued.verification_code})
    assert response.status_code == 302
    assert response.url == reverse(
        "certificates:verify", args=[issued.verification_code]
    )


# --- the words ----------------------------------------------------------------


def _codes_the_verifier_gives() -> set[str]:
    """Every `Check.code` the core can give: its exception classes' codes and
    the literal codes in verify.py."""
    import inspect

    codes = set()
    for base in (ProofError, JwtError):
        stack = [base]
        while stack:
            kind = stack.pop()
            codes.add(kind.code)
            stack.extend(kind.__subclasses__())
    source = inspect.getsource(core_verify)
    codes |= set(re.findall(r'_unreadable\(\s*"(\w+)"', source))
    codes |= set(re.findall(r'Outcome\.FAILED,\s*"(\w+)"', source))
    codes |= set(re.findall(r'_Refusal\(\s*Verdict\.\w+,\s*"\w+",\s*"(\w+)"', source))
    return codes


def test_every_reason_the_verifier_gives_has_a_sentence_in_both_languages():
    codes = _codes_the_verifier_gives()
    assert {"not_json", "revoked", "foreign_issuer", "jwt_alg_none"} <= codes
    assert MalformedProof.code in codes
    missing = codes - set(verification.REASONS) - {"record_mismatch"}
    assert not missing, f"no sentence for {sorted(missing)}"
    texts = {
        **{f"reason {code}": text for code, text in verification.REASONS.items()},
        **{f"verdict {v}": text for v, text in verification.VERDICT_HEADLINES.items()},
        **{f"check {n}": text for n, text in verification.CHECK_LABELS.items()},
        **{f"outcome {o}": text for o, text in verification.OUTCOME_LABELS.items()},
    }
    assert len(verification.VERDICT_HEADLINES) == len(Verdict)
    with translation.override("en"):
        english = {name: str(text) for name, text in texts.items()}
    with translation.override("sl"):
        untranslated = [
            name for name, text in texts.items() if str(text) == english[name]
        ]
    assert not untranslated
