"""The signing key ring: the file, rotation, the demo key, the DID document and
`manage.py credentials_keygen`."""

import json
import stat
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from certificates.credentials import keys
from certificates.credentials.multikey import (
    public_key_from_multibase,
    secret_key_multibase,
)


@pytest.fixture
def key_file(tmp_path, settings):
    path = tmp_path / "private" / "signing-key.json"
    settings.CREDENTIAL_SIGNING_KEY_FILE = path
    return path


def test_a_key_id_is_its_multikey_and_names_its_verification_method(keyring):
    key = keyring.current
    assert key.key_id.startswith("z6Mk")
    assert public_key_from_multibase(key.key_id).public_bytes_raw() == (
        key.private_key.public_key().public_bytes_raw()
    )
    assert key.verification_method("did:web:academy.example") == (
        f"did:web:academy.example#{key.key_id}"
    )


def test_the_file_is_owner_only_and_round_trips(key_file, keyring):
    keys.save_keyring(keyring)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert [p.name for p in key_file.parent.iterdir()] == [
        key_file.name
    ]  # no leftovers
    loaded = keys.load_keyring()
    assert loaded.current.key_id == keyring.current.key_id
    assert secret_key_multibase(loaded.current.private_key) == secret_key_multibase(
        keyring.current.private_key
    )


def test_the_private_key_is_in_no_repr(keyring):
    secret = secret_key_multibase(keyring.current.private_key)
    assert secret not in repr(keyring)
    assert secret in keyring.to_json()  # only the file holds it


def test_rotation_keeps_the_old_public_key_and_signs_with_a_new_one(key_file):
    first = keys.new_keyring(now=datetime(2026, 1, 1, tzinfo=UTC))
    keys.save_keyring(first)
    rotated = keys.rotate_keyring(now=datetime(2026, 6, 1, tzinfo=UTC))
    assert rotated.current.key_id != first.current.key_id
    assert [key.key_id for key in rotated.retired] == [first.current.key_id]
    assert rotated.retired[0].retired == datetime(2026, 6, 1, tzinfo=UTC)
    again = keys.load_keyring()  # the new file is seen at once
    assert again.current.key_id == rotated.current.key_id
    assert again.public_key(first.current.key_id) is not None
    assert again.public_key("z6MkNotOurs") is None
    text = key_file.read_text()
    assert secret_key_multibase(first.current.private_key) not in text


def test_a_broken_or_missing_file_is_a_key_file_error(key_file):
    with pytest.raises(keys.KeyFileError, match="no credential signing key"):
        keys.load_keyring()
    key_file.parent.mkdir(parents=True)
    for text in [
        "",
        "{}",
        '{"format": "other"}',
        json.dumps({"format": keys.KEY_FILE_FORMAT}),
    ]:
        key_file.write_text(text)
        with pytest.raises(keys.KeyFileError):
            keys.load_keyring()


def test_a_file_whose_key_id_does_not_match_its_key_is_refused(key_file, keyring):
    data = json.loads(keyring.to_json())
    data["current"]["id"] = keys.new_keyring().current.key_id
    key_file.parent.mkdir(parents=True)
    key_file.write_text(json.dumps(data))
    with pytest.raises(keys.KeyFileError, match="does not match"):
        keys.load_keyring()


def test_signing_key_problems(key_file):
    assert "credentials_keygen" in keys.signing_key_problems()[0]
    keys.save_keyring(keys.new_keyring(demo=True))
    assert any("demo" in problem for problem in keys.signing_key_problems())
    keys.rotate_keyring()  # a real key now; the demo's public key may stay
    assert keys.signing_key_problems() == []
    key_file.chmod(0o644)
    assert any("chmod 600" in problem for problem in keys.signing_key_problems())


def test_did_web_and_the_did_document(keyring):
    assert keys.did_web("Academy.RCKE.si") == "did:web:academy.rcke.si"
    assert keys.did_web("localhost:8000") == "did:web:localhost%3A8000"
    rotated = keyring.rotated()
    did = "did:web:academy.example"
    document = keys.did_document(rotated, did)
    assert document["id"] == did
    ids = [method["id"] for method in document["verificationMethod"]]
    assert ids == [
        f"{did}#{rotated.current.key_id}",
        f"{did}#{keyring.current.key_id}",
    ]
    assert document["assertionMethod"] == ids
    assert all(m["type"] == "Multikey" for m in document["verificationMethod"])
    assert all(m["controller"] == did for m in document["verificationMethod"])
    assert secret_key_multibase(keyring.current.private_key) not in json.dumps(document)


def test_keygen_makes_a_key_once_and_never_prints_it(key_file):
    out = StringIO()
    call_command("credentials_keygen", "--demo", stdout=out)
    ring = keys.load_keyring()
    assert ring.demo
    assert ring.current.key_id in out.getvalue()
    call_command("credentials_keygen", stdout=out)  # make run, second start
    assert keys.load_keyring().current.key_id == ring.current.key_id
    assert "left as it is" in out.getvalue()
    call_command("credentials_keygen", "--rotate", stdout=out)
    rotated = keys.load_keyring()
    assert rotated.current.key_id != ring.current.key_id
    assert not rotated.demo
    assert rotated.public_key(ring.current.key_id) is not None
    for secret in (ring.current.private_key, rotated.current.private_key):
        assert secret_key_multibase(secret) not in out.getvalue()


def test_keygen_does_not_overwrite_a_file_it_cannot_read(key_file):
    key_file.parent.mkdir(parents=True)
    key_file.write_text("not a key ring")
    with pytest.raises(CommandError, match="move it away"):
        call_command("credentials_keygen", stdout=StringIO())
    assert key_file.read_text() == "not a key ring"
