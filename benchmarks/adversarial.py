"""Time the loader on hostile input against ordinary press-release text (seconds per MB).

Run: python benchmarks/adversarial.py [--repeat N]

Every hostile input must cost about what ordinary text costs per character: no regular
expression may backtrack and no parser may rescan its input. A row far above the ordinary
rows is a bug. JSON rows time `load_file` on a temporary file, the others `read_text`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractor.errors import InputError
from extractor.loader import load_file, read_text

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
    " 양국 관계 전반에 관하여 의견을 교환하였다.\n"
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


def main(argv: list[str] | None = None) -> int:
    """Print one row per input: size, seconds, seconds per MB."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per input; the best is kept")
    args = parser.parse_args(argv)
    read_text("warm up the rules")
    print(f"{'input':40} {'MB':>7} {'seconds':>9} {'s/MB':>8}  result")
    for name, text in cases().items():
        seconds, outcome = timed(lambda text=text: read_text(text), args.repeat)
        size = _size(text)
        print(f"{name:40} {size:7.2f} {seconds:9.4f} {seconds / size:8.3f}  {outcome}")
    with tempfile.TemporaryDirectory() as folder:
        for name, content in json_cases().items():
            path = Path(folder) / "case.json"
            path.write_text(content, encoding="utf-8")
            seconds, outcome = timed(lambda path=path: load_file(path), args.repeat)
            size = _size(content)
            print(f"{name:40} {size:7.2f} {seconds:9.4f} {seconds / size:8.3f}  {outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
