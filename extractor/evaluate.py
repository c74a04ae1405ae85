"""Score korex against gold files written to the project's gold format (one JSON file per document).

    from extractor import evaluate

    evaluate.score("gold/")        # {'events': {'p': .., 'r': .., 'f1': .., 'gold': ..}, ...}
    evaluate.misses("gold/")       # one row per gold item missed, predicted item not in gold, wrong attribute

Each gold document's `text` is extracted as it is (no `doc_date` is passed: the extractor finds the
dateline itself). A predicted event matches a gold event of the same type and the same sorted countries;
among several such gold events the one with the same date (then the same round) wins, one to one.
Persons match by name ignoring spaces, organisations when one name ends with the other, countries and
dates by value. Event attributes (date, location, round, name, format, participants) are scored on
matched events only, as accuracies.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

    from extractor import Extractor

__all__ = [
    "ATTRIBUTES",
    "MISS_COLUMNS",
    "TALLIES",
    "Comparison",
    "compare",
    "compare_dir",
    "figures",
    "load_gold",
    "match_events",
    "misses",
    "score",
    "score_table",
]

#: The item kinds scored as precision, recall and F1.
TALLIES: tuple[str, ...] = ("events", "persons", "orgs", "countries", "dates", "participants")
#: The attributes scored as accuracies (`<name>_accuracy` in `score()`).
ATTRIBUTES: tuple[str, ...] = ("date", "location", "round", "name", "doc_date", "format")
#: The columns of `misses()`.
MISS_COLUMNS: tuple[str, ...] = ("doc_id", "field", "kind", "event", "salience", "gold", "predicted")

_EMPTY_PREDICTION: dict[str, Any] = {
    "doc_date": None,
    "persons": [],
    "organizations": [],
    "countries": [],
    "dates": [],
    "events": [],
}


def _squash(text: str | None) -> str:
    """`text` without any whitespace: `오카노 마사타카` and `오카노마사타카` are one name."""
    return re.sub(r"\s+", "", text or "")


def _format_of(n_countries: int) -> str:
    if n_countries <= 1:
        return "unilateral"
    return {2: "bilateral", 3: "trilateral"}.get(n_countries, "multilateral")


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1; nothing predicted where nothing is due counts as perfect."""
    precision = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def greedy_pairs(
    pred: Sequence[Any], gold: Sequence[Any], same: Callable[[Any, Any], bool]
) -> list[tuple[int, int]]:
    """One-to-one `(pred index, gold index)` pairs: each prediction takes the first free gold item it fits."""
    free = list(range(len(gold)))
    pairs = []
    for i, item in enumerate(pred):
        for j in free:
            if same(item, gold[j]):
                pairs.append((i, j))
                free.remove(j)
                break
    return pairs


def org_same(a: str | None, b: str | None) -> bool:
    """Organisation names agree when equal or when one ends with the other (`외교부`, `대한민국 외교부`)."""
    a, b = _squash(a), _squash(b)
    return bool(a and b) and (a == b or a.endswith(b) or b.endswith(a))


def city_same(pred: dict[str, Any] | None, gold: dict[str, Any] | None) -> bool:
    """Same country, and the predicted city (English or Korean) is the gold city or one of its aliases."""
    if not pred or not gold or pred.get("country") != gold.get("country"):
        return False
    names = {_squash(gold.get("city")).lower()} | {_squash(a).lower() for a in gold.get("aliases") or []}
    names.discard("")
    if not names:
        return True
    got = {_squash(pred.get(key)).lower() for key in ("city", "city_ko") if pred.get(key)}
    return bool(got & names)


