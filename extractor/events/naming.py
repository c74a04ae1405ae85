"""Round and name: where a meeting's name begins before its term (제15차 한일 차관전략대화), its round,
and the series a document is about.

The name runs back from the term over a round, a year, level words (국장급), country words, bodies
and `name_word` cues; a place in front says where the meeting is (함부르크 G20 정상회의), not which.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.events import cues
from extractor.events.clauses import Sentence
from extractor.events.draft import Draft
from extractor.mentions import Mention
from extractor.models import EntityLabel, EventType

ROUND = re.compile(r"제\s*(\d{1,3})\s*차")
_YEAR = re.compile(r"^(19|20)\d{2}$")
_LEVEL = re.compile(r"^[가-힣]+급$")
#: Mentions that may make up a meeting's name: 한미일, APEC, 뮌헨(안보회의), 정상회의 (공동선언).
_NAMING = frozenset({EntityLabel.COUNTRY, EntityLabel.ORG, EntityLabel.LOCATION, EntityLabel.MEETING})
#: A country joined to a partner by these (한-아프리카, 한·아세안) names a relation.
JOINERS = frozenset("-·ㆍ・")
#: Types that are acts rather than named meetings: the words before them (일본 방문, 정상 간 통화)
#: say where or who, and their records carry no name.
_ACTS = frozenset({EventType.PHONE_CALL, EventType.COURTESY_CALL, EventType.VISIT})


def name_start(text: str, sentence: Sentence, trigger: Mention, local: Sequence[Mention]) -> int:
    """Where the meeting's name begins: 제15차, a year, country words and bodies before the term."""
    named = [
        (m.start, m.end)
        for m in local
        if m.label in _NAMING and m.end > sentence.start_char and m.start < trigger.start
    ]
    start = trigger.start
    position = trigger.start
    while position > sentence.start_char:
        word_end = position
        while word_end > sentence.start_char and text[word_end - 1] == " ":
            word_end -= 1
        if word_end > sentence.start_char and text[word_end - 1].isspace():
            break
        word_start = word_end
        while word_start > sentence.start_char and not text[word_start - 1].isspace():
            word_start -= 1
        word = text[word_start:word_end]
        if not word or word.startswith("[") or not _name_word(word, word_start, word_end, named):
            break
        start = word_start
        position = word_start
    if (
        start < trigger.start
        and text[start : trigger.start].strip()
        and not specific(text[start : trigger.start])
    ):
        return trigger.start
    return start


def _name_word(word: str, start: int, end: int, named: Sequence[tuple[int, int]]) -> bool:
    """A word that may stand in a meeting's name: a round, a year, a level, a `name_word` cue, or one
    covered by a country, body, place or meeting mention."""
    if ROUND.fullmatch(word.replace(" ", "")) or _YEAR.match(word) or _LEVEL.match(word):
        return True
    if word in cues.words("name_word"):
        return True
    covered = {i for a, b in named for i in range(max(a, start), min(b, end))}
    if start not in covered:
        return False
    head = start
    while head in covered:
        head += 1
    rest = word[head - start :]
    joined = rest[:1] in JOINERS
    return joined or all(i in covered or not ch.isalnum() or ch.isascii() for i, ch in enumerate(rest, head))


def specific(prefix: str) -> bool:
    """A name prefix says which meeting it is when it holds more than a level word (국장급)."""
    words = prefix.split()
    return bool(words) and not all(_LEVEL.match(w) or w in cues.words("name_word") for w in words)


def name_and_round(text: str, draft: Draft, local: Sequence[Mention]) -> None:
    """The round and the name of a meeting written with a name before its term (acts carry none)."""
    written = text[_name_after_place(text, draft.name_start, draft.trigger, local) : draft.trigger.end]
    rounds = ROUND.search(written)
    draft.round = (int(rounds.group(1)) or None) if rounds else None  # 제0차 is no round
    draft.name = None if draft.type in _ACTS else written


def _name_after_place(text: str, start: int, trigger: Mention, local: Sequence[Mention]) -> int:
    """Where the name begins once a leading place is left out: a city (함부르크 G20 정상회의) or a
    country before one of its cities (독일 뮌헨안보회의) says where the meeting is, unless the rest
    would no longer say which meeting it is (서울 안보대화)."""
    word_end = text.find(" ", start, trigger.start)
    if word_end == -1:
        return start
    rest = word_end + len(text[word_end : trigger.start]) - len(text[word_end : trigger.start].lstrip())
    exact = {m.label for m in local if m.start == start and m.end == word_end}
    city_next = any(m.label is EntityLabel.LOCATION and m.start == rest for m in local)
    place = EntityLabel.LOCATION in exact or (EntityLabel.COUNTRY in exact and city_next)
    if place and rest < trigger.start and specific(text[rest : trigger.start]):
        return rest
    return start


def series(drafts: Sequence[Draft]) -> Draft | None:
    """The series the document is about: its first event with a round."""
    return next((d for d in drafts if d.round), None)
