"""How a trigger is reported: the kind of report that makes a meeting term an event.

Used as a verb (예방하고), followed by a predicate that reports it held, attended, issued or signed
(회담을 갖고, 공동성명을 발표했다, 통화를 했다), modified by such a participle (열린 회의), a visit's
participle before its visitors (방한한 X), a title line of its own (… 대변인 담화), an item of a note
or a schedule with its date or time (실무방한(8.21-22, …), 15:00 … 예방), or dated in one noun phrase
(지난 6월 정상 간 첫 통화). The kind (`held`, `occasion`, `before`, ...) tells the later stages whether
the event is the one the sentence is about or its background.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.events import cues, verbs
from extractor.events.clauses import CLAUSE_END, Sentence, aside_after, word_start
from extractor.events.labels import Label, Type
from extractor.mentions import Mention
from extractor.tokens import SPACE_TAG, TokenTable, stripped_end, stripped_start

#: Kinds of the words that report a meeting term.
REPORTING = frozenset(
    {"held", "attended", "issued", "signed", "via", "occasion", "after", "before", "listed"}
)
#: Cues that make a meeting the background of another (X 참석 계기에, X 이후).
SUBORDINATE = frozenset({"occasion", "after", "via", "done_before"})
#: What may follow a place before a visit word it is the object of: the rest of its word and one more
#: (워싱턴D.C.를, 수도 아스타나를), ending in 을, 를 or 에.
_MARKED_PLACE = re.compile(r"^[^\s,()]*(\s[^\s,()]+)?(을|를|에)\s*$")
#: A count of documents just before an agreement term: 총 76건의 MOU, 7건의 양해각서.
_DOCUMENTS = re.compile(r"\d+\s*건(의)?\s*$")
#: A time of day that opens a schedule's item: 15:00, 01:30.
_CLOCK = re.compile(r"^\d{1,2}:\d{2}")
#: A partner's genitive right before a meeting term: 총리와의 회담, 교황과의 만남.
_WITH = ("와의", "과의")
#: An agreement's type as a gazetteer row writes it (read at every trigger: `.value` is a slow property).
_AGREEMENT = Type.AGREEMENT.value
#: How many tokens after a term its predicate may stand in (회담을 … 가졌다).
_PREDICATE_REACH = 30
#: Tags of the words that may stand between a date and the term it dates (지난 6월 정상 간 첫 통화).
_DATED_BETWEEN = frozenset({"NNG", "NNP", "NNB", "MM", "SN"})


def how_reported(
    table: TokenTable,
    trigger: Mention,
    span: range,
    sentence: Sentence,
    local: Sequence[Mention],
    name_start: int,
) -> str | None:
    """The kind of report that makes the trigger an event (`verb`, `held`, `listed`, `dated`, ...)."""
    if trigger.data.get("verb"):
        return verbs.kind(table, span)
    return (
        _counted(table.text, trigger)
        or _reported(table, span, sentence)
        or _titled(table, trigger, span)
        or _visit_modifying(table, trigger, span, local)
        or _participle_before(table, name_start)
        or _listed(table.text, trigger, local)
        or _dated(table, local, sentence, name_start)
        or _with_someone(table.text, local, name_start)
    )


def confidence(kind: str | None) -> float:
    """How sure the report makes the event: a verb or a predicate of holding, issuing or signing most."""
    return 0.9 if kind in ("verb", "held", "issued", "signed") else 0.7 if kind else 0.6


def _reported(table: TokenTable, span: range, sentence: Sentence) -> str | None:
    """How the text reports the trigger: `verb` (예방하고), a predicate kind (held...), or None."""
    tags, heads, lemmas, starts = table.tags, table.heads, table.lemmas, table.starts
    after = _words_after(table, span, sentence)
    adjacent = bool(after) and starts[after[0]] == table.ends[span[-1]]
    if adjacent and heads[after[0]] in ("XSV", "XSA"):
        modifier = "ETM" in tags[after[0]] or (len(after) > 1 and heads[after[1]] == "ETM")
        if not modifier:
            return "verb"
        following = next((i for i in after[1:] if "ETM" not in tags[i]), None)
        kind = cues.kind_of(lemmas[following]) if following is not None else None
        before = after[: after.index(following)] if following is not None else []
        if kind == "when" and any("EP" in tags[i] for i in before):
            return "done_before"  # 중국을 방문했을 때: a visit done before, when something else happened
        # 협의한 뒤: done before; 방문할 예정: planned; 방문한 대사: a relative clause
        return kind if kind in ("after", "before") else None
    if adjacent and table.text[starts[after[0]] : table.ends[after[0]]] == "에서":
        return "held"  # 회담에서 …: the meeting is where something happened
    if after and cues.kind_of(lemmas[after[0]]) == "ongoing":
        return "held"  # 방문 중인: a visit under way
    kinds = _predicates(table, span, after)
    if kinds[:1] in (["signed"], ["issued"], ["held"]) and "after" in kinds:
        return "done_before"  # 협정을 체결한 바, 합의문 발표 이후, 체결식을 마친 뒤: done, and earlier
    for preferred in (SUBORDINATE, {"before"}):
        if any(kind in preferred for kind in kinds):
            return next(kind for kind in kinds if kind in preferred)
    return kinds[0] if kinds else None


def _words_after(table: TokenTable, span: range, sentence: Sentence) -> list[int]:
    """The tokens other than whitespace among the 30 after the term in its sentence (its predicate's
    reach), found by bisection."""
    return table.solid_among(range(span.stop, min(sentence.end, span.stop + _PREDICATE_REACH)))


def _counted(text: str, trigger: Mention) -> str | None:
    """`signed` for agreements counted as documents (총 76건의 MOU 체결을 통해, 7건의 양해각서를 교환):
    a count of concluded documents, not an aim."""
    return "signed" if counted_documents(text, trigger) else None


def counted_documents(text: str, trigger: Mention) -> bool:
    """The agreement is a count of documents (7건의 양해각서): many signed, by whom the text leaves open."""
    if trigger.data["entries"][0].attrs["event_type"] != _AGREEMENT:
        return False
    return bool(_DOCUMENTS.search(text, max(0, trigger.start - 12), trigger.start))


def scheduled_signing(table: TokenTable, span: range, sentence: Sentence) -> bool:
    """The agreement's signing is scheduled (MOU 체결 등 예정, 서명식도 예정돼 있다, 서명할 계획이다),
    not an aim (체결을 위해) or a wish (체결을 희망)."""
    after = _words_after(table, span, sentence)
    kinds = _predicates(table, span, after)
    scheduled = any(table.lemmas[i] in cues.words("scheduled") for i in after)
    # 서명식, MOU 체결, 체결식, 양해각서 서명식: the term and the signing word after it
    written = table.text[table.starts[span[0]] : table.ends[span[-1]] + 4]
    signing = "signed" in kinds or any(form in written for form in cues.words("signed"))
    return scheduled and signing


def _predicates(table: TokenTable, span: range, after: Sequence[int]) -> list[str]:
    """The kinds of the reporting words in the trigger's clause after it, in order."""
    tags, heads = table.tags, table.heads
    kinds: list[str] = []
    for i in after:
        tag = heads[i]
        if tag == "SF":
            break
        if tag.startswith(("VV", "NNG", "NNB")) or tag == "XSV":
            kind = cues.kind_of(table.lemmas[i])
            if kind == "light" and (tag != "VV" or not _object_of(table, span, i)):
                kind = None
            if kind == "light":
                # 통화를 했다, 회담을 하고: the light verb 하다 with the term as its object; 하기로: a plan
                planned = (i + 1 < len(tags) and heads[i + 1] == "ETN") or "ETN" in tags[i]
                kind = "before" if planned else "held"
            if kind in ("held", "signed", "issued", "attended") and _to_be_done(table, i):
                kind = "before"  # 개최하기로 했다, 타결하기로: decided, still to be done
            if kind == "attended" and _for_a_trip(table, i):
                kind = "occasion"  # 회의 참석차 (Kiwi: 참석 + 차): what a trip is made for
            if kind == "after" and not _after_the_term(table, span, i):
                kind = None  # 방문은 취임 후 처음이다: after another noun, not the event
            if kind in REPORTING:
                kinds.append(kind)
        if tag in CLAUSE_END:
            break
    return kinds


