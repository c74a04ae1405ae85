"""Pictures of extractions for notebooks: entities in the text, events over time, who met whom.

    from extractor import frames, viz

    HTML(viz.displacy_html(doc))                       # entities highlighted, a colour per label
    tables = frames.to_frames(documents)
    viz.timeline(tables["events"])                     # events by country pair and type over time
    viz.pair_heatmap(viz.pair_matrix(tables["events"]))
    viz.draw_network(viz.officials_network(tables["participants"]))

`event_groups_frame(extractor.dedupe(documents))` gives the deduplicated events as a table the plots take
too, and `with_groups` puts their ids on the participants table, so a meeting reported three times is
counted once. matplotlib and networkx come with the `notebooks` extra and are imported only when a plot
is drawn: `import extractor` stays light. Hangul labels use NanumGothic when `koreanize-matplotlib`
(which ships it) is installed, else any Korean font matplotlib finds.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.frames import LIST_SEP, doc_key
from extractor.models import Document, EntityLabel, EventFormat, EventType

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from matplotlib.axes import Axes

    from extractor.dedupe import EventGroup

__all__ = [
    "LABEL_COLOURS",
    "TYPE_COLOURS",
    "displacy_html",
    "draw_network",
    "event_groups_frame",
    "hangul_font",
    "misses_chart",
    "officials_edges",
    "officials_network",
    "pair_heatmap",
    "pair_label",
    "pair_matrix",
    "score_chart",
    "timeline",
    "with_groups",
]

#: One background colour per entity label, for displaCy.
LABEL_COLOURS: dict[str, str] = {
    EntityLabel.PERSON.value: "#ffadad",
    EntityLabel.TITLE.value: "#ffd6a5",
    EntityLabel.ORG.value: "#a0c4ff",
    EntityLabel.COUNTRY.value: "#b9fbc0",
    EntityLabel.LOCATION.value: "#9bf6ff",
    EntityLabel.DATE.value: "#fdffb6",
    EntityLabel.MEETING.value: "#d7b8ff",
}

_PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#aec7e8", "#ffbb78",
)  # fmt: skip

#: One colour per event type, the same in every figure.
TYPE_COLOURS: dict[str, str] = {t.value: _PALETTE[i] for i, t in enumerate(EventType)}

_KOREAN_FAMILIES = (
    "NanumGothic", "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "AppleGothic", "UnDotum",
)  # fmt: skip


# --------------------------------------------------------------------------- entities in the text


def _outermost(spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans that no earlier or longer span overlaps (what displaCy's `ent` style can show)."""
    kept: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if start < end and (not kept or start >= kept[-1][1]):
            kept.append((start, end, label))
    return kept


def _span_tokens(text: str, cuts: Iterable[int]) -> tuple[list[str], list[int]]:
    """`text` cut at whitespace and at `cuts`: the pieces and their start offsets (displaCy `span` style)."""
    bounds = sorted({0, len(text), *(c for c in cuts if 0 < c < len(text))})
    tokens, starts = [], []
    for a, b in itertools.pairwise(bounds):
        offset = a
        for piece in text[a:b].split():
            offset = text.index(piece, offset)
            tokens.append(piece)
            starts.append(offset)
            offset += len(piece)
    return tokens, starts


