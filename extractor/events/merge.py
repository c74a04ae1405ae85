"""Merging: repeated mentions of one event become one record.

Two drafts are one event when they have the same type and parties and no date, round or name that
differs, and (for named meetings) the same term or a later one pointing back (동 전략대화, 이번 회의);
a bare 회담 or 회의 refers back to the document's first meeting. The first mention keeps what a later
one adds: the more precise date, the fuller name, more participants.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc

from extractor.events import cues, occurrences, signings
from extractor.events.clauses import comitative, subject_end
from extractor.events.draft import HOME, TRIP, Draft
from extractor.events.event_types import (
    GENERAL,
    MEETINGS,
    MET_ONE_SIDE,
    MULTILATERAL,
    ONE_WORD_TYPES,
    of_many,
)
from extractor.events.labels import Type
from extractor.events.restated import added, agree, name_key, nested, same_name
from extractor.mentions import Mention
from extractor.models import EventType
from extractor.tokens import table_of

#: Acts whose foreign people tell one from another: a visit (the visitor).
_PERSONAL = frozenset({Type.VISIT})
#: Meetings a verb reports (만나): a term may name them later (만나 악수했다 … 차관을 예방했다).
_MET_BY_VERB = frozenset({Type.TALKS, Type.SUMMIT, Type.COURTESY_CALL})


def refers_back(text: str, name_start: int) -> bool:
    """A demonstrative opens the name's noun phrase (동 전략대화, 이번 회의, 이번 베트남 대사의 전북
    방문): the event already named."""
    reach = max(0, name_start - 24)
    before = text[max(text.rfind("\n", reach, name_start) + 1, reach) : name_start].split()
    for word in reversed(before[-4:]):
        if word in cues.words("demonstrative"):
            return True
        if word.endswith(cues.endings("phrase_end")) or not word[-1:].isalnum():
            return False  # 대사는, 방문을, 마친 뒤,: the phrase began after it
    return False


def merge(text: str, drafts: Sequence[Draft], year: int | None = None) -> list[Draft]:
    """One draft per event, in the order first mentioned; drafts with no party are dropped. Meals join
    the meeting they accompany, written before or after them (만찬 간담회 … 정상회담)."""
    merged: list[Draft] = []
    meals: list[Draft] = []
    for draft in drafts:
        if not draft.countries:
            continue
        if _meal(draft):
            meals.append(draft)
            continue
        _kind_of_recalled(text, merged, draft)
        twins = [
            m
            for m in merged
            if m.type is draft.type
            and _same_event(m, draft)
            and not signings.signed_before(text, m, draft)
            and not occurrences.then_and_now(text, m, draft, year)
            and not (draft.partnered and occurrences.next_act(text, draft))
        ]
        # one of its own date first (1990년 … 한국을 방문했다: the earlier visit, not the undated current
        # one), else of its people (쿠포르 대통령은 … 방문한 최초의: his visit, not the one counted after it)
        named = [m for m in twins if occurrences.same_people(m, draft)] or twins
        twin = next((m for m in twins if draft.date and m.date == draft.date), named[0] if named else None)
        if twin is None and _bare(draft):
            twin = _referent(text, merged, draft)
        if twin is None and draft.trigger.data.get("verb"):
            twin = next((m for m in merged if _met_at(draft, m)), None)
        elif twin is None:  # 만나 악수하고 있다 … 조 차관을 예방했다: the meeting its term names later
            verb = next((m for m in merged if _verb_of_meeting(m, draft) and _met_at(m, draft)), None)
            if verb is not None:
                merged[merged.index(verb)] = draft
                twin, draft = draft, verb
        package = signings.package_of(text, merged, draft)
        if package is not None:
            _absorb(package, draft)
            package.name = None  # 7건의 양해각서: the signing of them all, named by none of them
        elif twin is None:
            merged.append(draft)
        else:
            _absorb(twin, draft)
    for meal in meals:
        twin = next((m for m in merged if _served_at(meal, m) or _same_event(m, meal)), None)
        if twin is None:
            merged.append(meal)
            merged.sort(key=lambda d: d.trigger.start)
        else:
            _absorb(twin, meal)
    return _trips_named_again(merged)


def _referent(text: str, merged: Sequence[Draft], draft: Draft) -> Draft | None:
    """The meeting a bare term refers back to (이번 회담을 계기로, 회담 결과는, 양 정상, 회담 후 …):
    the latest one of a sentence or line before, of its type if there is one, whose parties hold its
    own, on a day that does not differ unless a demonstrative points back (금번 회의에서는 1992년 수교
    이래 …), and not one without the side its clause names as met (최선희는 이날 라브로프 장관과
    회담을 가졌다: a meeting of its own)."""
    held = [
        m
        for m in merged
        if _may_name(draft, m)
        and set(draft.countries) <= set(m.countries)
        and (
            m.sentence.start_char < draft.sentence.start_char
            or "\n" in text[m.trigger.end : draft.trigger.start]
        )
        and (draft.refers_back or not (m.date and draft.date and not _same_days(m, draft)))
        and not (draft.partnered and (_someone_else(draft, m) or occurrences.next_act(text, draft)))
    ]
    same = [m for m in held if m.type is draft.type]
    return (same or held)[-1] if held else None


def _trips_named_again(merged: list[Draft]) -> list[Draft]:
    """A visit naming no foreign party and no destination of its own (이번 국빈방문을 통해, 방문 첫
    일정으로는, 금번 순방에서), only Korea's (한국 방문 중) or only its visitor's side (틸러슨 장관의
    이번 방문은) is a trip the text reports elsewhere: it
    joins the nearest visit before it, else after it, that goes where it goes, of no one else. A visit
    to a place it names as its object (연합 본부를 방문해) stays."""
    kept: list[Draft] = []
    for draft in merged:
        again = not (draft.distributed or draft.partnered)  # 본부를 방문해: a visit to where it names
        if draft.type is Type.VISIT and again and (set(draft.countries) <= {HOME} or _visitor_only(draft)):
            visits = [v for v in merged if v.type is Type.VISIT and v is not draft and _same_trip(v, draft)]
            before = [v for v in visits if v.trigger.start < draft.trigger.start]
            trip = before[-1] if before else (visits[0] if visits else None)
            if trip is not None:
                _absorb(trip, draft)
                continue
        kept.append(draft)
    return kept


def _visitor_only(draft: Draft) -> bool:
    """The visit names no destination and no country but its visitors' (틸러슨 장관 방문 중)."""
    sides = {p.country for p in draft.participants if p.country}
    return not draft.destination and len(draft.countries) == 1 and set(draft.countries) <= sides


