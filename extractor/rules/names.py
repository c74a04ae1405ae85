"""Name shapes: which words before (or after) a title are a person's name, the way a reader tells.

A Korean name is one word of two to four syllables led by a surname (김정한, 남궁민수); a reader
takes it as a name in front of an organisation and a title even where Kiwi reads it as words (정한:
a determiner; 원삼: a verb). A transliterated name is a run of words (조 바이든, 압둘라 빈 하마드
알 사니, 응웬 치 빙) that Kiwi reads as proper nouns, but also as interjections, adverbs or verbs
(비건 → 비 + 건), since the syllables mean nothing in Korean. A run is a name when one of its words
is a proper noun or two of them read as nothing Korean; a lone common noun (정책 기획관), a
determiner (각 부처 장관) or a time word (오후 존 케리) is not part of it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, fields
from enum import Enum
from functools import cache

from extractor import gazetteer
from extractor.rules.words import HANGUL, Word, core_tags

#: Most words a name without an original in parentheses may have.
MAX_NAME_WORDS = 6


@dataclass(frozen=True)
class Cues:
    """Word lists of `person_cues.csv`, one set per kind (documented in gazetteers/README.md)."""

    surname: frozenset[str]
    modifier: frozenset[str]
    stop: frozenset[str]
    latin_honorific: frozenset[str]
    era: frozenset[str]
    name_particle: frozenset[str]
    portfolio: frozenset[str]
    caption: frozenset[str]
    body_suffix: tuple[str, ...]
    conjunction: frozenset[str]
    title_suffix: tuple[str, ...]
    pair: frozenset[str]
    region_suffix: tuple[str, ...]
    name_ending: tuple[str, ...]
    residence: frozenset[str]


@cache
def load_cues() -> Cues:
    """`person_cues.csv`, read once; suffix lists longest first."""
    kinds: dict[str, set[str]] = {field.name: set() for field in fields(Cues)}
    with (gazetteer.shipped_dir() / "person_cues.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] in kinds:
                kinds[row["kind"]].add(row["form"])
    suffixes = {field.name for field in fields(Cues) if str(field.type).startswith("tuple")}
    return Cues(
        **{
            kind: tuple(sorted(forms, key=len, reverse=True)) if kind in suffixes else frozenset(forms)
            for kind, forms in kinds.items()
        }
    )


class Shape(Enum):
    """How a word reads in a name's position."""

    PROPER = "proper"  # a proper noun, or a word of a name already found
    PLAIN = "plain"  # common nouns only (정책, 유리)
    ODD = "odd"  # tags no noun phrase has here: interjection, adverb, determiner (응웬 치 빙)
    VERB = "verb"  # a verb stem (비건 → 비/VV 건/EC, 찐/VV+ETM): inside or at the end of a name only
    PARTICLE = "particle"  # 빈, 알, 반: inside a transliterated name


@dataclass(frozen=True)
class Candidate:
    """A word that may be part of a name: its index, how it reads, its text in the name."""

    index: int
    shape: Shape
    text: str
    #: a determiner, an adverb or a bound noun after its word (각, 함께, 다음 주): never a name's first
    #: word, never what makes one
    determiner: bool


def korean_name(core: str, w: Word, cues: Cues, *, after_org: bool = False, placed: bool = False) -> bool:
    """A Korean name's shape: three syllables led by a surname (or four with a two-syllable one), not a
    word Kiwi knows as one common noun (이사회) nor one ending in a noun suffix (관계자), unless it
    stands between an organisation and a title (외교부 정하늘 국장), where only a name can. `placed` (an
    organisation stands between the word and its title, or before it) allows two syllables: 외교부 조명
    국장, 정한 외교부 국장."""
    if not HANGUL.match(core):
        return False
    led = (len(core) == 3 and core[0] in cues.surname) or (len(core) == 4 and core[:2] in cues.surname)
    short = placed and len(core) == 2 and core[0] in cues.surname and core not in cues.pair
    tags = core_tags(w)
    if not (led or short) or not tags or tags[0] in ("VV", "VA", "VX"):
        return False  # 이뤄지던: a verb
    return after_org or (tags != ["NNG"] and tags[-1] != "XSN")


def shape_of(
    ws: list[Word],
    i: int,
    text: str,
    cues: Cues,
    known: frozenset[str] | set[str],
    *,
    last: bool,
    particle: bool = False,
) -> Candidate | None:
    """How word `ws[i]` reads as part of a name, or None if it cannot be one: punctuation, a predicate, a
    pronoun, a stop word, or a word with a particle (김민준과 미국 대사: the title is not 김민준's),
    unless `particle` allows one on the name's last word (특사인 존 스미스는)."""
    w = ws[i]
    if w.punct or w.predicate:
        return None
    core = w.core(text)
    if core in cues.stop or core in cues.modifier or core in cues.era:
        return None
    tags = core_tags(w)
    misread = not tags and i > 0 and text[w.start - 1] == " " and not ws[i - 1].punct
    if misread:
        tags = ["UN"]  # 에로 read as two particles: after a space no particle stands alone, so a name
    if not tags or "NP" in tags:
        return None  # particles after a bracket (…’는), or a pronoun (우리 두 정상)
    trailing = w.tags[len(tags) :] if w.tags[: len(tags)] == tuple(tags) else ()
    verb_read = tags[0] in ("VV", "VA") and all(tag.startswith("E") for tag in trailing)
    whole = text[w.start : w.end]
    if verb_read or misread:
        written = whole  # 비건: the ending Kiwi saw is part of the name
    elif w.core_end == w.end or whole in known:
        written = whole  # 위도도 (Kiwi: 위도 + 도), a word of a name already found
    elif last and particle:
        written = core
    else:
        return None
    if not written or not HANGUL.match(written):
        return None
    if written in cues.name_particle:
        shape = Shape.PARTICLE
    elif "NNP" in tags or written in known:
        shape = Shape.PROPER
    elif verb_read:
        shape = Shape.VERB
    elif tags and all(tag == "NNG" for tag in tags):
        shape = Shape.PLAIN
    else:
        shape = Shape.ODD
    bound = tags == ["NNB"] and i > 0 and text[w.start - 1] == " " and not ws[i - 1].punct  # 다음 주
    return Candidate(i, shape, written, tags in (["MM"], ["MAG"]) or bound)


def accept_run(run: list[Candidate]) -> list[Candidate]:
    """The name among candidate words read right to left from the title: drop what cannot start a
    name (a verb stem, a determiner or adverb, a short common noun), then keep the run if a proper
    noun, two words no Korean reading fits (a verb stem or a leading determiner does: 수 있도록, 우리
    두), or one such word in a run of three (응우옌 쑤언 푹) make it a name, or if every word is a long
    common noun Kiwi does not know otherwise (트루트네프)."""
    run = list(run)
    while run and (
        run[-1].shape is Shape.VERB
        or run[-1].determiner
        or (run[-1].shape is Shape.PLAIN and len(run[-1].text) < 3)
    ):
        run.pop()
    if len(run) < 2 or run[0].shape is Shape.PARTICLE:
        return []
    proper = sum(c.shape is Shape.PROPER for c in run)
    odd = sum(c.shape is Shape.ODD and not (c.determiner and c is run[-1]) for c in run)
    plain_long = all(c.shape is Shape.PLAIN and len(c.text) >= 3 for c in run)
    return run if proper or odd >= 2 or (odd and len(run) >= 3) or plain_long else []
