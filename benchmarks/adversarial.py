"""Time hostile input against ordinary press-release text: the loader (seconds per MB), then full
extraction (CPU microseconds per character, and that cost relative to ordinary text).

Run: python benchmarks/adversarial.py [--repeat N] [--only loader|extract] [--out benchmarks/RESULTS.md]

Every hostile input must cost about what ordinary text costs per character: no regular
expression may backtrack, no parser may rescan its input, and no rule may compare each mention
with every other one. A row far above the ordinary rows is a bug. Loader rows: JSON rows time
`load_file` on a temporary file, the others `read_text`. Extraction rows time `extractor.extract`
(CPU time, best of `--repeat`) on texts a run over scraped pages meets: a name repeated hundreds
of times, dense officials, dense country compounds, a yearly list of hundreds of meetings; each is
reported against the ordinary texts' cost per character (target: within 3x), with the pipeline step
that took most of it when it is over. The extraction table goes to `--out` as `# Hostile texts`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from results import load, machine, versions, write_section  # noqa: E402

from extractor.errors import InputError  # noqa: E402
from extractor.loader import load_file, read_text  # noqa: E402

RELEASE = "\n".join(
    [
        "본문 바로가기 메인메뉴 바로가기",
        "",
        "브리핑룸",
        "",
        "제7차 한-몽골 외교차관 전략대화 개최",
        "",
        "2025.03.14 외교부",
        "목록",
        "",
        "   박영민 외교부 제2차관은 3.14.(금) 서울에서 바트바야르 에르덴(Batbayar Erdene) 몽골 외교부 차관과"
        " 제7차 한-몽골 외교차관 전략대화를 개최하고, 양국 관계, 경제·통상 협력, 지역 정세 등에 대해"
        " 폭넓게 의견을 교환하였다.",
        "",
        "  ※ 한-몽골 외교차관 전략대화는 2011년 출범한 이래 양국 간 고위급 소통 채널로 기능",
        "",
        "   양 차관은 올해 수교 35주년을 맞아 정상 및 고위급 교류를 활발히 이어 나가기로 하였으며,"
        " 핵심광물 공급망과 기후변화 대응 분야에서 실질 협력을 확대해 나가자는 데 공감하였다.",
        "",
        "   박 차관은 한반도 문제와 관련한 우리 정부의 입장을 설명하고, 몽골 측의 지속적인 지지를"
        " 당부하였다. 에르덴 차관은 한국과의 협력을 더욱 강화해 나가겠다고 하였다.",
        "",
        "문의 : 외교부 동북아시아국 (02-2100-0000)",
        "",
        "이전다음기사",
        "",
        "다음기사 해양수산부 차관, 「연안 안전 점검 회의」 개최",
        "",
        "댓글은 게시판 운영원칙을 지켜 주세요. 어긋나는 글은 지울 수 있습니다.",
        "",
        "  • 1. 타인의 개인정보를 게재하는 경우",
        "  • 2. 광고 또는 홍보성 글인 경우",
        "",
    ]
)

PLAIN = (
    "조현우 외교부 제1차관은 4.2.(수) 오전 외교부 청사에서 신임 주한 칠레대사를 접견하고"
    " 양국 간 교역과 인적 교류 현황을 함께 점검하였다.\n"
    "조 차관은 양국이 자유무역협정 발효 이후 교역과 투자를 꾸준히 늘려 왔음을 평가하고,"
    " 핵심광물과 재생에너지 분야 협력을 확대해 나가자고 하였다.\n"
    "대사는 한국과의 협력을 한층 강화하기 위해 최선을 다하겠다고 하였다.\n"
)

HTML = (
    "<!doctype html><html><head><title>한-칠레 외교차관 협의 | 외교부</title>"
    '<meta property="article:published_time" content="2025-04-02T10:00:00+09:00"></head><body>'
    '<nav class="gnb"><ul><li><a href="/">홈</a></li><li><a href="/b">브리핑룸</a></li></ul></nav>'
    "<article><h1>한-칠레 외교차관 협의</h1>"
    + "".join(f"<p>{line}</p>" for line in PLAIN.splitlines())
    + '</article><footer class="footer">Copyright ⓒ 외교부. All rights reserved.</footer></body></html>\n'
)

MB = 2**20


def _size(text: str) -> float:
    return len(text.encode("utf-8")) / MB


def _repeat_to(text: str, size: int) -> str:
    """Copies of `text` up to about `size` bytes, each prose line numbered so that no two are equal."""
    copies = max(1, size // len(text.encode("utf-8")))
    lines = text.split("\n")
    out = []
    for i in range(copies):
        out.extend(f"{line} ({i})" if len(line) > 40 else line for line in lines)
    return "\n".join(out)


def cases() -> dict[str, str]:
    """Name → input string: ordinary texts first, then the hostile ones."""
    return {
        "ordinary: policy-briefing page x N": _repeat_to(RELEASE, 2 * MB),
        "ordinary: plain release x N": _repeat_to(PLAIN, 2 * MB),
        "ordinary: HTML page x N": _repeat_to(HTML, 2 * MB),
        "5 MB line, no spaces (Hangul)": "가" * (5 * MB // 3),
        "5 MB line, no spaces (ASCII)": "a" * (5 * MB),
        '"1." x 100k, one line': "1." * 100_000,
        '"1." x 100k, one per line': "1.\n" * 100_000,
        '"1. " .. "100000. " lines': "".join(f"{i}.\n" for i in range(100_000)),
        '"(" x 100k': "(" * 100_000,
        '"제" x 100k': "제" * 100_000,
        '"제" x 100k, one per line': "제\n" * 100_000,
        "2024.06.28 x 100k lines": "2024.06.28 외교부\n" * 100_000,
        '"2024." x 100k': "2024." * 100_000,
        "1 MB of spaces": " " * MB,
        '"a@" x 100k': "a@" * 100_000,
        '"02-" x 100k': "02-" * 100_000,
        "boilerplate lines x 50k": "다음기사\n목록\n공유하기\n" * 50_000,
        "HTML: <div> nested 100k": "<html><body>" + "<div>" * 100_000 + "본문" + "</div>" * 100_000,
        "HTML: <div class> unclosed 100k": "<html><body>" + "<div class='nav x'>" * 100_000 + "본문",
        "HTML: stray </span> 100k": "<html><body>" + "<div>" * 50_000 + "</span>" * 100_000,
        "HTML: <!-- x 100k": "<html><body>" + "<!--" * 100_000,
        "HTML: <!-- > x 100k": "<html><body>" + "<!-- >" * 100_000,
        "HTML: </ x 100k": "<html><body><p>" + "</" * 100_000,
        "HTML: </ x 100k then >": "<html><body><p>" + "</" * 100_000 + ">",
        "HTML: <a  x 100k": "<html><body><p>" + "<a " * 100_000,
        "HTML: <a  x 100k then >": "<html><body><p>" + "<a " * 100_000 + ">",
        "HTML: <a b=' x 100k then >": "<html><body><p>" + "<a b='" * 100_000 + ">",
        "HTML: <! x 100k": "<html><body><p>" + "<!" * 100_000,
        "HTML: <? x 100k": "<html><body><p>" + "<?" * 100_000,
        "HTML: <![ x 100k": "<html><body><p>" + "<![" * 100_000,
        "HTML: & x 100k": "<html><body><p>" + "&" * 100_000,
        "HTML: &# x 100k": "<html><body><p>" + "&#" * 100_000,
        "HTML: < x 100k": "<html><body><p>" + "<" * 100_000,
        "HTML: <script> unclosed": "<html><body><script>" + "</" * 100_000,
        "front matter + [a]( x 100k": "---\ntitle: t\n---\n" + "[a](" * 100_000,
        "front matter + [ x 100k ](": "---\ntitle: t\n---\n" + "[" * 100_000 + "](" * 100_000,
        "front matter: YAML nested [ x 10k": "---\nx: " + "[" * 10_000 + "\n---\n본문",
        "front matter unclosed, 1 MB": "---\n" + "a: b\n" * (MB // 5),
        '"입력 2024-06-28 " x 100k, one line': "입력 2024-06-28 " * 100_000,
        '"입력\\n2024-06-28" x 50k lines': "입력\n2024-06-28\n" * 50_000,
        "caption + address x 50k lines": "있다. 2024.06.28 a@b.kr |\n" * 50_000,
        "date + time to the second x 50k lines": "제목2024-06-28 10:00:00\n" * 50_000,
        '" date 2024-06-28" + 5 MB line': " date 2024-06-28 " + "가" * (5 * MB // 3),
        '"가--(a) 2024년" x 100k': "가--(a) 2024년 " * 100_000,
        '"흐림 3.2℃" x 100k lines': "흐림 3.2℃\n" * 100_000,
        '"[a]24.06.28 " x 100k lines': "[a]24.06.28 제목\n" * 100_000,
        '"October 9, 2021" x 100k lines': "October 9, 2021\n" * 100_000,
        "bare date then 100k short lines": "2024.06.28\n" + "메뉴\n" * 100_000,
    }


def json_cases() -> dict[str, str]:
    """Name → file content for load_file (.json)."""
    return {
        "JSON: [ nested 100k": "[" * 100_000,
        'JSON: {"a": nested 100k': '{"a":' * 100_000,
        "JSON: 5000-digit number": '{"text": "본문", "n": ' + "1" * 5000 + "}",
        "JSON: 1 MB text field": '{"text": "' + "가나다라 " * (MB // 13) + '"}',
    }


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, str]:
    """Best wall time of `repeat` runs, and what the call returned or raised."""
    best, outcome = float("inf"), ""
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            result = fn()
            outcome = type(result).__name__
        except InputError as exc:
            outcome = f"{type(exc).__name__}"
        best = min(best, time.perf_counter() - start)
    return best, outcome


#: Extraction may cost this many times ordinary text per character.
TARGET = 3.0
#: A yearly list: counterparts, terms and cities it cycles through (invented entries).
_PARTNERS = ("호주", "몽골", "베트남", "인도", "일본", "중국", "미국", "독일", "프랑스", "영국", "캐나다")
_TERMS = ("외교장관 회담", "외교차관 전략대화", "정책협의회", "정상회담", "외교장관 전화통화", "공동위원회")
_CITIES = ("서울", "부산", "제주", "뉴욕", "제네바", "자카르타")
COMPOUNDS = "한미·한일·한중·한러·한호·한영 "


def yearly_list(count: int) -> str:
    """A year's list of `count` bilateral meetings, one a line (`- 3.14. 제7차 한-몽골 정책협의회 (서울)`)."""
    lines = ["2024년 외교부 주요 양자회담 일지", ""]
    for i in range(count):
        term = _TERMS[(i // 3) % len(_TERMS)]
        rounds = f"제{i % 30 + 1}차 " if term in ("정책협의회", "공동위원회", "외교차관 전략대화") else ""
        partner, city = _PARTNERS[i % len(_PARTNERS)], _CITIES[i % len(_CITIES)]
        lines.append(f"- {i % 12 + 1}.{i % 28 + 1}. {rounds}한-{partner} {term} ({city})")
    return "\n".join(lines) + "\n"


def extraction_cases() -> dict[str, tuple[str, bool]]:
    """Name → (text, ordinary?): two ordinary releases, then the hostile texts."""
    return {
        "ordinary: policy-briefing page x 6": (_repeat_to(RELEASE, 12_000), True),
        "ordinary: plain release x 40": (_repeat_to(PLAIN, 20_000), True),
        "meeting name x 250": ("한-호주 외교장관 회담 " * 250, False),
        "meeting name x 500": ("한-호주 외교장관 회담 " * 500, False),
        "official with title x 250": ("박서진 외교부 제1차관 " * 250, False),
        "official with title x 500": ("박서진 외교부 제1차관 " * 500, False),
        "country compounds x 250, then a meeting": (
            "한미·한일·한중·한러·한호·한영 " * 250 + "외교장관 회담",
            False,
        ),
        "country compounds x 500, then a meeting": (
            "한미·한일·한중·한러·한호·한영 " * 500 + "외교장관 회담",
            False,
        ),
        "yearly list of 800 meetings": (yearly_list(800), False),
    }


def extract_cpu(extractor_: object, text: str, repeat: int) -> float:
    """Best CPU time of `repeat` extractions of `text`."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        extractor_.extract(text)  # type: ignore[attr-defined]
        best = min(best, time.process_time() - started)
    return best


def slowest_step(nlp: object, text: str) -> tuple[str, float]:
    """The pipeline step (the tokenizer or a component) that takes most of one analysis, and its share."""
    from extractor.rules.date_mentions import ANCHOR_KEY

    steps: dict[str, float] = {}
    started = time.process_time()
    doc = nlp.make_doc(text)  # type: ignore[attr-defined]
    steps["tokenizer"] = time.process_time() - started
    doc.user_data[ANCHOR_KEY] = dt.date(2024, 12, 31)
    for name, component in nlp.pipeline:  # type: ignore[attr-defined]
        started = time.process_time()
        doc = component(doc)
        steps[name] = time.process_time() - started
    name = max(steps, key=steps.__getitem__)
    return name, steps[name] / max(sum(steps.values()), 1e-9)


def extraction_rows(repeat: int) -> list[tuple[str, int, float, float, float, str]]:
    """(name, characters, CPU s, µs per character, x ordinary, slowest step) per extraction case."""
    import extractor

    korex = extractor.Extractor()
    korex.extract("워밍업 문장입니다.")
    measured = {
        name: (text, ordinary, extract_cpu(korex, text, repeat))
        for name, (text, ordinary) in extraction_cases().items()
    }
    ordinary_cost = [cpu / len(text) for text, ordinary, cpu in measured.values() if ordinary]
    baseline = sum(ordinary_cost) / len(ordinary_cost)
    rows = []
    for name, (text, _, cpu) in measured.items():
        ratio = cpu / len(text) / baseline
        step = ""
        if ratio > TARGET:
            slowest, share = slowest_step(korex.nlp, text)
            step = f"{slowest} ({share:.0%})"
        rows.append((name, len(text), cpu, cpu / len(text) * 1e6, ratio, step))
    return rows


def extraction_report(rows: list[tuple[str, int, float, float, float, str]], loads: tuple[str, str]) -> str:
    """The `# Hostile texts` section of RESULTS.md."""
    over = [name for name, *_, ratio, _ in rows if ratio > TARGET]
    lines = [
        "# Hostile texts",
        "",
        f"Measured {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} by `python benchmarks/adversarial.py`.",
        "",
        f"- Machine: {machine()}; packages: {versions()}",
        f"- Load average before / after: {loads[0]} / {loads[1]}",
        "- `extractor.extract` on each text, CPU time (`time.process_time`), best of the runs; the cost per",
        "  character against the mean of the two ordinary texts'",
        "",
        "| text | characters | CPU s | µs CPU / char | x ordinary | slowest step (share) when over |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, chars, cpu, per_char, ratio, step in rows:
        lines.append(f"| {name} | {chars:,} | {cpu:.3f} | {per_char:.1f} | {ratio:.2f} | {step} |")
    lines += [
        "",
        f"Target: every hostile text within {TARGET:g}x the ordinary cost per character: "
        + ("met." if not over else f"**not met** by {len(over)} of {len(rows) - 2}: {', '.join(over)}."),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Print one row per input: size, seconds, seconds per MB; then the extraction table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per input; the best is kept")
    parser.add_argument("--only", choices=("loader", "extract"), help="run one of the two parts")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args(argv)
    if args.only != "extract":
        loader_rows(args.repeat)
    if args.only != "loader":
        before = load()
        text = extraction_report(extraction_rows(args.repeat), (before, load()))
        write_section(args.out, text)
        print(text)
    return 0


def loader_rows(repeat: int) -> None:
    """Print the loader's row per input: size, seconds, seconds per MB."""
    read_text("warm up the rules")
    print(f"{'input':40} {'MB':>7} {'seconds':>9} {'s/MB':>8}  result")
    for name, text in cases().items():
        seconds, outcome = timed(lambda text=text: read_text(text), repeat)
        size = _size(text)
        print(f"{name:40} {size:7.2f} {seconds:9.4f} {seconds / size:8.3f}  {outcome}")
    with tempfile.TemporaryDirectory() as folder:
        for name, content in json_cases().items():
            path = Path(folder) / "case.json"
            path.write_text(content, encoding="utf-8")
            seconds, outcome = timed(lambda path=path: load_file(path), repeat)
            size = _size(content)
            print(f"{name:40} {size:7.2f} {seconds:9.4f} {seconds / size:8.3f}  {outcome}")


if __name__ == "__main__":
    sys.exit(main())
