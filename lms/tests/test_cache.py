"""The Redis cache backend (lms.cache): Django's behaviour, one client per pool."""

import os
import uuid

import pytest

from lms.cache import RedisCache

REDIS_URL = os.environ.get("CACHE_URL", "")

pytestmark = pytest.mark.skipif(
    not REDIS_URL.startswith("redis"), reason="needs CACHE_URL=redis://… (CI sets it)"
)


def test_the_cache_keeps_one_client_per_pool_and_works_as_djangos():
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": f"cache-test-{uuid.uuid4().hex}"})
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client  # one server: one pool
    cache.set("answer", {"value": 42}, timeout=30)
    assert cache.get("answer") == {"value": 42}
    assert cache.get_many(["answer", "missing"]) == {"answer": {"value": 42}}
    assert cache.add("answer", 1) is False
    assert cache.incr(cache.add("count", 1) and "count") == 2
    cache.delete_many(["answer", "count"])
    assert cache.get("answer") is None
    assert cache._cache.get_client() is client