def displacy_html(document: Document, *, style: str = "ent", title: str | None = None) -> str:
    """The document's entities highlighted in its text, as HTML (show it with `IPython.display.HTML`).

    `style="ent"` keeps the text exactly and shows the outermost of nested entities (an ORG hides the
    COUNTRY inside it); `style="span"` shows every entity, nested ones stacked, between words cut apart.
    """
    from spacy import displacy

    spans = [(e.start, e.end, e.label.value) for e in document.entities]
    options: dict[str, Any] = {"colors": LABEL_COLOURS}
    heading = title if title is not None else (document.title or document.id)
    if style == "ent":
        options["ents"] = list(LABEL_COLOURS)
        ents = [{"start": s, "end": e, "label": label} for s, e, label in _outermost(spans)]
        data: dict[str, Any] = {"text": document.text, "ents": ents, "title": heading}
    elif style == "span":
        tokens, starts = _span_tokens(document.text, [o for s, e, _ in spans for o in (s, e)])
        index = {start: i for i, start in enumerate(starts)}
        ends = {start + len(tok): i + 1 for i, (tok, start) in enumerate(zip(tokens, starts, strict=True))}
        found = [
            {"start_token": index[s], "end_token": ends[e], "label": label}
            for s, e, label in spans
            if s in index and e in ends and index[s] < ends[e]
        ]
        data = {"text": document.text, "tokens": tokens, "spans": found, "title": heading}
    else:
        raise ValueError(f"style is 'ent' or 'span', not {style!r}")
    return displacy.render(data, style=style, manual=True, jupyter=False, options=options)


# --------------------------------------------------------------------------- tables for the plots


def pair_label(countries: str | Sequence[str] | None) -> str:
    """`"JPN;KOR"` or `["KOR", "JPN"]` → `"JPN-KOR"`: an event's parties as one sorted label."""
    codes = _codes(countries)
    return "-".join(codes) if codes else "?"


def _codes(countries: Any) -> list[str]:
    if countries is None or (not isinstance(countries, str | list | tuple) and _isna(countries)):
        return []
    if isinstance(countries, str):
        countries = countries.split(LIST_SEP)
    return sorted({c for c in countries if c})


def _isna(value: Any) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def event_groups_frame(groups: Iterable[EventGroup]) -> pd.DataFrame:
    """One row per deduplicated event (`extractor.dedupe`), with the events table's columns the plots use.

    `n_reports` counts the records merged into it and `n_documents` the documents they came from;
    `salience` is main when any document is about the event.
    """
    import pandas as pd

    rows = []
    for g in groups:
        names = [p.name for p in g.participants if p.name]
        rows.append(
            {
                "event_group": g.id,
                "type": g.type.value,
                "format": _format(len(g.countries)),
                "salience": "main" if any(r.salience == "main" for r in g.refs) else "mentioned",
                "countries": LIST_SEP.join(g.countries) or None,
                "n_countries": len(g.countries),
                "date": g.date,
                "end_date": g.end_date,
                "city": g.location.city if g.location else None,
                "round": g.round,
                "name": g.name,
                "n_participants": len(g.participants),
                "participant_names": LIST_SEP.join(names) or None,
                "n_reports": len(g.refs),
                "n_documents": len({(r.source, r.document_id) for r in g.refs}),
            }
        )
    columns = ["event_group", "type", "format", "salience", "countries", "n_countries", "date", "end_date"]
    columns += ["city", "round", "name", "n_participants", "participant_names", "n_reports", "n_documents"]
    kinds = {c: "string" for c in columns} | {
        "n_countries": "Int64",
        "round": "Int64",
        "n_participants": "Int64",
        "n_reports": "Int64",
        "n_documents": "Int64",
    }
    return pd.DataFrame(rows, columns=columns).astype(kinds)


def _format(n: int) -> str:
    return EventFormat.for_parties(n).value


def with_groups(table: pd.DataFrame, groups: Iterable[EventGroup]) -> pd.DataFrame:
    """`table` (participants or events, keyed by `doc_key` and `event_idx`) with an `event_group` column.

    Rows of events reported by several documents get the same group id, so counts can count real events.
    The ids are `dedupe`'s, the same as the events table's own `event_group` column where it has one.
    """
    keys = {
        (doc_key({"source": ref.source, "id": ref.document_id}), ref.index): group.id
        for group in groups
        for ref in group.refs
    }
    out = table.copy()
    out["event_group"] = [
        keys.get((key, int(idx))) for key, idx in zip(out["doc_key"], out["event_idx"], strict=True)
    ]
    out["event_group"] = out["event_group"].astype("string")
    return out


