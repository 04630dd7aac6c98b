from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.security, Tags.caches, deploy=True)
def rate_limit_cache_is_shared(app_configs, **kwargs):
    """allauth counts log-in attempts in the default cache: a cache each process
    keeps for itself multiplies the limits by the number of processes."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in PER_PROCESS_CACHES:
        return [
            Error(
                "The default cache is not shared between processes, so log-in "
                "rate limits do not hold.",
                hint="Set CACHE_URL to a Redis server shared by all web processes.",
                id="accounts.E001",
            )
        ]
    if backend == "django.core.cache.backends.filebased.FileBasedCache":
        return [
            Warning(
                "The default cache is a folder on one machine: log-in rate limits "
                "hold only for the web processes of that machine.",
                hint="Set CACHE_URL to a Redis server shared by all web processes.",
                id="accounts.W001",
            )
        ]
    return []
