"""The same extraction on a Dask cluster: a dask.bag of paths in, Parquet partitions of every table out.

    from extractor import distributed

    # on this machine (a LocalCluster is started and stopped for the call):
    distributed.extract("pages/", "out/")
    # on a cluster: the scheduler's address, or a distributed.Client
    distributed.extract("/shared/pages", "/shared/out", client="tcp://scheduler:8786")

    frames.read("out/")["events"]          # or pandas.read_parquet("out/events")

Each worker process builds one pipeline, on its first task, and keeps it for the others: nothing
heavy travels with the tasks, only file paths. Paths are listed where `extract` is called, so on a
cluster the input (and the output) must sit on storage every worker sees, and every worker must have
korex installed (`pip install 'korex[dask]'`). Give workers one thread each (`--nthreads 1`): a
pipeline is used by one thread at a time, and Kiwi is the memory (about 0.6 GB per worker). A script
that starts a LocalCluster of processes must guard its top level with `if __name__ == "__main__":`.

The output folder holds one folder per table (`documents/`, `events/`, ...), each with one Parquet
file per partition (`part-00000.parquet`, ...) in input order; it is rewritten by each call. The
tables are those of `extractor.frames`, so the results equal those of `korex extract` on one machine.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.batch import extract_path, iter_paths
from extractor.errors import KorexError
from extractor.models import Document, FileError

if TYPE_CHECKING:
    import dask.bag
    from distributed import Client

__all__ = ["documents", "extract"]

PathLike = str | os.PathLike[str]

_extractors: dict[tuple[str, ...], tuple[Any, threading.Lock]] = {}
_lock = threading.Lock()


def _extractor(gazetteers: tuple[str, ...]) -> tuple[Any, threading.Lock]:
    """This worker process's Extractor for these gazetteers (built on first use), and its lock.

    The lock lets one thread at a time use the pipeline when a worker runs several threads.
    """
    from extractor import Extractor

    with _lock:
        found = _extractors.get(gazetteers)
        if found is None:
            found = _extractors[gazetteers] = (Extractor(gazetteers=gazetteers), threading.Lock())
        return found


def _text_document(extractor: Any, record: dict[str, Any]) -> Document | FileError:
    """One record given as a dict with `text` (and optionally `id`, `source`, `doc_date`, `title`)."""
    from extractor import loader

    where = str(record.get("source") or record.get("id") or "<text>")
    try:
        loaded = loader.read_text(record["text"], source=record.get("source"))
        extra = {key: record[key] for key in ("id", "doc_date", "title") if record.get(key) is not None}
        return extractor.extract_loaded(dataclasses.replace(loaded, **extra))
    except KorexError as exc:
        return FileError(path=where, reason=exc.reason, message=str(exc))
    except (KeyError, TypeError) as exc:
        return FileError(path=where, reason="invalid_input", message=f"{where}: not a text record ({exc})")


def _extract_partition(items: Iterable[Any], gazetteers: tuple[str, ...]) -> list[Document | FileError]:
    """Documents and FileError rows of one partition of paths (or text records), in order."""
    extractor, lock = _extractor(gazetteers)
    out: list[Document | FileError] = []
    with lock:
        for item in items:
            if isinstance(item, dict):
                out.append(_text_document(extractor, item))
            else:
                out.extend(extract_path(extractor, item).items)
    return out


def documents(
    paths: PathLike | Sequence[PathLike] | dask.bag.Bag,
    *,
    pattern: str = "*",
    gazetteers: Sequence[PathLike] = (),
    files_per_partition: int = 32,
) -> dask.bag.Bag:
    """A dask.bag of Documents (and FileError rows) for the files under `paths`, lazily.

    `paths` is a file, a folder or a list of them (listed here, in sorted order), or a dask.bag of
    path strings, or of dicts with a `text` (and optionally `id`, `source`, `doc_date`, `title`).
    """
    import dask.bag as db

    folders = tuple(str(Path(folder).resolve()) for folder in gazetteers)
    if isinstance(paths, db.Bag):
        bag = paths
    else:
        files = [str(path) for path in iter_paths(paths, pattern=pattern)]
        if not files:
            return db.from_sequence([], npartitions=1)
        bag = db.from_sequence(files, partition_size=max(1, files_per_partition))
    return bag.map_partitions(_extract_partition, folders)


def _write_partition(items: list[Document | FileError], output: str, index: int) -> dict[str, int]:
    """Write one partition's rows of every table as `output/TABLE/part-INDEX.parquet`; return row counts."""
    import pyarrow.parquet as pq

    from extractor.frames import TABLES, rows
    from extractor.sinks import arrow_table

    found = rows(items)
    counts: dict[str, int] = {}
    for table in TABLES:
        folder = Path(output) / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"part-{index:05d}.parquet"
        tmp = folder / f".part-{index:05d}.parquet.tmp"
        pq.write_table(arrow_table(table, found[table]), tmp)
        os.replace(tmp, final)
        counts[table] = len(found[table])
    return counts


def _connect(client: Client | str | None) -> tuple[Client, Any]:
    """The client to use, and what to close afterwards (a client or cluster made here)."""
    from distributed import Client, LocalCluster, get_client

    if isinstance(client, str):
        made = Client(client)
        return made, made
    if client is not None:
        return client, None
    try:
        return get_client(), None
    except ValueError:
        cluster = LocalCluster(n_workers=max(1, os.cpu_count() or 1), threads_per_worker=1)
        made = Client(cluster)

        class _Both:
            def close(self) -> None:
                made.close()
                cluster.close()

        return made, _Both()


def extract(
    paths: PathLike | Sequence[PathLike] | dask.bag.Bag,
    output: PathLike,
    *,
    client: Client | str | None = None,
    pattern: str = "*",
    gazetteers: Sequence[PathLike] = (),
    files_per_partition: int = 32,
) -> dict[str, int]:
    """Extract every file under `paths` on a Dask cluster into Parquet partitions under `output`.

    `client` is a `distributed.Client`, a scheduler address (`"tcp://host:8786"`), or None for the
    current client (or, when there is none, a LocalCluster with one single-threaded worker per CPU).
    Returns the number of rows written to each table; `extractor.frames.read(output)` loads them.
    """
    import dask

    from extractor.frames import TABLES

    bag = documents(paths, pattern=pattern, gazetteers=gazetteers, files_per_partition=files_per_partition)
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    for table in TABLES:  # a previous call's partitions must not mix with this one's
        for old in (out / table).glob("part-*.parquet") if (out / table).is_dir() else ():
            old.unlink()
    writes = [
        dask.delayed(_write_partition)(part, str(out.resolve()), index)
        for index, part in enumerate(bag.to_delayed())
    ]
    active, to_close = _connect(client)
    try:
        counts = active.gather(active.compute(writes))
    finally:
        if to_close is not None:
            to_close.close()
    return {table: sum(c[table] for c in counts) for table in TABLES}