def pair_matrix(events: pd.DataFrame) -> pd.DataFrame:
    """How often each two countries were parties to the same event: a symmetric count table.

    Countries are ordered by how many meetings they had (then by code); the diagonal is 0. An event of
    three parties counts once for each of its three pairs; one-party events count for none.
    """
    import pandas as pd

    counts: Counter[tuple[str, str]] = Counter()
    for value in events["countries"]:
        for a, b in itertools.combinations(_codes(value), 2):
            counts[a, b] += 1
    totals: Counter[str] = Counter()
    for (a, b), n in counts.items():
        totals[a] += n
        totals[b] += n
    order = sorted(totals, key=lambda c: (-totals[c], c))
    matrix = pd.DataFrame(0, index=pd.Index(order, name="country"), columns=pd.Index(order, name="with"))
    for (a, b), n in counts.items():
        matrix.loc[a, b] = n
        matrix.loc[b, a] = n
    return matrix


def officials_edges(participants: pd.DataFrame) -> pd.DataFrame:
    """Who met whom: one row per two named participants of the same event, `weight` the number of events.

    An event is its `event_group` where the table has one (`with_groups`), else its document and index,
    so a meeting three documents report counts once when the groups are given.
    """
    import pandas as pd

    named = participants[participants["name"].notna()]
    met: dict[tuple[str, str], set[str]] = {}
    for event, names in named.groupby(_event_keys(named), sort=False)["name"]:
        for a, b in itertools.combinations(sorted(set(names)), 2):
            met.setdefault((a, b), set()).add(str(event))
    rows = [(a, b, len(events)) for (a, b), events in met.items()]
    rows.sort(key=lambda r: (-r[2], r[0], r[1]))
    frame = pd.DataFrame(rows, columns=["source", "target", "weight"])
    return frame.astype({"source": "string", "target": "string", "weight": "Int64"})


def _event_keys(participants: pd.DataFrame) -> pd.Series:
    """Which event each participant row belongs to: its `event_group`, else its document and index."""
    own = participants["doc_key"] + "#" + participants["event_idx"].astype("string")
    if "event_group" in participants.columns:
        return participants["event_group"].fillna(own)
    return own


def officials_network(participants: pd.DataFrame) -> nx.Graph:
    """The graph of officials who met: nodes are named participants (attributes `country`, `title`,
    `n_events`), edges join two who took part in the same event (`weight`: how many events)."""
    import networkx as nx

    graph = nx.Graph()
    edges = officials_edges(participants)
    named = participants[participants["name"].notna()]
    for row in edges.itertuples(index=False):
        graph.add_edge(row.source, row.target, weight=int(row.weight))
    events = _event_keys(named)
    for name, rows in named.groupby("name", sort=True):
        if name in graph:
            graph.nodes[name].update(
                country=_most_common(rows["country"]),
                title=_most_common(rows["title"]),
                n_events=int(events[rows.index].nunique()),
            )
    return graph


def _most_common(values: pd.Series) -> str | None:
    known = values.dropna()
    return str(known.value_counts().index[0]) if len(known) else None


# --------------------------------------------------------------------------- drawing


@functools.cache
def hangul_font() -> str | None:
    """The family of a font with Hangul for matplotlib labels, or None if there is none.

    Registers NanumGothic from the `koreanize-matplotlib` package when it is installed (without importing
    it: its import changes matplotlib's global settings), else looks for a Korean font already known.
    """
    from matplotlib import font_manager

    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is not None and spec.origin:
        for path in sorted((Path(spec.origin).parent / "fonts").glob("NanumGothic*.ttf")):
            font_manager.fontManager.addfont(str(path))
    known = {font.name for font in font_manager.fontManager.ttflist}
    return next((family for family in _KOREAN_FAMILIES if family in known), None)


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def _when(value: Any) -> tuple[dt.date, str] | None:
    """A partial date as a point to plot and its precision: a month at its 15th, a year at 1 July."""
    if value is None or _isna(value):
        return None
    text = str(value)
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text), "day"
        if len(text) == 7:
            return dt.date(int(text[:4]), int(text[5:7]), 15), "month"
        if len(text) == 4:
            return dt.date(int(text), 7, 1), "year"
    except ValueError:
        return None
    return None


