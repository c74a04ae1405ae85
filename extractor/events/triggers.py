"""Finding triggers: which meeting terms report an event, and how the text reports each.

A MEETING mention (정상회담, 예방, 공동성명, ...) is an event when the text reports it: used as a verb
(예방하고), followed by a predicate that reports it held, attended, issued or signed (회담을 갖고,
공동성명을 발표했다), modified by such a participle (열린 회의), listed with its date in a note, dated
in one noun phrase (지난 6월 정상 간 첫 통화), or given a specific name (제15차 한일 차관전략대화).
The kind of report found (`held`, `occasion`, `before`, ...) tells the later stages whether the event
is the one the sentence is about or its background.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.events import cues, split, verbs
from extractor.events.clauses import CLAUSE_END, Sentence, aside_after
from extractor.mentions import Mention
from extractor.models import EntityLabel, EventType
from extractor.tokens import SPACE_TAG, TokenTable

#: How a signing is reported: as a verb (서명하였다), signed, issued (채택된), or held (서명식을 가졌다).
_SIGNING = frozenset({"verb", "signed", "issued", "held"})
#: How an agreement signed before is reported: 체결한 바 있다, 체결식을 마친 뒤.
_SIGNED = _SIGNING | {"done_before"}
_REPORTING = frozenset(
    {"held", "attended", "issued", "signed", "via", "occasion", "after", "before", "listed"}
)
#: Between a meeting term and the next when the first names the series the second belongs to: its
#: abbreviation in parentheses and a space (동아시아정상회의(EAS) 외교장관회의).
_NAME_OF_NEXT = re.compile(r"^\([A-Za-z0-9+·]{2,12}\)\s?$")
#: A time of day that opens a schedule's item: 15:00, 01:30.
_CLOCK = re.compile(r"^\d{1,2}:\d{2}")
#: Cues that make a meeting the background of another (X 참석 계기에, X 이후).
SUBORDINATE = frozenset({"occasion", "after", "via", "done_before"})
#: Tags of the words that may stand between a date and the term it dates (지난 6월 정상 간 첫 통화).
_DATED_BETWEEN = frozenset({"NNG", "NNP", "NNB", "MM", "SN"})


def find(found: Sequence[Mention], table: TokenTable) -> list[Mention]:
    """MEETING mentions that name an event: not part of an organisation's name (전국시도교육감협의회) or
    of a word that names none (국무회의, 통화스와프), and not the verb of the term before them
    (양해각서에 서명: 서명 reports the 양해각서)."""
    orgs = [(m.start, m.end) for m in found if m.label is EntityLabel.ORG]
    meetings = sorted(
        (
            m
            for m in found
            if m.label is EntityLabel.MEETING and not any(a <= m.start and m.end <= b for a, b in orgs)
        ),
        key=lambda m: m.start,
    )
    text = table.text
    meetings = [m for m in meetings if not _inside_other_word(text, m)]
    meetings = sorted([*meetings, *verbs.find(table, found)], key=lambda m: m.start)
    kept: list[Mention] = []
    for i, m in enumerate(meetings):
        previous = kept[-1] if kept else None
        following = meetings[i + 1] if i + 1 < len(meetings) else None
        is_verb = cues.kind_of(text[m.start : m.end]) in _REPORTING
        if previous is not None and is_verb and 0 < m.start - previous.end <= 3:
            continue
        if following is not None and _combined(text[m.end : following.start]):
            continue  # 오찬을 겸한 회담: one meeting over lunch
        if following is not None and _NAME_OF_NEXT.match(text[m.end : following.start]):
            continue  # 아시아유럽정상회의(ASEM) 외교장관회의: the name of the meeting after it
        kept.append(m)
    return kept


def _inside_other_word(text: str, m: Mention) -> bool:
    """The term is part of a word that names no event (국무회의, 통화스와프, 담화록, 회담장)."""
    for form in cues.words("not_event"):
        found = text.find(form, max(0, m.start - len(form)), m.end + len(form))
        if found != -1 and found <= m.start and m.end <= found + len(form):
            return True
    return False


def _combined(between: str) -> bool:
    """The words between two terms join them into one event (오찬을 겸한 회담, 만찬 겸 회의)."""
    words = between.split()
    joins = tuple(cues.words("combined"))
    return bool(joins) and 0 < len(words) <= 3 and any(word.startswith(joins) for word in words)


def how_reported(
    table: TokenTable,
    trigger: Mention,
    span: range,
    sentence: Sentence,
    found: Sequence[Mention],
    local: Sequence[Mention],
    name_start: int,
) -> str | None:
    """The kind of report that makes the trigger an event (`verb`, `held`, `listed`, `dated`, ...)."""
    if trigger.data.get("verb"):
        return verbs.kind(table, span)
    return (
        _reported(table, span, sentence)
        or _titled(table, trigger, span)
        or _visit_modifying(table, trigger, span, local)
        or _participle_before(table, name_start)
        or _listed(table.text, trigger, found)
        or _dated(table, local, sentence, name_start)
    )


def reports_event(
    table: TokenTable,
    trigger: Mention,
    span: range,
    kind: str | None,
    local: Sequence[Mention],
    sentence: Sentence,
    name_start: int,
) -> bool:
    """Whether the trigger, reported as `kind`, is an event at all."""
    text = table.text
    if _generic_before(text, trigger.start):
        return False
    if cues.kind_of(text[trigger.start : trigger.end]) == "dispatch" and not _envoy_before(
        local, sentence, trigger
    ):
        return False  # 인력 파견, 의료진 파견: people sent, no envoy travelling
    if trigger.data["entries"][0].attrs["event_type"] == EventType.AGREEMENT.value and kind not in _SIGNED:
        return False  # 협정 체결을 통해 …, 협정의 타결을 위해: an agreement named, not signed
    if _recurring(table, span, sentence):
        return False  # 2012년 이후 매년 개최되고 있다: a standing arrangement, no one event
    if kind == "verb" and _discussed(table, trigger, span, local, sentence):
        return False  # 통화를 갖고 … 정세에 대해 협의했다: what the call covered
    if kind is None and split.counts(text, sentence) and _topic_follows(table, span):
        return True  # 케냐 대통령의 방한은 32년 만이다, 방한은 2008년에 이어 두 번째다: the event, counted
    specific = name_start < trigger.start
    # a name alone, as a sentence's topic, describes a series (X는 … 출범한 협의체)
    return not (kind is None and (not specific or _topic_follows(table, span)))


def _recurring(table: TokenTable, span: range, sentence: Sentence) -> bool:
    """A word of recurrence stands in the trigger's sentence after it (매년 개최되고 있다)."""
    recurring = cues.words("recurring")
    return any(table.lemmas[i] in recurring for i in range(span.stop, sentence.end))


