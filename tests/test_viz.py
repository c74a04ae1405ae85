"""extractor.viz: the tables and figures the notebooks show."""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import extractor
from extractor import frames, viz
from extractor.models import Document, Entity, EntityLabel, Event, EventFormat, EventType, Participant


@pytest.fixture
def plt() -> Iterator[Any]:
    """pyplot on the Agg backend (skips without the `notebooks` extra); closes the figures after."""
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as pyplot

    yield pyplot
    pyplot.close("all")


@pytest.fixture
def nx() -> Any:
    """networkx (skips without the `notebooks` extra)."""
    return pytest.importorskip("networkx")


def ev(type_: str, countries: list[str], date: str | None, *names: str, **more: Any) -> Event:
    """An Event of `type_` between `countries` with named participants (the first Korean)."""
    people = [Participant(name=n, country="KOR" if i == 0 else None) for i, n in enumerate(names)]
    return Event(
        type=EventType(type_),
        format=EventFormat.for_parties(len(countries)),
        countries=sorted(countries),
        date=date,
        participants=people,
        **more,
    )


def corpus() -> list[Document]:
    """Three documents; the Korea-Japan talks of 3 March are reported twice."""
    return [
        Document(
            id="a",
            source="a.txt",
            text="…",
            events=[
                ev("TALKS", ["KOR", "JPN"], "2025-03-03", "박가상", "사토 가공", salience="main"),
                ev("PHONE_CALL", ["KOR", "USA"], "2025-02", "박가상", "존 가공"),
            ],
        ),
        Document(
            id="b",
            source="b.txt",
            text="…",
            events=[
                ev("TALKS", ["JPN", "KOR"], "2025-03-03", "박가상", "사토 가공"),
                ev("JOINT_STATEMENT", ["KOR", "JPN", "USA"], "2025-03-04", "박가상", "사토 가공", "존 가공"),
            ],
        ),
        Document(
            id="c",
            source="c.txt",
            text="…",
            events=[ev("STATEMENT", ["KOR"], None), ev("VISIT", ["KOR", "VNM"], "2025", "이가상")],
        ),
    ]


# --------------------------------------------------------------------------- displaCy


def sample_document() -> Document:
    text = "한일 외교장관이 29일 도쿄에서 회담했다. 일본 외무성도 발표했다."
    found = [
        ("한", EntityLabel.COUNTRY),
        ("일", EntityLabel.COUNTRY),
        ("외교장관", EntityLabel.TITLE),
        ("29일", EntityLabel.DATE),
        ("도쿄", EntityLabel.LOCATION),
        ("일본 외무성", EntityLabel.ORG),
        ("일본", EntityLabel.COUNTRY),
    ]
    entities = []
    for part, label in found:
        start = text.index(part, 2 if part == "일본" or part == "일본 외무성" else 0)
        entities.append(Entity(label=label, text=part, start=start, end=start + len(part)))
    return Document(id="sample", title="표제", text=text, entities=entities)


def test_displacy_ent_style_marks_outermost_entities_in_their_colours() -> None:
    doc = sample_document()
    html = viz.displacy_html(doc)
    assert html.count("<mark") == 6  # the COUNTRY inside the ORG is hidden by it
    for label in ("COUNTRY", "TITLE", "DATE", "LOCATION", "ORG"):
        assert viz.LABEL_COLOURS[label] in html
    assert "일본 외무성" in html
    assert "표제" in html


def test_displacy_span_style_shows_nested_entities() -> None:
    html = viz.displacy_html(sample_document(), style="span", title="")
    assert html.count(viz.LABEL_COLOURS["COUNTRY"]) > html.count(viz.LABEL_COLOURS["ORG"])
    assert html.count("COUNTRY") == 3
    assert html.count("ORG") == 1
    assert "발표했다." in html  # words outside entities stay whole


def test_displacy_rejects_an_unknown_style() -> None:
    with pytest.raises(ValueError, match="style"):
        viz.displacy_html(sample_document(), style="dep")


def test_every_label_has_its_own_colour() -> None:
    assert set(viz.LABEL_COLOURS) == {label.value for label in EntityLabel}
    assert len(set(viz.LABEL_COLOURS.values())) == len(EntityLabel)
    assert set(viz.TYPE_COLOURS) == {t.value for t in EventType}
    assert len(set(viz.TYPE_COLOURS.values())) == len(EventType)


spans = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.sampled_from(list(viz.LABEL_COLOURS))))


@given(spans)
def test_outermost_spans_never_overlap(found: list[tuple[int, int, str]]) -> None:
    kept = viz._outermost(found)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(kept))
    assert all(s < e for s, e, _ in kept)


@given(st.text(alphabet="한일 외교\n\t장관ab", max_size=40), st.lists(st.integers(0, 40)))
def test_span_tokens_are_the_words_of_the_text_at_their_offsets(text: str, cuts: list[int]) -> None:
    tokens, starts = viz._span_tokens(text, cuts)
    assert "".join(tokens) == "".join(text.split())
    for token, start in zip(tokens, starts, strict=True):
        assert text[start : start + len(token)] == token


