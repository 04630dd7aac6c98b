"""1EdTech's JSON Schema for AchievementCredential / OpenBadgeCredential,
vendored byte for byte beside this file (where it came from: README.md), and a
validator for it.

The schema is draft 2019-09 and self-contained (every `$ref` points inside it),
so validation needs nothing from the network.
"""

import json
import re
from datetime import datetime
from functools import cache
from pathlib import Path

from jsonschema import Draft201909Validator, FormatChecker

SCHEMA_FILE = Path(__file__).parent / "ob_v3p0_achievementcredential_schema.json"

_RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)


def _is_date_time(value) -> bool:
    """RFC 3339 date-time, time zone included ("DateTimeZ"). jsonschema checks
    this format only with an extra package installed, and silently passes every
    value without it, so the check is ours."""
    if not isinstance(value, str):
        return True  # the schema's "type" speaks to non-strings
    if not _RFC3339.match(value):
        return False
    try:
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


@cache
def _validator() -> Draft201909Validator:
    schema = json.loads(SCHEMA_FILE.read_bytes())
    Draft201909Validator.check_schema(schema)
    checker = FormatChecker()
    checker.checks("date-time")(_is_date_time)
    return Draft201909Validator(schema, format_checker=checker)


def validate(credential: dict) -> list[str]:
    """What keeps `credential` from conforming to the schema, one line per error
    (`<path>: <message>`), in a stable order; empty when it conforms."""
    errors = sorted(
        _validator().iter_errors(credential),
        key=lambda error: (list(map(str, error.absolute_path)), error.message),
    )
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(credential)'}: {error.message}"
        for error in errors
    ]