def _same_trip(trip: Draft, partial: Draft) -> bool:
    """A trip that a visit naming no foreign party may be: it goes where the visit goes (if the visit
    says), it is someone else's only if the visit names nobody, and its days do not differ."""
    if set(trip.countries) <= {HOME} or _other_people(trip, partial):
        return False
    if not set(partial.countries) <= set(trip.countries) | {HOME}:
        return False  # 틸러슨 장관의 이번 방문: a trip of the visitor's side
    if (
        partial.destination
        and not partial.refers_back
        and not set(partial.destination) <= set(trip.destination)
    ):
        return False
    return not (trip.date and partial.date and not _same_days(trip, partial))


def _same_event(a: Draft, b: Draft) -> bool:
    """Two mentions of one event: same type and parties, and no date, round or name that differs."""
    if a.type is not b.type or (a.countries != b.countries and not _one_gathering(a, b)):
        return False
    if a.trigger is b.trigger and ((a.distributed and b.distributed) or a.date != b.date):
        return False  # 각각 면담, 2008년 8월에 이어 두 번째: one mention split into two events on purpose
    if (a.earlier and b.refers_back) or (b.earlier and a.refers_back):
        return False  # 방문한 적이 있다 … 이번 방문은: the earlier visit and the current one
    if (a.recalled or b.recalled) and not (a.date and b.date):
        return False  # 2011년 5월에 이어 두 번째: the earlier visit only with a mention of its date
    if _other_people(a, b):
        return False  # 황 차관의 이집트 방문, 임 차관의 이집트 방문: two visits
    if not agree(a, b, _same_days):
        return False
    if a.type is Type.JOINT_STATEMENT and _two_documents(a, b):
        return False  # 공동성명과 공동설명서를 채택: two documents
    recalled = a.recalled or b.recalled  # dated both: the earlier occurrence, however it is called
    return a.type in ONE_WORD_TYPES or _same_term(a, b) or recalled