_PRECISIONS = ("day", "month", "year")


def timeline(
    events: pd.DataFrame,
    ax: Axes | None = None,
    *,
    precision: str = "month",
    top: int | None = None,
    title: str | None = None,
) -> Axes:
    """Events over time, one row per country pair (or party set), coloured by event type.

    Takes the events table of `frames.to_frames` or `event_groups_frame` (whose `n_reports` sizes the
    dots). Events dated to the day are filled dots, to the month hollow ones; `precision="year"` adds
    year-only dates (at 1 July) and `"day"` keeps day dates only; `top` keeps the pairs with most events.
    Undated events are left out; the title says how many were drawn. Returns the matplotlib Axes.
    """
    from matplotlib.lines import Line2D

    if precision not in _PRECISIONS:
        raise ValueError(f"precision is one of {', '.join(_PRECISIONS)}, not {precision!r}")
    allowed = _PRECISIONS[: _PRECISIONS.index(precision) + 1]
    points = []
    for row in events.itertuples(index=False):
        when = _when(row.date)
        if when is None or when[1] not in allowed:
            continue
        reports = getattr(row, "n_reports", 1)
        points.append((pair_label(row.countries), when[0], when[1], str(row.type), int(reports or 1)))
    if top is not None:
        busiest = Counter(p[0] for p in points).most_common()
        kept = {pair for pair, _ in sorted(busiest, key=lambda item: (-item[1], item[0]))[:top]}
        points = [p for p in points if p[0] in kept]
    first: dict[str, dt.date] = {}
    for pair, day, *_ in points:
        first[pair] = min(first.get(pair, day), day)
    pairs = sorted(first, key=lambda p: (first[p], p))
    rows = {pair: i for i, pair in enumerate(pairs)}
    ax = _axes(ax, (11, max(3.0, 0.28 * len(pairs) + 1.6)))

    crowd: Counter[tuple[str, dt.date]] = Counter((p[0], p[1]) for p in points)
    placed: Counter[tuple[str, dt.date]] = Counter()
    for pair, day, exact, kind, reports in points:
        n, k = crowd[pair, day], placed[pair, day]
        placed[pair, day] += 1
        y = rows[pair] + (0.0 if n == 1 else -0.3 + 0.6 * k / (n - 1))
        colour = TYPE_COLOURS.get(kind, "#333333")
        ax.scatter(
            [day],
            [y],
            s=36 + 18 * (reports - 1),
            color=colour if exact == "day" else "none",
            edgecolors=colour,
            linewidths=1.4,
            zorder=3,
        )
    ax.set_yticks(range(len(pairs)), pairs, fontsize=8)
    if pairs:
        ax.set_ylim(len(pairs) - 0.5, -0.5)
    ax.grid(axis="x", alpha=0.3)
    ax.grid(axis="y", alpha=0.12)
    ax.set_xlabel("date")
    if points:
        import matplotlib.dates as mdates

        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    else:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
    present = [t.value for t in EventType if any(p[3] == t.value for p in points)]
    handles = [
        Line2D([], [], marker="o", linestyle="", color=TYPE_COLOURS[t], label=t.lower().replace("_", " "))
        for t in present
    ]
    if "month" in allowed:
        handles.append(
            Line2D(
                [], [], marker="o", linestyle="", color="none", markeredgecolor="#555", label="(month only)"
            )
        )
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    ax.set_title(title or f"{len(points)} of {len(events)} events by country pair and type")
    return ax


