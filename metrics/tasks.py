from celery import shared_task

# Overlapping runs are safe: each month is rewritten in its own transaction
# behind a row lock (`summary.refresh._write`). The time limits stay below the
# broker's visibility timeout, so a long rebuild is not delivered twice.


@shared_task(name="metrics.summary_refresh", time_limit=280, soft_time_limit=270)
def summary_refresh_task() -> int:
    """Periodic (every 5 minutes): recent and changed months, profile sets."""
    from .summary.refresh import refresh

    return len(refresh())


@shared_task(name="metrics.summary_rebuild", time_limit=1800, soft_time_limit=1750)
def summary_rebuild_task() -> int:
    """Nightly: every month, so erasures and staff changes reach old months."""
    from .summary.refresh import rebuild

    return len(rebuild())
