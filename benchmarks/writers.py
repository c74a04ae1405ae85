"""The outputs compared: CPU time of `korex extract` into JSON Lines, CSV, Parquet and DuckDB, side by side.

The same documents go to every format in one run, so the ratios compare like with like on a machine
whose load comes and goes:

- whole runs: `korex extract CORPUS -o out.FORMAT` in a fresh process each (one job, as a user runs
  it), the formats in turn, `--rounds` times; the CPU time (user + system, every thread) of the best
  round of each format, its wall time, and its ratio to JSON Lines;
- writing alone: the documents analysed once in this process, then handed to each format's sink (as
  `korex extract` hands them), from opening the output to closing it; CPU time per document and the
  ratio to JSON Lines. This is the writers' own cost, which the whole runs show diluted by analysis.

The corpus is built as `throughput.py` builds its own (press-release-sized documents varied from
`examples/`), 2 MB by default, so that the fixed costs of a run (starting Python, loading Kiwi and
the pipeline, importing pandas for the tables) weigh as little as in a folder of thousands of pages.
Run (about six minutes on two cores):

    python benchmarks/writers.py [--mb 2] [--rounds 3] [--out benchmarks/RESULTS.md]

The report replaces its own section of the results file (`## Writers`), keeping the others.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

FORMATS = ("jsonl", "csv", "parquet", "duckdb")
HEADING = "# Writers: JSON Lines, CSV, Parquet and DuckDB"
MB = 1_000_000


def whole_run(corpus: Path, out: Path) -> tuple[float, float]:
    """CPU seconds (user + system of the process and its threads) and wall seconds of one
    `korex extract` run into `out`, in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "extractor", "extract", str(corpus), "-o", str(out), "--quiet"]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(
            f"korex extract -o {out.name} failed:\n{process.stderr.read().decode() if process.stderr else ''}"
        )
    return usage.ru_utime + usage.ru_stime, wall


def remove(out: Path) -> None:
    from extractor.sinks import state_folder

    for path in (out, out.with_name(out.name + ".wal"), state_folder(out)):
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


def analysed(corpus: Path) -> list[Any]:
    """Every file of the corpus analysed once, as the FileResults a run hands to its output."""
    import extractor
    from extractor import batch

    paths = sorted(corpus.glob("*.txt"))
    results = list(batch.run(extractor.Extractor(), paths))
    return [(batch.file_key(paths[result.index]), result) for result in results]


def writing(results: list[Any], out: Path) -> float:
    """CPU seconds of this process (every thread) from opening `out` to closing it with `results`."""
    from extractor import sinks

    started = time.process_time()
    with sinks.open_sink(out) as sink:
        for key, result in results:
            sink.add(key, result)
    return time.process_time() - started


def best_per_format(measure: Any, rounds: int, scratch: Path) -> dict[str, tuple[float, ...]]:
    """The best (least CPU) of `rounds` measures per format; each round takes the formats in a new
    order, so that none always runs first or last."""
    found: dict[str, tuple[float, ...]] = {}
    for number in range(rounds):
        order = FORMATS[number % len(FORMATS) :] + FORMATS[: number % len(FORMATS)]
        for fmt in order:
            out = scratch / f"out.{fmt}"
            remove(out)
            value = measure(out)
            value = value if isinstance(value, tuple) else (value,)
            if fmt not in found or value[0] < found[fmt][0]:
                found[fmt] = value
            remove(out)
    return found


def section(
    corpus: dict[str, float],
    runs: dict[str, tuple[float, ...]],
    sinks: dict[str, tuple[float, ...]],
    rounds: int,
) -> str:
    """The report's section, as Markdown."""
    import duckdb
    import pyarrow

    load = os.getloadavg()
    docs = corpus["docs"]
    lines = [
        HEADING,
        "",
        f"Measured {dt.datetime.now():%Y-%m-%d %H:%M} by `python benchmarks/writers.py` (best of {rounds} "
        f"rounds per format, the formats taken in turn). Corpus: {int(docs)} documents, "
        f"{corpus['mb']:.2f} MB of UTF-8, built as for the throughput figures. Python "
        f"{platform.python_version()}, pyarrow {pyarrow.__version__}, duckdb {duckdb.__version__}; "
        f"{os.cpu_count()} CPUs, load average after {load[0]:.2f}.",
        "",
        "| output | whole run: CPU s | wall s | CPU vs JSON Lines | writing alone: CPU ms per document "
        "| vs JSON Lines |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    base_run = runs["jsonl"][0]
    base_sink = sinks["jsonl"][0]
    for fmt in FORMATS:
        cpu, wall = runs[fmt]
        sink_cpu = sinks[fmt][0]
        lines.append(
            f"| {fmt} | {cpu:.2f} | {wall:.2f} | {cpu / base_run:.3f}x | {1000 * sink_cpu / docs:.2f} | "
            f"{sink_cpu / base_sink:.1f}x |"
        )
    duck = runs["duckdb"][0] / base_run
    lines += [
        "",
        f"A whole run into DuckDB costs {duck:.3f}x the CPU of one into JSON Lines (target ≤ 1.1x: "
        f"{'met' if duck <= 1.1 else 'not met'}). Whole runs include starting the process, Kiwi's model and "
        "the pipeline; writing alone is the outputs' own share, paid once per document whatever the "
        "number of jobs (the parent writes). DuckDB and Parquet spend it on their tables, each commit of "
        "DuckDB's being one statement per table (not one per input file). Other processes share the "
        "machine, so whole runs vary by several percent from round to round (a format that does more "
        "work can come out below JSON Lines); writing alone, measured in one process on documents "
        "already analysed, is the steadier comparison of the writers themselves.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    from results import write_section
    from throughput import build_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in MB of UTF-8 (default 2)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="korex-writers-") as tmp:
        scratch = Path(tmp)
        corpus = scratch / "corpus"
        docs, size = build_corpus([ROOT / "examples"], int(args.mb * MB), corpus)
        print(f"corpus: {docs} documents, {size / MB:.2f} MB", file=sys.stderr)
        runs = best_per_format(lambda out: whole_run(corpus, out), args.rounds, scratch)
        print(f"whole runs: {runs}", file=sys.stderr)
        results = analysed(corpus)
        sinks = best_per_format(lambda out: writing(results, out), args.rounds, scratch)
        print(f"writing alone: {sinks}", file=sys.stderr)
    text = section({"docs": docs, "mb": size / MB}, runs, sinks, args.rounds)
    write_section(args.out, text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