def match_events(pred: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """`(pred index, gold index)` pairs of events with the same type and the same sorted countries.

    Predictions are taken in order; each takes, among the free gold events it may match, the one with
    the same date (worth 2) and the same round (worth 1), the first on a tie.
    """
    free = list(range(len(gold)))
    pairs = []
    for i, event in enumerate(pred):
        countries = sorted(event.get("countries") or [])
        best: tuple[int, int] | None = None
        for j in free:
            target = gold[j]
            if event.get("type") != target["type"] or countries != sorted(target["countries"]):
                continue
            worth = 2 * (event.get("date") == target.get("date")) + (
                event.get("round") == target.get("round")
            )
            if best is None or worth > best[0]:
                best = (worth, j)
        if best is not None:
            free.remove(best[1])
            pairs.append((i, best[1]))
    return pairs


@dataclass
class Comparison:
    """One gold document against its extraction: counts for `figures()` and rows for `misses()`."""

    doc_id: str
    tallies: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    accuracies: dict[str, tuple[int, int]] = field(default_factory=dict)
    main_events: tuple[int, int] = (0, 0)
    no_gold_events: bool = False
    false_alarm: bool = False
    error: str | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)

    def row(
        self,
        fld: str,
        kind: str,
        gold: Any = None,
        predicted: Any = None,
        *,
        event: str | None = None,
        salience: str | None = None,
    ) -> None:
        """Add a row to the misses table (columns `MISS_COLUMNS`)."""
        values = (self.doc_id, fld, kind, event, salience, gold, predicted)
        self.rows.append(dict(zip(MISS_COLUMNS, values, strict=True)))

    def judge(self, attribute: str, ok: bool, gold: Any, predicted: Any, **about: Any) -> None:
        """Count one attribute check; a wrong one becomes a row (`event.<attribute>`, or `doc_date`)."""
        right, seen = self.accuracies.get(attribute, (0, 0))
        self.accuracies[attribute] = (right + ok, seen + 1)
        if not ok:
            self.row(
                attribute if attribute == "doc_date" else f"event.{attribute}",
                "wrong",
                gold,
                predicted,
                **about,
            )


def _event_text(event: dict[str, Any]) -> str:
    """`TALKS JPN;KOR 2025-03-14 #3`: an event in one line for a table of misses."""
    parts = [
        str(event.get("type")),
        ";".join(sorted(event.get("countries") or [])) or "-",
        event.get("date") or "-",
    ]
    if event.get("round"):
        parts.append(f"#{event['round']}")
    return " ".join(parts)


def _location_text(location: dict[str, Any] | None) -> str | None:
    if not location:
        return None
    return f"{location.get('city') or location.get('city_ko') or '?'} ({location.get('country') or '?'})"


def compare(
    gold: dict[str, Any], predicted: dict[str, Any] | None, *, error: str | None = None
) -> Comparison:
    """Compare one gold document with one extraction (`Document.model_dump(mode="json")`).

    `predicted` None (with `error`, the reason) stands for an extraction that failed: everything is missed.
    """
    pred = predicted if predicted is not None else _EMPTY_PREDICTION
    out = Comparison(doc_id=str(gold.get("id")), error=error)
    out.accuracies = {name: (0, 0) for name in ATTRIBUTES}
    if error is not None:
        out.row("extract", "error", None, error)
    _compare_events(out, pred.get("events") or [], gold["events"])
    if gold.get("doc_date") is not None:
        out.judge(
            "doc_date", pred.get("doc_date") == gold["doc_date"], gold["doc_date"], pred.get("doc_date")
        )
    _compare_items(out, pred, gold)
    return out


def _compare_events(out: Comparison, pe: list[dict[str, Any]], ge: list[dict[str, Any]]) -> None:
    """Event P/R, main-event recall, false alarms, and the attributes and participants of matched events."""
    pairs = match_events(pe, ge)
    out.tallies["events"] = (len(pairs), len(pe), len(ge))
    out.main_events = (
        sum(ge[j]["salience"] == "main" for _, j in pairs),
        sum(event["salience"] == "main" for event in ge),
    )
    out.no_gold_events = not ge
    out.false_alarm = not ge and bool(pe)
    matched_pred, matched_gold = {i for i, _ in pairs}, {j for _, j in pairs}
    for j, event in enumerate(ge):
        if j not in matched_gold:
            text = _event_text(event)
            out.row("event", "missed", text, None, event=text, salience=event["salience"])
    for i, event in enumerate(pe):
        if i not in matched_pred:
            text = _event_text(event)
            out.row("event", "spurious", None, text, event=text, salience=event.get("salience"))

    people = [0, 0, 0]
    for i, j in pairs:
        p, g = pe[i], ge[j]
        about = {"event": _event_text(g), "salience": g["salience"]}
        if g.get("date") is not None:
            out.judge("date", p.get("date") == g["date"], g["date"], p.get("date"), **about)
        if g.get("location") is not None:
            ok = city_same(p.get("location"), g["location"])
            out.judge(
                "location", ok, _location_text(g["location"]), _location_text(p.get("location")), **about
            )
        if g.get("round") is not None:
            out.judge("round", p.get("round") == g["round"], g["round"], p.get("round"), **about)
        if g.get("name"):
            ok = _squash(p.get("name")) == _squash(g["name"])
            out.judge("name", ok, g["name"], p.get("name"), **about)
        fmt = _format_of(len(g["countries"]))
        out.judge("format", p.get("format") == fmt, fmt, p.get("format"), **about)
        pn = [_squash(x.get("name")) for x in p.get("participants") or [] if x.get("name")]
        written = [x["name"] for x in g.get("participants") or [] if x.get("name")]
        found = greedy_pairs(pn, [_squash(name) for name in written], str.__eq__)
        people = [people[0] + len(found), people[1] + len(pn), people[2] + len(written)]
        got = {k for _, k in found}
        for k, name in enumerate(written):
            if k not in got:
                out.row("event.participants", "missed", name, None, **about)
    out.tallies["participants"] = (people[0], people[1], people[2])


