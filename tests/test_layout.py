"""The events package stays readable: each stage a file a reader takes in at one sitting."""

from __future__ import annotations

from pathlib import Path

import extractor.events

#: The most lines a file of the events package holds (issue 15).
LONGEST_STAGE = 400


def test_no_file_of_the_events_package_is_over_the_longest_a_stage_may_be() -> None:
    folder = Path(extractor.events.__file__).parent
    lengths = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in folder.glob("*.py")}
    assert len(lengths) > 10
    assert {name: n for name, n in lengths.items() if n > LONGEST_STAGE} == {}
