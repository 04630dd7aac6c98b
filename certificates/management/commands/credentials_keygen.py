from django.core.management.base import BaseCommand, CommandError

from certificates.credentials.keys import (
    KeyFileError,
    keyring_path,
    load_keyring,
    new_keyring,
    rotate_keyring,
    save_keyring,
)


class Command(BaseCommand):
    help = (
        "Make the Ed25519 key that signs certificates' Open Badges credentials, in "
        "CREDENTIAL_SIGNING_KEY_FILE, if there is none (an existing key is left as "
        "it is). --rotate replaces the signing key by a new one and keeps the old "
        "public key, so credentials signed before keep verifying. The private key "
        "is never printed."
    )

    # Production's checks refuse to run without a key (certificates.E001): the
    # command that makes it must run all the same.
    requires_system_checks = []

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--rotate",
            action="store_true",
            help="Sign with a new key from now on; keep the old public key.",
        )
        parser.add_argument(
            "--demo",
            action="store_true",
            help=(
                "Mark the new key as the demo's (what `make run` makes): production "
                "refuses to sign with it."
            ),
        )

    def handle(self, *args, rotate: bool, demo: bool, **options) -> None:
        path = keyring_path()
        try:
            ring = load_keyring(path)
        except KeyFileError:
            if path.exists():
                # Never overwrite a file we cannot read: it may be the only copy.
                raise CommandError(
                    f"{path} exists but is not a readable key ring; "
                    "move it away to make a new one."
                ) from None
            ring = None
        if ring is None:
            ring = new_keyring(demo=demo)
            save_keyring(ring, path)
            self.stdout.write(f"Made a signing key in {path}.")
        elif rotate:
            ring = rotate_keyring(path, demo=demo)
            self.stdout.write(
                f"Rotated the signing key in {path}; "
                f"{len(ring.retired)} earlier key(s) kept for verification."
            )
        else:
            self.stdout.write(f"{path} already holds a signing key; left as it is.")
        kind = " (demo key)" if ring.demo else ""
        self.stdout.write(f"Signing key: {ring.current.key_id}{kind}")