def pair_heatmap(matrix: pd.DataFrame, ax: Axes | None = None, *, top: int | None = 25) -> Axes:
    """`pair_matrix` as a heatmap with the counts written in, for the `top` countries with most meetings."""
    data = matrix.iloc[:top, :top] if top else matrix
    n = len(data)
    ax = _axes(ax, (max(4.0, 0.34 * n + 2), max(3.5, 0.34 * n + 1.5)))
    if n == 0:
        ax.text(0.5, 0.5, "no events with two or more countries", ha="center", va="center")
        ax.set_axis_off()
        return ax
    values = data.to_numpy(dtype=float)
    image = ax.imshow(values, cmap="Blues", vmin=0)
    ax.set_xticks(range(n), list(data.columns), rotation=90, fontsize=8)
    ax.set_yticks(range(n), list(data.index), fontsize=8)
    high = values.max() or 1.0
    for i, j in itertools.product(range(n), range(n)):
        if values[i, j]:
            ink = "white" if values[i, j] > high / 2 else "black"
            ax.text(j, i, int(values[i, j]), ha="center", va="center", fontsize=7, color=ink)
    ax.figure.colorbar(image, ax=ax, shrink=0.7, label="events together")
    ax.set_title("How often two countries met")
    return ax


def _level(points: dict[Any, tuple[float, float]]) -> dict[Any, tuple[float, float]]:
    """`points` turned about their centre so that they spread most along x (a landscape figure)."""
    import math

    n = len(points)
    mx = sum(x for x, _ in points.values()) / n
    my = sum(y for _, y in points.values()) / n
    sxx = sum((x - mx) ** 2 for x, _ in points.values())
    syy = sum((y - my) ** 2 for _, y in points.values())
    sxy = sum((x - mx) * (y - my) for x, y in points.values())
    turn = -0.5 * math.atan2(2 * sxy, sxx - syy)
    cos, sin = math.cos(turn), math.sin(turn)
    return {
        v: ((x - mx) * cos - (y - my) * sin, (x - mx) * sin + (y - my) * cos) for v, (x, y) in points.items()
    }


def _component_layout(graph: nx.Graph, seed: int) -> dict[Any, tuple[float, float]]:
    """One connected component laid out: officials met by several others (the core) by a spring layout,
    spread so that each one's one-meeting partners fit on a circle around it, facing away from the rest."""
    import math

    import networkx as nx

    nodes = sorted(graph, key=str)
    if len(nodes) <= 2:
        return {node: (0.0, 0.6 * (len(nodes) - 1) - 1.2 * i) for i, node in enumerate(nodes)}
    degree = dict(graph.degree())
    core = [v for v in nodes if degree[v] > 1]
    leaves = {h: sorted((u for u in graph[h] if degree[u] == 1), key=str) for h in core}
    radius = {h: max(1.0, 0.24 * len(leaves[h])) for h in core}
    if len(core) == 1:
        centre = {core[0]: (0.0, 0.0)}
    else:
        placed = nx.spring_layout(graph.subgraph(core), seed=seed, iterations=300)
        centre = {v: (float(placed[v][0]), float(placed[v][1])) for v in core}
        stretch = max(
            (radius[a] + radius[b] + 0.8) / max(math.dist(centre[a], centre[b]), 1e-3)
            for a, b in itertools.combinations(core, 2)
        )
        centre = _level({v: (x * stretch, y * stretch) for v, (x, y) in centre.items()})
    position = dict(centre)
    for hub in core:
        around = leaves[hub]
        if not around:
            continue
        hx, hy = centre[hub]
        away = [math.atan2(centre[v][1] - hy, centre[v][0] - hx) for v in graph[hub] if v in centre]
        step = 2 * math.pi / len(around)

        def clearance(
            offset: float, step: float = step, away: list[float] = away, n: int = len(around)
        ) -> float:
            angles = [offset + k * step for k in range(n)]
            return min(
                (abs(math.remainder(a - b, 2 * math.pi)) for a in angles for b in away), default=math.pi
            )

        offset = max((k * step / 12 for k in range(12)), key=clearance)
        for k, leaf in enumerate(around):
            angle = offset + k * step
            position[leaf] = (hx + radius[hub] * math.cos(angle), hy + radius[hub] * math.sin(angle))
    return position


