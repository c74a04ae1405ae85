"""Fail when the dev-corpus figures fall below the floors kept in `.ci/floors.json`.

usage: python scripts/check_floors.py GOLD_DIR [FLOORS]

Runs the project's scorer (`GOLD_DIR/../score.py`) on GOLD_DIR and compares each figure named in
FLOORS (dotted paths into the scorer's JSON, e.g. `events.f1`) with its floor.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def figure(scores: dict[str, object], path: str) -> float:
    """The value at a dotted path of the scorer's JSON output."""
    value: object = scores
    for part in path.split("."):
        value = value[part]  # type: ignore[index]
    return float(value)  # type: ignore[arg-type]


def main(argv: list[str]) -> int:
    """Score GOLD_DIR and compare with the floors; exit 1 on any figure below its floor or any error."""
    gold = Path(argv[0])
    floors = json.loads((Path(argv[1]) if len(argv) > 1 else ROOT / ".ci" / "floors.json").read_text())
    result = subprocess.run(
        [sys.executable, str(gold.parent / "score.py"), str(gold), "--json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        return 1
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    failed = scores.get("errors", 0) != 0
    print(f"dev corpus: {scores['documents']} documents, errors {scores['errors']}")
    for path, floor in floors.items():
        if path.startswith("_"):
            continue
        value = figure(scores, path)
        status = "ok" if value >= floor else "BELOW FLOOR"
        failed |= value < floor
        print(f"  {path:22} {value:.3f}  floor {floor:.3f}  {status}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
