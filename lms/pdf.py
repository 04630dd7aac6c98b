"""WeasyPrint for the apps that print PDFs (certificates; events' sign-in
sheets): one font configuration per process, each stylesheet parsed once.

WeasyPrint is imported here only when a PDF is made, not with the app: it takes
about a second, which every process (web server, manage.py, each worker start)
would pay."""

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@lru_cache(maxsize=8)
def stylesheet(path: Path):
    """The parsed stylesheet at `path`, with the shared font configuration."""
    from weasyprint import CSS

    return CSS(filename=str(path), font_config=font_config())
