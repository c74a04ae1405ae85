"""The fuzzy linker: gazetteer links, with rapidfuzz, for what the exact ruler misses.

Writers vary what the gazetteer lists: a dropped or changed syllable (`행정안정부` for
행정안전부, `한반도평화교섭분부` for 한반도평화교섭본부), another transliteration of a foreign
name (`마코 루비오` / `마르코 루비오`), a name Kiwi splits so the ruler cannot see it (`가미카와
요코` read as 가미카/와 요코). The linker runs after the rules and looks at two kinds of candidates:

- words and runs of up to three nouns (spaces ignored) that no mention covers (a country or place
  name may lie inside: 한반도 in 한반도평화교섭본부), whose last syllable is the head of at least
  three gazetteer forms of a label (부, 청, 위원회 → 회, 회담 → 담, 대사 → 사); a place is a single
  proper-noun word of four or more syllables. A link becomes a new mention with `source="fuzzy"`,
  the similarity as `score`, and never overlaps another mention.
- PERSON mentions the people rule found but could not link (`kb_id` is None): the name as found,
  the name widened by the word before it, and its southern spelling (`southern`: 로무현 → 노무현,
  리용호 → 이용호), which must match a form exactly. A link sets `kb_id`, the official's data and
  `score` on that mention (whose `source` becomes `"fuzzy"`: the link, not the span, is what a
  reader has to check); its short references (`루비오 장관`) get the same `kb_id` and score but keep
  `source="rule"`, as they do for exact links.

Strings are compared as decomposed jamo (`unicodedata.normalize("NFD")`), so one changed vowel
costs one jamo, not a whole syllable, and spaces are ignored on both sides. A link needs
`fuzz.ratio` ≥ `threshold` and a lead of `margin` over the best form of anything else (제3차관 is
as near 제1차관 as 제2차관: no link). Only forms with the same first jamo and head syllable are
compared (a different head is a different thing: 국방비 is a budget, not 국방부; a different
start is usually a prefix: 검찰청 is not 대검찰청), within the length window the threshold
allows. Candidates shorter than three syllables are never linked; nor are Korean names (three
syllables, no space), where one changed jamo is usually another person. Countries are left to
the exact ruler (오스트리아 / 오스트레일리아).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokens import Doc

from extractor import gazetteer
from extractor.gazetteer import Entry
from extractor.mentions import Mention, mentions
from extractor.models import EntityLabel, EntitySource
from extractor.ruler import jamo, squash
from extractor.rules.date_mentions import anchor_of
from extractor.rules.people import pick_official
from extractor.rules.words import HANGUL, Word, core_tags, words
from extractor.tokens import text_of

#: Similarity (0..1) a link needs, and its lead over the best form of any other entry.
THRESHOLD = 0.88
MARGIN = 0.05
#: Fewest syllables a candidate may have (a place: four, as three-syllable transliterations such
#: as 아크라 / 앙카라 are one jamo apart); a head syllable must end this many entries' forms.
MIN_SYLLABLES = 3
MIN_PLACE_SYLLABLES = 4
MIN_HEAD_ENTRIES = 3
#: Longest run of words one candidate may span (한일 차관 전략대화).
MAX_RUN = 3
#: Answers each label's index keeps before it starts afresh.
MEMO_SIZE = 100_000
#: Labels matched on word runs by their head syllable, and those matched on single proper nouns.
HEADED = (EntityLabel.ORG, EntityLabel.TITLE, EntityLabel.MEETING)
PLACE = EntityLabel.LOCATION
#: Tags of the words a run may hold before its last one: nouns, numbers and noun affixes.
_NOMINAL = frozenset({"NNG", "NNP", "NNB", "NR", "SN", "XPN", "XSN"})
#: Labels whose mentions may lie inside a candidate for a headed label (한반도 in 한반도평화교섭본부).
EMBEDDED = frozenset({EntityLabel.COUNTRY, EntityLabel.LOCATION})


@dataclass(frozen=True, slots=True)
class Target:
    """One gazetteer form (spaces dropped) and the entries it names."""

    form: str
    entries: tuple[Entry, ...]
    names: frozenset[str]


@dataclass(frozen=True, slots=True)
class Link:
    """The best target for a candidate string and its similarity (0..1)."""

    target: Target
    score: float


class _Bucket:
    """Targets sharing a head syllable, sorted by jamo length for the length window."""

    def __init__(self, targets: Iterable[tuple[str, Target]]) -> None:
        ordered = sorted(targets, key=lambda item: len(item[0]))
        self.keys = [key for key, _ in ordered]
        self.lengths = [len(key) for key in self.keys]
        self.targets = [target for _, target in ordered]

    def window(self, lo: int, hi: int) -> tuple[int, int]:
        """Index range of the targets whose jamo length is in `lo..hi`."""
        return bisect_left(self.lengths, lo), bisect_right(self.lengths, hi)


class LabelIndex:
    """The forms of one label as jamo strings, bucketed so a query meets only plausible forms: for
    bodies, titles and meetings the same first jamo and head syllable, for places the same first
    jamo, for people all forms (가미카와 / 카미카와 differ in the first jamo)."""

    def __init__(self, entries: Sequence[Entry], *, bucket: str) -> None:
        grouped: dict[str, list[Entry]] = {}
        for entry in entries:
            for form in entry.forms:
                key = squash(form)
                if len(key) >= 2 and entry not in grouped.setdefault(key, []):
                    grouped[key].append(entry)
        self.bucket = bucket
        buckets: dict[str, list[tuple[str, Target]]] = {}
        heads: dict[str, set[str]] = {}
        for form, found in grouped.items():
            target = Target(form, tuple(found), frozenset(_name(entry) for entry in found))
            buckets.setdefault(self._bucket(form), []).append((jamo(form), target))
            if HANGUL.match(form) and len(form) >= MIN_SYLLABLES:
                heads.setdefault(form[-1], set()).update(entry.id for entry in found)
        self.buckets = {key: _Bucket(items) for key, items in buckets.items()}
        #: Head syllables that end the forms of at least MIN_HEAD_ENTRIES entries.
        self.heads = frozenset(head for head, ids in heads.items() if len(ids) >= MIN_HEAD_ENTRIES)
        self.memo: dict[tuple[str, float, float], Link | None] = {}
        #: Every form as jamo: a string that is none of them has no link of similarity 1.
        self.exact = frozenset(key for bucket in self.buckets.values() for key in bucket.keys)

    def _bucket(self, key: str) -> str:
        """The bucket of a form or query (spaces already dropped)."""
        if self.bucket == "all":
            return ""
        initial = unicodedata.normalize("NFD", key[0])[0]
        return initial + key[-1] if self.bucket == "head" else initial

    def best(self, text: str, threshold: float, margin: float) -> Link | None:
        """The target `text` links to: similarity ≥ threshold and `margin` ahead of any other entry's.

        Answers are kept (up to `MEMO_SIZE` of them): the same words recur from one text to the next.
        """
        asked = (text, threshold, margin)  # as written: the key is squashed only for a new one
        link = self.memo.get(asked, _UNASKED)
        if link is _UNASKED:
            if len(self.memo) >= MEMO_SIZE:
                self.memo.clear()
            link = self.memo[asked] = self._best(squash(text), threshold, margin)
        return link

    def _best(self, key: str, threshold: float, margin: float) -> Link | None:
        bucket = self.buckets.get(self._bucket(key)) if key else None
        if bucket is None:
            return None
        query = jamo(key)
        floor = max(threshold - margin, 0.01)
        # ratio = 2·common / (a + b) ≤ 2·min(a, b) / (a + b): lengths outside this window cannot pass.
        n = len(query)
        first, last = bucket.window(int(n * floor / (2 - floor)), int(n * (2 - floor) / floor) + 1)
        if first >= last:
            return None
        found = process.extract(
            query,
            bucket.keys[first:last],
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=floor * 100,
            limit=None,
        )
        if not found:
            return None
        _, top, i = found[0]
        best = bucket.targets[first + i]
        if top < threshold * 100:
            return None
        for _, score, j in found[1:]:
            other = bucket.targets[first + j]
            if not (other.names & best.names):
                if top - score < margin * 100:
                    return None
                break
        return Link(best, top / 100)


#: What the memo holds for a string not asked before.
_UNASKED = object()


def _name(entry: Entry) -> str:
    """What an entry names: a person (one person has a row per office), else the row itself."""
    return f"en:{entry.en}" if entry.label is EntityLabel.PERSON and entry.en else entry.id


@cache
def indexes(folders: tuple[str, ...] = ()) -> dict[EntityLabel, LabelIndex]:
    """Per-label indexes of the shipped gazetteers plus `folders`, built once per process."""
    entries = gazetteer.load(folders)
    built = {label: LabelIndex(entries.of(label), bucket="head") for label in HEADED}
    built[PLACE] = LabelIndex(entries.of(PLACE), bucket="initial")
    built[EntityLabel.PERSON] = LabelIndex(entries.of(EntityLabel.PERSON), bucket="all")
    return built


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A span of text that may name a gazetteer entry, with its best link."""

    start: int
    end: int
    label: EntityLabel
    link: Link


