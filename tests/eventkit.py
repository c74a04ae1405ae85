"""What the event tests share: a document's events, and those of one type."""

from __future__ import annotations

import extractor
from extractor.models import Event, EventType


def events(ex: extractor.Extractor, text: str, doc_date: str | None = "2025-03-14") -> list[Event]:
    """The events of `text`, as in a release dated 14 March 2025 unless told otherwise."""
    return ex.extract(text, doc_date=doc_date).events


def of_type(found: list[Event], kind: EventType) -> list[Event]:
    """The events of one type, in order."""
    return [e for e in found if e.type is kind]


#: An envoy sent abroad, then a visit and a courtesy call on the trip (dates in the sentences).
ENVOY = (
    "정부는 9.3.(수) 김태호 전 국회의장을 대통령 특사로 베트남에 파견하였다.\n\n"
    "특사단은 9.5.(금) 하노이를 방문하여 베트남 국가주석을 예방하고 대통령 친서를 전달하였다."
)
