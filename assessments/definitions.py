"""The frozen form of an instrument: everything needed to show, answer and score one
version of it, as plain JSON-able data. `InstrumentVersion.definition` holds one;
scoring reads nothing else, so a stored answer keeps its meaning whatever editors
do to the instrument afterwards."""

import hashlib
import json
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from .models import Instrument

SCHEMA = 1


class ScalePoint(TypedDict):
    value: int
    label: str


class Thresholds(TypedDict):
    """Lowest mean of each band above Foundation (Foundation starts at the bottom
    of the scale). Decimal strings, so that comparisons are exact."""

    intermediate: str
    advanced: str
    expert: str


class ItemDefinition(TypedDict):
    id: str
    text: str


class DimensionDefinition(TypedDict):
    competence: str
    name: str
    description: str
    items: list[ItemDefinition]


class AreaDefinition(TypedDict):
    code: str
    name: str
    dimensions: list[DimensionDefinition]


class Definition(TypedDict):
    schema: int
    language: str
    title: str
    introduction: str
    scale: list[ScalePoint]
    not_applicable_label: str
    thresholds: Thresholds
    areas: list[AreaDefinition]


def instrument_definition(instrument: "Instrument") -> Definition:
    """The instrument's current content as a definition. Item ids are the list
    blocks' ids, so an instrument read back from the database gives the same
    definition every time until an editor changes it."""
    areas: list[AreaDefinition] = []
    for area_block in instrument.body:
        area = area_block.value
        dimensions: list[DimensionDefinition] = []
        for dimension_child in area["dimensions"].bound_blocks:
            dimension = dimension_child.value
            dimensions.append(
                {
                    "competence": dimension["competence"],
                    "name": dimension["name"],
                    "description": dimension["description"] or "",
                    "items": [
                        {"id": item.id, "text": item.value}
                        for item in dimension["items"].bound_blocks
                    ],
                }
            )
        areas.append(
            {"code": area["area"], "name": area["name"], "dimensions": dimensions}
        )
    return {
        "schema": SCHEMA,
        "language": instrument.locale.language_code,
        "title": instrument.title,
        "introduction": instrument.introduction,
        "scale": [
            {"value": value, "label": label}
            for value, label in enumerate(instrument.scale_labels, start=1)
        ],
        "not_applicable_label": instrument.label_not_applicable,
        "thresholds": {
            "intermediate": str(instrument.threshold_intermediate),
            "advanced": str(instrument.threshold_advanced),
            "expert": str(instrument.threshold_expert),
        },
        "areas": areas,
    }


def definition_digest(definition: Definition) -> str:
    """A fingerprint of the definition's content: equal content, equal digest."""
    canonical = json.dumps(definition, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def item_ids(definition: Definition) -> set[str]:
    return {
        item["id"]
        for area in definition["areas"]
        for dimension in area["dimensions"]
        for item in dimension["items"]
    }


def scale_values(definition: Definition) -> set[int]:
    return {point["value"] for point in definition["scale"]}


def step_item_ids(definition: Definition) -> list[list[str]]:
    """The ids of the items of each step (one step per area), in order."""
    return [
        [item["id"] for dimension in area["dimensions"] for item in dimension["items"]]
        for area in definition["areas"]
    ]
