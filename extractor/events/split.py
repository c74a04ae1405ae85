"""Splitting: one mention that reports several bilateral events.

- A trip to several countries is one visit per country (브라질·아르헨티나를 차례로 순방; 몽골, 우즈베키스탄 등
  3개국을 국빈 방문), each with its own date where the list gives one (16~18일 콜롬비아, 18~21일 페루).
- A meeting held with several countries `각각` (respectively), `잇따라` (in turn) or as `양자` (bilateral)
  meetings gives a bilateral event with each country: 조 장관은 프랑스 및 독일 외교장관과 각각
  통화하였다 gives a call with each.
- On a tour, a meeting with `각국` or `N국` leaders is one with each country toured.
- A sentence that counts an event from an earlier one (2008년 8월에 이어 두 번째다, 지난해 9월 이후
  15개월 만이다) reports that earlier occurrence too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc

from extractor.events import cues, lists, occurrences
from extractor.events.clauses import Sentence, subject_end
from extractor.events.draft import HOME, Draft
from extractor.events.event_types import MET_ONE_SIDE, MULTILATERAL, of_many
from extractor.events.labels import Label, Type
from extractor.mentions import Mention
from extractor.models import EventType
from extractor.tokens import table_of, text_of

#: What follows the term of the event a sentence counts: a topic or subject particle, or a verb's
#: 것은 (만나는 것은).
_TOPIC = re.compile(r"^(은|는|이|가)(\s|$)|^[가-힣]{0,3}\s*것(은|이)\s")
#: How many words may stand between the date of an earlier occurrence and the word that marks it (지난해
#: 11월 5일 도쿄에서 마주 앉은 이후; 2019년 제2차 전략대화 이후).
_SINCE_WITHIN = 5
#: 에 이어 (following): what is listed before it was done earlier.
FOLLOWING = re.compile(r"에\s?이어")
#: A count of countries: 18개국과, 10여개국, 10여 개국.
_COUNT = re.compile(r"\d+\s*여?\s*개국")
#: A count of countries before a term: 3국 정상과의 회담, 4개국 장관들과.
_COUNTED = re.compile(r"^\d+\s*개?국")


def apart(
    doc: Doc, found: Sequence[Mention], draft: Draft, drafts: Sequence[Draft], local: Sequence[Mention]
) -> list[Draft]:
    """The events one draft reports (the draft itself when it reports one); `drafts` are all the
    document's, among which a trip to several countries; `local` the mentions of its sentence."""
    text = text_of(doc)
    if draft.type is Type.VISIT and len(draft.destination) >= 2:
        return _per_destination(text, found, draft)
    if _counted_partners(text, found, draft):
        return []  # 18개국과 양자회담: the meetings each reported on their own, or not at all
    split = (
        _per_partner(text, local, draft)
        or _per_pair(text, local, draft)
        or _per_stop(text, draft, drafts)
        or _either_partner(doc, found, draft)
        or _respectively(doc, draft, found)
    )
    earlier = _earlier(text, found, draft, drafts)
    return [*split, *([earlier] if earlier else []), *_earlier_partners(text, local, draft)]


def _earlier_partners(text: str, local: Sequence[Mention], draft: Draft) -> list[Draft]:
    """The same acts with the countries listed before `에 이어` in the event's sentence, done earlier
    (캐나다·호주(9일), 인도·브라질(13일)에 이어 오늘 멕시코 외교장관과 통화): one with each."""
    start = draft.sentence.start_char
    following = FOLLOWING.search(text, start, draft.trigger.start)
    if following is None or any(
        m.label is Label.MEETING and following.end() <= m.start < draft.trigger.start for m in local
    ):
        return []  # none, or 에 이어 belongs to another act between (… 통화함으로써 … 전화 협의를)
    listed = lists.before(text, local, following.start() + 1, start)
    partners = [code for code in dict.fromkeys(m.norm or "" for m in listed) if code not in draft.countries]
    if not partners:
        return []
    own = [HOME] if HOME in draft.countries else [c for c in draft.countries if c not in partners][:1]
    return [
        replace(
            draft,
            countries=sorted({*own, code}),
            participants=[p for p in draft.participants if p.country in own],
            kind="after",
            subordinate=True,
            future=False,
            date=None,
            end_date=None,
            name=None,
            round=None,
            location=None,
            distributed=True,
        )
        for code in partners
    ]


