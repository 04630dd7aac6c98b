"""The bundled JSON-LD contexts: the published bytes, served by URL, nothing
fetched."""

import hashlib
import socket

import pytest
from pyld import jsonld

from certificates.credentials import dataintegrity
from certificates.credentials.loader import (
    BUNDLED_CONTEXTS,
    CONTEXT_DIR,
    ContextNotBundled,
    bundled_document_loader,
)

# The digests of the published files (contexts/README.md).
PUBLISHED_SHA256 = {
    "https://www.w3.org/ns/credentials/v2": (
        "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734"
    ),
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": (
        "3d34f4d4ef1bce691106e63798beb5e7b862ba841423f5ee1e53ab7ddf3bca84"
    ),
    "https://w3id.org/security/data-integrity/v2": (
        "67f21e6e33a6c14e5ccfd2fc7865f7474fb71a04af7e94136cb399dfac8ae8f4"
    ),
    "https://w3id.org/security/multikey/v1": (
        "ba2c182de2d92f7e47184bcca8fcf0beaee6d3986c527bf664c195bbc7c58597"
    ),
    "https://www.w3.org/ns/did/v1": (
        "4f3eae5568c9c5f036a082088f9e192019ee06faa78973c87ff91d5421b88dad"
    ),
}


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_the_bundled_files_are_the_published_bytes():
    assert set(BUNDLED_CONTEXTS) == set(PUBLISHED_SHA256)
    for url, name in BUNDLED_CONTEXTS.items():
        digest = hashlib.sha256((CONTEXT_DIR / name).read_bytes()).hexdigest()
        assert digest == PUBLISHED_SHA256[url], name


def test_the_loader_serves_a_bundled_context_by_url(no_network):
    document = bundled_document_loader("https://www.w3.org/ns/credentials/v2")
    assert document["documentUrl"] == "https://www.w3.org/ns/credentials/v2"
    assert "@context" in document["document"]
    # A processor that changes what it was given does not change our copy.
    document["document"].clear()
    assert bundled_document_loader("https://www.w3.org/ns/credentials/v2")["document"]


def test_an_unknown_context_is_refused_without_the_network(no_network):
    with pytest.raises(ContextNotBundled, match="never fetched"):
        bundled_document_loader("https://example.org/contexts/evil.jsonld")
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://example.org/x"],
        "id": "urn:uuid:1",
        "type": ["VerifiableCredential"],
    }
    with pytest.raises(dataintegrity.UnknownContext, match="example.org/x"):
        dataintegrity.canonicalize(document)


def test_pyld_used_without_a_loader_fetches_nothing_either(no_network):
    # Importing the loader replaced pyld's default (an HTTP client).
    with pytest.raises(jsonld.JsonLdError) as raised:
        jsonld.expand({"@context": "https://example.org/ctx", "name": "x"})
    cause = raised.value
    while cause is not None and not isinstance(cause, ContextNotBundled):
        cause = cause.__cause__
    assert isinstance(cause, ContextNotBundled)