def _one_gathering(a: Draft, b: Draft) -> bool:
    """Two mentions of one named meeting of many, each naming some of its members (G20 외교장관회의
    … 중국 외교부장은 이번 G20 외교장관회의에 불참했다): the same, with the parties of the mention
    naming more of them if it names all the other does."""
    x, y = name_key(a.name), name_key(b.name)
    return a.type in MULTILATERAL and of_many(a) and bool(x and y) and same_name(x, y)


def _two_documents(a: Draft, b: Draft) -> bool:
    """Two different words for a joint document in one sentence (공동성명과 공동설명서, 공동선언과
    공동언론발표문): two documents adopted together, neither pointing back."""
    x, y = a.trigger.data["entries"][0], b.trigger.data["entries"][0]
    joint = all(e.attrs["event_type"] == Type.JOINT_STATEMENT.value for e in (x, y))
    same_sentence = a.sentence == b.sentence and not (a.refers_back or b.refers_back)
    return joint and same_sentence and x is not y


def _same_days(a: Draft, b: Draft) -> bool:
    """Dates that do not tell two events apart: one is the other's day, month or year, or both fall
    within one trip written with one term (국빈 방문 … 12일, 국빈 방문 … 13일), unless a note lists
    them as visits of their own."""
    x, y = a.date or "", b.date or ""
    if nested(x, y):
        return True
    if a.type is not Type.VISIT or a.background or b.background or len(x) != 10 or len(y) != 10:
        return False
    verb = a.trigger.data.get("verb") or b.trigger.data.get("verb")  # 몽골에 머물며: the visit's stay
    stop = a.distributed or b.distributed  # 사우디·카타르 순방: a stop dated by the tour's days
    if a.trigger.data["entries"][0] is not b.trigger.data["entries"][0] and not (verb or stop):
        return False  # 특사 파견 and 하노이 방문: two legs, reported as two visits
    gap = abs(dt.date.fromisoformat(x) - dt.date.fromisoformat(y))
    return gap <= TRIP


def _same_term(first: Draft, later: Draft) -> bool:
    """Two terms for one meeting: the same entry, one ending the other (차관전략대화, 전략대화), or a
    later mention pointing back (동 전략대화, 이번 회의)."""
    a, b = first.trigger.data["entries"][0], later.trigger.data["entries"][0]
    x, y = a.canonical.replace(" ", ""), b.canonical.replace(" ", "")
    same_round = bool(first.round) and first.round == later.round  # 제17차 공동위원회 … 올해로 17차 회의
    return a is b or x.endswith(y) or y.endswith(x) or later.refers_back or same_round


def _meal(draft: Draft) -> bool:
    """The term is a meal (오찬, 만찬): part of a meeting it accompanies."""
    written = draft.trigger.data["entries"][0].canonical.replace(" ", "")
    return written in cues.words("meal")


def _served_at(meal: Draft, meeting: Draft) -> bool:
    """A meeting the meal belongs to: one of the same parties on a day that does not differ."""
    return (
        meeting.type in MEETINGS
        and set(meal.countries) <= set(meeting.countries)
        and _same_days(meal, meeting)
    )


def _met_at(verb: Draft, meeting: Draft) -> bool:
    """A meeting reported by its verb (X 대통령을 만났다) is the meeting of the same parties the text
    names by its term (한·아르헨티나 정상회담) on a day that does not differ."""
    if meeting.trigger is verb.trigger:
        return False  # two meetings one verb reports (각각 만났다)
    if _other_people(verb, meeting):
        return False
    met = meeting.type in _MET_BY_VERB
    return met and meeting.countries == verb.countries and _same_days(verb, meeting)


def _verb_of_meeting(verb: Draft, meeting: Draft) -> bool:
    """A meeting reported by a verb alone (만나), not a trip (출발했다), in another sentence than the
    meeting's term (만나 … 대통령을 예방할 예정이다: two meetings)."""
    verbal = bool(verb.trigger.data.get("verb")) and verb.type in _MET_BY_VERB
    return verbal and verb.sentence != meeting.sentence