def _earlier(text: str, found: Sequence[Mention], draft: Draft, drafts: Sequence[Draft]) -> Draft | None:
    """The earlier occurrence a sentence counts from (방한은 2011년 5월에 이어 두 번째다; 예방은 지난해 4월
    이후 20개월 만이다; 올해 3월에 이어 다섯 달 만에 열린 협의): the same event, at that date. The event
    counted is the one the text reported before when the sentence names too few of its parties."""
    date = earlier_date(text, found, draft.sentence, draft.trigger.start)
    if date is None or not _counted(text, draft):
        return None
    if len(draft.countries) < 2:
        reported = [
            d
            for d in drafts
            if d.type is draft.type and len(d.countries) >= 2 and d.trigger.start < draft.trigger.start
        ]
        if reported:
            draft.countries = list(reported[0].countries)
    if draft.date == date.norm:
        draft.date = draft.end_date = None  # the earlier occurrence's date, not this one's
    return replace(
        draft,
        date=date.norm,
        end_date=date.data.get("end_value"),
        kind="after",
        subordinate=True,
        future=False,
        name=None,
        round=None,
        location=None,
        refers_back=False,
        recalled=True,
    )


def _counted(text: str, draft: Draft) -> bool:
    """The event is the one its sentence counts: its term is the sentence's topic or subject (방한은
    …에 이어 두 번째다; 만나는 것은 … 만이다), or the count stands before it (다섯 달 만에 열린 협의),
    not another event the sentence names (… 정상회담을 앞둔 지난해 9월 이후)."""
    after = text[draft.trigger.end : draft.sentence.end_char]
    if _TOPIC.match(after):
        return True
    return bool(occurrences.COUNTED_FROM.search(text, draft.sentence.start_char, draft.trigger.start))


def earlier_date(
    text: str, found: Sequence[Mention], sentence: Sentence, trigger_start: int
) -> Mention | None:
    """The date a sentence counts its event from, in a sentence that counts (N 만이다, 두 번째다, 이후
    처음): a date followed, within a few words of its own phrase, by 이후, (에) 이어 or 당시 (지난해
    11월 5일 도쿄에서 마주 앉은 이후; 2019년 당시 … 방한한 것을 포함하면), with no date of the
    event's own between (… 재개된 이후 올해 6월에는 대표단이 방한: dated itself) and no meeting of its
    own before 이후."""
    if not occurrences.counts(text, sentence):
        return None
    since = cues.words("since")
    dates = sorted(
        (
            m
            for m in found
            if m.label is Label.DATE and sentence.start_char <= m.start and m.end <= sentence.end_char
        ),
        key=lambda m: m.start,
    )  # one no dateline resolves too (지난 9월에 이어 2개월 만에): an earlier occurrence of no known date
    for k, date in enumerate(dates):
        end = dates[k + 1].start if k + 1 < len(dates) else sentence.end_char
        own = any(date.end < d.start < trigger_start for d in dates)
        position = date.end
        for word in text[date.end : end].split(maxsplit=_SINCE_WITHIN)[:_SINCE_WITHIN]:
            position = text.index(word, position) + len(word)
            if word.rstrip(",") in since or (word.startswith("에") and word[1:] in since):
                met = _met_between(found, date.end, position)
                return None if own or met else date
            if word.endswith((",", "고", "며")):
                break  # the date's phrase ended
    return None


def _met_between(found: Sequence[Mention], start: int, end: int) -> bool:
    """A meeting of its own stands between a date and 이후 (2월 열린 한-호주 외교장관회담 이후 처음으로
    … 통화): the earlier event is that meeting, not the counted one; an occasion of many is not one
    (지난해 9월 유엔총회 이후: the two met at it)."""
    return any(
        m.label is Label.MEETING
        and start <= m.start < end
        and m.data["entries"][0].attrs["event_type"] != Type.CONFERENCE.value
        and not (m.data["entries"][0].attrs.get("plover") or "").endswith("multilateral")
        for m in found
    )


