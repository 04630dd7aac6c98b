"""Hostile input for the fuzzing tests (hypothesis): very long strings, control
characters, wrong types, missing fields, HTML and script."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SCRIPT = "<script>alert('x')</script>"
HOSTILE_SAMPLES = [
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "\x00",
    "\x1b[31m\r\n\t\x7f",
    "../../etc/passwd",
    "{{ 7*7 }}{% debug %}",
    "",
    " ",
    "١٢٣",
    "😀" * 50,
]
# No lone surrogates: they cannot even be encoded into a request.
any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)
long_text = st.builds(lambda part, times: part * times, any_text, st.integers(1, 400))
hostile_text = st.one_of(st.sampled_from(HOSTILE_SAMPLES), any_text, long_text)
wrong_types = st.one_of(
    st.integers().map(str), st.floats(allow_nan=True).map(str), st.just("[]")
)
field_value = st.one_of(hostile_text, wrong_types)

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ACCEPTABLE = {200, 302, 400, 403, 404, 405, 429}


def form_data(fields: list[str]):
    """Each field present with a hostile value, or missing."""
    return st.fixed_dictionaries(
        {}, optional={name: field_value for name in fields}
    ).map(lambda data: {key: value for key, value in data.items()})


def assert_answers_cleanly(response):
    assert response.status_code in ACCEPTABLE, response.status_code
