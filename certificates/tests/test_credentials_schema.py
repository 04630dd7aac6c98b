"""The credentials we build conform to 1EdTech's schema."""

import hashlib
import json

from certificates.credentials import schema
from certificates.credentials.build import sign


def test_the_vendored_schema_is_the_file_named_in_its_readme():
    data = schema.SCHEMA_FILE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == (
        "86a141ff0c1b1a6b4e08460f786a8ffe0f737d8256a86243d134a2e6450efe4d"
    )
    assert (
        json.loads(data)["$schema"] == "https://json-schema.org/draft/2019-09/schema#"
    )


def test_a_built_and_signed_credential_conforms(credential, keyring):
    assert schema.validate(credential) == []
    assert schema.validate(sign(credential, keyring.current).document) == []


def test_the_schema_finds_what_is_wrong(credential):
    broken = json.loads(json.dumps(credential))
    del broken["validFrom"]
    broken["credentialSubject"]["identifier"][0]["extra"] = "x"
    broken["credentialSubject"]["achievement"]["image"] = "https://a.example/i.png"
    broken["issuer"]["type"] = ["Organisation"]
    errors = schema.validate(broken)
    assert any("validFrom" in error for error in errors)
    assert any(error.startswith("credentialSubject/identifier/0") for error in errors)
    assert any(
        error.startswith("credentialSubject/achievement/image") for error in errors
    )
    assert any(error.startswith("issuer") for error in errors)
    bad_date = {**credential, "validFrom": "30. 11. 2026"}
    assert any("date-time" in error for error in schema.validate(bad_date))