def _other_people(a: Draft, b: Draft) -> bool:
    """Both name the people of a visit and none is the other (조세 마리아, 조세 마리아 페레이라 네베스
    are one): different visits (someone else's to the same country); meetings (talks, calls, courtesy
    calls) each with someone the other does not name are different (이바노프 부총리와 회담, 이날 소콜로프
    장관과도 회담; 조 차관을 예방 … 문 대통령을 예방)."""
    x = {p.name for p in a.participants if p.name}
    y = {p.name for p in b.participants if p.name}
    if a.type in MET_ONE_SIDE:
        return bool(_unmatched(x, y) and _unmatched(y, x))
    if a.type not in _PERSONAL:
        return False
    return bool(x and y) and not any(m in n or n in m for m in x for n in y)


def _unmatched(names: set[str], others: set[str]) -> set[str]:
    """The names that are no one of `others`: sharing no word (조세 마리아 and 마리아 페레이라 네베스
    are one), nor a surname alone that begins one (박, 박진)."""
    return {m for m in names if not any(_one_person(m, n) for n in others)}


def _one_person(m: str, n: str) -> bool:
    """Two writings of one name: a shared word, or a surname alone and a name it begins."""
    short, full = sorted((m, n), key=len)
    return bool(set(m.split()) & set(n.split())) or (len(short) == 1 and full.startswith(short))


def _bare(draft: Draft) -> bool:
    """A bare general term (회담, 회의) with no name or round: the text referring back to its event,
    also as an occasion or what came first (이번 회담을 계기로, 회담 후), not as what came before the
    news (앞서 …) nor as its earlier occurrence (2016년 이후 8년 만: one of the same kind)."""
    return _general(draft) and not (draft.earlier or draft.background or draft.distributed or draft.recalled)


def _kind_of_recalled(text: str, merged: Sequence[Draft], draft: Draft) -> None:
    """An earlier occurrence counted by a bare term (서울에서 이 회의가 열리는 것은 2015년 이후 9년 만이다)
    is of the kind of the meeting the term refers back to."""
    if draft.recalled and _general(draft):
        meeting = _referent(text, merged, draft)
        draft.type = meeting.type if meeting is not None else draft.type


def _general(draft: Draft) -> bool:
    """The term is a general word (회담, 회의) written with no name or round."""
    written = EventType(draft.trigger.data["entries"][0].attrs["event_type"])  # 회담, even when a summit
    return (
        written in GENERAL
        and not draft.trigger.data.get("verb")  # 만났다 reports a meeting, it does not point back
        and draft.name is None
        and draft.name_start >= draft.trigger.start  # 한·우즈벡 경제협력위 합동회의: a meeting named
        and not draft.round
        and draft.trigger.data["entries"][0].attrs.get("level") == "any"
    )


def _may_name(bare: Draft, meeting: Draft) -> bool:
    """A bare term may name the meeting: 회담 or 협의 any but a summit of many (정상회담 … 회담 후, 깊이
    있는 협의를 가졌다), 회의 a meeting of many or a consultation, summits of many included (정상회의 …
    이번 회의)."""
    if meeting.type not in MEETINGS:
        return False
    if meeting.type is Type.SUMMIT:
        plover = meeting.trigger.data["entries"][0].attrs.get("plover") or ""
        return plover.endswith("multilateral") == (bare.type is Type.CONFERENCE)  # 만남: of two
    return bare.type is not Type.CONFERENCE or meeting.type is not Type.TALKS


def _someone_else(draft: Draft, meeting: Draft) -> bool:
    """The draft names someone the meeting does not."""
    return bool({p.name for p in draft.participants if p.name} - {p.name for p in meeting.participants})


def partnered(doc: Doc, clause_start: int, trigger: Mention) -> bool:
    """After its subject, the clause names the side met before the term: `과/와` (라브로프 장관과
    회담을 가졌다) or an object right before it (지사를 면담하고)."""
    table = table_of(doc)
    start = subject_end(doc, clause_start, trigger.start) or clause_start
    tokens = table.solid_within(start, trigger.start)
    if any(comitative(table, i) for i in tokens):
        return True
    return bool(tokens) and table.heads[tokens[-1]] == "JKO"


def _absorb(into: Draft, other: Draft) -> None:
    """Fill what the first mention of an event left open from a later one (`added`), and the draft's
    own notes of it."""
    for name, value in added(into, other).items():
        setattr(into, name, value)
    into.partnered = into.partnered or other.partnered
    into.kind = into.kind or other.kind