def _per_pair(text: str, local: Sequence[Mention], draft: Draft) -> list[Draft]:
    """One event per pair of countries listed in its name (한중·한일 국장급 협의) or, before `각각`, as
    its subject (브라질과 칠레, 브라질과 페루는 각각 양자 협정을 체결했다)."""
    if of_many(draft):
        return []
    named = lists.pairs(text, local, draft.name_start, draft.trigger.start)
    if not named and _distributive(text, draft):
        named = lists.pairs(text, local, draft.sentence.start_char, draft.trigger.start)
    return [
        replace(
            draft,
            countries=pair,
            participants=[p for p in draft.participants if p.country in (None, *pair)],
            distributed=True,
        )
        for pair in named
    ]


def _per_stop(text: str, draft: Draft, drafts: Sequence[Draft]) -> list[Draft]:
    """One meeting per country of the document's tour when it is held with `각국` or `N국` leaders
    (김 총리는 4개국 정상과 잇단 회담으로 …; 이번 방문에서 각국 정상과 회담하고; 각국과 협정 서명)."""
    if of_many(draft) or draft.type is Type.VISIT or not _each_country(text, draft):
        return []
    trips = [d for d in drafts if d.type is Type.VISIT and len(d.destination) >= 2]
    if not trips:
        return []
    trip = min(trips, key=lambda d: abs(d.trigger.start - draft.trigger.start))
    home_side = [code for code in trip.countries if code not in trip.destination] or [HOME]
    return [
        replace(draft, countries=sorted({*home_side, code}), distributed=True) for code in trip.destination
    ]


def _each_country(text: str, draft: Draft) -> bool:
    """`각국`, or a count of countries (3국, 4개국), stands before the term in its sentence (3국 정상과의
    회담을 통해 … 총 76건의 MOU 체결을 통해: both with each)."""
    words = text[draft.sentence.start_char : draft.trigger.start].split()
    each = tuple(cues.words("each_country"))
    return any(word.startswith(each) or _COUNTED.match(word) for word in words)


def _per_partner(text: str, local: Sequence[Mention], draft: Draft) -> list[Draft]:
    """One meeting per country of the list before a distributive word (브루나이, 싱가포르와 잇달아 양자
    회담; 영국, 독일 외교장관과 각각 통화), with the subject's side as the other party."""
    if of_many(draft) or not _distributive(text, draft):
        return []
    listed = lists.before(text, local, _list_end(text, draft), draft.sentence.start_char, titled=True)
    partners = list(dict.fromkeys(m.norm or "" for m in listed))
    if len(partners) < 2:
        return []
    own = [code for code in draft.countries if code not in partners] or [HOME]
    return _one_with_each(draft, own, partners)


def _either_partner(doc: Doc, found: Sequence[Mention], draft: Draft) -> list[Draft]:
    """Talks, a call or a courtesy call with partners joined by `or` (여왕이나 교황과의 만남, 미국 또는
    일본 장관과 통화): no one meeting holds them together, so one with each."""
    written = EventType(draft.trigger.data["entries"][0].attrs["event_type"])
    if written not in MET_ONE_SIDE or of_many(draft) or len(draft.countries) < 3:
        return []
    table = table_of(doc)
    start = draft.sentence.start_char
    earlier = [m.end for m in found if m.label is Label.MEETING and start <= m.end <= draft.name_start]
    start = max([subject_end(doc, start, draft.trigger.start) or start, *earlier])
    either = cues.words("either")
    joins = (i for i in table.within(start, draft.name_start) if table.heads[i] in ("JC", "MAG"))
    if not any(table.lemmas[i] in either for i in joins):
        return []
    partners = {
        code
        for m in found
        if start <= m.start and m.end <= draft.name_start
        for code in [m.norm if m.label is Label.COUNTRY else m.country]
        if code in draft.countries
    }
    own = [code for code in draft.countries if code not in partners]
    if len(own) != 1 or len(partners) < 2:
        return []
    return _one_with_each(draft, own, sorted(partners))


def _one_with_each(draft: Draft, own: list[str], partners: list[str]) -> list[Draft]:
    """One event of the subject's side with each partner, with the people of those two sides."""
    return [
        replace(
            draft,
            countries=sorted({*own, code}),
            participants=[p for p in draft.participants if p.country in (None, *own, code)],
            distributed=True,
        )
        for code in partners
    ]


def _counted_partners(text: str, found: Sequence[Mention], draft: Draft) -> bool:
    """Bilateral meetings with partners given by their count alone (18개국과 양자회담, 日 포함 10여개국
    연쇄 양자회담): many meetings, no one event, whose parties the text does not list."""
    if of_many(draft) or not _distributive(text, draft):
        return False
    words = text[draft.sentence.start_char : draft.trigger.start].rsplit(maxsplit=4)[-4:]
    if not any(_COUNT.search(word) for word in words):
        return False
    listed = lists.before(text, found, _list_end(text, draft), draft.sentence.start_char, titled=True)
    return len(listed) < 2


