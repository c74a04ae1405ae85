"""A crash at any step of a run, then a run to the end: every document and error row exactly once.

The harness (`crash_harness.py`) runs as two processes, each with an interleaved half of the sample.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HARNESS = Path(__file__).resolve().parent / "crash_harness.py"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the harness forks its runs")
def test_a_crash_at_any_step_loses_or_duplicates_nothing(tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    env = dict(os.environ, PYTHONPATH=str(ROOT), OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    parts = []
    for part in (1, 2):
        work = tmp_path / f"part-{part}"
        work.mkdir()
        parts.append(
            subprocess.Popen(
                [sys.executable, str(HARNESS), str(work), "--part", f"{part}/2"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    reports = []
    for process in parts:
        out, err = process.communicate(timeout=900)
        assert process.returncode == 0, err
        reports.append(json.loads(out.strip().splitlines()[-1]))
    failures = [failure for report in reports for failure in report["failures"]]
    assert failures == []
    assert sum(report["points"] for report in reports) == reports[0]["planned"] >= 100
    formats = {scenario.split("/")[0] for scenario in reports[0]["scenarios"]}
    assert formats == {"jsonl", "csv", "parquet", "duckdb"}
