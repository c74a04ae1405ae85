"""The gazetteer ruler: exact gazetteer forms found on Kiwi token boundaries.

Forms are looked up on the characters of the text, not on a re-tokenised phrase: a phrase
tokenised alone can split differently than in a sentence, so a match only has to start at a
token's start and end at a token's end. Keys drop whitespace, so `유엔 안보리` and `유엔안보리`
are one form. The tags of the first token keep common words out (수단 "means" is NNG, the
country 수단 is NNP).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from extractor import gazetteer
from extractor.gazetteer import Entry
from extractor.mentions import ByStart, Mention, mentions
from extractor.models import EntityLabel, EntitySource
from extractor.tokens import table_of

#: Longest gap of characters between two tokens a form may span (one space, or `·`-less joins).
_MAX_GAP = 2


def squash(text: str) -> str:
    """The lookup key of a form: its characters without whitespace."""
    return "".join(text.split())


def jamo(text: str) -> str:
    """The comparison key of a string: without whitespace, Hangul syllables decomposed to jamo."""
    return unicodedata.normalize("NFD", squash(text))


def _key(piece: str) -> str:
    """`squash`, skipped for the usual piece that holds only letters."""
    return piece if piece.isalnum() else squash(piece)


class Hit(NamedTuple):
    """One form found in a text: its character span and the entries it names (a tuple: a page holds
    thousands)."""

    start: int
    end: int
    entries: tuple[Entry, ...]


class Lexicon:
    """Forms of gazetteer entries of every label, matched leftmost-longest per label on token
    boundaries: one walk along the tokens from each start serves all labels."""

    def __init__(
        self,
        entries: dict[EntityLabel, Iterable[Entry]],
        *,
        start_tags: dict[EntityLabel, Iterable[str]],
        inner_tags: Iterable[str],
    ) -> None:
        index: dict[str, dict[EntityLabel, list[Entry]]] = {}
        for label, of_label in entries.items():
            for entry in of_label:
                for form in entry.forms:
                    key = squash(form)
                    found = index.setdefault(key, {}).setdefault(label, []) if key else None
                    if found is not None and entry not in found:
                        found.append(entry)
        self.labels = tuple(entries)
        self.index = {
            key: {label: tuple(found) for label, found in by_label.items()} for key, by_label in index.items()
        }
        self.prefixes = frozenset(key[:n] for key in self.index for n in range(1, len(key) + 1))
        self.inner_tags = frozenset(inner_tags)
        self.starters = _starters({label: frozenset(start_tags[label]) for label in self.labels})

    def __len__(self) -> int:
        return len(self.index)

    def find(self, text: str, tokens: Sequence[tuple[int, int, str]]) -> list[tuple[EntityLabel, Hit]]:
        """Hits among `tokens` (`(start, end, first tag)` of each non-space token of `text`), label by
        label in the order the lexicon was given them, each label's in text order."""
        hits: dict[EntityLabel, list[Hit]] = {label: [] for label in self.labels}
        next_free = dict.fromkeys(self.labels, 0)
        all_free = 0  # the first token from which no label is held by a hit
        starters, prefixes, index = self.starters, self.prefixes, self.index
        # The tokens a form may start on, picked in one pass before the walk from each: a piece found
        # among the keys' prefixes as it stands holds no whitespace, so only other pieces are squashed.
        firsts = [
            (i, start, key)
            for i, (start, end, tag) in enumerate(tokens)
            if tag in starters
            and (
                (key := text[start:end]) in prefixes
                or (not key.isalnum() and (key := squash(key)) in prefixes)
            )
        ]
        for i, start, first in firsts:
            of_tag = starters[tokens[i][2]]
            if i >= all_free:
                live = dict(of_tag)
            else:
                live = {label: strict for label, strict in of_tag if i >= next_free[label]}
                if not live:
                    continue
            for key, key_end, last in reversed(self._keys(text, tokens, i, first)):  # longest first
                for label, found in index[key].items():
                    if label in live and (live[label] or key_end - start >= 3):
                        hits[label].append(Hit(start, key_end, found))
                        next_free[label] = last + 1
                        all_free = max(all_free, last + 1)
                        del live[label]
                if not live:
                    break
        return [(label, hit) for label in self.labels for hit in hits[label]]

    def _keys(
        self, text: str, tokens: Sequence[tuple[int, int, str]], i: int, key: str
    ) -> list[tuple[str, int, int]]:
        """The forms of any label that start on token `i` (whose own key is `key`), shortest first, as
        `(key, end, last token)`."""
        index, prefixes, inner_tags = self.index, self.prefixes, self.inner_tags
        previous_end = tokens[i][1]
        keys = [(key, previous_end, i)] if key in index else []
        for j in range(i + 1, len(tokens)):
            token_start, token_end, tag = tokens[j]
            if token_start - previous_end > _MAX_GAP or tag not in inner_tags:
                break
            if token_start > previous_end and "\n" in text[previous_end:token_start]:
                break
            key += _key(text[token_start:token_end])  # what lies between tokens is whitespace
            if key not in prefixes:
                break
            if key in index:
                keys.append((key, token_end, j))
            previous_end = token_end
        return keys


