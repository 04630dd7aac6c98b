"""A mail backend for the worker tests that holds the first message in the
middle of sending (inside the transaction that claims it) until the process is
killed, so a test can kill a worker while it sends. Only a worker started with
`MailGate.env` uses it; the rest is Django's file backend, which the test reads."""

import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend as FileBackend

GATE_FOLDER_VARIABLE = "GATED_MAIL_FOLDER"
BACKEND = "tests.integration.gated_mail.EmailBackend"
# A held message gives up after this long, so a test that never kills the
# worker fails instead of hanging it.
HOLD_LIMIT_SECONDS = 120


class EmailBackend(FileBackend):
    def send_messages(self, email_messages):
        gate = Path(os.environ[GATE_FOLDER_VARIABLE])
        try:
            # The first message of all, in whichever process: held.
            descriptor = os.open(gate / "held", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return super().send_messages(email_messages)
        os.write(descriptor, str(os.getpid()).encode())
        os.close(descriptor)
        deadline = time.monotonic() + HOLD_LIMIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.05)
        raise TimeoutError("the test never killed the worker holding a message")


class MailGate:
    """The test's side: the worker's environment and the process holding a
    message."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder

    @property
    def env(self) -> dict[str, str]:
        return {"TEST_EMAIL_BACKEND": BACKEND, GATE_FOLDER_VARIABLE: str(self.folder)}

    def holder(self) -> int | None:
        """The id of the process holding a message, once one does."""
        path = self.folder / "held"
        text = path.read_text() if path.exists() else ""
        return int(text) if text else None