class _Taken:
    """Characters covered by mentions, for cheap overlap tests. Country and place names are kept
    apart: a body's name may hold one (한반도 in 한반도평화교섭본부, 미국 in 미국 국무부)."""

    _HARD, _NAME = 1, 2

    def __init__(self, size: int, found: Iterable[Mention]) -> None:
        self.chars = bytearray(size)
        names: list[tuple[int, int]] = []
        hard = []
        for m in found:
            if m.label in EMBEDDED:
                names.append((m.start, m.end))
                self.chars[m.start : m.end] = _NAME_RUN * (m.end - m.start)
            else:
                hard.append(m)
        for m in hard:
            self.take(m.start, m.end)
        names.sort()
        self.name_starts = [a for a, _ in names]
        self.name_ends = [b for _, b in names]
        #: The furthest end of the names starting before each position in `names`.
        self.reach = list(accumulate(self.name_ends, max, initial=-1))

    def free(self, start: int, end: int, *, names_inside: bool = False) -> bool:
        """No mention covers any character of `start..end`; with `names_inside`, country and place
        names may, if they lie wholly inside it."""
        if self.chars.find(self._HARD, start, end) >= 0:
            return False
        if self.chars.find(self._NAME, start, end) < 0:
            return True
        return names_inside and self._names_within(start, end)

    def _names_within(self, start: int, end: int) -> bool:
        """No name crosses `start` or `end`: each one sharing characters with the span lies inside it."""
        first = bisect_left(self.name_starts, start)
        if self.reach[first] > start:
            return False
        return all(b <= end for b in self.name_ends[first : bisect_left(self.name_starts, end)])

    def take(self, start: int, end: int) -> None:
        """Mark `start..end` covered."""
        self.chars[start:end] = _HARD_RUN * (end - start)