def test_displacy_renders_a_real_extraction(korex: extractor.Extractor) -> None:
    doc = korex.extract("한일 외교장관이 29일 도쿄에서 회담했다.", doc_date="2025-03-30")
    for style in ("ent", "span"):
        html = viz.displacy_html(doc, style=style)
        assert "COUNTRY" in html
        assert "도쿄" in html


# --------------------------------------------------------------------------- tables


def test_pair_label_sorts_and_joins_the_parties() -> None:
    assert viz.pair_label("KOR;JPN") == "JPN-KOR"
    assert viz.pair_label(["USA", "KOR", "JPN"]) == "JPN-KOR-USA"
    assert viz.pair_label(None) == "?"


def test_event_groups_frame_has_one_row_per_real_event() -> None:
    groups = extractor.dedupe(corpus())
    table = viz.event_groups_frame(groups)
    assert len(table) == 5
    talks = table[table["type"] == "TALKS"].iloc[0]
    assert (talks["countries"], talks["n_reports"], talks["n_documents"]) == ("JPN;KOR", 2, 2)
    assert talks["salience"] == "main"
    assert talks["participant_names"] == "박가상;사토 가공"
    statement = table[table["type"] == "STATEMENT"].iloc[0]
    assert statement["format"] == "unilateral"
    assert statement["countries"] == "KOR"


def test_event_groups_frame_of_nothing_has_the_columns() -> None:
    table = viz.event_groups_frame([])
    assert table.empty
    assert {"type", "countries", "date", "n_reports"} <= set(table.columns)


def test_with_groups_gives_rows_of_one_real_event_the_same_id() -> None:
    docs = corpus()
    groups = extractor.dedupe(docs)
    tables = frames.to_frames(docs)
    events = viz.with_groups(tables["events"], groups)
    talks = events[events["type"] == "TALKS"]
    assert talks["event_group"].nunique() == 1
    assert events["event_group"].notna().all()
    assert events["event_group"].nunique() == 5
    participants = viz.with_groups(tables["participants"], groups)
    assert participants["event_group"].notna().all()
    assert "event_group" not in tables["participants"].columns  # the input is left alone


def test_pair_matrix_counts_each_pair_of_parties_once_per_event() -> None:
    table = frames.to_frames(corpus())["events"]
    matrix = viz.pair_matrix(table)
    assert list(matrix.index) == list(matrix.columns) == ["KOR", "JPN", "USA", "VNM"]
    assert matrix.loc["KOR", "JPN"] == matrix.loc["JPN", "KOR"] == 3  # two reports of the talks + statement
    assert matrix.loc["KOR", "USA"] == 2
    assert matrix.loc["JPN", "USA"] == 1
    assert matrix.loc["KOR", "VNM"] == 1
    assert (matrix.to_numpy().diagonal() == 0).all()
    grouped = viz.pair_matrix(viz.event_groups_frame(extractor.dedupe(corpus())))
    assert grouped.loc["KOR", "JPN"] == 2


def test_officials_edges_join_named_participants_of_the_same_event() -> None:
    docs = corpus()
    participants = frames.to_frames(docs)["participants"]
    edges = viz.officials_edges(participants)
    weights = {(r.source, r.target): r.weight for r in edges.itertuples()}
    assert weights[("박가상", "사토 가공")] == 3
    assert weights[("박가상", "존 가공")] == 2
    assert weights[("사토 가공", "존 가공")] == 1
    assert "이가상" not in set(edges["source"]) | set(edges["target"])  # met no named official
    grouped = viz.officials_edges(viz.with_groups(participants, extractor.dedupe(docs)))
    assert {(r.source, r.target): r.weight for r in grouped.itertuples()}[("박가상", "사토 가공")] == 2


def test_officials_network_carries_country_title_and_events(plt: Any, nx: Any) -> None:
    participants = viz.with_groups(frames.to_frames(corpus())["participants"], extractor.dedupe(corpus()))
    graph = viz.officials_network(participants)
    assert set(graph.nodes) == {"박가상", "사토 가공", "존 가공"}
    assert graph.nodes["박가상"]["country"] == "KOR"
    assert graph.nodes["박가상"]["n_events"] == 3
    assert graph.nodes["사토 가공"]["country"] is None
    assert graph.edges["박가상", "사토 가공"]["weight"] == 2


# --------------------------------------------------------------------------- figures


def test_timeline_draws_a_dot_per_dated_event_and_a_row_per_pair(plt: Any) -> None:
    table = frames.to_frames(corpus())["events"]
    ax = viz.timeline(table)
    assert len(ax.collections) == 4  # day and month dates; the year-only visit and the undated statement not
    assert [t.get_text() for t in ax.get_yticklabels()] == ["KOR-USA", "JPN-KOR", "JPN-KOR-USA"]
    assert ax.get_title() == "4 of 6 events by country pair and type"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:3] == ["talks", "phone call", "joint statement"]


