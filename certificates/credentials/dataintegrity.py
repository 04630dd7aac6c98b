"""The embedded proof: a `DataIntegrityProof` with the `eddsa-rdfc-2022`
cryptosuite, exactly as W3C "Data Integrity EdDSA Cryptosuites v1.0" §3.2 says.

    canonical document = RDFC-1.0 N-Quads of the credential without `proof`
    canonical config   = RDFC-1.0 N-Quads of the proof options (the proof without
                         `proofValue`) with the credential's `@context`
    hashData           = SHA-256(canonical config) ‖ SHA-256(canonical document)
    proofValue         = "z" + base58-btc(Ed25519 signature of hashData)

RDFC-1.0 is pyld's URDNA2015 (the same algorithm under its earlier name) over the
bundled contexts. Two things pyld would let through are refused, so that nothing
in a credential can be left unsigned or signed differently than another verifier
reads it ("fail closed"):

* a property or type the contexts do not define: JSON-LD silently drops it from
  the RDF, so it would ride along unsigned (and could be changed freely);
* control characters other than tab, line feed and carriage return: RDFC-1.0
  escapes them in its canonical N-Quads and pyld 3 does not, so the canonical
  bytes, and the signature, would differ from another implementation's.
"""

import hashlib
import re
import threading
from collections.abc import Callable
from datetime import UTC, datetime

from cachetools import LRUCache
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from pyld.jsonld import DEFAULT_BASE_IRI, JsonLdError, JsonLdProcessor

from .loader import ContextNotBundled, bundled_document_loader
from .multikey import (
    EncodingError,
    multibase_base58btc_decode,
    multibase_base58btc_encode,
)

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_PURPOSE = "assertionMethod"

DocumentLoader = Callable[[str, dict | None], dict]

# What RDFC-1.0 writes as \b, \f or \uXXXX and pyld 3 leaves raw (tab, line feed,
# carriage return are escaped alike by both).
_UNESCAPED_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ABSOLUTE_IRI = re.compile(r"^([A-Za-z][A-Za-z0-9+\-.]*|_):\S*$")
# XML Schema dateTime with a time zone, as `created` must be.
_XSD_DATETIME = re.compile(
    r"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
)


class ProofError(Exception):
    """A proof cannot be made or does not verify. `code` says why, for the
    verifier's message."""

    code = "proof_invalid"


class MalformedProof(ProofError):
    """The proof is not a well-formed eddsa-rdfc-2022 DataIntegrityProof."""

    code = "proof_malformed"


class UnsupportedProof(MalformedProof):
    """A proof of another type or cryptosuite."""

    code = "proof_unsupported"


class UndefinedTerm(ProofError):
    """The document uses a term the contexts do not define (JSON-LD would drop it
    from what is signed)."""

    code = "undefined_term"


class UnknownContext(ProofError):
    """The document names a context that is not bundled."""

    code = "unknown_context"


class UnsignableText(ProofError):
    """A string holds a control character RDFC-1.0 and pyld escape differently."""

    code = "unsignable_text"


class SignatureMismatch(ProofError):
    """The signature is not the key's signature of this document: it was changed
    after signing, or signed with another key."""

    code = "signature_mismatch"


def _cause(error: BaseException | None, kinds: tuple[type, ...]):
    """The first exception of `kinds` in the chain pyld wrapped around it."""
    while error is not None:
        if isinstance(error, kinds):
            return error
        error = error.__cause__ or error.__context__
    return None


def _innermost(error: JsonLdError) -> str:
    """What pyld's innermost error says (its outer ones only wrap it)."""
    while isinstance(error.__cause__, JsonLdError):
        error = error.__cause__
    return error.code or error.args[0]


def _is_iri(value: str) -> bool:
    # pyld resolves a relative IRI against its placeholder base where another
    # processor leaves it out of the RDF altogether: either way it is not what a
    # second implementation would sign.
    return bool(_ABSOLUTE_IRI.match(value)) and not value.startswith(DEFAULT_BASE_IRI)


def _check_iris(node, path: str = "") -> None:
    """Every node id and type in the expanded document is an absolute IRI or a
    blank node. A relative one (a type the contexts do not define, say) would be
    dropped from the RDF by one processor and resolved against a made-up base by
    another, so it is refused like an undefined property."""
    if isinstance(node, list):
        for item in node:
            _check_iris(item, path)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key == "@id" and not _is_iri(value):
            raise UndefinedTerm(f"{path or 'document'}: {value!r} is not an IRI")
        if key == "@type":
            for type_ in value if isinstance(value, list) else [value]:
                if not _is_iri(type_) and type_ != "@json":
                    raise UndefinedTerm(
                        f"{path or 'document'}: type {type_!r} is not defined"
                    )
        elif key not in ("@value", "@language", "@direction"):
            _check_iris(value, key)


