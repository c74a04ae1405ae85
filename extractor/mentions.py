"""Entity mentions found by the pipeline's components, kept on the spaCy Doc.

A mention is a character span of `doc.text` with a label, so it can be finer than a token
(the 미 of 한미일 names one country) or overlap another (일본 inside 일본 외무성). Components
append to `doc._.mentions`; `records.py` turns them into `Entity` records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from extractor.models import EntityLabel, EntitySource

_KEY = "korex_mentions"


@dataclass(slots=True)
class Mention:
    """One labelled character span of a Doc's text, with what it was linked to."""

    label: EntityLabel
    start: int
    end: int
    norm: str | None = None
    kb_id: str | None = None
    source: EntitySource = EntitySource.RULE
    score: float = 1.0
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def country(self) -> str | None:
        """The country the mention belongs to: set by a rule, else its gazetteer row's."""
        if self.data.get("country"):
            return self.data["country"]
        entries = self.data.get("entries") or ()
        return entries[0].country if entries else None


def mentions(doc: Doc) -> list[Mention]:
    """The Doc's mention list (created empty on first access), in the order found."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = []
    return found


def covered(doc: Doc, label: EntityLabel) -> list[tuple[int, int]]:
    """Character spans already taken by mentions of `label`, for components that must not overlap them."""
    return [(m.start, m.end) for m in mentions(doc) if m.label == label]


if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", getter=mentions)
