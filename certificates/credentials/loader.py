"""The JSON-LD document loader: the bundled contexts, by URL, and nothing else.

Signing and verifying canonicalise the credential, and canonicalising needs the
contexts it names. Fetching them would let whoever serves a context change what
our signatures mean (and make every verification depend on someone else's
server), so the files are kept in `contexts/`, byte for byte as published (their
sources and digests: `contexts/README.md`), and any other URL is refused.
"""

import copy
import json
from functools import cache
from pathlib import Path

from pyld import jsonld
from pyld.jsonld import JsonLdError

CONTEXT_DIR = Path(__file__).parent / "contexts"

CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DID_V1 = "https://www.w3.org/ns/did/v1"

BUNDLED_CONTEXTS = {
    CREDENTIALS_V2: "credentials-v2.jsonld",
    OPEN_BADGES_V3: "ob-context-3.0.3.json",
    DATA_INTEGRITY_V2: "data-integrity-v2.jsonld",
    MULTIKEY_V1: "multikey-v1.jsonld",
    DID_V1: "did-v1.jsonld",
}


class ContextNotBundled(JsonLdError):
    """A document names a context we do not keep. Nothing is fetched."""

    def __init__(self, url: str) -> None:
        super().__init__(
            f"JSON-LD context {url!r} is not one of the bundled contexts; "
            "contexts are never fetched from the network.",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading remote context failed",
        )
        self.url = url


@cache
def bundled_context(url: str) -> dict:
    """The parsed bundled context at `url` (read once per process)."""
    try:
        name = BUNDLED_CONTEXTS[url]
    except KeyError:
        raise ContextNotBundled(url) from None
    return json.loads((CONTEXT_DIR / name).read_bytes())


def bundled_document_loader(url: str, options: dict | None = None) -> dict:
    """A pyld document loader over the bundled contexts; `ContextNotBundled` for
    any other URL. pyld keeps what it resolved in its own cache (see "tag"), so
    this runs about once per context and process; the copy keeps our parsed file
    safe from a processor that changes what it is given."""
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": copy.deepcopy(bundled_context(url)),
        # pyld keeps a resolved context across operations only when its loader
        # says the document never changes; without it, every canonicalisation
        # loads and processes each context again (most of the signing time).
        "tag": "static",
    }


# pyld's own default fetches over HTTP (requests is installed): anything in this
# process that reaches pyld without a loader of its own gets ours instead.
jsonld.set_document_loader(bundled_document_loader)