class _Processor(JsonLdProcessor):
    """pyld's processor, keeping the scoped contexts it has processed.

    The OB 3.0 context gives each class (Profile, Achievement, Image ...) a
    context of its own, applied wherever a node of that type appears. pyld
    caches a processed context under the active context it was applied to, but
    for a type-scoped context that active context is a fresh copy every time (it
    must remember what to revert to), so the cache never hits and every
    signature processed the OB context's class contexts again: about two thirds
    of the time a credential took. Processed contexts are immutable
    (frozendicts, which pyld itself shares across operations), so the result of
    applying the same scoped context to the same active context can be shared
    too. pyld is pinned to the version this was checked against (3.3.0); the
    test vector and the tests comparing with plain pyld guard it.
    """

    _scoped = LRUCache(maxsize=1024)
    _scoped_lock = threading.Lock()

    def expand(self, input_, options):
        """Expansion, refusing node ids and types that are not IRIs (see
        `_check_iris`); undefined properties are refused by the handler."""
        expanded = super().expand(input_, options)
        _check_iris(expanded)
        return expanded

    def _process_context(
        self,
        active_ctx,
        local_ctx,
        options,
        override_protected=False,
        propagate=True,
        validate_scoped=True,
        cycles=None,
    ):
        # Only contexts from term definitions (scoped ones): a document's own
        # @context goes the usual way, and pyld caches remote ones itself.
        scoped = cycles is None and (override_protected or not propagate)
        uuid = active_ctx.get("_uuid") if scoped else None
        if uuid is None:
            return super()._process_context(
                active_ctx,
                local_ctx,
                options,
                override_protected,
                propagate,
                validate_scoped,
                cycles,
            )
        # What else processing a context depends on: where remote contexts
        # come from and what relative IRIs resolve against.
        key = (
            uuid,
            id(local_ctx),
            override_protected,
            propagate,
            validate_scoped,
            options.get("documentLoader"),
            options.get("base"),
            options.get("processingMode"),
        )
        with self._scoped_lock:
            hit = self._scoped.get(key)
        # The entry holds the context itself, so its id cannot be another's.
        if hit is not None and hit[0] is local_ctx:
            return hit[1]
        processed = super()._process_context(
            active_ctx,
            local_ctx,
            options,
            override_protected,
            propagate,
            validate_scoped,
        )
        with self._scoped_lock:
            self._scoped[key] = (local_ctx, processed)
        return processed


def canonicalize(
    document: dict, *, document_loader: DocumentLoader = bundled_document_loader
) -> str:
    """The RDFC-1.0 canonical N-Quads of a JSON-LD document. Raises
    `UndefinedTerm`, `UnknownContext` or `UnsignableText` rather than sign less
    than the document says.

    `document_loader` resolves the contexts; the default serves the bundled ones
    only. Another loader is for documents of other vocabularies (the W3C test
    vector's examples context)."""

    def refuse_dropped(term: str | None) -> None:
        raise UndefinedTerm(f"term {term!r} is not defined by the contexts")

    processor = _Processor(on_property_dropped=refuse_dropped)
    try:
        nquads = processor.normalize(
            document,
            {
                "algorithm": "URDNA2015",
                "format": "application/n-quads",
                "documentLoader": document_loader,
            },
        )
    except JsonLdError as error:
        refused = _cause(error, (UndefinedTerm, ContextNotBundled))
        if isinstance(refused, UndefinedTerm):
            raise UndefinedTerm(str(refused)) from None
        if isinstance(refused, ContextNotBundled):
            raise UnknownContext(f"context {refused.url!r} is not bundled") from None
        raise MalformedProof(f"not valid JSON-LD ({_innermost(error)})") from None
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as error:
        # pyld meets some malformed input with a plain Python error.
        raise MalformedProof(f"not valid JSON-LD: {error!r}") from None
    if _UNESCAPED_CONTROL.search(nquads):
        raise UnsignableText("a text holds a control character")
    return nquads


