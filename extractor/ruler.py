"""The gazetteer ruler: exact gazetteer forms found on Kiwi token boundaries.

Forms are looked up on the characters of the text, not on a re-tokenised phrase: a phrase
tokenised alone can split differently than in a sentence, so a match only has to start at a
token's start and end at a token's end. Keys drop whitespace, so `유엔 안보리` and `유엔안보리`
are one form. The tags of the first token keep common words out (수단 "means" is NNG, the
country 수단 is NNP).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractor import gazetteer
from extractor.gazetteer import Entry
from extractor.mentions import Mention, mentions, text_of
from extractor.models import EntityLabel, EntitySource
from extractor.tokenizer import SPACE_TAG

_TOKENS_KEY = "korex_tokens"
#: Longest gap of characters between two tokens a form may span (one space, or `·`-less joins).
_MAX_GAP = 2


def squash(text: str) -> str:
    """The lookup key of a form: its characters without whitespace."""
    return "".join(text.split())


@dataclass(frozen=True, slots=True)
class Hit:
    """One form found in a text: its character span and the entries it names."""

    start: int
    end: int
    entries: tuple[Entry, ...]


def first_tags(tag: str) -> str:
    """The tag of a token's first morpheme (`XSV+EP` → `XSV`)."""
    return tag.split("+", 1)[0]


class Lexicon:
    """Forms of gazetteer entries, matched leftmost-longest on token boundaries."""

    def __init__(
        self, entries: Iterable[Entry], *, start_tags: Iterable[str], inner_tags: Iterable[str]
    ) -> None:
        index: dict[str, list[Entry]] = {}
        for entry in entries:
            for form in entry.forms:
                key = squash(form)
                if key and entry not in index.setdefault(key, []):
                    index[key].append(entry)
        self.index = {key: tuple(found) for key, found in index.items()}
        self.prefixes = frozenset(key[:n] for key in self.index for n in range(1, len(key) + 1))
        self.initials = frozenset(key[0] for key in self.index)
        self.start_tags = frozenset(start_tags)
        self.inner_tags = frozenset(inner_tags)

    def __len__(self) -> int:
        return len(self.index)

    def _starts(self, tag: str, text: str, start: int) -> bool:
        """Whether a form may start here: on a start tag, or on a common noun for forms of three or
        more syllables (Kiwi tags rarer names NNG; the short ones are where common words collide)."""
        if text[start] not in self.initials:
            return False
        return tag in self.start_tags or (tag == "NNG" and "NNP" in self.start_tags)

    def find_in(
        self, text: str, tokens: Sequence[tuple[int, int, str]], candidates: Iterable[int] | None = None
    ) -> Iterator[Hit]:
        """Hits among `tokens` (`(start, end, first tag)` of each non-space token of `text`), trying
        only the token indexes in `candidates` (all, by default) as starts."""
        next_free = 0
        for i in range(len(tokens)) if candidates is None else candidates:
            if i < next_free:
                continue
            start, _, tag = tokens[i]
            if not self._starts(tag, text, start):
                continue
            hit, last = self._longest(text, tokens, i, strict=tag in self.start_tags)
            if hit is not None:
                yield hit
                next_free = last + 1

    def _longest(
        self, text: str, tokens: Sequence[tuple[int, int, str]], i: int, *, strict: bool = True
    ) -> tuple[Hit | None, int]:
        start = tokens[i][0]
        keys: list[tuple[str, int, int]] = []
        key = ""
        previous_end = start
        for j in range(i, len(tokens)):
            token_start, token_end, tag = tokens[j]
            gap = text[previous_end:token_start]
            if j > i and (len(gap) > _MAX_GAP or "\n" in gap or tag not in self.inner_tags):
                break
            key += squash(text[previous_end:token_end])
            if key not in self.prefixes:
                break
            keys.append((key, token_end, j))
            previous_end = token_end
        for key, end, j in reversed(keys):
            found = self.index.get(key)
            if found and (strict or end - start >= 3):
                return Hit(start, end, found), j
        return None, i


def tokens_of(doc: Doc) -> list[tuple[int, int, str]]:
    """`(start, end, first tag)` of each token that is not whitespace, built once per Doc."""
    found = doc.user_data.get(_TOKENS_KEY)
    if found is None:
        found = doc.user_data[_TOKENS_KEY] = [
            (t.idx, t.idx + len(t.text), first_tags(t.tag_)) for t in doc if t.tag_ != SPACE_TAG
        ]
    return found


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

    lexicons: dict[EntityLabel, Lexicon]

    def __post_init__(self) -> None:
        self.initials = frozenset().union(*(lexicon.initials for lexicon in self.lexicons.values()))

    def __call__(self, doc: Doc) -> Doc:
        text, tokens = text_of(doc), tokens_of(doc)
        candidates = [i for i, (start, _, _) in enumerate(tokens) if text[start] in self.initials]
        hits = [
            (label, hit)
            for label, lexicon in self.lexicons.items()
            for hit in lexicon.find_in(text, tokens, candidates)
        ]
        containers = [(label, hit) for label, hit in hits if label in (EntityLabel.LOCATION, EntityLabel.ORG)]
        found = mentions(doc)
        for label, hit in hits:
            entry = hit.entries[0]
            if label is EntityLabel.COUNTRY and _inside_other(hit, containers):
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


def _inside_other(country: Hit, hits: Iterable[tuple[EntityLabel, Hit]]) -> bool:
    """A country name inside a longer name that is not that country's (인도 in 인도-태평양, a region)."""
    code = country.entries[0].id
    return any(
        hit.start <= country.start
        and country.end <= hit.end
        and hit.end - hit.start > country.end - country.start
        and hit.entries[0].country != code
        for label, hit in hits
    )


def build_lexicons(entries: gazetteer.Gazetteer, labels: Iterable[EntityLabel]) -> dict[EntityLabel, Lexicon]:
    """One lexicon per label that has entries."""
    lexicons = {}
    for label in labels:
        of_label = entries.of(label)
        if of_label:
            lexicons[label] = Lexicon(of_label, start_tags=START_TAGS[label], inner_tags=_NOUNS)
    return lexicons


@Language.factory(
    "korex_gazetteer_ruler",
    default_config={"gazetteers": [], "labels": [label.value for label in START_TAGS]},
)
def make_gazetteer_ruler(
    nlp: Language, name: str, gazetteers: list[str], labels: list[str]
) -> GazetteerRuler:
    """Factory: the shipped gazetteers plus `gazetteers` (user folders that take precedence)."""
    entries = gazetteer.load(gazetteers)
    return GazetteerRuler(build_lexicons(entries, (EntityLabel(label) for label in labels)))