def _after_the_term(table: TokenTable, span: range, i: int) -> bool:
    """The word of `after` at `i` follows the term itself (회담 후, 회담 이후) or a verb made a modifier
    (회담을 마친 뒤, 협의한 후), not another noun (방문은 취임 후 처음)."""
    previous = next((k for k in range(i - 1, span.stop - 1, -1) if table.tags[k] != SPACE_TAG), None)
    return previous is None or "ETM" in table.tags[previous] or not table.heads[previous].startswith("N")


def _for_a_trip(table: TokenTable, i: int) -> bool:
    """The attending at `i` is glued to a purpose word (참석차 read as 참석 + 차): the reason for a trip."""
    following = i + 1
    return (
        following < len(table)
        and table.starts[following] == table.ends[i]
        and table.heads[following] == "NNB"
        and table.lemmas[following] in cues.words("purpose")
    )


def _to_be_done(table: TokenTable, i: int) -> bool:
    """The predicate at `i` is made a noun by 기 (개최하기로, 체결하기 위해): something to be done."""
    following = range(i + 1, min(len(table), i + 3))
    return _by_gi(table, i) or any(
        (table.heads[j] == "ETN" or "+ETN" in table.tags[j]) and _by_gi(table, j) for j in following
    )


def _by_gi(table: TokenTable, i: int) -> bool:
    """The token at `i` ends in the noun-making 기 (하기, 되기), not 음 (체결됨: done)."""
    return "ETN" in table.tags[i] and table.text[table.starts[i] : table.ends[i]].endswith("기")


