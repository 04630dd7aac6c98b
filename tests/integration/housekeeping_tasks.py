"""A stand-in for Wagtail's housekeeping tasks (reference index, search index,
renditions) in tests of the queues: slow enough that a few hundred of them keep
a worker busy for minutes, as a demo import does."""

import time

from django_tasks import task


@task()
def housekeeping_stand_in(seconds: float) -> None:
    time.sleep(seconds)
