"""The Redis cache (CACHE_URL): Django's, with one client object per connection
pool instead of a new one for every operation. Django's RedisCacheClient builds a
`redis.Redis` for each get or set, which copies redis-py's table of response
callbacks (~170 entries) every time: a lesson page makes a dozen cache reads, so
that was a few milliseconds of CPU per page for nothing. A client holds no
connection of its own (it takes one from the pool per command), so one client per
pool is safe across threads, and across forks (the pool notices a new process)."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _PooledClients(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _PooledClients
