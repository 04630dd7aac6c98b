"""Open Badges 3.0 credentials for certificates: the pure core, no models.

* `build`: the OpenBadgeCredential from plain values; `sign` gives both proof
  forms (embedded DataIntegrityProof and compact JWS).
* `dataintegrity`: eddsa-rdfc-2022 proofs (W3C Data Integrity EdDSA v1.0).
* `jose`: the JWS form (OB 3.0 §8.2), EdDSA only.
* `keys`: the Ed25519 key ring in `CREDENTIAL_SIGNING_KEY_FILE`, rotation, the
  DID document, `signing_key_problems()` for a production check.
* `loader`: the bundled JSON-LD contexts (`contexts/`); nothing is fetched.
* `status_list`: Bitstring Status List encoding and the list credential.
* `baking`: the credential in a PNG's `openbadgecredential` iTXt chunk.
* `badge`: the badge image.
* `schema`: 1EdTech's JSON Schema, vendored, and `validate()`.
* `verify`: what a presented JSON, JWT or PNG is, and whether it is ours and
  valid.
"""
