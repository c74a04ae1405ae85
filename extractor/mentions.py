"""Entity mentions found by the pipeline's components, kept on the spaCy Doc.

A mention is a character span of `doc.text` with a label, so it can be finer than a token
(the 미 of 한미일 names one country) or overlap another (일본 inside 일본 외무성). Components
append to `doc._.mentions`; `records.py` turns them into `Entity` records.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import Any, Generic, Protocol, TypeVar

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


class Spanned(Protocol):
    """Anything with a character span: a mention, a gazetteer hit."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)


class ByStart(Generic[S]):
    """Spans sorted by start, so those holding, or lying in, a span are found by bisection rather than
    a pass over all of them (a long page holds thousands)."""

    def __init__(self, spans: Iterable[S]) -> None:
        given = list(spans)
        #: Each span's place in the order given, in start order (sorting is stable).
        self.order = sorted(range(len(given)), key=lambda i: given[i].start)
        self.spans = [given[i] for i in self.order]
        self.starts = [span.start for span in self.spans]

    @cached_property
    def longest(self) -> int:
        """The length of the longest span (worked out on first use: only some queries need it)."""
        return max((span.end - span.start for span in self.spans), default=0)

    @cached_property
    def reach(self) -> list[int]:
        """The furthest end of the spans up to each one, in start order (worked out on first use)."""
        return list(accumulate((span.end for span in self.spans), max))

    def starting(self, low: int, high: int) -> list[S]:
        """The spans starting in `low..high` (both included), in start order."""
        return self.spans[bisect_left(self.starts, low) : bisect_right(self.starts, high)]

    def holding(self, start: int, end: int) -> list[S]:
        """The spans holding `start..end` (starting at or before it, ending at or after it), by start."""
        return [span for span in self.starting(end - self.longest, start) if span.end >= end]

    def holds(self, start: int, end: int) -> bool:
        """Whether any span holds `start..end`."""
        k = bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] >= end

    def inside(self, start: int, end: int) -> list[S]:
        """The spans lying within `start..end`, in the order given."""
        first, last = bisect_left(self.starts, start), bisect_right(self.starts, end)
        chosen = [k for k in range(first, last) if self.spans[k].end <= end]
        return [self.spans[k] for k in sorted(chosen, key=self.order.__getitem__)]


if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", getter=mentions)
