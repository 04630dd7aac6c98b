import pytest

from assessments import demo
from assessments.definitions import item_ids
from assessments.demo import instrument_content
from assessments.models import Instrument, InstrumentVersion

pytestmark = pytest.mark.django_db

INSTRUMENT = instrument_content()


def test_demo_installs_the_instrument_in_both_languages(db):
    # The session's demo has loaded it already; loading again finds it.
    list(demo.load())
    instruments = {
        i.locale.language_code: i
        for i in Instrument.objects.filter(live=True).select_related("locale")
    }
    assert set(instruments) == {"sl", "en"}
    assert instruments["sl"].translation_key == instruments["en"].translation_key
    for language, instrument in instruments.items():
        assert instrument.title == INSTRUMENT["title"][language]
        definition = instrument.versions.get().definition
        assert [a["code"] for a in definition["areas"]] == [
            "ideas_opportunities",
            "resources",
            "into_action",
        ]
        dimensions = [d for a in definition["areas"] for d in a["dimensions"]]
        assert len(dimensions) == 15
        assert all(len(d["items"]) == 3 for d in dimensions)
        assert (
            definition["scale"][4]["label"] == INSTRUMENT["scale"][4]["label"][language]
        )
        assert definition["thresholds"] == {
            "intermediate": "2.50",
            "advanced": "3.50",
            "expert": "4.50",
        }
    sl_ids = item_ids(instruments["sl"].versions.get().definition)
    assert len(sl_ids) == 45
    assert sl_ids == item_ids(instruments["en"].versions.get().definition)


def test_a_second_run_changes_nothing(db):
    list(demo.load())
    before = list(InstrumentVersion.objects.order_by("pk").values_list("pk", "digest"))
    revisions = [i.latest_revision_id for i in Instrument.objects.order_by("pk")]
    assert list(demo.load()) == []
    assert Instrument.objects.count() == 2
    assert (
        list(InstrumentVersion.objects.order_by("pk").values_list("pk", "digest"))
        == before
    )
    assert [
        i.latest_revision_id for i in Instrument.objects.order_by("pk")
    ] == revisions