def _packed_layout(graph: nx.Graph, seed: int) -> dict[Any, tuple[float, float]]:
    """Every connected component laid out on its own, the largest at top left and the others in rows
    beside it (below it when it is wide), then below it: one layout of the whole graph would push the
    small ones to the edges."""
    import networkx as nx

    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(map(str, c))))
    boxes = []
    for part in parts:
        placed = _component_layout(graph.subgraph(part), seed)
        xs, ys = [p[0] for p in placed.values()], [p[1] for p in placed.values()]
        label = _LABEL_CHAR * max(len(str(node)) + 6 for node in part)  # a name and " (USA)"
        margin = label if len(part) > 2 else label / 2
        boxes.append(
            (placed, min(xs) - margin, max(ys), max(xs) - min(xs) + 2 * margin + 0.6, max(ys) - min(ys) + 1.6)
        )
    big_w, big_h = boxes[0][3], boxes[0][4]
    position: dict[Any, tuple[float, float]] = {}
    if big_w > 1.3 * big_h:  # wide: the rest goes in rows under it
        width, left, x, y, row_height = big_w, 0.0, 0.0, -big_h, 0.0
    else:
        width, left, x, y, row_height = big_w + max(big_w * 0.3, 8.0), big_w, big_w, 0.0, 0.0
    for i, (placed, x_min, y_max, w, h) in enumerate(boxes):
        if i == 0:
            x0, y0 = 0.0, 0.0
        else:
            if x + w > width + 1e-9 and x > left:
                x, y, row_height = left, y - row_height, 0.0
            if left > 0 and y - h < -big_h:
                x, y, row_height, left = 0.0, -big_h, 0.0, 0.0
            x0, y0 = x, y
            x += w
            row_height = max(row_height, h)
        for node, (px, py) in placed.items():
            position[node] = (x0 + 0.3 + px - x_min, y0 - 0.8 - (y_max - py))
    return position


#: About how wide one character of a 7-point label is in the network's layout units, and how many
#: inches a layout unit takes in a figure `draw_network` makes.
_LABEL_CHAR = 0.25
_INCH = 0.4

_HOME, _ABROAD, _UNKNOWN = "#1f77b4", "#ff7f0e", "#b0b0b0"


def draw_network(
    graph: nx.Graph, ax: Axes | None = None, *, home: str = "KOR", seed: int = 7, labels: bool = True
) -> Axes:
    """`officials_network` drawn: a dot per official (blue for `home`, orange for other countries, grey
    unknown) sized by events, a line per pair who met (thicker for more meetings), names in a Hangul
    font where there is one, other countries' officials with their country code."""
    import math

    import networkx as nx

    if graph.number_of_nodes() == 0:
        ax = _axes(ax, (6, 4))
        ax.set_axis_off()
        ax.text(0.5, 0.5, "no officials met", ha="center", va="center")
        return ax
    from matplotlib.lines import Line2D

    position = _packed_layout(graph, seed)
    xs, ys = [p[0] for p in position.values()], [p[1] for p in position.values()]
    width, height = max(xs) - min(xs) + 2 * _LABEL_CHAR * 12, max(ys) - min(ys) + 2.0
    ax = _axes(ax, (min(22.0, max(6.0, _INCH * width)), min(18.0, max(4.0, _INCH * height + 0.8))))
    ax.set_axis_off()
    ax.set_aspect("equal", adjustable="datalim")

    def colour(node: str) -> str:
        country = graph.nodes[node].get("country")
        return _UNKNOWN if not country else _HOME if country == home else _ABROAD

    sizes = {n: 50 + 45 * graph.nodes[n].get("n_events", 1) for n in graph}
    widths = [0.8 + 1.2 * (graph.edges[e].get("weight", 1) - 1) for e in graph.edges]
    nx.draw_networkx_edges(graph, position, ax=ax, width=widths, alpha=0.4, edge_color="#556")
    nx.draw_networkx_nodes(
        graph,
        position,
        ax=ax,
        node_color=[colour(n) for n in graph],
        node_size=[sizes[n] for n in graph],
        linewidths=0.6,
        edgecolors="white",
    )
    if labels:
        font = hangul_font() or "sans-serif"
        for node, (x, y) in position.items():
            country = graph.nodes[node].get("country")
            text = f"{node} ({country})" if country and country != home else node
            half = math.sqrt(sizes[node]) / 72 / _INCH / 2  # the dot's radius in layout units
            ha, va, dx, dy = "center", "bottom", 0.0, half + 0.08
            if graph.degree(node) == 1:
                (hub,) = graph[node]
                cos = x - position[hub][0]
                if abs(cos) > 0.3 * math.dist((x, y), position[hub]):
                    ha, va, dx, dy = (
                        ("left" if cos > 0 else "right"),
                        "center",
                        (0.2 if cos > 0 else -0.2),
                        0.0,
                    )
                elif y < position[hub][1]:
                    va, dy = "top", -half - 0.08
            ax.text(x + dx, y + dy, text, ha=ha, va=va, fontsize=7, fontfamily=font, zorder=4)
    handles = [
        Line2D([], [], marker="o", linestyle="", color=c, label=text)
        for c, text in ((_HOME, home), (_ABROAD, "other country"), (_UNKNOWN, "country unknown"))
    ]
    ax.legend(handles=handles, loc="upper left", frameon=False, fontsize=8)
    ax.set_title(f"Who met whom: {graph.number_of_nodes()} officials, {graph.number_of_edges()} pairs")
    return ax


