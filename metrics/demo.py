"""Demo activity for the metrics app: when the demo learners' past year arrives
in a database whose months were summarised before (an earlier `make run` whose
dashboard was opened), summarise again, so the dashboard shows it at once
rather than after the nightly rebuild. Months never summarised are computed on
first request anyway. Called by `manage.py load_demo` (`activity()`)."""

from collections.abc import Iterator

from .summary.refresh import rebuild, summarised_months


def activity() -> Iterator[str]:
    if summarised_months():
        rebuild()
        yield "Participation figures summarised again."