def _object_of(table: TokenTable, span: range, verb: int) -> bool:
    """The term is (one of) the object(s) of the light verb at `verb`: no predicate stands between and
    an object particle comes right before it (통화를 했다; 양자회담, 약식 회담을 하고), not another noun
    (담화에 유감 표명했다)."""
    between = [i for i in range(span.stop, verb) if table.tags[i] != SPACE_TAG and table.heads[i] != "MAG"]
    if any(table.heads[i] in ("VV", "VA", "XSV", "XSA", "EC", "ETM") for i in between):
        return False
    return not between or table.heads[between[-1]] in ("JKO", "JX")


def _titled(table: TokenTable, trigger: Mention, span: range) -> str | None:
    """`title` for a statement named by a line of its own with no predicate, as a page or a section is
    titled (조선민주주의인민공화국 외무성 보도국장 담화; 수단 내전 관련 대변인 논평)."""
    kind = trigger.data["entries"][0].attrs["event_type"]
    if kind not in (Type.STATEMENT.value, Type.JOINT_STATEMENT.value):
        return None
    text = table.text
    line_end = text.find("\n", trigger.end)
    line_end = len(text) if line_end == -1 else line_end
    if text[trigger.end : line_end].strip(" \t'\"’”」』)"):
        return None
    line_start = text.rfind("\n", 0, trigger.start) + 1
    predicates = ("VV", "VA", "XSV", "XSA", "EF", "EC")
    if any(
        table.heads[i] in predicates or table.tags[i].endswith("EF")
        for i in table.within(line_start, line_end)
    ):
        return None
    return "title"


def _visit_modifying(
    table: TokenTable, trigger: Mention, span: range, local: Sequence[Mention]
) -> str | None:
    """`relative` for a visit to a country written as a participle before its visitor (방한한 X 장관,
    일본을 방문한 X 대표단): the visit happened, made by the people the participle describes. A visit
    that names no country (부임 인사차 방문한 대사) is a call at an office, no diplomatic visit."""
    is_visit = trigger.data["entries"][0].attrs["event_type"] == Type.VISIT.value
    head = participle_after(table, span)
    if not is_visit or head is None or cues.kind_of(table.lemmas[head]) == "when":
        return None  # 베트남을 방문할 때마다: when a visit is made, no one visit
    text = table.text
    countries = [m for m in local if m.label in (Label.COUNTRY, Label.LOCATION)]
    named = any(trigger.start <= m.start and m.end <= trigger.end for m in countries)
    before = [m for m in countries if m.end <= trigger.start and trigger.start - m.end <= 16]
    nearest = max(before, key=lambda m: m.end) if before else None
    marked = nearest is not None and bool(_MARKED_PLACE.match(text[nearest.end : trigger.start]))
    # 미국 워싱턴D.C.를 방문중인: the place its object; 서울안보대화 참석차 방문한: made to attend
    return (
        "relative"
        if named or marked or _to_attend(text[max(0, trigger.start - 12) : trigger.start])
        else None
    )


