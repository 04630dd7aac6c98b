"""The median of values kept in several sorted runs, without merging them."""

import bisect
import math
import struct
from array import array


def kth_smallest(runs: list[array], k: int) -> float:
    """The k-th smallest (from 0) of the values in several sorted runs, found by
    bisecting the values' bit patterns (ordered like the values themselves for
    numbers >= 0): about 64 rounds of one bisection per run, instead of sorting
    hundreds of thousands of values."""
    if any(run and run[0] < 0 for run in runs):  # not expected; stay correct
        return sorted(value for run in runs for value in run)[k]
    low, high = 0, _bits(math.inf)
    while low < high:
        middle = (low + high) // 2
        value = _float(middle)
        if sum(bisect.bisect_right(run, value) for run in runs) > k:
            high = middle
        else:
            low = middle + 1
    return _float(low)


def runs_median(runs: list[array]) -> float | None:
    """The median of all values of the sorted runs (None: no values)."""
    count = sum(len(run) for run in runs)
    if not count:
        return None
    middle = count // 2
    if count % 2:
        return kth_smallest(runs, middle)
    return (kth_smallest(runs, middle - 1) + kth_smallest(runs, middle)) / 2


def _bits(value: float) -> int:
    return struct.unpack("<q", struct.pack("<d", value))[0]


def _float(bits: int) -> float:
    return struct.unpack("<d", struct.pack("<q", bits))[0]