def _compare_items(out: Comparison, pred: dict[str, Any], gold: dict[str, Any]) -> None:
    """Persons, organisations, countries and dates of the whole document."""
    shown = {_squash(x["name"]): x["name"] for x in gold["persons"]}
    shown |= {_squash(x["name"]): x["name"] for x in pred.get("persons") or [] if x.get("name")}
    pp = {_squash(x.get("name")) for x in pred.get("persons") or [] if x.get("name")}
    gp = {_squash(x["name"]) for x in gold["persons"]}
    out.tallies["persons"] = (len(pp & gp), len(pp), len(gp))
    _set_rows(out, "person", gp, pp, shown)

    po = [x["name"] for x in pred.get("organizations") or [] if x.get("name")]
    go = [x["name"] for x in gold["orgs"]]
    found = greedy_pairs(po, go, org_same)
    out.tallies["orgs"] = (len(found), len(po), len(go))
    used_pred, used_gold = {i for i, _ in found}, {j for _, j in found}
    for j, name in enumerate(go):
        if j not in used_gold:
            out.row("org", "missed", name, None)
    for i, name in enumerate(po):
        if i not in used_pred:
            out.row("org", "spurious", None, name)

    pc, gc = set(pred.get("countries") or []), set(gold["countries"])
    out.tallies["countries"] = (len(pc & gc), len(pc), len(gc))
    _set_rows(out, "country", gc, pc)
    pdates, gdates = {x.get("value") for x in pred.get("dates") or []}, {x["value"] for x in gold["dates"]}
    out.tallies["dates"] = (len(pdates & gdates), len(pdates), len(gdates))
    _set_rows(out, "date", gdates, pdates)


def _set_rows(
    out: Comparison, fld: str, gold: set[Any], pred: set[Any], shown: dict[Any, Any] | None = None
) -> None:
    """Rows for the values only one side has, written as the text has them (`shown`) where it is known."""
    shown = shown or {}
    for value in sorted(gold - pred, key=str):
        out.row(fld, "missed", shown.get(value, value), None)
    for value in sorted(pred - gold, key=str):
        out.row(fld, "spurious", None, shown.get(value, value))


def figures(comparisons: Iterable[Comparison]) -> dict[str, Any]:
    """The corpus figures of some comparisons: P/R/F1 per item kind, main-event recall, accuracies."""
    sums = {name: [0, 0, 0] for name in TALLIES}
    correct = {name: [0, 0] for name in ATTRIBUTES}
    main_hit = main_n = false_alarms = no_event_docs = errors = documents = 0
    for c in comparisons:
        documents += 1
        errors += c.error is not None
        for name, counts in c.tallies.items():
            for k in range(3):
                sums[name][k] += counts[k]
        for name, (a, n) in c.accuracies.items():
            correct[name][0] += a
            correct[name][1] += n
        main_hit += c.main_events[0]
        main_n += c.main_events[1]
        no_event_docs += c.no_gold_events
        false_alarms += c.false_alarm
    out: dict[str, Any] = {"documents": documents, "errors": errors}
    for name, (tp, n_pred, n_gold) in sums.items():
        p, r, f1 = prf(tp, n_pred, n_gold)
        out[name] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3), "gold": n_gold}
    out["main_event_recall"] = round(main_hit / main_n, 3) if main_n else None
    for name, (a, n) in correct.items():
        out[f"{name}_accuracy"] = round(a / n, 3) if n else None
    out["false_alarm_docs"] = f"{false_alarms}/{no_event_docs}"
    return out