def _to_attend(before: str) -> bool:
    """The words before a visit say it is made to attend something (… 참석차 방문한)."""
    words = before.split()
    word = words[-1] if words else ""
    return any(
        word.startswith(attend) and word[len(attend) :] in cues.words("purpose")
        for attend in cues.words("attended")
    )


def participle_after(table: TokenTable, span: range) -> int | None:
    """The index of the first token after a term written as a participle (방한한, 방문 중인), or None."""
    tags, heads = table.tags, table.heads
    after = [i for i in range(span.stop, min(len(table), span.stop + 6)) if tags[i] != SPACE_TAG]
    if not after:
        return None
    adjacent = table.starts[after[0]] == table.ends[span[-1]]
    if adjacent and heads[after[0]] in ("XSV", "XSA") and "ETM" in tags[after[0]]:
        return after[1] if len(after) > 1 else None
    ongoing = cues.kind_of(table.lemmas[after[0]]) == "ongoing"
    attached = len(after) > 2 and table.ends[after[0]] == table.starts[after[1]]
    if ongoing and attached and "ETM" in tags[after[1]]:
        return after[2]
    return None


def _participle_before(table: TokenTable, start: int) -> str | None:
    """A reporting verb that modifies the meeting's name starting at `start` (채택된
    무역투자촉진프레임워크, 열린 회의)."""
    text = table.text
    end = stripped_end(text, word_start(text, start))
    word = table.within(word_start(text, end), end)
    if not word or not any("ETM" in table.tags[i] for i in word):
        return None
    kind = cues.kind_of(table.lemmas[word[0]])
    return kind if kind in ("held", "issued", "signed") else None


def _listed(text: str, trigger: Mention, local: Sequence[Mention]) -> str | None:
    """A term in a note's list with its date: written before a parenthesis that opens with a date
    (실무방한(8.21-22, …)), or inside one (… 파견(8.14, 대통령 예방))."""
    starts = {m.start for m in local if m.label is Label.DATE}
    after = aside_after(text, trigger.end)
    if after:
        opening = text[after[0] : after[1]]
        first = after[0] + len(opening) - len(opening.lstrip(" ∼~"))
        if first in starts or _CLOCK.match(opening.strip()):
            return "listed"  # 면담(01:30 정부서울청사), 국외공무출장(∼6일 호주): an item of a schedule
    line_start = text.rfind("\n", 0, trigger.start) + 1
    if _CLOCK.match(text[line_start : trigger.start].strip()):
        return "listed"  # 10:30 주광주 중국 총영사 예방(전남도청): a line of a day's schedule
    opened = text.rfind("(", max(0, trigger.start - 60), trigger.start)
    if opened == -1 or ")" in text[opened : trigger.start] or "\n" in text[opened : trigger.start]:
        return None
    first = stripped_start(text, opened + 1)
    return "listed" if first in starts else None


def _dated(table: TokenTable, local: Sequence[Mention], sentence: Sentence, name_start: int) -> str | None:
    """`dated` when a date modifies the term in one noun phrase (지난 6월 정상 간 첫 통화, 6.20. 통화):
    a particular event, mentioned without a predicate."""
    dates = [
        m
        for m in local
        if m.label is Label.DATE and m.norm and sentence.start_char <= m.start and m.end <= name_start
    ]
    if not dates:
        return None
    between = table.solid_within(dates[-1].end, name_start)
    if len(between) > 4 or any(table.heads[i] not in _DATED_BETWEEN for i in between):
        return None
    return "dated"


def _with_someone(text: str, local: Sequence[Mention], name_start: int) -> str | None:
    """`with` for a meeting written with the person it was held with and no predicate (총리와의 회담에는
    … 늦었다, 교황과의 만남도): that meeting, mentioned in passing."""
    before_end = stripped_end(text, name_start)
    if not text.endswith(_WITH, 0, before_end):
        return None
    end = before_end - len(_WITH[0])
    partner = (Label.PERSON, Label.TITLE)
    return "with" if any(m.label in partner and m.end == end for m in local) else None
