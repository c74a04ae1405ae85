"""Finding triggers: which meeting terms (and, in `verbs.py`, which verbs) report an event.

A MEETING mention (정상회담, 예방, 공동성명, ...) is a trigger unless it is part of a body's name or of a
word that names no event (국무회의), the verb of the term before it, or the name of the meeting after
it. It reports an event when `reports.py` finds how the text reports it, or when it has a specific
name; not when a word makes it no one event (각급 협의, 매년 개최되고 있다), when it is what another
meeting discussed (통화를 갖고 … 협의했다), or an agreement named but not signed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from extractor.events import cues, occurrences, reports, roles, verbs
from extractor.events.clauses import Sentence, comitative, word_start
from extractor.events.event_types import MEETINGS
from extractor.events.labels import Label, Type
from extractor.events.reports import REPORTING
from extractor.mentions import ByStart, Mention
from extractor.tokens import TokenTable, stripped_end

#: How a signing is reported: as a verb (서명하였다), signed, issued (채택된), or held (서명식을 가졌다).
_SIGNING = frozenset({"verb", "signed", "issued", "held"})
#: How an agreement signed before is reported: 체결한 바 있다, 체결식을 마친 뒤.
_SIGNED = _SIGNING | {"done_before"}
#: Between a meeting term and the next when the first names the series the second belongs to: its
#: abbreviation in parentheses and a space (동아시아정상회의(EAS) 경제장관회의).
_NAME_OF_NEXT = re.compile(r"^\([A-Za-z0-9+·]{2,12}\)\s?$")
#: How many words the term's own predicate takes before its negation (회담은 아직 추진되지 않고).
_OWN_PREDICATE = 5
#: Brackets, quotes and spaces, which leave a term's particle as it is.
_MARKS = re.compile(r"[()'’\"”\s]")
#: Between a visitor's title and the visit it makes: a genitive, after an honorific (주석님의 국빈 방한).
_TITLE_GENITIVE = re.compile(r"^(님)?의\s*((국빈|공식|실무|첫|이번)\s*)*$")
#: A short aside in parentheses: an abbreviation (MOU) or a date.
_ASIDE = re.compile(r"\([^()]{0,12}\)")
#: A genitive joining the term to the noun after it (6자회담의 재개).
_GENITIVE = re.compile(r"의\s+")
#: A count of years just before a word of a run (3년 연속, 5년째).
_YEARS = re.compile(r"\d+\s*년\s*$")
#: The quotes a meeting's name is written in, and the longest name they hold.
_NAME_QUOTES = (("'", "'"), ("‘", "’"))
_QUOTED_NAME = 60


def find(found: Sequence[Mention], table: TokenTable) -> list[Mention]:
    """MEETING mentions that name an event: not part of an organisation's name (전국시도교육감협의회) or
    of a word that names none (국무회의, 통화스와프), and not the verb of the term before them
    (양해각서에 서명: 서명 reports the 양해각서)."""
    orgs = ByStart(m for m in found if m.label is Label.ORG)
    meetings = sorted(
        (m for m in found if m.label is Label.MEETING and not orgs.holds(m.start, m.end)),
        key=lambda m: m.start,
    )
    text = table.text
    titles = ByStart(m for m in found if m.label is Label.TITLE)
    starts = [m.start for m in meetings]
    meetings = [m for m in meetings if not _negotiated(text, m, meetings, starts)]
    meetings = [
        m
        for m in meetings
        if not _inside_other_word(text, m)
        and not _post_in(text, m, titles)
        and not _inside_name(text, m, meetings)
    ]
    meetings = sorted([*meetings, *verbs.find(table, found)], key=lambda m: m.start)
    kept: list[Mention] = []
    for i, m in enumerate(meetings):
        previous = kept[-1] if kept else None
        following = meetings[i + 1] if i + 1 < len(meetings) else None
        is_verb = cues.kind_of(text[m.start : m.end]) in REPORTING
        if (
            previous is not None
            and (is_verb or _signing_of(text, previous, m))
            and _object_of(text[previous.end : m.start])
        ):
            continue  # 양해각서(MOU)'를 체결, '… 협정' 서명식: the signing of the term before
        if following is not None and _combined(text[m.end : following.start]):
            continue  # 오찬을 겸한 회담: one meeting over lunch
        if following is not None and _NAME_OF_NEXT.match(text[m.end : following.start]):
            continue  # 아시아유럽정상회의(ASEM) 재무장관회의: the name of the meeting after it
        kept.append(m)
    return kept


def _signing_of(text: str, agreement: Mention, m: Mention) -> bool:
    """The term is the signing of the agreement before it (… 협정' 서명식, 양해각서 체결식)."""
    kinds = [o.data["entries"][0].attrs["event_type"] for o in (agreement, m)]
    written = text[m.start : m.end]
    return kinds == [Type.AGREEMENT.value] * 2 and any(form in written for form in cues.words("signed"))


def _object_of(between: str) -> bool:
    """The words between a term and a reporting verb make the term its object: a particle, after an
    abbreviation or a closing quote (양해각서에 서명, '… 양해각서(MOU)'를 체결)."""
    bare = _MARKS.sub("", _ASIDE.sub("", between))
    return len(between) > 0 and len(bare) <= 2


def _negotiated(text: str, m: Mention, meetings: Sequence[Mention], starts: Sequence[int]) -> bool:
    """An agreement named as what is negotiated (투자협정 협상, FTA 협상): its negotiation, not a signing
    (`meetings` in order of their `starts`)."""
    if m.data["entries"][0].attrs["event_type"] != Type.AGREEMENT.value:
        return False
    after = meetings[bisect_left(starts, m.end) : bisect_right(starts, m.end + 1)]
    return any(_process(text, o) for o in after)


def _post_in(text: str, m: Mention, titles: ByStart[Mention]) -> bool:
    """The term names the body of someone's post: a title follows it (공동위원회 위원장인 김 차관,
    6자회담 수석대표) or holds it (한인기업협의회장)."""
    for title in titles.starting(m.start - titles.longest, m.end + 1):  # holding it or right after it
        if title.start <= m.start and m.end <= title.end and title.end - title.start > m.end - m.start:
            return True
        if title.start >= m.end and not text[m.end : title.start].strip() and title.start - m.end <= 1:
            return True
    return False


def _inside_name(text: str, m: Mention, meetings: Sequence[Mention]) -> bool:
    """The term stands inside a quoted name whose head is another term, with words between them
    ('제5차 포럼 준비를 위한 고위관리회의'): only the name's last term is the event it names. A
    meeting right before the head names the occasion, an event of its own ('정상회의 공동선언')."""
    quote = _quoted_around(text, m)
    if quote is None:
        return False
    heads = [o for o in meetings if m.end < o.start and o.end <= quote[1]]
    return bool(heads) and bool(text[m.end : heads[0].start].strip(" ()"))  # 양해각서(MOU): one term


def _quoted_around(text: str, m: Mention) -> tuple[int, int] | None:
    """The short quoted span ('…', ‘…’) holding the term, as (start, end) inside the quotes."""
    for opening, closing in _NAME_QUOTES:
        start = text.rfind(opening, max(0, m.start - _QUOTED_NAME), m.start)
        if start == -1:
            continue
        end = text.find(closing, m.end, start + 1 + _QUOTED_NAME)
        inside = text[start + 1 : end] if end != -1 else ""
        if (
            end != -1
            and "\n" not in inside
            and not any(c in inside for c in _NAME_QUOTES[0] + _NAME_QUOTES[1])
        ):
            return start + 1, end
    return None


def _inside_other_word(text: str, m: Mention) -> bool:
    """The term is part of a word that names no event (국무회의, 통화스와프, 담화록, 회담장)."""
    written = text[m.start : m.end]
    for form in cues.words("not_event"):
        if written not in form:
            continue  # a word holding the term holds its letters
        found = text.find(form, max(0, m.start - len(form)), m.end + len(form))
        if found != -1 and found <= m.start and m.end <= found + len(form):
            return True
    return False


def _combined(between: str) -> bool:
    """The words between two terms join them into one event (오찬을 겸한 회담, 만찬 겸 회의)."""
    words = between.split(maxsplit=3)  # a fourth piece: more than three words
    joins = tuple(cues.words("combined"))
    return bool(joins) and 0 < len(words) <= 3 and any(word.startswith(joins) for word in words)


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
    if _generic_before(text, trigger.start) or _prospect_after(text, trigger.end):
        return False  # 각급 협의; 6자회담의 재개 여건: what is discussed, no one event
    if cues.kind_of(text[trigger.start : trigger.end]) == "dispatch" and not _envoy_before(
        local, sentence, trigger
    ):
        return False  # 인력 파견, 의료진 파견: people sent, no envoy travelling
    if text[trigger.start : trigger.end] in cues.words("signed_only") and kind != "signed":
        return False  # 문서를 발표했다: a document released, not signed
    agreement = trigger.data["entries"][0].attrs["event_type"] == Type.AGREEMENT.value
    if agreement and kind not in _SIGNED and not reports.scheduled_signing(table, span, sentence):
        return False  # 협정 체결을 통해 …, 협정의 타결을 위해: an agreement named, not signed
    if _process(text, trigger) and not (kind in ("held", "verb") and _partner_met(table, trigger, sentence)):
        return False  # FTA 협상을 시작했으나, 핵협상 결과: negotiations as a process, not one meeting
    if _called_off(table, trigger, span, local, sentence):
        return False  # 방한을 연기했다, 추진되지 않고 있다, 방한할 예정이었으나 … 연기: no event
    if _founded(table, name_start):
        return False  # 2010년 창설된 한-아세안 포럼이 …: a series founded, no one meeting
    if _recurring(table, span, local, sentence):
        return False  # 2012년 이후 매년 개최되고 있다: a standing arrangement, no one event
    if kind in ("verb", "before") and _discussed(table, trigger, local, sentence, planned=kind == "before"):
        return False  # 통화를 갖고 … 정세에 대해 협의했다, 회의를 통해 … 협의할 예정: what it covered
    if kind is None and occurrences.counts(text, sentence) and _topic_follows(table, span):
        return True  # 가나 총리의 방한은 17년 만이다, 방일은 2016년에 이어 세 번째다: the event, counted
    if kind is None and _someones_visit(text, trigger, local, name_start):
        return True  # 푹 주석님의 국빈 방한은 의미가 크다: the visit of someone named
    specific = name_start < trigger.start
    # a name alone, as a sentence's topic, describes a series (X는 … 출범한 협의체)
    return not (kind is None and (not specific or _topic_follows(table, span)))


def _called_off(
    table: TokenTable, trigger: Mention, span: range, local: Sequence[Mention], sentence: Sentence
) -> bool:
    """The event is postponed, cancelled or not held: a word of calling off follows it before any other
    meeting term of its sentence (출장을 보류했다, 회담이 무산됐다; 방한할 예정이었으나 일정상 방한을
    연기했다: a plan that was, then called off), or its own predicate is negated (추진되지 않고 있다,
    열리지 못했다)."""
    others = [m.start for m in local if m.label is Label.MEETING and m.start >= trigger.end]
    # a plan that was looks past the other terms (its calling off may follow them)
    stop = min(others) if others and not _plan_that_was(table, span, sentence) else sentence.end_char
    following = table.solid_within(trigger.end, stop)
    lemmas, heads = table.lemmas, table.heads
    called_off, negation = cues.words("called_off"), cues.words("negation")
    for k, i in enumerate(following[:-1]):
        if lemmas[i] in called_off and heads[following[k + 1]] == "XSV":
            return True  # 연기했다, 무산됐다; not 연기 요청
    for k, i in enumerate(following[: _OWN_PREDICATE + 1]):
        if heads[i] == "EC" and lemmas[i] != "지":
            return False  # the trigger's own predicate ended (회담을 갖고 …)
        if lemmas[i] == "지" and k + 1 < len(following) and lemmas[following[k + 1]] in negation:
            return True
    return False


def _plan_that_was(table: TokenTable, span: range, sentence: Sentence) -> bool:
    """The term's predicate is a plan in the past tense followed by a contrast (방한할 예정이었으나,
    방문을 계획했으나)."""
    following = table.solid_among(range(span.stop, max(span.stop, sentence.end)), 6)
    words = {table.lemmas[i] for i in following}
    return (
        bool(cues.words("scheduled") & words)
        and any("EP" in table.tags[i] for i in following)
        and bool(cues.words("contrast") & words)
    )


def _founded(table: TokenTable, name_start: int) -> bool:
    """The word before the name is a participle of founding (창설된, 출범한): the series, not a meeting."""
    text = table.text
    end = stripped_end(text, name_start)
    word = table.within(word_start(text, end), end)
    founded = cues.words("founded")
    return bool(word) and table.lemmas[word[0]] in founded and any("ETM" in table.tags[i] for i in word)


def _recurring(table: TokenTable, span: range, local: Sequence[Mention], sentence: Sentence) -> bool:
    """A word of recurrence stands in the trigger's sentence after it (매년 개최되고 있다), or a run
    counted in years with no meeting term after it (3년 연속 초청된 바 있다, 5년째 참석하고 있다; not
    3년 연속 정상회의에 참석: that meeting's count)."""
    recurring, running = cues.words("recurring"), cues.words("years_running")
    after = range(span.stop, sentence.end)
    lemmas_after = table.lemmas[span.stop : sentence.end]
    if not recurring.isdisjoint(lemmas_after):
        return True
    if running.isdisjoint(lemmas_after):
        return False
    last_term = max((m.start for m in local if m.label is Label.MEETING), default=0)
    return any(
        table.lemmas[i] in running
        and table.starts[i] > last_term
        and _YEARS.search(table.text, max(0, table.starts[i] - 8), table.starts[i])
        for i in after
    )


def _discussed(
    table: TokenTable, trigger: Mention, local: Sequence[Mention], sentence: Sentence, *, planned: bool
) -> bool:
    """A consultation word used as the verb of what was discussed, not of a meeting of its own: after
    another meeting in its sentence (통화를 갖고 … 협의했다; 정상회담에서 … 협의하고; 회의를 통해 …
    협의할 예정), or, done, with no one named to consult with (양측은 … 사안에 대해서도 협의했다)."""
    if trigger.data["entries"][0].attrs["event_type"] != Type.CONSULTATION.value:
        return False
    talked = {t.value for t in (*MEETINGS, Type.PHONE_CALL, Type.COURTESY_CALL)}
    titles = ByStart(m for m in local if m.label is Label.TITLE)
    meetings = [
        m
        for m in local
        if m.label is Label.MEETING
        and not _post_in(table.text, m, titles)
        and sentence.start_char <= m.start
        and m.end <= trigger.start
        and m.data["entries"][0].attrs["event_type"] in talked  # not a visit (방문하여 … 협의한다)
    ]
    if meetings or planned:
        return bool(meetings)
    return not _partner_before(table, trigger, sentence)


def _partner_before(table: TokenTable, trigger: Mention, sentence: Sentence) -> bool:
    """A side is named with 과/와 before the term in its sentence (미국과 협상을 가졌다)."""
    start = table.starts[sentence.start]
    return any(
        comitative(table, i)
        for i in table.within(start, trigger.start)
    )


def _someones_visit(text: str, trigger: Mention, local: Sequence[Mention], name_start: int) -> bool:
    """A visit written with its visitor before a genitive (푹 주석님의 국빈 방한은, 리 총리의 방한이): one
    visit of that person, whatever the sentence says of it."""
    if trigger.data["entries"][0].attrs["event_type"] != Type.VISIT.value:
        return False
    titled = any(
        m.label is Label.TITLE and _TITLE_GENITIVE.match(text[m.end : name_start]) for m in local
    )
    return titled or roles.genitive_visitor(text, name_start, local) is not None


def _partner_met(table: TokenTable, trigger: Mention, sentence: Sentence) -> bool:
    """After the sentence's subject, a side is named with 과/와 before the term (김 본부장은 미국
    대표와 협상을 가졌다; not 한국과 캐나다는 … 협상을 시작했으나)."""
    tokens = list(table.within(table.starts[sentence.start], trigger.start))
    subject = next((k for k, i in enumerate(tokens) if table.heads[i] in ("JX", "JKS")), None)
    after = tokens[subject + 1 :] if subject is not None else tokens
    return any(comitative(table, i) for i in after)


def _process(text: str, trigger: Mention) -> bool:
    """The term names a process rather than a meeting (협상), however it is compounded (핵협상)."""
    written = text[trigger.start : trigger.end]
    return written.endswith(tuple(cues.words("process")))


def _generic_before(text: str, start: int) -> bool:
    """The term follows a word that makes it no one event (각급 협의, 향후 협의)."""
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1] in cues.words("generic")


def _prospect_after(text: str, end: int) -> bool:
    """The term is what a prospect is of (6자회담의 재개, 정상회담의 성사 여부): a topic, not a meeting."""
    genitive = _GENITIVE.match(text, end)
    return genitive is not None and text.startswith(tuple(cues.words("prospect")), genitive.end())


def _envoy_before(local: Sequence[Mention], sentence: Sentence, trigger: Mention) -> bool:
    """An envoy's title (특사, 대통령 특사) stands in the sentence before the trigger."""
    return any(
        m.label is Label.TITLE
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
