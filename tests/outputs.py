"""What `korex extract` writes, made in memory: the tables to compare an output with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from extractor import Extractor, batch, frames


def output_tables(extractor: Extractor, paths: Path | list[Path]) -> dict[str, pd.DataFrame]:
    """The seven tables of the files under `paths`, documents keyed by their origin (input file and
    record), as every output of `korex extract` keys them."""
    found: dict[str, list[tuple[Any, ...]]] = {table: [] for table in frames.TABLES}
    todo = list(batch.iter_paths(paths))
    for result in batch.run(extractor, todo):
        key = batch.file_key(todo[result.index])
        for table, rows in frames.rows(result.items, file=key).items():
            found[table].extend(rows)
    tables = {table: frames.frame(table, rows) for table, rows in found.items()}
    tables["events"] = frames.with_event_groups(tables["events"])
    return tables