_REQUIRED = {"text": str, "events": list, "persons": list, "orgs": list, "countries": list, "dates": list}
_EVENT_REQUIRED = {"type": str, "salience": str, "countries": list}


def _check_gold(data: Any, path: Path) -> dict[str, Any]:
    """The gold record of `path`, or an InputError naming what is wrong with it."""
    if not isinstance(data, dict):
        raise InputError(f"{path}: a gold file holds one JSON object", path=path)
    for key, kind in _REQUIRED.items():
        if not isinstance(data.get(key), kind):
            raise InputError(f"{path}: gold field {key!r} is missing or not a {kind.__name__}", path=path)
    for number, event in enumerate(data["events"]):
        for key, kind in _EVENT_REQUIRED.items():
            if not isinstance(event, dict) or not isinstance(event.get(key), kind):
                raise InputError(
                    f"{path}: event {number}: {key!r} is missing or not a {kind.__name__}", path=path
                )
    data.setdefault("doc_date", None)
    data["id"] = data.get("id") or path.stem
    return data


def load_gold(gold_dir: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Every gold document (`*.json`) in `gold_dir`, sorted by file name; InputError for a malformed one."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder of gold files", path=folder)
    documents = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"{path}: not a JSON gold file ({exc})", path=path) from None
        documents.append(_check_gold(data, path))
    if not documents:
        raise InputError(f"{folder}: holds no gold files (*.json)", path=folder)
    return documents


def compare_dir(gold_dir: str | os.PathLike[str], *, extractor: Extractor | None = None) -> list[Comparison]:
    """Extract every gold document's text and compare it with its gold (a failed extraction is a finding)."""
    import extractor as korex

    ex = extractor or korex.default_extractor()
    out = []
    for gold in load_gold(gold_dir):
        try:
            predicted = ex.extract(gold["text"]).model_dump(mode="json")
        except Exception as exc:  # a crash on one document is a finding of the evaluation, not its end
            out.append(compare(gold, None, error=f"{type(exc).__name__}: {exc}"))
            continue
        out.append(compare(gold, predicted))
    return out


def score(gold_dir: str | os.PathLike[str], *, extractor: Extractor | None = None) -> dict[str, Any]:
    """The figures of korex on a folder of gold files (see `figures()`), with the seconds it took."""
    started = time.perf_counter()
    out = figures(compare_dir(gold_dir, extractor=extractor))
    out["seconds"] = round(time.perf_counter() - started, 2)
    return out


def misses(gold_dir: str | os.PathLike[str], *, extractor: Extractor | None = None) -> pd.DataFrame:
    """Where korex and the gold differ, one row each (columns `MISS_COLUMNS`).

    `field` is event, person, org, country, date, doc_date, `event.<attribute>` or extract; `kind` is
    missed (gold only), spurious (predicted only), wrong (a matched event's attribute) or error;
    `event` and `salience` say which event a row is about, `gold` and `predicted` what each side has.
    """
    import pandas as pd

    rows = [r for c in compare_dir(gold_dir, extractor=extractor) for r in c.rows]
    return pd.DataFrame(rows, columns=list(MISS_COLUMNS)).astype("string")


def score_table(scores: dict[str, Any]) -> pd.DataFrame:
    """`score()`'s figures as a table: one row per item kind (p, r, f1, gold) and per accuracy (value)."""
    import pandas as pd

    rows = [
        {
            "figure": name,
            "p": scores[name]["p"],
            "r": scores[name]["r"],
            "f1": scores[name]["f1"],
            "gold": scores[name]["gold"],
            "value": scores[name]["f1"],
        }
        for name in TALLIES
        if name in scores
    ]
    singles = ["main_event_recall", *(f"{name}_accuracy" for name in ATTRIBUTES)]
    rows += [{"figure": name, "value": scores[name]} for name in singles if scores.get(name) is not None]
    table = pd.DataFrame(rows, columns=["figure", "p", "r", "f1", "gold", "value"])
    return table.astype(
        {"figure": "string", "gold": "Int64", "p": float, "r": float, "f1": float, "value": float}
    )
