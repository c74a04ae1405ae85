"""Seconds per MB of `find_dates` on ordinary press-release text and on hostile inputs, with an
anchor and without one (`infer_anchor`: references found in the text).

Every rule must stay linear: 100,000 repeats of `1.`, `(` or `제`, or a 5 MB line of digits and
dots, should cost about what ordinary text costs per MB. Run:

    python benchmarks/dates_adversarial.py
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from extractor.dates import find_dates

MB = 1_000_000
ANCHOR = dt.date(2024, 6, 28)

# Written for this benchmark, in the style of a ministry press release.
ORDINARY = (
    "김민수 외교부 제2차관은 6.27.(목) 오후 외교부 청사에서 방한 중인 카를로스 로페스 칠레 외교차관과 "
    "제7차 한-칠레 정책협의회를 개최하고, 양국 관계 전반과 실질 협력 증진 방안에 대해 의견을 교환하였다.\n"
    "양측은 2004년 발효된 자유무역협정이 지난 20년간 양국 교역 확대에 기여해 왔다고 평가하고, "
    "내년 수교 63주년을 계기로 공급망·핵심광물 분야 협력을 강화해 나가기로 하였다.\n"
    "※ 정책협의회는 2010-2019년간 6회 개최된 후 중단되었으며, 지난해 11월 재개\n"
    "김 차관은 오는 7월 초 개최 예정인 한-중남미 포럼(7.3-4, 서울)에 칠레 측의 적극적인 참여를 당부하였고, "
    "로페스 차관은 지난 5일 발표된 한국의 기후변화 대응 전략을 환영하였다.\n"
    "양국 교역액은 작년 1.5% 증가한 33억 달러를 기록하였으며, 이는 2013년 대비 3.8배 수준이다.\n"
    "문의: 중남미국 중미카리브과 (02-2100-7000), 2024.06.28 외교부\n"
)


def hostile_inputs() -> dict[str, str]:
    """Inputs built to provoke backtracking or quadratic work in the rules."""
    digits_dots = ("2024.06.28.1.2.3.4.5.6.7.8.9.10.11.12." * 200_000)[: 5 * MB]
    return {
        "100k x '1.'": "1." * 100_000,
        "100k x '1. '": "1. " * 100_000,
        "100k x '('": "(" * 100_000,
        "100k x '제'": "제" * 100_000,
        "100k x '6.28'": "6.28" * 100_000,
        "100k x '6.28 '": "6.28 " * 100_000,
        "1M x '6.28 ' (linear?)": "6.28 " * 1_000_000,
        "100k x '7월 1일부터 30일 '": "7월 1일부터 30일 " * 100_000,
        "100k x '2024-'": "2024-" * 100_000,
        "100k x '28일~'": "28일~" * 100_000,
        "100k x '지난 '": "지난 " * 100_000,
        "5 MB of digits": ("1234567890" * (MB // 2))[: 5 * MB],
        "5 MB of digits and dots": digits_dots,
        "5 MB of '1.1.'": ("1.1." * (5 * MB // 4)),
        "5 MB of spaces": " " * (5 * MB),
        "100k x '’'": "’" * 100_000,
        "100k x '‘20년 '": "‘20년 " * 100_000,
        "100k x '#2016 '": "#2016 " * 100_000,
        "100k x '2016' lines": "2016\n" * 100_000,
        "100k x '“어제 '": "“어제 " * 100_000,
        "100k x '9일 \"어제 '": '9일 "어제 ' * 100_000,
        "100k x '4일 ' (no anchor refs)": "4일 " * 100_000,
        "100k x '3일 뒤 '": "3일 뒤 " * 100_000,
        "100k x 'October 9, 2021 '": "October 9, 2021 " * 100_000,
        "100k x 'May '": "May " * 100_000,
        "100k x '지난주 '": "지난주 " * 100_000,
        "100k x '1990년대 '": "1990년대 " * 100_000,
        "100k x '비전 2030 '": "비전 2030 " * 100_000,
        "100k x '2023.04.12 12일 '": "2023.04.12 12일 " * 100_000,
    }


def seconds_per_mb(text: str, run: Callable[[str], object]) -> tuple[float, int]:
    """Time one call on `text`; return seconds per MB of UTF-8 and the call's result size."""
    started = time.perf_counter()
    result = run(text)
    elapsed = time.perf_counter() - started
    size_mb = len(text.encode("utf-8")) / MB
    count = len(result) if isinstance(result, list) else 0
    return elapsed / size_mb, count


def main() -> None:
    """Print seconds per MB for ordinary text and each hostile input."""
    find_dates("워밍업 2024.6.28.", ANCHOR)  # build the rules once, outside the timings
    ordinary = ORDINARY * (MB // len(ORDINARY.encode("utf-8")) + 1)

    def run(text: str) -> object:
        return find_dates(text, ANCHOR)

    def run_without_anchor(text: str) -> object:
        return find_dates(text, None, infer_anchor=True)

    rows = [("ordinary press-release text", ordinary), *hostile_inputs().items()]
    print(f"{'input':34s} {'MB':>6s} {'s/MB':>8s} {'matches':>8s} {'no anchor':>10s}")
    for name, text in rows:
        per_mb, count = seconds_per_mb(text, run)
        bare_per_mb, _ = seconds_per_mb(text, run_without_anchor)
        size_mb = len(text.encode("utf-8")) / MB
        print(f"{name:34s} {size_mb:6.2f} {per_mb:8.3f} {count:8d} {bare_per_mb:10.3f}")


if __name__ == "__main__":
    main()
