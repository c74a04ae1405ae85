"""Round and name: where a meeting's name begins before its term (제15차 한일 차관전략대화), its round,
and the series a document is about.

The name runs back from the term over the rest of its word (중동정책협의회), a round, a year, level
words (국장급), country words, bodies and `name_word` cues, and over plain nouns that lead back to a
country or a round (제7차 한-노르웨이 조선협력 공동위원회), and for a document over the plain nouns of
its field (산업·교통 협력 양해각서); a name in quotes is the quoted text
(‘제17차 한-러 경제공동위원회’). A place in front says where the meeting is (함부르크 G20 정상회의),
not which.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import islice

from extractor.events import cues
from extractor.events.clauses import Sentence
from extractor.events.draft import Draft
from extractor.events.labels import Label, Type
from extractor.mentions import Mention
from extractor.tokens import TokenTable

#: A round: 제15차, 제 6차, 제10회, or 6차 without 제 (not 제1차관, not 3차례).
ROUND = re.compile(r"제\s*(\d{1,3})\s*(?:차|회)(?![관례의담])|(?<![\d제])(\d{1,3})차(?![관례])")
_YEAR = re.compile(r"^(19|20)\d{2}$")
#: A session's number in the abbreviation closing a conference's name: (COP21), (CMP 11).
_SESSION = re.compile(r"\((?:COP|CMP|MOP)\s?(\d{1,3})\)$")
_LEVEL = re.compile(r"^[가-힣]+급$")
#: Mentions that may make up a meeting's name: 한미일, APEC, 뮌헨(안보회의), 정상회의 (공동선언).
_NAMING = frozenset({Label.COUNTRY, Label.ORG, Label.LOCATION, Label.MEETING})
#: A country joined to a partner by these (한-아프리카, 한·아세안) names a relation.
JOINERS = frozenset("-·ㆍ・‧")
#: Quotes that open and close a name written in them, each opening with its closing forms.
_QUOTES = {"'": "'", "‘": "’'", '"': '"', "“": '”"', "「": "」", "『": "』"}
_CLOSING = frozenset("'’\"”」』")
#: What ends a wire dateline glued to the text that follows it (서울--(코리아와이어)--).
_DATELINE_END = "--"
#: What may stand between a term and the quote closing its name: a short abbreviation (MOU) or the
#: close of one the term stands in (양해각서(MOU)’).
_BEFORE_CLOSE = re.compile(r"^(\([^()'’\"”]{1,30}\)|\))?(?=['’\"”」』])")
#: An abbreviation in parentheses, which a quoted name keeps (양해각서(MOU)); a translation it does not.
ABBREVIATION = re.compile(r"\([A-Z][A-Z0-9+]{1,7}\)")
#: Tags of the words that are plain nouns (방산협력, 중동): no particle, no ending.
_NOUN_TAGS = frozenset({"NNG", "NNP", "SL", "SN", "SH", "XSN", "XPN"})
#: Plain nouns that may stand in a name on the way back to a country or a round.
_MAX_PLAIN = 2
#: Words a name may hold before its term (the longest written ones hold about eight): the run back
#: stops there, so a page repeating a name hundreds of times costs each term a few words, not the page.
_MAX_WORDS = 12
#: Types that are acts rather than named meetings: the words before them (일본 방문, 정상 간 통화)
#: say where or who, and their records carry no name.
_ACTS = frozenset({Type.PHONE_CALL, Type.COURTESY_CALL, Type.VISIT})


def name_start(table: TokenTable, sentence: Sentence, trigger: Mention, local: Sequence[Mention]) -> int:
    """Where the meeting's name begins: the quote opening it, or 제15차, a year, country words and
    bodies before the term."""
    text = table.text
    if text[trigger.start - 1 : trigger.start] == "(" and trigger.start > sentence.start_char:
        return trigger.start  # 양해각서(MOU): an abbreviation of the term before names nothing new
    quoted = _quote_open(text, sentence, trigger)
    if quoted is not None:
        return quoted if specific(text[quoted : trigger.start]) else trigger.start
    start = _glued_start(text, sentence, trigger, local)
    if start == trigger.start > sentence.start_char and not text[start - 1].isspace():
        return start  # glued to what is no name (정상회담·업무오찬, 양해각서(MOU)
    named = [
        (m.start, m.end)
        for m in local
        if m.label in _NAMING and m.end > sentence.start_char and m.start < trigger.start
    ]
    people = [
        (m.start, m.end, m.label is Label.TITLE)
        for m in local
        if m.label in (Label.PERSON, Label.TITLE, Label.DATE)
    ]
    plain = 0
    document = trigger.data["entries"][0].attrs.get("event_type") == Type.AGREEMENT.value
    for word_start, word_end in islice(_words_before(text, sentence.start_char, start), _MAX_WORDS):
        cut = text.rfind(_DATELINE_END, word_start, word_end)
        if cut != -1:  # 서울--(코리아와이어)--제3차 …: the name opens after the dateline
            word_start = cut + len(_DATELINE_END)
        opened = cut != -1 or text[word_start] in _QUOTES  # ‘제15차 …: the name opens with its quote
        word_start += text[word_start] in _QUOTES
        word = text[word_start:word_end]
        if word == "제" and ROUND.match(text[word_start : trigger.start]):
            start = word_start  # 제 6차: a round written with a space
        elif _particle_ends(table, word_start, word_end) or word in _no_name_words():
            break  # 캐나다·이탈리아와는 양자회담: an argument; 이번 양해각서: the one named before
        elif _name_word(word, word_start, word_end, named) and (
            not plain or _anchor(word, word_start, local)
        ):
            start, plain = word_start, 0
        elif document and plain <= _MAX_PLAIN and _plain_noun(table, word_start, word_end, people):
            start, plain = word_start, plain + 1  # 산업·교통 협력 양해각서: a document named by its field
        elif plain < _MAX_PLAIN and _plain_noun(table, word_start, word_end, people):
            anchor = _anchor(word, word_start, local)
            start, plain = (word_start, 0) if anchor else (start, plain + 1)
        else:
            break
        if opened:
            break
    if (
        start < trigger.start
        and text[start : trigger.start].strip()
        and not specific(text[start : trigger.start])
    ):
        return trigger.start
    return start


def _no_name_words() -> frozenset[str]:
    """Words that end a name's run back: a demonstrative (이번 양해각서), a clause of circumstance's
    close (참석한 가운데 … 협정)."""
    return cues.any_of("demonstrative", "amid")


def _particle_ends(table: TokenTable, start: int, end: int) -> bool:
    """The word ends in a particle (와는, 과, 을): it is an argument of the clause."""
    tokens = table.within(start, end)
    return bool(tokens) and table.heads[tokens[-1]].startswith("J") and table.ends[tokens[-1]] == end


def _words_before(text: str, floor: int, position: int) -> Iterator[tuple[int, int]]:
    """The words of one line before `position`, nearest first, as (start, end)."""
    while position > floor:
        end = position
        while end > floor and text[end - 1] == " ":
            end -= 1
        if end == floor or text[end - 1].isspace():
            return
        start = end
        while start > floor and not text[start - 1].isspace():
            start -= 1
        yield start, end
        position = start


def _glued_start(text: str, sentence: Sentence, trigger: Mention, local: Sequence[Mention]) -> int:
    """Where the word holding the term begins when the term ends a compound (중동정책협의회,
    한일의원연맹 합동총회): letters and joiners glued before it that hold no other meeting term."""
    start = trigger.start
    while start > sentence.start_char and (
        text[start - 1].isalnum() or text[start - 1] in JOINERS or text[start - 1] == "+"
    ):
        start -= 1
    while start < trigger.start and text[start] in JOINERS:
        start += 1
    if start == trigger.start or text[trigger.start - 1] in JOINERS:
        return trigger.start
    if any(m.label is Label.MEETING and start <= m.start and m.end <= trigger.start for m in local):
        return trigger.start  # 정상회담·업무오찬: two terms, not one name
    return start


def _quote_open(text: str, sentence: Sentence, trigger: Mention) -> int | None:
    """Where a name written in quotes begins (‘제5차 한-칠레 정책협의회’가): just after the quote
    that the term closes, when nothing else is quoted between."""
    if not _BEFORE_CLOSE.match(text[trigger.end : trigger.end + 40]):
        return None
    for position in range(trigger.start - 1, max(sentence.start_char, trigger.start - 80) - 1, -1):
        char = text[position]
        if char in ".?!":
            return None
        if char in _QUOTES:
            return position + 1 if position + 1 < trigger.start else None
        if char in _CLOSING or char == "\n":
            return None
    return None


def name_end(text: str, trigger: Mention, local: Sequence[Mention]) -> int:
    """Where a meeting's name ends: after a term glued to its own (안보협의회의) and an abbreviation
    in parentheses (무역투자촉진프레임워크(TIPF), 양해각서(MOU)), not after a translation."""
    end = max(
        (m.end for m in local if m.label is Label.MEETING and m.start == trigger.end),
        default=trigger.end,
    )
    abbreviation = ABBREVIATION.match(text, end)
    return abbreviation.end() if abbreviation else end


def _anchor(word: str, start: int, local: Sequence[Mention]) -> bool:
    """A word that plain nouns of a name lead back to: a round, a year, or a relation of countries
    (한-호주, 한일의원연맹)."""
    if ROUND.fullmatch(word) or _YEAR.match(word):
        return True
    end = start + len(word)
    countries = [m for m in local if m.label is Label.COUNTRY and start <= m.start and m.end <= end]
    return len(countries) >= 2 or any(m.end < end and word[m.end - start] in JOINERS for m in countries)


def _plain_noun(table: TokenTable, start: int, end: int, people: Sequence[tuple[int, int, bool]]) -> bool:
    """A word of nouns only (방산협력, 핵협의그룹(NCG)), naming no person nor a date (오늘); a title in
    it only as the whole word, the level of the meeting (북극협력 대표 협의), not inside another
    (관계정상화)."""
    word = table.text[start:end]
    named = any(a < end and start < b and not (title and (a, b) == (start, end)) for a, b, title in people)
    if named or "[" in word or word.count("(") != word.count(")"):
        return False
    tokens = table.within(start, end)
    return bool(tokens) and all(
        (table.heads[i] in _NOUN_TAGS or table.heads[i] in ("SSO", "SSC") or _joiner(table, i))
        and "+" not in table.tags[i]
        for i in tokens
    )


def _joiner(table: TokenTable, i: int) -> bool:
    """The token is a joiner between two nouns of a name (산업·교통)."""
    return table.text[table.starts[i] : table.ends[i]] in JOINERS


def _name_word(word: str, start: int, end: int, named: Sequence[tuple[int, int]]) -> bool:
    """A word that may stand in a meeting's name: a round, a year, a level, a `name_word` cue, or one
    covered by a country, body, place or meeting mention."""
    if not word or word.startswith("[") or word[-1] in ",;:":
        return False
    if ROUND.fullmatch(word.replace(" ", "")) or _YEAR.match(word) or _LEVEL.match(word):
        return True
    if word in cues.words("name_word") or word in cues.words("first"):
        return True
    if not any(a <= start < b for a, b in named):
        return False  # its first character is no mention's
    covered = {i for a, b in named if a < end and start < b for i in range(max(a, start), min(b, end))}
    if start not in covered:
        return False
    head = start
    while head in covered:
        head += 1
    rest = word[head - start :]
    joined = rest[:1] in JOINERS and rest[1:2].isalnum()  # 한-아프리카, not 서울--(뉴스와이어)--
    return joined or all(i in covered or not ch.isalnum() or ch.isascii() for i, ch in enumerate(rest, head))


def specific(prefix: str) -> bool:
    """A name prefix says which meeting it is when it holds more than a level word (국장급)."""
    words = prefix.split()
    plain = cues.any_of("name_word", "first")
    return bool(words) and not all(_LEVEL.match(w) or w in plain for w in words)


def name_and_round(text: str, draft: Draft, local: Sequence[Mention]) -> None:
    """The round and the name of a meeting written with a name before its term (acts carry none)."""
    quoted = draft.name_start > 0 and text[draft.name_start - 1] in _QUOTES
    start = draft.name_start if quoted else _name_after_place(text, draft.name_start, draft.trigger, local)
    written = text[start : name_end(text, draft.trigger, local)]
    if draft.type in _ACTS:
        rounds = ROUND.search(written)
        draft.round = (int(rounds.group(1) or rounds.group(2)) or None) if rounds else None
        return
    draft.round = _round(text, start, draft.trigger, local) or _round_before_quote(text, draft.name_start)
    session = _SESSION.search(written)  # 당사국 총회(COP21): the 21st session
    draft.round = draft.round or (int(session.group(1)) if session else None)
    draft.name = written


def _round(text: str, start: int, trigger: Mention, local: Sequence[Mention]) -> int | None:
    """The round a meeting's name states (제15차, 6차, 첫: the first), unless it is that of another
    meeting named inside it (제15차 포럼 준비를 위한 고위관리회의)."""
    terms = [
        m.end for m in local if m.label is Label.MEETING and start <= m.start and m.end < trigger.start
    ]
    after = max(terms, default=start)
    rounds = ROUND.search(text, after, trigger.start)
    if rounds:
        return int(rounds.group(1) or rounds.group(2))
    return 1 if any(word in cues.words("first") for word in text[after : trigger.start].split()) else None


def _round_before_quote(text: str, name_start: int) -> int | None:
    """A round written before the quotes of a name (제1차 ‘한미 통합국방협의체’, 첫 번째 ‘2+2 협의’)."""
    if name_start == 0 or text[name_start - 1] not in _QUOTES:
        return None
    before = text[max(0, name_start - 12) : name_start - 1].split()
    if not before:
        return None
    rounds = ROUND.fullmatch(before[-1])
    if rounds:
        return int(rounds.group(1) or rounds.group(2))
    return 1 if before[-1] in cues.words("first") or " ".join(before[-2:]) in cues.words("first") else None


def _name_after_place(text: str, start: int, trigger: Mention, local: Sequence[Mention]) -> int:
    """Where the name begins once a leading place is left out: a city (함부르크 G20 정상회의) or a
    country (독일 뮌헨안보회의, 러시아 동방경제포럼) says where the meeting is, unless the rest would
    no longer say which meeting it is (서울 안보대화)."""
    word_end = text.find(" ", start, trigger.start)
    if word_end == -1:
        return start
    rest = word_end + len(text[word_end : trigger.start]) - len(text[word_end : trigger.start].lstrip())
    exact = {m.label for m in local if m.start == start and m.end == word_end}
    place = Label.LOCATION in exact or Label.COUNTRY in exact
    if place and rest < trigger.start and specific(text[rest : trigger.start]):
        return rest
    return start


def series(drafts: Sequence[Draft]) -> Draft | None:
    """The series the document is about: its first event with a round."""
    return next((d for d in drafts if d.round), None)
