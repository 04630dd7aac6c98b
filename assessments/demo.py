"""Demo content for the assessments app: the default EntreComp self-assessment
(`demo/entrecomp.yaml`, both languages side by side), published in Slovenian and
English as translations of one instrument. Called by `manage.py load_demo`; a
second run changes nothing (a published instrument is versioned: the demo does
not change one that exists)."""

import functools
import uuid
from collections.abc import Iterator
from pathlib import Path

from wagtail.models import Locale

from lms import demo

from .models import Instrument

INSTRUMENT_FILE = Path(__file__).parent / "demo" / "entrecomp.yaml"

# Fixed ids: both languages share the instrument's translation key and every
# statement's id, and reloading the demo finds what it created before.
DEMO_NAMESPACE = uuid.UUID("6f0d2f52-5d8e-4c1f-9a57-3c2b8e0a1d44")
TRANSLATION_KEY = uuid.uuid5(DEMO_NAMESPACE, "entrecomp-self-assessment")


@functools.cache
def instrument_content() -> dict:
    """The demo instrument as its file says: title, introduction, scale and
    areas with their competences and statements, each text as {language: text}."""
    return demo.yaml_read(INSTRUMENT_FILE)


def _id(name: str) -> str:
    return str(uuid.uuid5(DEMO_NAMESPACE, name))


def _body(language: str) -> list[dict]:
    """The areas in Wagtail's raw StreamField form, with stable block ids."""
    return [
        {
            "type": "area",
            "id": _id(f"area/{area['code']}"),
            "value": {
                "area": area["code"],
                "name": area["name"][language],
                "dimensions": [
                    {
                        "type": "item",
                        "id": _id(f"competence/{competence['code']}"),
                        "value": {
                            "competence": competence["code"],
                            "name": competence["name"][language],
                            "description": competence["description"][language],
                            "items": [
                                {
                                    "type": "item",
                                    "id": _id(f"item/{competence['code']}/{number}"),
                                    "value": item[language],
                                }
                                for number, item in enumerate(
                                    competence["items"], start=1
                                )
                            ],
                        },
                    }
                    for competence in area["competences"]
                ],
            },
        }
        for area in instrument_content()["areas"]
    ]


def _instrument(
    language: str, locale: Locale, original: Instrument | None
) -> Instrument:
    content = instrument_content()
    labels = {point["value"]: point["label"][language] for point in content["scale"]}
    instrument = Instrument(
        locale=locale,
        translation_key=TRANSLATION_KEY,
        title=content["title"][language],
        introduction=content["introduction"][language],
        is_default=True,
        label_1=labels[1],
        label_2=labels[2],
        label_3=labels[3],
        label_4=labels[4],
        label_5=labels[5],
        label_not_applicable=labels[None],
        body=_body(language),
        live=False,
    )
    demo.translation_link(instrument, original)
    instrument.full_clean()
    # The areas are validated as the admin form would (the model does not).
    Instrument._meta.get_field("body").stream_block.clean(instrument.body)
    with demo.indexed_once():
        instrument.save()
        # Publishing freezes version 1 (see receivers).
        instrument.save_revision().publish()
    return instrument


def load() -> Iterator[str]:
    original = None  # the Slovenian one
    for language in demo.LANGUAGES:
        locale = demo.locale(language)
        instrument = Instrument.objects.filter(
            translation_key=TRANSLATION_KEY, locale=locale
        ).first()
        if instrument is None:
            instrument = _instrument(language, locale, original)
            yield f"Created the self-assessment “{instrument.title}” ({language})."
        original = original or instrument
