"""A certificate renderer for the worker tests that holds each render in the
middle (inside the certificate's row lock) until the test lets it go, so a test
can kill a worker while it renders. Only a worker started with `RenderGate.env`
uses it; the code under test is the real one, with this in place of WeasyPrint's
call until the gate opens."""

import os
import time
from pathlib import Path

from certificates.rendering import html_to_pdf

GATE_FOLDER_VARIABLE = "SLOW_RENDERER_GATE"
RENDERER = "tests.integration.slow_renderer.render_when_released"
# A held render gives up after this long, so a test that never opens the gate
# fails instead of hanging a worker.
HOLD_LIMIT_SECONDS = 120


def render_when_released(html: str) -> bytes:
    gate = Path(os.environ[GATE_FOLDER_VARIABLE])
    (gate / f"rendering-{os.getpid()}").touch()
    deadline = time.monotonic() + HOLD_LIMIT_SECONDS
    while not (gate / "open").exists():
        if time.monotonic() > deadline:
            raise TimeoutError("the test never opened the render gate")
        time.sleep(0.05)
    return html_to_pdf(html)


class RenderGate:
    """The test's side: the worker's environment, the processes holding a
    render, and opening the gate."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder

    @property
    def env(self) -> dict[str, str]:
        return {
            "CERTIFICATE_RENDERER": RENDERER,
            GATE_FOLDER_VARIABLE: str(self.folder),
        }

    def rendering(self) -> list[int]:
        """Ids of the processes that reached the middle of a render."""
        return [
            int(path.name.removeprefix("rendering-"))
            for path in self.folder.glob("rendering-*")
        ]

    def open(self) -> None:
        (self.folder / "open").touch()
