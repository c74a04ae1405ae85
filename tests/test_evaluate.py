"""extractor.evaluate: gold files against extractions, matched as the project's scorer matches them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import extractor
from extractor import evaluate
from extractor.errors import InputError

GOLD = Path(__file__).parent / "data" / "gold"


def event(type_: str, countries: list[str], date: str | None = None, **more: Any) -> dict[str, Any]:
    """A gold-format event (missing fields null)."""
    found = {
        "type": type_,
        "salience": "main",
        "countries": sorted(countries),
        "date": date,
        "location": None,
        "participants": [],
        "round": None,
        "name": None,
    }
    return found | more


def gold_doc(**more: Any) -> dict[str, Any]:
    """A gold document with nothing in it but what `more` gives."""
    found = {
        "id": "g",
        "doc_date": None,
        "text": "",
        "persons": [],
        "orgs": [],
        "countries": [],
        "dates": [],
        "events": [],
    }
    return found | more


def prediction(**more: Any) -> dict[str, Any]:
    """An extraction as `Document.model_dump(mode="json")` would give it, reduced to what is compared."""
    found = {
        "doc_date": None,
        "persons": [],
        "organizations": [],
        "countries": [],
        "dates": [],
        "events": [],
    }
    return found | more


# --------------------------------------------------------------------------- matching rules


def test_prf_counts_nothing_predicted_for_nothing_due_as_perfect() -> None:
    assert evaluate.prf(0, 0, 0) == (1.0, 1.0, 1.0)
    assert evaluate.prf(0, 0, 3) == (0.0, 0.0, 0.0)
    assert evaluate.prf(0, 2, 0) == (0.0, 1.0, 0.0)
    p, r, f1 = evaluate.prf(1, 2, 4)
    assert (p, r) == (0.5, 0.25)
    assert f1 == pytest.approx(1 / 3)


def test_events_match_on_type_and_sorted_countries_only() -> None:
    gold = [event("TALKS", ["JPN", "KOR"], "2025-03-01")]
    assert evaluate.match_events([event("TALKS", ["KOR", "JPN"], "2024-01-01")], gold) == [(0, 0)]
    assert evaluate.match_events([event("SUMMIT", ["JPN", "KOR"], "2025-03-01")], gold) == []
    assert evaluate.match_events([event("TALKS", ["JPN", "KOR", "USA"], "2025-03-01")], gold) == []


def test_a_prediction_takes_the_gold_event_with_its_date_then_its_round() -> None:
    gold = [
        event("CONSULTATION", ["CHN", "KOR"], "2025-03", round=1),
        event("CONSULTATION", ["CHN", "KOR"], "2025-09-04", round=2),
        event("CONSULTATION", ["CHN", "KOR"], "2025-09-04", round=3),
    ]
    pred = [event("CONSULTATION", ["CHN", "KOR"], "2025-09-04", round=3)]
    assert evaluate.match_events(pred, gold) == [(0, 2)]
    pred = [event("CONSULTATION", ["CHN", "KOR"], "2025-09-04")]
    assert evaluate.match_events(pred, gold) == [(0, 1)]


def test_matching_is_one_to_one() -> None:
    gold = [event("VISIT", ["KOR", "USA"], "2025-05-12")]
    pred = [event("VISIT", ["KOR", "USA"], "2025-05-12"), event("VISIT", ["KOR", "USA"], "2025-05-12")]
    assert evaluate.match_events(pred, gold) == [(0, 0)]


def test_organisations_match_when_one_name_ends_with_the_other() -> None:
    assert evaluate.org_same("대한민국 외교부", "외교부")
    assert evaluate.org_same("외교부", "외 교 부")
    assert not evaluate.org_same("외교부장관실", "외교부")
    assert not evaluate.org_same("", "외교부")


def test_a_city_matches_by_english_name_or_any_korean_alias_in_the_same_country() -> None:
    gold = {"city": "Tokyo", "aliases": ["동경", "도쿄"], "country": "JPN"}
    assert evaluate.city_same({"city": None, "city_ko": "도쿄", "country": "JPN"}, gold)
    assert evaluate.city_same({"city": "tokyo", "city_ko": None, "country": "JPN"}, gold)
    assert not evaluate.city_same({"city": "Tokyo", "city_ko": "도쿄", "country": "KOR"}, gold)
    assert not evaluate.city_same(None, gold)
    assert evaluate.city_same({"country": "JPN"}, {"city": None, "aliases": [], "country": "JPN"})


# --------------------------------------------------------------------------- one document


def full_gold() -> dict[str, Any]:
    return gold_doc(
        doc_date="2025-10-14",
        persons=[{"name": "한도윤"}, {"name": "에밀리아 코스키넨"}],
        orgs=[{"name": "외교부", "country": "KOR"}],
        countries=["FIN", "KOR"],
        dates=[{"text": "10월 14일", "value": "2025-10-14"}],
        events=[
            event(
                "STRATEGIC_DIALOGUE",
                ["FIN", "KOR"],
                "2025-10-14",
                location={"city": "Seoul", "aliases": ["서울"], "country": "KOR"},
                participants=[{"name": "한도윤"}, {"name": "에밀리아 코스키넨"}],
                round=2,
                name="제2차 한-핀란드 차관급 전략대화",
            ),
            event("PHONE_CALL", ["FIN", "KOR"], "2025-09", salience="mentioned"),
        ],
    )


def perfect_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    events = []
    for e in gold["events"]:
        location = e["location"] and {"city": e["location"]["city"], "city_ko": None, "country": "KOR"}
        fmt = {1: "unilateral", 2: "bilateral", 3: "trilateral"}.get(len(e["countries"]), "multilateral")
        events.append(e | {"format": fmt, "location": location})
    return prediction(
        doc_date=gold["doc_date"],
        persons=[{"name": p["name"]} for p in gold["persons"]],
        organizations=[{"name": "대한민국 외교부"}],
        countries=list(gold["countries"]),
        dates=[{"value": d["value"]} for d in gold["dates"]],
        events=events,
    )


def test_a_perfect_extraction_scores_one_everywhere_and_leaves_no_rows() -> None:
    gold = full_gold()
    result = evaluate.figures([evaluate.compare(gold, perfect_prediction(gold))])
    for name in evaluate.TALLIES:
        assert result[name]["f1"] == 1.0, name
    assert result["main_event_recall"] == 1.0
    assert all(result[f"{name}_accuracy"] == 1.0 for name in evaluate.ATTRIBUTES)
    assert evaluate.compare(gold, perfect_prediction(gold)).rows == []


def test_misses_name_what_is_missing_spurious_and_wrong() -> None:
    gold = full_gold()
    pred = perfect_prediction(gold)
    dialogue = pred["events"][0]
    dialogue.update(date="2025-10-15", round=3, participants=[{"name": "한도윤"}])
    pred["events"] = [dialogue, event("VISIT", ["KOR"], "2025-10-16", format="unilateral")]
    pred["persons"] = [{"name": "한도윤"}, {"name": "김가상"}]
    pred["countries"] = ["KOR"]
    c = evaluate.compare(gold, pred)
    rows = {(r["field"], r["kind"], r["gold"], r["predicted"]) for r in c.rows}
    assert ("event", "missed", "PHONE_CALL FIN;KOR 2025-09", None) in rows
    assert ("event", "spurious", None, "VISIT KOR 2025-10-16") in rows
    assert ("event.date", "wrong", "2025-10-14", "2025-10-15") in rows
    assert ("event.round", "wrong", 2, 3) in rows
    assert ("event.participants", "missed", "에밀리아 코스키넨", None) in rows
    assert ("person", "missed", "에밀리아 코스키넨", None) in rows
    assert ("person", "spurious", None, "김가상") in rows
    assert ("country", "missed", "FIN", None) in rows
    wrong_date = next(r for r in c.rows if r["field"] == "event.date")
    assert wrong_date["event"] == "STRATEGIC_DIALOGUE FIN;KOR 2025-10-14 #2"
    assert wrong_date["salience"] == "main"
    result = evaluate.figures([c])
    assert result["events"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "gold": 2}
    assert result["main_event_recall"] == 1.0
    assert result["date_accuracy"] == 0.0
    assert result["location_accuracy"] == 1.0
    assert result["participants"]["r"] == 0.5


def test_events_in_a_document_without_gold_events_are_a_false_alarm() -> None:
    quiet = gold_doc(events=[])
    loud = prediction(events=[event("STATEMENT", ["KOR"], format="unilateral")])
    result = evaluate.figures([evaluate.compare(quiet, loud), evaluate.compare(quiet, prediction())])
    assert result["false_alarm_docs"] == "1/2"
    assert result["main_event_recall"] is None
    assert result["date_accuracy"] is None


def test_a_failed_extraction_misses_everything_and_is_counted() -> None:
    c = evaluate.compare(full_gold(), None, error="ValueError: boom")
    assert c.rows[0] == {
        "doc_id": "g",
        "field": "extract",
        "kind": "error",
        "event": None,
        "salience": None,
        "gold": None,
        "predicted": "ValueError: boom",
    }
    result = evaluate.figures([c])
    assert result["errors"] == 1
    assert result["events"]["r"] == 0.0


countries = st.lists(
    st.sampled_from(["CHN", "JPN", "KOR", "USA", "VNM"]), min_size=1, max_size=3, unique=True
)
events = st.lists(
    st.builds(
        event,
        st.sampled_from(["TALKS", "SUMMIT", "VISIT"]),
        countries,
        st.sampled_from([None, "2025", "2025-03", "2025-03-01"]),
        round=st.sampled_from([None, 1, 2]),
    ),
    max_size=6,
)


@given(events, events)
def test_matched_events_never_exceed_either_side_and_each_is_used_once(
    pred: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> None:
    pairs = evaluate.match_events(pred, gold)
    assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
    assert len(pairs) <= min(len(pred), len(gold))
    for i, j in pairs:
        assert pred[i]["type"] == gold[j]["type"]
        assert sorted(pred[i]["countries"]) == gold[j]["countries"]


@given(events)
def test_the_gold_itself_matches_every_gold_event(gold: list[dict[str, Any]]) -> None:
    assert len(evaluate.match_events(gold, gold)) == len(gold)


# --------------------------------------------------------------------------- gold files


def write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_load_gold_reads_every_file_in_name_order_and_names_them(tmp_path: Path) -> None:
    write(tmp_path, "b.json", gold_doc(id="second"))
    write(tmp_path, "a.json", {k: v for k, v in gold_doc().items() if k not in ("id", "doc_date")})
    write(tmp_path, "notes.txt", "not gold")
    loaded = evaluate.load_gold(tmp_path)
    assert [g["id"] for g in loaded] == ["a", "second"]
    assert loaded[0]["doc_date"] is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a JSON gold file"),
        ([1, 2], "one JSON object"),
        ({"text": "x", "events": []}, "'persons' is missing"),
        (gold_doc(events=[{"type": "TALKS", "salience": "main"}]), "event 0: 'countries'"),
    ],
)
def test_a_malformed_gold_file_is_an_input_error(tmp_path: Path, content: Any, message: str) -> None:
    write(tmp_path, "bad.json", content)
    with pytest.raises(InputError, match=message):
        evaluate.load_gold(tmp_path)


def test_a_missing_or_empty_gold_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a folder"):
        evaluate.score(tmp_path / "nowhere")
    with pytest.raises(InputError, match="no gold files"):
        evaluate.misses(tmp_path)


def test_the_test_gold_files_follow_the_gold_format() -> None:
    for gold in evaluate.load_gold(GOLD):
        assert gold["countries"] == sorted(gold["countries"])
        for e in gold["events"]:
            assert e["countries"] == sorted(e["countries"])
            assert set(e) >= {"type", "salience", "countries", "date", "location", "participants", "round"}


# --------------------------------------------------------------------------- with the extractor


def test_score_runs_korex_on_the_gold_folder(korex: extractor.Extractor) -> None:
    result = evaluate.score(GOLD, extractor=korex)
    assert result["documents"] == 3
    assert result["errors"] == 0
    assert result["events"]["gold"] == 3
    assert result["countries"]["gold"] == 4
    assert result["main_event_recall"] == 1.0
    assert result["false_alarm_docs"] == "0/1"
    assert result["round_accuracy"] == 1.0
    for name in evaluate.TALLIES:
        assert 0.0 <= result[name]["f1"] <= 1.0
    table = evaluate.score_table(result)
    assert list(table["figure"][: len(evaluate.TALLIES)]) == list(evaluate.TALLIES)
    assert table.set_index("figure").loc["events", "f1"] == result["events"]["f1"]


def test_misses_lists_differences_of_the_gold_folder(korex: extractor.Extractor) -> None:
    table = evaluate.misses(GOLD, extractor=korex)
    assert list(table.columns) == list(evaluate.MISS_COLUMNS)
    assert set(table["kind"]) <= {"missed", "spurious", "wrong", "error"}
    assert set(table["doc_id"]) <= {"gold-001", "gold-002", "gold-003"}
    main_misses = table[
        (table["field"] == "event") & (table["kind"] == "missed") & (table["salience"] == "main")
    ]
    assert main_misses.empty


class Broken:
    """An extractor that fails on every document."""

    def extract(self, text: str) -> extractor.Document:
        raise RuntimeError("no pipeline")


def test_an_extractor_that_fails_is_scored_not_raised() -> None:
    result = evaluate.score(GOLD, extractor=Broken())  # type: ignore[arg-type]
    assert result["errors"] == 3
    assert result["events"]["r"] == 0.0
    table = evaluate.misses(GOLD, extractor=Broken())  # type: ignore[arg-type]
    errors = table[table["kind"] == "error"]
    assert list(errors["predicted"]) == ["RuntimeError: no pipeline"] * 3
