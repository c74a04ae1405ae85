"""Fail when a gold corpus's figures fall below the floors kept in `.ci/floors.json`.

usage: python scripts/check_floors.py CORPUS_DIR [FLOORS]

FLOORS maps each gold folder under CORPUS_DIR (`dev`, `news`) to its floors: dotted paths into
the scorer's JSON (`events.f1`) and the lowest value CI accepts. Each folder is scored with the
project's scorer (`CORPUS_DIR/score.py`); a folder that is missing is reported and skipped.
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


def score(gold: Path) -> dict[str, object] | None:
    """The scorer's figures for one gold folder, or None when the scorer failed."""
    result = subprocess.run(
        [sys.executable, str(gold.parent / "score.py"), str(gold), "--json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        return None
    return json.loads(result.stdout.strip().splitlines()[-1])


def check(gold: Path, floors: dict[str, float]) -> bool:
    """Print one folder's figures against its floors; True when every floor holds and nothing erred."""
    scores = score(gold)
    if scores is None:
        return False
    ok = scores.get("errors", 0) == 0
    print(f"{gold.name} corpus: {scores['documents']} documents, errors {scores['errors']}")
    for path, floor in floors.items():
        value = figure(scores, path)
        status = "ok" if value >= floor else "BELOW FLOOR"
        ok &= value >= floor
        print(f"  {path:22} {value:.3f}  floor {floor:.3f}  {status}")
    return ok


def main(argv: list[str]) -> int:
    """Score every folder named in the floors file; exit 1 on any figure below its floor or any error."""
    corpus = Path(argv[0])
    floors_file = Path(argv[1]) if len(argv) > 1 else ROOT / ".ci" / "floors.json"
    floors = json.loads(floors_file.read_text(encoding="utf-8"))
    ok = True
    for name, folder_floors in floors.items():
        if name.startswith("_"):
            continue
        gold = corpus / name
        if not gold.is_dir():
            print(f"{gold}: not present, skipped")
            continue
        ok &= check(gold, folder_floors)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
