"""Draw the timeline of the events in `examples/` to `docs/img/timeline.png`, the README's screenshot.

usage: python scripts/make_timeline_png.py [OUT.png]

Extracts every example document, merges the records of one real event (`extractor.dedupe`) and draws
`extractor.viz.timeline` for the country pairs with most events. Needs the `notebooks` extra.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = 20


def main(argv: list[str]) -> int:
    """Write the PNG; returns the exit status."""
    import matplotlib

    matplotlib.use("Agg")

    import extractor
    from extractor import viz

    out = Path(argv[0]) if argv else ROOT / "docs" / "img" / "timeline.png"
    documents = [d for d in extractor.extract_folder(ROOT / "examples") if isinstance(d, extractor.Document)]
    events = viz.event_groups_frame(extractor.dedupe(documents))
    title = f"Events in examples/ ({len(documents)} documents): the {PAIRS} busiest pairs"
    ax = viz.timeline(events, top=PAIRS, title=title)
    out.parent.mkdir(parents=True, exist_ok=True)
    ax.figure.savefig(out, dpi=110)
    print(f"{out}: {len(events)} events")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