def test_timeline_precision_and_top_choose_the_events(plt: Any) -> None:
    table = frames.to_frames(corpus())["events"]
    assert len(viz.timeline(table, precision="year").collections) == 5
    assert len(viz.timeline(table, precision="day").collections) == 3
    top = viz.timeline(table, top=1)
    assert [t.get_text() for t in top.get_yticklabels()] == ["JPN-KOR"]
    with pytest.raises(ValueError, match="precision"):
        viz.timeline(table, precision="week")


def test_timeline_draws_into_a_given_axes_and_copes_with_no_dates(plt: Any) -> None:
    _, ax = plt.subplots()
    table = frames.to_frames([Document(id="x", text="…", events=[ev("STATEMENT", ["KOR"], None)])])["events"]
    assert viz.timeline(table, ax=ax) is ax
    assert any(t.get_text() == "no dated events" for t in ax.texts)


def test_timeline_sizes_dots_by_reports_for_grouped_events(plt: Any) -> None:
    grouped = viz.event_groups_frame(extractor.dedupe(corpus()))
    ax = viz.timeline(grouped)
    sizes = sorted(float(c.get_sizes()[0]) for c in ax.collections)
    assert sizes[-1] > sizes[0]


def test_pair_heatmap_writes_the_counts(plt: Any) -> None:
    matrix = viz.pair_matrix(frames.to_frames(corpus())["events"])
    ax = viz.pair_heatmap(matrix)
    assert len(ax.images) == 1
    written = sorted(int(t.get_text()) for t in ax.texts)
    assert written == sorted(int(v) for v in matrix.to_numpy().ravel() if v)
    assert len(viz.pair_heatmap(matrix, top=2).texts) == 2


def test_pair_heatmap_of_no_pairs_says_so(plt: Any) -> None:
    empty = viz.pair_matrix(frames.to_frames([])["events"])
    assert empty.empty
    ax = viz.pair_heatmap(empty)
    assert "no events" in ax.texts[0].get_text()


def test_draw_network_labels_every_official(plt: Any, nx: Any) -> None:
    graph = viz.officials_network(frames.to_frames(corpus())["participants"])
    ax = viz.draw_network(graph)
    labels = {t.get_text() for t in ax.texts}
    assert labels == {"박가상", "사토 가공", "존 가공"}  # no known foreign country to add
    assert ax.get_title() == "Who met whom: 3 officials, 3 pairs"


def test_draw_network_adds_other_countries_codes_and_lays_out_components_apart(plt: Any, nx: Any) -> None:
    graph = nx.Graph()
    graph.add_edge("가", "나", weight=1)
    graph.add_edge("다", "라", weight=2)
    graph.add_edge("다", "마", weight=1)
    graph.add_edge("다", "바", weight=1)
    for node in graph:
        graph.nodes[node].update(country="KOR" if node in "가다" else "JPN", n_events=1)
    ax = viz.draw_network(graph)
    assert {t.get_text() for t in ax.texts} == {"가", "나 (JPN)", "다", "라 (JPN)", "마 (JPN)", "바 (JPN)"}
    position = viz._packed_layout(graph, seed=1)
    assert len(set(position.values())) == 6


def test_draw_network_of_no_officials_says_so(plt: Any, nx: Any) -> None:
    ax = viz.draw_network(nx.Graph())
    assert ax.texts[0].get_text() == "no officials met"


def test_hangul_font_is_a_known_family_when_there_is_one(plt: Any) -> None:
    from matplotlib import font_manager

    family = viz.hangul_font()
    if family is None:
        pytest.skip("no Korean font installed")
    assert family in {font.name for font in font_manager.fontManager.ttflist}


def test_score_and_misses_charts_draw_bars(plt: Any) -> None:
    from extractor import evaluate

    scores = evaluate.figures([])
    scores["events"] = {"p": 1.0, "r": 0.5, "f1": 0.667, "gold": 2}
    ax = viz.score_chart(scores)
    assert len(ax.patches) == len(evaluate.score_table(scores))
    misses = evaluate.compare(
        {"id": "g", "events": [], "persons": [{"name": "가"}], "orgs": [], "countries": ["KOR"], "dates": []},
        {"events": [], "persons": [], "organizations": [{"name": "외교부"}], "countries": [], "dates": []},
    ).rows
    import pandas as pd

    ax = viz.misses_chart(pd.DataFrame(misses, columns=list(evaluate.MISS_COLUMNS)))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["country", "org", "person"]
    empty = viz.misses_chart(pd.DataFrame(columns=list(evaluate.MISS_COLUMNS)))
    assert empty.texts[0].get_text() == "no misses"


def test_importing_the_package_loads_no_plotting_library() -> None:
    code = (
        "import sys, extractor, extractor.viz, extractor.evaluate, extractor.frames;"
        "print(sorted(m for m in ('matplotlib', 'networkx') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