def _order_words() -> frozenset[str]:
    """Words that make a meeting with several partners one with each: 각각, 잇따라, 양자."""
    return cues.any_of("respectively", "in_turn", "bilateral")


@cache
def _order_prefixes() -> tuple[str, ...]:
    """The order words as a tuple, for `str.startswith`."""
    return tuple(sorted(_order_words()))


def _distributive(text: str, draft: Draft) -> bool:
    """A distributive word stands among the three words before the term, or opens it (양자회담)."""
    words = text[draft.sentence.start_char : draft.trigger.start].rsplit(maxsplit=3)[-3:]
    order = _order_words()
    opens = text.startswith(_order_prefixes(), draft.trigger.start, draft.trigger.end)
    return opens or any(word in order for word in words)


def _list_end(text: str, draft: Draft) -> int:
    """Where the partners' list ends: before the distributive words and title words that lead to the
    term (필리핀과 잇달아 양자 외교장관 회담: after 필리핀과)."""
    end = draft.name_start
    order = _order_words()
    while True:
        before = text[draft.sentence.start_char : end].rstrip()
        words = before.rsplit(maxsplit=1)
        word = words[-1] if words else ""
        if word not in order:
            return end
        end = draft.sentence.start_char + len(before) - len(word)


def _per_destination(text: str, found: Sequence[Mention], draft: Draft) -> list[Draft]:
    """One visit per destination, with the visitor's side as the other party; a date the list shares
    (18~20일 우크라이나와 독일을) is the first stop's, and of the others only the month."""
    listed = lists.before(text, found, draft.trigger.start, draft.sentence.start_char)
    own = lists.dated(found, listed, draft.sentence.start_char)
    dates = {m.norm: own[m.start] for m in listed if m.start in own}
    home_side = [code for code in draft.countries if code not in draft.destination]
    first = listed[0].norm if listed and not dates else None
    month = (draft.date or "")[:7] or None
    shared = {code: draft.date if code == first else month for code in draft.destination}
    return [
        replace(
            draft,
            countries=sorted({*home_side, code}),
            destination=[code],
            date=dates[code].norm if code in dates else shared[code] if first else None,
            end_date=dates[code].data.get("end_value") if code in dates else None,
            location=None,
            distributed=True,
        )
        for code in draft.destination
    ]


def _respectively(doc: Doc, draft: Draft, found: Sequence[Mention]) -> list[Draft]:
    """One draft per foreign party when `각각`, `연이어` or `양자` stands just before the trigger (A 총리,
    B 대통령을 연이어 만나), or per person met when they are of one country (러시아 외교부 1차관과
    아태담당 차관을 각각 면담): the subject (장 차관은) meets each, whatever country it states."""
    text = text_of(doc)
    foreign = [code for code in draft.countries if code != HOME]
    if HOME not in draft.countries or not foreign or draft.type in MULTILATERAL:
        return [draft]
    words = text[draft.sentence.start_char : draft.trigger.start].rsplit(maxsplit=3)[-3:]
    if not any(word in _order_words() for word in words):
        return [draft]
    if len(foreign) == 1:
        subject = _subject_names(doc, draft, found)
        own = [p for p in draft.participants if p.country == HOME or p.name in subject]
        people = [p for p in draft.participants if p.name and p not in own]
        if len(people) < 2:
            return [draft]
        return [replace(draft, participants=[*own, person], distributed=True) for person in people]
    return [
        replace(
            draft,
            countries=sorted([HOME, code]),
            participants=[p for p in draft.participants if p.country in (None, HOME, code)],
            distributed=True,
        )
        for code in foreign
    ]


def _subject_names(doc: Doc, draft: Draft, found: Sequence[Mention]) -> set[str]:
    """The names of the people who are the subject of the trigger's sentence (장 차관은 …)."""
    start = draft.sentence.start_char
    end = subject_end(doc, start, draft.trigger.start)
    if end is None:
        return set()
    return {
        m.data.get("name") or ""
        for m in found
        if m.label is Label.PERSON and start <= m.start and m.end <= end
    }