#: One character's mark of each kind, repeated over a span.
_HARD_RUN, _NAME_RUN = bytes([_Taken._HARD]), bytes([_Taken._NAME])


@dataclass
class FuzzyLinker:
    """spaCy component: fuzzy gazetteer links for unlinked people and for words no mention covers."""

    indexes: dict[EntityLabel, LabelIndex]
    threshold: float = THRESHOLD
    margin: float = MARGIN

    def __post_init__(self) -> None:
        heads = {label: self.indexes[label].heads for label in HEADED}
        #: The headed labels (in `HEADED` order) whose forms each head syllable ends.
        self.labels_of = {
            head: tuple(label for label in HEADED if head in heads[label])
            for head in frozenset().union(*heads.values())
        }

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        if not text:
            return doc
        found = mentions(doc)
        ws = words(doc)
        taken = _Taken(len(text), found)
        self._people(text, anchor_of(doc), ws, found, taken)
        chosen = sorted(self._candidates(text, ws, taken), key=lambda c: (-c.link.score, c.start - c.end))
        for c in chosen:
            if not taken.free(c.start, c.end, names_inside=c.label in HEADED):
                continue
            taken.take(c.start, c.end)
            entry = c.link.target.entries[0]
            found.append(
                Mention(
                    c.label,
                    c.start,
                    c.end,
                    norm=entry.norm,
                    kb_id=entry.id,
                    source=EntitySource.FUZZY,
                    score=round(c.link.score, 3),
                    data={"entries": c.link.target.entries, "form": c.link.target.form},
                )
            )
        return doc

    def _link(self, label: EntityLabel, text: str) -> Link | None:
        return self.indexes[label].best(text, self.threshold, self.margin)

    def _candidates(self, text: str, ws: Sequence[Word], taken: _Taken) -> Iterator[_Candidate]:
        """Word runs ending in a label's head syllable, and lone proper nouns, that no mention covers."""
        labels_of = self.labels_of
        # Words with a core ending in a head syllable or long enough for a place, picked in one pass.
        chosen = [
            (i, w)
            for i, w in enumerate(ws)
            if not w.punct
            and w.core_end > w.start
            and (text[w.core_end - 1] in labels_of or w.core_end - w.start >= MIN_PLACE_SYLLABLES)
        ]
        for i, w in chosen:
            core = text[w.start : w.core_end]
            labels = labels_of.get(core[-1], ())
            place = len(core) >= MIN_PLACE_SYLLABLES and _proper_noun(w)
            if not (labels or place) or not HANGUL.match(core):
                continue
            for first in range(i, _run_start(text, ws, i) - 1, -1) if labels else ():  # shortest first
                start = ws[first].start
                key = core if first == i else squash(text[start : w.core_end])  # a core holds no space
                if len(key) < MIN_SYLLABLES or not taken.free(start, w.core_end, names_inside=True):
                    continue
                for label in labels:
                    link = self._link(label, key)
                    if link is not None:
                        yield _Candidate(start, w.core_end, label, link)
            if place and taken.free(w.start, w.core_end):
                link = self._link(PLACE, core)
                if link is not None:
                    yield _Candidate(w.start, w.core_end, PLACE, link)

    def _people(
        self, text: str, on: dt.date | None, ws: Sequence[Word], found: list[Mention], taken: _Taken
    ) -> None:
        """Link the people the rules named but could not link, widening a name Kiwi cut short."""
        starts: list[int] | None = None  # the words' starts, made when first needed
        for m in found:
            name = text[m.start : m.end]
            if m.label is not EntityLabel.PERSON or m.kb_id is not None or m.data.get("entries"):
                continue
            if m.data.get("name", name) != name:
                continue  # a short reference: linked with the full name it points at
            options = [(m.start, name)] if _person_like(name) else []
            south = southern(name)
            if south != name and jamo(south) in self.indexes[EntityLabel.PERSON].exact:
                options.append((m.start, south))  # 로무현 → 노무현, 리용호 → 이용호: exact only, below
            if starts is None:
                starts = [w.start for w in ws]
            i = bisect_left(starts, m.start)
            if 0 < i < len(starts) and starts[i] == m.start:
                before = ws[i - 1]
                word = text[before.start : before.end]
                if (
                    not before.punct
                    and text[before.end : m.start] == " "
                    and HANGUL.match(word)
                    and taken.free(before.start, before.end)
                ):
                    options.append((before.start, text[before.start : m.end]))
            best: tuple[int, str, Link] | None = None
            for start, option in options:
                link = self._link(EntityLabel.PERSON, option)
                if link is not None and option == south != name and link.score < 1.0:
                    continue  # a respelt name must match a form exactly
                if link is not None and (best is None or link.score > best[2].score):
                    best = (start, text[start : m.end], link)
            if best is None:
                continue
            start, full, link = best
            official = pick_official(link.target.entries, on)
            country = m.data.get("country")
            if country and official.country and country != official.country:
                continue
            taken.take(start, m.end)
            _attach(found, m, name, start, full, official, link)