# --------------------------------------------------------------------------- evaluation


def score_chart(scores: dict[str, Any], ax: Axes | None = None) -> Axes:
    """`evaluate.score()` as horizontal bars: F1 of each item kind, main-event recall and the accuracies."""
    from extractor.evaluate import score_table

    table = score_table(scores)
    ax = _axes(ax, (8, 0.32 * len(table) + 1.4))
    labels = [str(name).replace("_", " ") for name in table["figure"]]
    kinds = ["#1f77b4" if has_f1 else "#2ca02c" for has_f1 in table["p"].notna()]
    ax.barh(range(len(table)), table["value"], color=kinds)
    for i, value in enumerate(table["value"]):
        ax.text(min(value, 1.0) + 0.01, i, f"{value:.3f}", va="center", fontsize=8)
    ax.set_yticks(range(len(table)), labels, fontsize=8)
    ax.set_ylim(len(table) - 0.5, -0.5)
    ax.set_xlim(0, 1.12)
    ax.set_xlabel("F1 (blue) / recall or accuracy (green)")
    ax.set_title(f"korex on {scores.get('documents', '?')} gold documents")
    ax.grid(axis="x", alpha=0.3)
    return ax


_MISS_COLOURS = {"missed": "#d62728", "spurious": "#ff7f0e", "wrong": "#9467bd", "error": "#333333"}


def misses_chart(misses: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """`evaluate.misses()` counted by field, stacked by kind (missed, spurious, wrong, error)."""
    counts = misses.groupby(["field", "kind"]).size().unstack("kind", fill_value=0) if len(misses) else None
    ax = _axes(ax, (8, 0.32 * (0 if counts is None else len(counts)) + 1.6))
    if counts is None:
        ax.text(0.5, 0.5, "no misses", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=False).index]
    left = [0] * len(counts)
    for kind in [k for k in _MISS_COLOURS if k in counts.columns]:
        values = [int(v) for v in counts[kind]]
        ax.barh(range(len(counts)), values, left=left, color=_MISS_COLOURS[kind], label=kind)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(range(len(counts)), [str(f) for f in counts.index], fontsize=8)
    ax.set_ylim(len(counts) - 0.5, -0.5)
    ax.set_xlabel("items")
    ax.legend(frameon=False, fontsize=8)
    ax.set_title("Where korex and the gold differ")
    return ax
