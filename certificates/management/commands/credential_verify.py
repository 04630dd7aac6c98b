import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations

from certificates.credentials.keys import KeyFileError
from certificates.credentials.verify import MAX_PRESENTED_BYTES, Outcome, Verdict
from certificates.open_badges import site_url
from certificates.verification import credential_verify

# The exit status, by verdict (the help lists them).
EXIT_VALID = 0
EXIT_GENUINE_NOT_VALID = 1
EXIT_CANNOT_RUN = 2  # also argparse's for a wrong command line
EXIT_NOT_GENUINE = 3
EXIT_UNREADABLE = 4
EXIT_STATUS = {
    Verdict.VALID: EXIT_VALID,
    Verdict.REVOKED: EXIT_GENUINE_NOT_VALID,
    Verdict.NOT_CURRENT: EXIT_GENUINE_NOT_VALID,
    Verdict.STATUS_UNKNOWN: EXIT_GENUINE_NOT_VALID,
    Verdict.RECORD_MISMATCH: EXIT_GENUINE_NOT_VALID,
    Verdict.ALTERED: EXIT_NOT_GENUINE,
    Verdict.NOT_OURS: EXIT_NOT_GENUINE,
    Verdict.UNREADABLE: EXIT_UNREADABLE,
}


class Command(BaseCommand):
    help = (
        "Check a credential someone shows us, as the upload on /verify/ does: a "
        "credential's JSON, its JWT or a baked badge PNG (FILE, or - for standard "
        "input). Prints the verdict and each check (readable, issuer, proof, "
        "dates, status, record) with its detail. Exit status: 0 genuine and "
        "valid; 1 genuine but not valid (revoked, not in force, status unknown, "
        "not matching our records); 2 the check could not run (no such file, no "
        "signing key, wrong arguments); 3 not genuine (altered, or not issued by "
        "us); 4 unreadable (not a credential that can be checked)."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "file", help="The credential (.json, .jwt) or badge (.png); - for stdin."
        )

    def _read(self, name: str, stdin) -> bytes:
        # One byte over the verifier's limit is enough for it to refuse the
        # rest unread.
        limit = MAX_PRESENTED_BYTES + 1
        if name == "-":
            return (stdin or sys.stdin.buffer).read(limit)
        try:
            with Path(name).open("rb") as handle:
                return handle.read(limit)
        except OSError as error:
            raise CommandError(
                f"{name}: {error.strerror}", returncode=EXIT_CANNOT_RUN
            ) from None

    @no_translations  # the words of the page, in English
    def handle(self, *args, file: str, **options) -> None:
        presented = self._read(file, options.get("stdin"))
        try:
            checked = credential_verify(presented)
        except KeyFileError as error:
            raise CommandError(str(error), returncode=EXIT_CANNOT_RUN) from None
        self.stdout.write(f"{checked.headline} ({checked.verdict.value})")
        self.stdout.write(checked.explanation)
        width = max(len(report.name) for report in checked.checks)
        for report in checked.checks:
            line = f"  {report.name:<{width}}  {report.outcome.value:<11}  "
            line += report.sentence
            if report.outcome is Outcome.FAILED and report.detail != report.sentence:
                line += f" [{report.code}: {report.detail}]"
            self.stdout.write(line)
        certificate = checked.certificate
        if checked.genuine and certificate is not None:
            self.stdout.write(
                "Certificate: " + site_url(f"/verify/{certificate.verification_code}/")
            )
        status = EXIT_STATUS[checked.verdict]
        if status != EXIT_VALID:
            sys.exit(status)
