"""The Redis cache of one pytest-xdist process (lms.settings.test): its keys carry
the process's prefix, and clearing it deletes those keys only. Django's
RedisCache.clear() flushes the whole Redis database, which would empty the
cache of the other processes in the middle of their tests (rate limits, locks)."""

from lms.cache import RedisCache


class PrefixClearedRedisCache(RedisCache):
    def clear(self) -> bool:
        client = self._cache.get_client(write=True)
        keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
        return True