def xsd_datetime(moment: datetime) -> str:
    """A moment as an XML Schema dateTime in UTC, to the second
    ("2026-12-01T10:15:00Z"): the form `created`, `validFrom` and the rest take."""
    if moment.tzinfo is None:
        raise ValueError("an aware datetime is needed")
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _proof_config(proof_options: dict, document: dict) -> dict:
    """§3.2.5: the proof options, checked, with the document's `@context`."""
    if not isinstance(proof_options, dict):
        raise MalformedProof("the proof is not an object")
    if (
        proof_options.get("type") != PROOF_TYPE
        or proof_options.get("cryptosuite") != CRYPTOSUITE
    ):
        raise UnsupportedProof(
            f"proof type {proof_options.get('type')!r} with cryptosuite "
            f"{proof_options.get('cryptosuite')!r}; only {PROOF_TYPE} with "
            f"{CRYPTOSUITE} is supported"
        )
    created = proof_options.get("created")
    if created is not None and not (
        isinstance(created, str) and _XSD_DATETIME.match(created)
    ):
        raise MalformedProof("`created` is not an XML Schema dateTime")
    if not isinstance(proof_options.get("verificationMethod"), str):
        raise MalformedProof("the proof has no verificationMethod")
    if "@context" not in document:
        raise MalformedProof("the document has no @context")
    return {**proof_options, "@context": document["@context"]}


def hash_data(
    document: dict,
    proof_options: dict,
    *,
    document_loader: DocumentLoader = bundled_document_loader,
) -> bytes:
    """§3.2.3 to §3.2.5: the 64 bytes that are signed, SHA-256 of the canonical
    proof configuration followed by SHA-256 of the canonical document."""
    config = _proof_config(proof_options, document)
    canonical_config = canonicalize(config, document_loader=document_loader)
    canonical_document = canonicalize(document, document_loader=document_loader)
    return (
        hashlib.sha256(canonical_config.encode()).digest()
        + hashlib.sha256(canonical_document.encode()).digest()
    )


def create_proof(
    document: dict,
    *,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created: datetime | str,
    document_loader: DocumentLoader = bundled_document_loader,
) -> dict:
    """§3.2.1: the proof (without `@context`) that signs `document` (which must
    have no `proof` of its own) for `assertionMethod`, as OB 3.0 §8.3 asks."""
    if "proof" in document:
        raise ValueError("the document already has a proof")
    options = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": created if isinstance(created, str) else xsd_datetime(created),
        "verificationMethod": verification_method,
        "proofPurpose": PROOF_PURPOSE,
    }
    data = hash_data(document, options, document_loader=document_loader)
    return {
        **options,
        "proofValue": multibase_base58btc_encode(private_key.sign(data)),
    }


def embedded_proof(secured_document: dict) -> dict:
    """The single eddsa-rdfc-2022 proof of a document: `proof` is one object, or
    a list of one (the form OB 3.0's schema asks for). `MalformedProof` or
    `UnsupportedProof` otherwise: we make one proof, and a verifier that checked
    one of several would leave the others unchecked."""
    if not isinstance(secured_document, dict) or "proof" not in secured_document:
        raise MalformedProof("the credential has no proof")
    proof = secured_document["proof"]
    if isinstance(proof, list):
        if len(proof) != 1:
            raise MalformedProof("the credential must carry exactly one proof")
        proof = proof[0]
    if not isinstance(proof, dict):
        raise MalformedProof("the proof is not an object")
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        raise UnsupportedProof(
            f"proof type {proof.get('type')!r} with cryptosuite "
            f"{proof.get('cryptosuite')!r}; only {PROOF_TYPE} with "
            f"{CRYPTOSUITE} is supported"
        )
    if "@context" in proof:
        raise MalformedProof("an embedded proof carries no @context")
    return proof


def verify_proof(
    secured_document: dict,
    *,
    public_key: Ed25519PublicKey,
    document_loader: DocumentLoader = bundled_document_loader,
) -> dict:
    """§3.2.2: checks the document's proof against `public_key` and returns the
    proof. Raises a `ProofError` subclass: `SignatureMismatch` when the document
    (or the proof's own options) changed after signing. Which key to use is the
    caller's decision (from `embedded_proof(...)["verificationMethod"]`)."""
    proof = embedded_proof(secured_document)
    if proof.get("proofPurpose") != PROOF_PURPOSE:
        raise MalformedProof(f"proofPurpose must be {PROOF_PURPOSE!r}")
    try:
        signature = multibase_base58btc_decode(proof.get("proofValue"))
    except EncodingError:
        raise MalformedProof("proofValue is not base58-btc multibase") from None
    if len(signature) != 64:
        raise MalformedProof("proofValue is not an Ed25519 signature")
    unsecured = {
        key: value for key, value in secured_document.items() if key != "proof"
    }
    options = {key: value for key, value in proof.items() if key != "proofValue"}
    data = hash_data(unsecured, options, document_loader=document_loader)
    try:
        public_key.verify(signature, data)
    except InvalidSignature:
        raise SignatureMismatch("the signature does not match the content") from None
    return proof
