"""The length sweep: CPU time per character of full extraction against Kiwi alone, for documents from
1,000 to 3,000,000 characters, to show that the cost of a document grows linearly with its length.

Texts are built from `examples/` by joining paragraphs (rounds varied) up to each size; sizes below
100,000 characters use several different texts so that each measure holds enough work. Each size runs
in a fresh process (so that its peak memory is its own) that measures, alternating, on the same
texts: Kiwi alone (the tokenizer's chunks, one `tokenize` each), the loader (`loader.read_text`),
and full extraction (`Extractor.extract_loaded`: the pipeline, in pieces past 100,000 characters, and
the record); CPU time (`time.process_time`) beside wall time, best of `--rounds`.

Run (about six minutes on two cores):

    python benchmarks/length.py [--sizes 1000 10000 ... 3000000] [--rounds 2] [--out benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from results import load, machine, versions, write_section

ROOT = Path(__file__).resolve().parent.parent
#: Characters measured per size at least: small documents are measured as several texts.
MIN_TOTAL = 300_000


def _paragraphs() -> list[str]:
    from extractor import batch, loader
    from extractor.errors import KorexError

    found = []
    for path in batch.iter_paths([ROOT / "examples"]):
        try:
            items = loader.load_file(path)
        except KorexError:
            continue
        for item in items:
            found += [p.strip() for p in re.split(r"\n\s*\n", item.text) if len(p.strip()) > 20]
    return found


def texts(size: int, seed: int = 7) -> list[str]:
    """Texts of about `size` characters each (whole paragraphs, rounds varied), enough of them to hold
    `MIN_TOTAL` characters."""
    paragraphs = _paragraphs()
    rng = random.Random(seed)
    built = []
    for n in range(max(1, MIN_TOTAL // size)):
        parts: list[str] = []
        length = 0
        while length < size:
            shift = len(parts) % 9 + n
            part = re.sub(
                r"제(\d+)차", lambda m, s=shift: f"제{int(m.group(1)) + s}차", rng.choice(paragraphs)
            )
            parts.append(part)
            length += len(part) + 2
        built.append("\n\n".join(parts)[:size])
    return built


def child(size: int, rounds: int) -> dict:
    """Kiwi alone, the loader and full extraction on the texts of one size, alternating; best of each."""
    import extractor
    from extractor import loader
    from extractor.tokenizer import MATCH_OPTIONS, get_kiwi, split_chunks

    korex = extractor.Extractor()
    korex.extract("")
    kiwi = get_kiwi()
    sample = texts(size)
    loaded = [loader.read_text(text) for text in sample]
    analysed = [extractor.with_headline(item) for item in loaded]
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    best: dict[str, tuple[float, float]] = {}

    def timed(name: str, work: list, run) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        for item in work:
            run(item)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        if name not in best or cpu < best[name][0]:
            best[name] = (cpu, wall)

    def kiwi_alone(text: str) -> None:
        for _, piece in split_chunks(text):
            kiwi.tokenize(piece, match_options=MATCH_OPTIONS)

    for _ in range(rounds):
        timed("kiwi", analysed, kiwi_alone)
        timed("loader", sample, loader.read_text)
        timed("extract", loaded, korex.extract_loaded)
    return {
        "size": size,
        "texts": len(sample),
        "chars": sum(map(len, analysed)),
        **{f"{name}_cpu": cpu for name, (cpu, _) in best.items()},
        **{f"{name}_wall": wall for name, (_, wall) in best.items()},
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "base_rss_mb": base_rss,
    }


def report(found: list[dict], loads: tuple[str, str]) -> str:
    """The `# Length sweep` section of RESULTS.md."""
    from extractor.pieces import LEAD_IN_CHARS, PIECE_CHARS

    def per_char(row: dict, name: str) -> float:
        return row[f"{name}_cpu"] / row["chars"] * 1e6

    first, last = found[0], found[-1]
    ten = next((row for row in found if row["size"] == 10_000), first)
    lines = [
        "# Length sweep",
        "",
        f"Measured {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} by `python benchmarks/length.py`.",
        "",
        f"- Machine: {machine()}; packages: {versions()}",
        f"- Load average before / after: {loads[0]} / {loads[1]}",
        "- Texts: paragraphs of `examples/` joined up to each size (several texts per size below "
        f"{MIN_TOTAL:,} characters); each size in a fresh process, the three measures alternating on the "
        "same texts, best CPU time of the rounds",
        "",
        "| characters | texts | Kiwi alone µs CPU / char | full extraction µs CPU / char | wall µs / char "
        "| full / Kiwi throughput (CPU) | loader µs CPU / char | peak RSS (after start-up) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in found:
        ratio = row["kiwi_cpu"] / row["extract_cpu"]
        lines.append(
            f"| {row['size']:,} | {row['texts']} | {per_char(row, 'kiwi'):.1f} "
            f"| {per_char(row, 'extract'):.1f} "
            f"| {row['extract_wall'] / row['chars'] * 1e6:.1f} | {ratio:.2f} | {per_char(row, 'loader'):.2f} "
            f"| {row['rss_mb']:.0f} MB ({row['rss_mb'] - row['base_rss_mb']:+.0f} MB) |"
        )
    growth = per_char(last, "extract") / per_char(first, "extract")
    growth_ten = per_char(last, "extract") / per_char(ten, "extract")
    kiwi_growth = per_char(last, "kiwi") / per_char(first, "kiwi")
    lines += [
        "",
        f"Full extraction per character at {last['size']:,} / at {first['size']:,} characters: "
        f"{growth:.2f}x; "
        f"at {last['size']:,} / at {ten['size']:,}: {growth_ten:.2f}x (target ≤ 1.5x: "
        f"{'met' if max(growth, growth_ten) <= 1.5 else '**not met**'}); Kiwi alone {kiwi_growth:.2f}x. "
        f"Full extraction includes the loader; past {PIECE_CHARS:,} characters a text is analysed in "
        f"pieces (`extractor.pieces`), each read after a lead-in of at most {LEAD_IN_CHARS:,} characters "
        f"of earlier sentences, which costs up to {LEAD_IN_CHARS / PIECE_CHARS:.0%} more. Before: 15 µs "
        "per character at 1,000, 105 µs at 1,000,000, and `E088` past 1,000,000 (issue 18).",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000, 300_000, 1_000_000, 3_000_000]
    )
    parser.add_argument("--rounds", type=int, default=2, help="rounds per size (best kept)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.child:
        print(json.dumps(child(args.child, args.rounds)))
        return 0
    before = load()
    found = []
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--rounds", str(args.rounds)],
            capture_output=True,
            text=True,
            check=True,
        )
        found.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(found[-1], file=sys.stderr)
    text = report(found, (before, load()))
    write_section(args.out, text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
