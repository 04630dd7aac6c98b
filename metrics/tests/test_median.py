"""The median of sorted runs, against the median of all their values."""

import statistics
from array import array

from hypothesis import given
from hypothesis import strategies as st

from metrics.summary.median import kth_smallest

durations = st.floats(min_value=0, max_value=1e9, allow_nan=False)


@given(st.lists(st.lists(durations, max_size=40), min_size=1, max_size=6))
def test_the_median_from_sorted_runs_is_the_median_of_all_values(values):
    runs = [array("d", sorted(run)) for run in values]
    everything = [value for run in values for value in run]
    if not everything:
        return
    count = len(everything)
    if count % 2:
        median = kth_smallest(runs, count // 2)
    else:
        median = (
            kth_smallest(runs, count // 2 - 1) + kth_smallest(runs, count // 2)
        ) / 2
    assert median == statistics.median(everything)
