"""The record contract: pydantic models every output of korex is made of.

Field names are fixed by DESIGN.md; tools outside the project read them. New fields may be
added, existing ones are never renamed.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

PartialDate = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
FullDate = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]


class EntityLabel(str, Enum):
    """What kind of thing an entity mention names."""

    PERSON = "PERSON"
    TITLE = "TITLE"
    ORG = "ORG"
    COUNTRY = "COUNTRY"
    LOCATION = "LOCATION"
    DATE = "DATE"
    MEETING = "MEETING"


class EntitySource(str, Enum):
    """How an entity was found: an exact gazetteer form, a fuzzy link, or a pattern rule."""

    GAZETTEER = "gazetteer"
    FUZZY = "fuzzy"
    RULE = "rule"


class EventType(str, Enum):
    """Diplomatic event types, as defined in GOLD_FORMAT.md."""

    SUMMIT = "SUMMIT"
    TALKS = "TALKS"
    STRATEGIC_DIALOGUE = "STRATEGIC_DIALOGUE"
    CONSULTATION = "CONSULTATION"
    PHONE_CALL = "PHONE_CALL"
    COURTESY_CALL = "COURTESY_CALL"
    VISIT = "VISIT"
    JOINT_STATEMENT = "JOINT_STATEMENT"
    STATEMENT = "STATEMENT"
    AGREEMENT = "AGREEMENT"
    CONFERENCE = "CONFERENCE"


class EventFormat(str, Enum):
    """How many parties an event has."""

    UNILATERAL = "unilateral"
    BILATERAL = "bilateral"
    TRILATERAL = "trilateral"
    MULTILATERAL = "multilateral"

    @classmethod
    def for_parties(cls, n: int) -> EventFormat:
        """The format for an event with `n` parties (0 or 1 is unilateral)."""
        if n <= 1:
            return cls.UNILATERAL
        return {2: cls.BILATERAL, 3: cls.TRILATERAL}.get(n, cls.MULTILATERAL)


class Salience(str, Enum):
    """Whether the document is about an event (`main`) or refers to it in passing."""

    MAIN = "main"
    MENTIONED = "mentioned"


class DateResolution(str, Enum):
    """Where a date's missing parts came from."""

    EXPLICIT = "explicit"
    DATELINE = "dateline"
    RELATIVE = "relative"
    WEEKDAY = "weekday"


class NameSource(str, Enum):
    """Where a person's English name comes from: the gazetteer, the Latin original the text gives in
    parentheses, or a Revised Romanization of the Korean name."""

    GAZETTEER = "gazetteer"
    ORIGINAL = "original"
    ROMANIZED = "romanized"


class Record(BaseModel):
    """Base of every record: unknown fields are rejected so typos fail loudly."""

    model_config = ConfigDict(extra="forbid", use_enum_values=False)


class Entity(Record):
    """One mention in `Document.text`: `text == Document.text[start:end]`."""

    label: EntityLabel
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    norm: str | None = None
    kb_id: str | None = None
    source: EntitySource = EntitySource.RULE
    score: float = Field(default=1.0, ge=0.0, le=1.0)


Span = Annotated[list[int], Field(min_length=2, max_length=2)]


class Person(Record):
    """A person acting in the text, with every mention of them (full name and short references)."""

    name: str
    name_original: str | None = None
    name_en: str | None = None
    title: str | None = None
    org: str | None = None
    country: CountryCode | None = None
    kb_id: str | None = None
    mentions: list[Span] = Field(default_factory=list)
    name_en_source: NameSource | None = None


class Organization(Record):
    """A government body or international organisation named in the text."""

    name: str
    name_en: str | None = None
    country: CountryCode | None = None
    kb_id: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class DateValue(Record):
    """A calendar date in the text, normalised to `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""

    text: str
    value: PartialDate
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    resolved_from: DateResolution = DateResolution.EXPLICIT


class Location(Record):
    """Where an event took place: the city in English and as the text writes it, and its country."""

    city: str | None = None
    city_ko: str | None = None
    country: CountryCode | None = None


class Participant(Record):
    """A person taking part in an event; `name` is None for an unnamed official."""

    name: str | None = None
    title: str | None = None
    org: str | None = None
    country: CountryCode | None = None


class Evidence(Record):
    """The sentence an event rests on, with its offsets in `Document.text`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Event(Record):
    """One diplomatic event: who met whom, when, where, and what kind of meeting."""

    type: EventType
    format: EventFormat
    salience: Salience = Salience.MENTIONED
    countries: list[CountryCode] = Field(default_factory=list)
    date: PartialDate | None = None
    end_date: PartialDate | None = None
    location: Location | None = None
    participants: list[Participant] = Field(default_factory=list)
    round: int | None = Field(default=None, ge=1)
    name: str | None = None
    trigger: str | None = None
    evidence: Evidence | None = None
    cameo: str | None = None
    plover: str | None = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class Document(Record):
    """Everything korex extracts from one document."""

    id: str
    source: str | None = None
    title: str | None = None
    publisher: str | None = None
    doc_date: FullDate | None = None
    text: str
    entities: list[Entity] = Field(default_factory=list)
    persons: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    countries: list[CountryCode] = Field(default_factory=list)
    dates: list[DateValue] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class FileError(Record):
    """A file (or one record of it) that could not be read: the row a batch keeps instead of a Document."""

    path: str
    reason: str
    message: str
    record: int | None = None


def json_schema() -> dict[str, Any]:
    """The JSON Schema of `Document` (with every nested record), for tools outside Python."""
    schema = Document.model_json_schema()
    schema["$id"] = "https://korex.dev/schema/document.json"
    schema["title"] = "korex Document"
    return schema


def json_schema_text() -> str:
    """`json_schema()` as indented JSON text."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2)
