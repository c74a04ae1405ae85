"""The cue words the event stages read around a meeting term, kept as data in `event_cues.csv`.

Each row is a form and its kind: predicates that report an event (`held`, `attended`, `issued`,
`signed`), words that make one background (`occasion`, `after`, `before`), words that split it
(`respectively`), and so on; `gazetteers/README.md` lists every kind.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache

from extractor import gazetteer


@dataclass(frozen=True)
class Cues:
    """Predicate stems by kind (held, attended, issued, signed, via, occasion, after, before, pair)."""

    kinds: dict[str, frozenset[str]]
    #: Each form's kind (the first listed where a form has several), for one lookup per word.
    by_form: dict[str, str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        by_form: dict[str, str] = {}
        for kind, forms in self.kinds.items():
            for form in forms:
                by_form.setdefault(form, kind)
        object.__setattr__(self, "by_form", by_form)

    def kind_of(self, lemma: str) -> str | None:
        """The kind of a predicate stem, or None."""
        return self.by_form.get(lemma)


@cache
def load_cues() -> Cues:
    """`event_cues.csv`, read once per process."""
    kinds: dict[str, set[str]] = {}
    with (gazetteer.shipped_dir() / "event_cues.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            kinds.setdefault(row["kind"], set()).add(row["form"])
    return Cues({kind: frozenset(forms) for kind, forms in kinds.items()})


@cache
def words(kind: str) -> frozenset[str]:
    """The forms of one kind (empty if the file has none); cached, as rules ask for them per word."""
    return load_cues().kinds.get(kind, frozenset())


@cache
def any_of(*kinds: str) -> frozenset[str]:
    """The forms of any of several kinds, united once per process."""
    return frozenset().union(*(words(kind) for kind in kinds))


@cache
def endings(kind: str) -> tuple[str, ...]:
    """The forms of one kind as a tuple, for `str.endswith` (particles that end a word)."""
    return tuple(sorted(words(kind)))


@cache
def first_of(kind: str) -> frozenset[str]:
    """The forms whose kind (`kind_of`: the first listed) is `kind`, for a test per word in a loop."""
    return frozenset(form for form, first in load_cues().by_form.items() if first == kind)


def kind_of(form: str) -> str | None:
    """The kind of a form, or None."""
    return load_cues().by_form.get(form)
