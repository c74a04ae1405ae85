"""The event being assembled from one trigger, which each stage fills in turn."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from extractor.events.clauses import Sentence
from extractor.mentions import Mention
from extractor.models import EventType, Location, Participant

#: The home government of the texts korex reads: a party wherever the text speaks for Korea.
HOME = "KOR"
#: The longest a visit or a tour lasts: two dates closer than this may be days of one trip.
TRIP = dt.timedelta(days=10)


@dataclass
class Draft:
    """An event being assembled from one trigger."""

    trigger: Mention
    type: EventType
    sentence: Sentence
    name_start: int
    countries: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    date: str | None = None
    end_date: str | None = None
    location: Location | None = None
    round: int | None = None
    name: str | None = None
    cameo: str | None = None
    plover: str | None = None
    confidence: float = 0.5
    background: bool = False
    subordinate: bool = False
    future: bool = False
    #: A coming event only proposed or aimed at (개최를 검토): its people are not known yet.
    tentative: bool = False
    #: Reported as what happened before the news (앞서 …): never main.
    earlier: bool = False
    #: Its sentence reports it as coming, in the plain present (갖는다, 열린다).
    reported_coming: bool = False
    #: Its clause dates it by words no dateline resolves (다음 주, 조만간): no other day is its own.
    vaguely_dated: bool = False
    #: Its clause gives only a time of day (오전 11시부터는 … 예방한다): the document's day.
    timed: bool = False
    refers_back: bool = False
    #: An earlier occurrence a sentence counts from (2011년 5월에 이어 두 번째): one event only with a
    #: mention of its own date.
    recalled: bool = False
    #: Its clause names the side met before it (라브로프 장관과 회담을 가졌다): a meeting of its own.
    partnered: bool = False
    kind: str | None = None
    #: Where a visit goes (the parties stage finds it, the places stage locates the visit there).
    destination: list[str] = field(default_factory=list)
    main: bool = False
    #: One of several bilateral events a single mention reports (split.py): never a bare back-reference.
    distributed: bool = False
