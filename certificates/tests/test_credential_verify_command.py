"""`manage.py credential_verify FILE`: the upload's check on a file or stdin,
its verdict and checks printed, its exit status by verdict."""

import copy
import json
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.factories import UserFactory
from certificates.factories import certificate_for, completed_enrolment
from certificates.services import certificate_issue, certificate_revoke

pytestmark = pytest.mark.django_db


@pytest.fixture
def credential(catalogue):
    enrolment = completed_enrolment(
        parent=catalogue, user=UserFactory(full_name="Nina Kralj")
    )
    certificate = certificate_issue(certificate_id=certificate_for(enrolment).pk)
    return certificate.credentials.get()


def run(*arguments, stdin=None) -> tuple[int, str]:
    """(exit status, what it printed)."""
    out = StringIO()
    try:
        call_command("credential_verify", *arguments, stdout=out, stdin=stdin)
    except SystemExit as exit:
        return exit.code, out.getvalue()
    return 0, out.getvalue()


def test_a_genuine_credential_exits_0_with_each_check(credential, tmp_path):
    path = tmp_path / "credential.json"
    path.write_text(json.dumps(credential.document))
    status, output = run(str(path))
    assert status == 0
    lines = output.splitlines()
    assert lines[0] == "Genuine and valid (valid)"
    for name in ("readable", "issuer", "proof", "dates", "status", "record"):
        assert any(line.split()[:2] == [name, "passed"] for line in lines), name
    assert "It was signed with our current key." in output
    code = credential.certificate.verification_code
    assert f"Certificate: http://testserver/verify/{code}/" in output


def test_stdin_and_the_baked_badge(client, credential):
    assert run("-", stdin=BytesIO(credential.jwt.encode()))[0] == 0
    code = credential.certificate.verification_code
    badge = client.get(f"/verify/{code}/badge.png").content
    status, output = run("-", stdin=BytesIO(badge))
    assert status == 0
    assert "a badge image that carries a credential" in output


def test_the_exit_status_says_the_verdict(credential, tmp_path):
    altered = copy.deepcopy(credential.document)
    altered["credentialSubject"]["name"] = "Mojca Novak"
    (tmp_path / "altered.json").write_text(json.dumps(altered))
    status, output = run(str(tmp_path / "altered.json"))
    assert status == 3
    assert output.startswith("Altered: the signature does not match (altered)")
    assert "proof" in output and "[signature_mismatch:" in output

    (tmp_path / "garbage.bin").write_bytes(b"\xff\xfe\x00 not a credential")
    status, output = run(str(tmp_path / "garbage.bin"))
    assert status == 4
    assert "[not_text:" in output

    certificate_revoke(
        certificate=credential.certificate, revoked_by=None, reason="Copied work"
    )
    (tmp_path / "revoked.jwt").write_text(credential.jwt)
    status, output = run(str(tmp_path / "revoked.jwt"))
    assert status == 1
    assert output.startswith("Genuine but revoked (revoked)")


def test_a_missing_file_cannot_be_checked(tmp_path):
    with pytest.raises(CommandError) as error:
        call_command(
            "credential_verify", str(tmp_path / "none.json"), stdout=StringIO()
        )
    assert error.value.returncode == 2
    assert "none.json" in str(error.value)


def test_the_help_documents_the_exit_status():
    from certificates.management.commands.credential_verify import Command

    for words in ("0 genuine and valid", "1 genuine but not valid", "3 not genuine"):
        assert words in Command.help