#: Vowels before which a word-initial ㄹ or ㄴ is written ㅇ in the South (리 → 이, 녀 → 여).
_IOTATED = frozenset("\u1175\u1163\u1167\u116d\u1172\u1168")
#: Tense consonants North Korean spelling uses in foreign names, and the South's aspirated ones.
_TENSE = {"ᄁ": "ᄏ", "ᄄ": "ᄐ", "ᄈ": "ᄑ", "ᄍ": "ᄎ"}


@lru_cache(maxsize=65_536)
def southern(name: str) -> str:
    """The South Korean spelling of a North Korean one, word by word: an initial ㄹ as ㄴ or ㅇ (로무현 →
    노무현, 리용호 → 이용호, 량 → 양), an initial ㄴ before i or y as ㅇ (녀 → 여), and tense consonants as
    aspirated (뿌찐 → 푸친)."""
    out = []
    for word in name.split(" "):
        letters = list(word)  # only syllables change, each alone: nothing else is composed or split
        for k, syllable in enumerate(word):
            if not HANGUL.match(syllable):
                continue
            parts = unicodedata.normalize("NFD", syllable)
            lead, vowel = parts[0], parts[1]
            if k == 0 and lead == "ᄅ":
                lead = "ᄋ" if vowel in _IOTATED else "ᄂ"
            elif k == 0 and lead == "ᄂ" and vowel in _IOTATED:
                lead = "ᄋ"
            lead = _TENSE.get(lead, lead)
            letters[k] = unicodedata.normalize("NFC", lead + parts[1:])
        out.append("".join(letters))
    return " ".join(out)


