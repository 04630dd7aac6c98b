"""eddsa-rdfc-2022: the W3C test vector bit for bit, and what fails closed."""

import copy
import hashlib
import json
from pathlib import Path

import pytest
from pyld import jsonld

from certificates.credentials import dataintegrity
from certificates.credentials.loader import bundled_document_loader
from certificates.credentials.multikey import (
    private_key_from_multibase,
    public_key_from_multibase,
    public_key_multibase,
)

VECTOR = json.loads(
    (Path(__file__).parent / "data" / "eddsa-rdfc-2022-B1.json").read_text()
)


def vector_loader(url, options=None):
    """The bundled contexts and the vector's examples context (test only)."""
    extra = VECTOR["extraContextsNeeded"]
    if url in extra:
        return {"contextUrl": None, "documentUrl": url, "document": extra[url]}
    return bundled_document_loader(url, options)


@pytest.fixture
def vector_key():
    return private_key_from_multibase(VECTOR["secretKeyMultibase"])


def test_the_vector_keys_are_multikeys(vector_key):
    assert public_key_multibase(vector_key.public_key()) == VECTOR["publicKeyMultibase"]
    assert public_key_from_multibase(
        VECTOR["publicKeyMultibase"]
    ).public_bytes_raw() == (vector_key.public_key().public_bytes_raw())


def test_canonical_forms_and_hash_equal_the_specs():
    document = VECTOR["unsignedCredential"]
    assert (
        dataintegrity.canonicalize(document, document_loader=vector_loader)
        == VECTOR["canonicalCredential"]
    )
    assert (
        dataintegrity.canonicalize(
            VECTOR["proofOptions"], document_loader=vector_loader
        )
        == VECTOR["canonicalProofOptions"]
    )
    options = {k: v for k, v in VECTOR["proofOptions"].items() if k != "@context"}
    hash_data = dataintegrity.hash_data(
        document, options, document_loader=vector_loader
    )
    assert hash_data.hex() == VECTOR["hashData"]


def test_the_proof_equals_the_specs_bit_for_bit(vector_key):
    options = VECTOR["proofOptions"]
    proof = dataintegrity.create_proof(
        VECTOR["unsignedCredential"],
        private_key=vector_key,
        verification_method=options["verificationMethod"],
        created=options["created"],
        document_loader=vector_loader,
    )
    assert proof == VECTOR["signedCredential"]["proof"]
    assert proof["proofValue"] == VECTOR["proofValue"]


def test_the_specs_signed_credential_verifies_and_a_change_does_not(vector_key):
    signed = VECTOR["signedCredential"]
    public_key = vector_key.public_key()
    dataintegrity.verify_proof(
        signed, public_key=public_key, document_loader=vector_loader
    )
    changed = copy.deepcopy(signed)
    changed["credentialSubject"]["alumniOf"] = "The School of Forgeries"
    with pytest.raises(dataintegrity.SignatureMismatch):
        dataintegrity.verify_proof(
            changed, public_key=public_key, document_loader=vector_loader
        )
    redated = copy.deepcopy(signed)
    redated["proof"]["created"] = "2024-02-24T23:36:38Z"  # the options are signed too
    with pytest.raises(dataintegrity.SignatureMismatch):
        dataintegrity.verify_proof(
            redated, public_key=public_key, document_loader=vector_loader
        )


def test_our_canonical_form_is_plain_pyld_s(credential):
    """The processed-context cache changes nothing: the same N-Quads as pyld's
    own processor, run twice (cold, then warm) on documents of every class."""
    for _ in range(2):
        plain = jsonld.normalize(
            credential,
            {
                "algorithm": "URDNA2015",
                "format": "application/n-quads",
                "documentLoader": bundled_document_loader,
            },
        )
        assert dataintegrity.canonicalize(credential) == plain


def _with(credential, path, value):
    changed = copy.deepcopy(credential)
    node = changed
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return changed


@pytest.mark.parametrize(
    ("path", "value", "error"),
    [
        (("nickname",), "x", dataintegrity.UndefinedTerm),
        (("credentialSubject", "favouriteColour"), "teal", dataintegrity.UndefinedTerm),
        (("credentialSubject", "achievement", "hours"), 6, dataintegrity.UndefinedTerm),
        (("type",), ["VerifiableCredential", "Diploma"], dataintegrity.UndefinedTerm),
        (("id",), "K7Q2-M9XD", dataintegrity.UndefinedTerm),
        (("credentialSubject", "name"), "Ana\x0cNovak", dataintegrity.UnsignableText),
    ],
)
def test_what_would_go_unsigned_fails_signing(credential, keyring, path, value, error):
    changed = _with(credential, path, value)
    with pytest.raises(error):
        dataintegrity.create_proof(
            changed,
            private_key=keyring.current.private_key,
            verification_method="did:web:academy.example#" + keyring.current.key_id,
            created="2026-12-01T10:00:00Z",
        )


def test_an_undefined_term_added_after_signing_fails_verification(credential, keyring):
    proof = dataintegrity.create_proof(
        credential,
        private_key=keyring.current.private_key,
        verification_method="did:web:academy.example#" + keyring.current.key_id,
        created="2026-12-01T10:00:00Z",
    )
    signed = {**credential, "proof": proof}
    public_key = keyring.current.private_key.public_key()
    dataintegrity.verify_proof(signed, public_key=public_key)
    # A lax verifier would drop the term and call this valid.
    padded = {**signed, "grade": "A+"}
    with pytest.raises(dataintegrity.UndefinedTerm):
        dataintegrity.verify_proof(padded, public_key=public_key)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"type": "Ed25519Signature2020"}, dataintegrity.UnsupportedProof),
        ({"cryptosuite": "ecdsa-rdfc-2019"}, dataintegrity.UnsupportedProof),
        ({"cryptosuite": "eddsa-jcs-2022"}, dataintegrity.UnsupportedProof),
        ({"proofPurpose": "authentication"}, dataintegrity.MalformedProof),
        ({"proofValue": "uAAAA"}, dataintegrity.MalformedProof),
        ({"proofValue": "z3"}, dataintegrity.MalformedProof),
        ({"created": "yesterday"}, dataintegrity.MalformedProof),
    ],
)
def test_a_proof_of_another_kind_is_refused(credential, keyring, change, error):
    proof = dataintegrity.create_proof(
        credential,
        private_key=keyring.current.private_key,
        verification_method="did:web:academy.example#" + keyring.current.key_id,
        created="2026-12-01T10:00:00Z",
    )
    signed = {**credential, "proof": {**proof, **change}}
    with pytest.raises(error):
        dataintegrity.verify_proof(
            signed, public_key=keyring.current.private_key.public_key()
        )


def test_hash_data_is_the_proof_hash_then_the_document_hash(credential):
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": "2026-12-01T10:00:00Z",
        "verificationMethod": "did:web:academy.example#z6Mk",
        "proofPurpose": "assertionMethod",
    }
    data = dataintegrity.hash_data(credential, options)
    document = dataintegrity.canonicalize(credential)
    assert data[32:] == hashlib.sha256(document.encode()).digest()
    assert len(data) == 64