def _discussed(
    table: TokenTable, trigger: Mention, span: range, local: Sequence[Mention], sentence: Sentence
) -> bool:
    """A consultation word used as the verb of what was discussed, not of a meeting of its own: with
    no one named to consult with (양측은 … 사안에 대해서도 협의했다), or after another meeting in its
    sentence (통화를 갖고 … 협의했다; 정상회담에서 … 협의하고)."""
    if trigger.data["entries"][0].attrs["event_type"] != EventType.CONSULTATION.value:
        return False
    meetings = [
        m
        for m in local
        if m.label is EntityLabel.MEETING and sentence.start_char <= m.start and m.end <= trigger.start
    ]
    if meetings:
        return True
    start = table.starts[sentence.start]
    partner = [
        i
        for i in table.within(start, trigger.start)
        if table.heads[i] in ("JKB", "JC") and table.lemmas[i] in ("과", "와")
    ]
    return not partner


def confidence(kind: str | None) -> float:
    """How sure the report makes the event: a verb or a predicate of holding, issuing or signing most."""
    return 0.9 if kind in ("verb", "held", "issued", "signed") else 0.7 if kind else 0.6


def _reported(table: TokenTable, span: range, sentence: Sentence) -> str | None:
    """How the text reports the trigger: `verb` (예방하고), a predicate kind (held...), or None."""
    tags, heads, lemmas, starts = table.tags, table.heads, table.lemmas, table.starts
    after = [i for i in range(span.stop, min(sentence.end, span.stop + 30)) if tags[i] != SPACE_TAG]
    adjacent = bool(after) and starts[after[0]] == table.ends[span[-1]]
    if adjacent and heads[after[0]] in ("XSV", "XSA"):
        modifier = "ETM" in tags[after[0]] or (len(after) > 1 and heads[after[1]] == "ETM")
        if not modifier:
            return "verb"
        following = next((i for i in after[1:] if "ETM" not in tags[i]), None)
        kind = cues.kind_of(lemmas[following]) if following is not None else None
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
            if kind in _REPORTING:
                kinds.append(kind)
        if tag in CLAUSE_END:
            break
    return kinds