def _starters(
    start_tags: dict[EntityLabel, frozenset[str]],
) -> dict[str, tuple[tuple[EntityLabel, bool], ...]]:
    """For each tag, the labels whose forms may start on it and whether strictly: a label that starts
    on proper nouns also starts on a common noun for forms of three or more syllables (Kiwi tags rarer
    names NNG; the short ones are where common words collide)."""
    tags = {tag for tags in start_tags.values() for tag in tags} | {"NNG"}
    starters: dict[str, tuple[tuple[EntityLabel, bool], ...]] = {}
    for tag in tags:
        allowed = tuple(
            (label, tag in of_label)
            for label, of_label in start_tags.items()
            if tag in of_label or (tag == "NNG" and "NNP" in of_label)
        )
        if allowed:
            starters[tag] = allowed
    return starters


#: Tags a form may start on / continue over, per label. Names of places, countries and people
#: start on a proper noun (or Latin, Hanja); bodies, titles and meeting terms on common nouns too.
_NOUNS = ("NNP", "NNG", "NNB", "NR", "SL", "SH", "SN", "XPN", "XSN", "SO", "SP", "SW", "SSO", "SSC", "UN")
START_TAGS: dict[EntityLabel, tuple[str, ...]] = {
    EntityLabel.COUNTRY: ("NNP", "SL", "SH"),
    EntityLabel.LOCATION: ("NNP", "SL", "SH"),
    EntityLabel.PERSON: ("NNP", "NNG", "SL", "SH"),
    EntityLabel.ORG: ("NNP", "NNG", "SL", "SH", "XPN"),
    EntityLabel.TITLE: ("NNP", "NNG", "XPN", "SL"),
    EntityLabel.MEETING: ("NNP", "NNG", "SL", "XPN"),
}


@dataclass
class GazetteerRuler:
    """spaCy component: gazetteer forms of every label as mentions with `kb_id` and `norm`."""

    lexicon: Lexicon

    def __call__(self, doc: Doc) -> Doc:
        table = table_of(doc)
        text = table.text
        hits = self.lexicon.find(text, table.solid)
        containers = ByStart(hit for label, hit in hits if label in _CONTAINERS)
        found = mentions(doc)
        for label, hit in hits:
            entry = hit.entries[0]
            if label is EntityLabel.COUNTRY and _held_by_other(hit, containers):
                continue
            found.append(
                Mention(
                    label,
                    hit.start,
                    hit.end,
                    norm=entry.norm,
                    kb_id=entry.id,
                    source=EntitySource.GAZETTEER,
                    data={"entries": hit.entries},
                )
            )
        return doc


#: Labels of the longer names a country name may lie inside.
_CONTAINERS = (EntityLabel.LOCATION, EntityLabel.ORG)


def _held_by_other(country: Hit, containers: ByStart[Hit]) -> bool:
    """A country name inside a longer name that is not that country's (인도 in 인도-태평양, a region)."""
    code = country.entries[0].id
    return any(
        hit.end - hit.start > country.end - country.start and hit.entries[0].country != code
        for hit in containers.holding(country.start, country.end)
    )


def build_lexicon(entries: gazetteer.Gazetteer, labels: Iterable[EntityLabel]) -> Lexicon:
    """The lexicon of these labels' entries."""
    chosen = [label for label in labels if entries.of(label)]
    return Lexicon(
        {label: entries.of(label) for label in chosen},
        start_tags={label: START_TAGS[label] for label in chosen},
        inner_tags=_NOUNS,
    )


@Language.factory(
    "korex_gazetteer_ruler",
    default_config={"gazetteers": [], "labels": [label.value for label in START_TAGS]},
)
def make_gazetteer_ruler(
    nlp: Language, name: str, gazetteers: list[str], labels: list[str]
) -> GazetteerRuler:
    """Factory: the shipped gazetteers plus `gazetteers` (user folders that take precedence)."""
    entries = gazetteer.load(gazetteers)
    return GazetteerRuler(build_lexicon(entries, (EntityLabel(label) for label in labels)))