def _proper_noun(w: Word) -> bool:
    """A word that is one proper noun before its particles (블라디보스토크에서): a place candidate."""
    return "NNP" in w.tags and core_tags(w) == ["NNP"]


def _run_start(text: str, ws: Sequence[Word], i: int) -> int:
    """Index of the first word of the longest run ending at word `i` (each word from it to `i` starts
    a run): Hangul nouns without particles joined by single spaces (never a verb: 위한 중국)."""
    first = i
    while first > 0 and i - first + 1 < MAX_RUN:
        before = ws[first - 1]
        if (
            before.punct
            or before.core_end != before.end
            or text[before.end : ws[first].start] != " "
            or not HANGUL.match(text[before.start : before.end])
            or not all(tag in _NOMINAL for tag in before.tags)
        ):
            break
        first -= 1
    return first


def _person_like(name: str) -> bool:
    """A name the linker may compare: a foreign name (a space, or four or more syllables); Korean
    names are too short for a one-jamo change to be a variant rather than another person."""
    key = squash(name)
    return len(key) >= MIN_SYLLABLES and (" " in name.strip() or len(key) >= 4)


def _attach(
    found: list[Mention], m: Mention, name: str, start: int, full: str, official: Entry, link: Link
) -> None:
    """Set the official on the person mention (widened to `start`) and on its short references."""
    score = round(link.score, 3)
    details = {
        "name_en": official.en,
        "name_original": m.data.get("name_original") or official.attrs.get("name_original") or None,
        "country": m.data.get("country") or official.country,
        "title": m.data.get("title") or official.attrs.get("title") or None,
        "entries": link.target.entries,
        "form": link.target.form,
    }
    for other in found:
        if other.label is not EntityLabel.PERSON or other.kb_id is not None:
            continue
        if other is not m and other.data.get("person") != name:
            continue
        other.kb_id = official.id
        other.score = score
        other.data.update(details)
        other.data["person"] = full
        if other is m:
            other.start = start
            other.source = EntitySource.FUZZY
            other.norm = full
            other.data["name"] = full
        elif other.data.get("name") == name:
            other.data["name"] = full
            other.norm = full


@Language.factory("korex_linker", default_config={"gazetteers": [], "threshold": THRESHOLD, "margin": MARGIN})
def make_linker(
    nlp: Language, name: str, gazetteers: list[str], threshold: float, margin: float
) -> FuzzyLinker:
    """Factory: the fuzzy linker over the shipped gazetteers plus `gazetteers` (user folders)."""
    return FuzzyLinker(indexes(tuple(gazetteers)), threshold, margin)
