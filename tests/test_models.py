"""The record models: the contract's field names, validation, and the JSON Schema export."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from extractor.models import Document, Entity, EntityLabel, Event, EventFormat, EventType, json_schema


def test_document_fields_are_the_contract() -> None:
    fields = set(Document.model_fields)
    assert {
        "id",
        "source",
        "title",
        "doc_date",
        "text",
        "entities",
        "persons",
        "organizations",
        "countries",
        "dates",
        "events",
        "warnings",
    } <= fields
    assert {
        "type",
        "format",
        "salience",
        "countries",
        "date",
        "end_date",
        "location",
        "participants",
        "round",
        "name",
        "trigger",
        "evidence",
        "cameo",
        "plover",
        "confidence",
    } <= set(Event.model_fields)


def test_json_dump_uses_plain_values() -> None:
    entity = Entity(label=EntityLabel.COUNTRY, text="일본", start=0, end=2, norm="JPN")
    assert json.loads(entity.model_dump_json())["label"] == "COUNTRY"
    assert entity.model_dump(mode="json")["source"] == "rule"


@pytest.mark.parametrize(
    "bad",
    [
        {"doc_date": "2024-6-28"},
        {"countries": ["jp"]},
        {"unexpected": 1},
    ],
)
def test_invalid_documents_are_rejected(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Document.model_validate({"id": "x", "text": "", **bad})


def test_partial_dates_are_allowed_on_events() -> None:
    for value in ("2024", "2024-06", "2024-06-28"):
        assert Event(type=EventType.VISIT, format=EventFormat.UNILATERAL, date=value).date == value
    with pytest.raises(ValidationError):
        Event(type=EventType.VISIT, format=EventFormat.UNILATERAL, date="28 June")


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "unilateral"), (1, "unilateral"), (2, "bilateral"), (3, "trilateral"), (7, "multilateral")],
)
def test_format_follows_the_number_of_parties(n: int, expected: str) -> None:
    assert EventFormat.for_parties(n).value == expected


def test_json_schema_names_every_record() -> None:
    schema = json_schema()
    assert schema["title"] == "korex Document"
    assert {
        "Entity",
        "Person",
        "Organization",
        "DateValue",
        "Event",
        "Participant",
        "Location",
        "Evidence",
    } <= set(schema["$defs"])
    assert set(schema["$defs"]["EventType"]["enum"]) == {t.value for t in EventType}


def test_a_persons_english_name_says_where_it_comes_from() -> None:
    schema = json_schema()
    person = schema["$defs"]["Person"]["properties"]
    assert {"name", "name_original", "name_en", "name_en_source"} <= set(person)
    assert set(schema["$defs"]["NameSource"]["enum"]) == {"gazetteer", "original", "romanized"}