def _to_be_done(table: TokenTable, i: int) -> bool:
    """The predicate at `i` is made a noun by 기 (개최하기로, 체결하기 위해): something to be done."""
    following = range(i + 1, min(len(table), i + 3))
    return "ETN" in table.tags[i] or any(
        table.heads[j] == "ETN" or "+ETN" in table.tags[j] for j in following
    )


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
    titled (조선민주주의인민공화국 국방성 대변인 담화; 우크라이나 정세 관련 대변인 논평)."""
    kind = trigger.data["entries"][0].attrs["event_type"]
    if kind not in (EventType.STATEMENT.value, EventType.JOINT_STATEMENT.value):
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
    is_visit = trigger.data["entries"][0].attrs["event_type"] == EventType.VISIT.value
    if not is_visit or participle_after(table, span) is None:
        return None
    text = table.text
    countries = [m for m in local if m.label in (EntityLabel.COUNTRY, EntityLabel.LOCATION)]
    named = any(trigger.start <= m.start and m.end <= trigger.end for m in countries)
    before = [m for m in countries if m.end <= trigger.start and trigger.start - m.end <= 3]
    marked = bool(before) and text[before[-1].end : trigger.start].strip() in ("을", "를", "에")
    return "relative" if named or marked else None


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
    word_of_name = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    before = text[:word_of_name].rstrip()
    word_start = max(before.rfind(" "), before.rfind("\n")) + 1
    word = table.within(word_start, len(before))
    if not word or not any("ETM" in table.tags[i] for i in word):
        return None
    kind = cues.kind_of(table.lemmas[word[0]])
    return kind if kind in ("held", "issued", "signed") else None


def _listed(text: str, trigger: Mention, found: Sequence[Mention]) -> str | None:
    """A term in a note's list with its date: written before a parenthesis that opens with a date
    (실무방한(8.21-22, …)), or inside one (… 파견(8.14, 대통령 예방))."""
    starts = {m.start for m in found if m.label is EntityLabel.DATE}
    after = aside_after(text, trigger.end)
    if after:
        opening = text[after[0] : after[1]]
        first = after[0] + len(opening) - len(opening.lstrip(" ∼~"))
        if first in starts or _CLOCK.match(opening.strip()):
            return "listed"  # 면담(01:30 정부서울청사), 국외공무출장(∼6일 호주): an item of a schedule
    line_start = text.rfind("\n", 0, trigger.start) + 1
    if _CLOCK.match(text[line_start : trigger.start].strip()):
        return "listed"  # 15:00 주부산 미국 총영사 예방(울산시청): a line of a day's schedule
    opened = text.rfind("(", max(0, trigger.start - 60), trigger.start)
    if opened == -1 or ")" in text[opened : trigger.start] or "\n" in text[opened : trigger.start]:
        return None
    first = opened + 1 + len(text[opened + 1 :]) - len(text[opened + 1 :].lstrip())
    return "listed" if first in starts else None


def _dated(table: TokenTable, local: Sequence[Mention], sentence: Sentence, name_start: int) -> str | None:
    """`dated` when a date modifies the term in one noun phrase (지난 6월 정상 간 첫 통화, 6.20. 통화):
    a particular event, mentioned without a predicate."""
    dates = [
        m
        for m in local
        if m.label is EntityLabel.DATE and m.norm and sentence.start_char <= m.start and m.end <= name_start
    ]
    if not dates:
        return None
    between = [i for i in table.within(dates[-1].end, name_start) if table.tags[i] != SPACE_TAG]
    if len(between) > 4 or any(table.heads[i] not in _DATED_BETWEEN for i in between):
        return None
    return "dated"


def _generic_before(text: str, start: int) -> bool:
    """The term follows a word that makes it no one event (각급 협의, 향후 협의)."""
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1] in cues.words("generic")


def _envoy_before(local: Sequence[Mention], sentence: Sentence, trigger: Mention) -> bool:
    """An envoy's title (특사, 대통령 특사) stands in the sentence before the trigger."""
    return any(
        m.label is EntityLabel.TITLE
        and sentence.start_char <= m.start
        and m.end <= trigger.start
        and any(entry.attrs.get("rank") == "envoy" for entry in m.data.get("entries", ()))
        for m in local
    )


def _topic_follows(table: TokenTable, span: range) -> bool:
    """The term is followed by a topic particle (차관전략대화는 …)."""
    following = span.stop
    return (
        following < len(table)
        and table.starts[following] == table.ends[span[-1]]
        and table.heads[following] == "JX"
    )
