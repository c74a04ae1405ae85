"""The Dask path gives the same tables as the local one (on a light in-process LocalCluster)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import extractor
from extractor import frames

dask = pytest.importorskip("dask")
pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

# Written for these tests in the style of ministry press releases; people and meetings are invented.
TEXTS = [
    "2025.02.03 외교부\n\n정민호 외교부 제1차관은 2.3.(월) 서울에서 응우옌 반 탄 베트남 외교부 차관과 "
    "제{n}차 한-베트남 차관전략대화를 개최하고, 양국 간 공급망 협력 방안을 논의하였다.\n",
    "2025.03.12 외교부\n\n조현우 외교부 장관은 3.12.(수) 오후 마리 뒤부아 프랑스 외교장관과 전화 통화를 "
    "갖고, 한반도 문제에 대해 의견을 교환하였다. 양 장관은 {n}월 중 서울에서 회담하기로 하였다.\n",
    "2025.04.08 외교부\n\n한일 외교장관은 4.8.(화) 도쿄에서 제{n}차 회담을 갖고 "
    "긴밀한 공조를 재확인하였다.\n",
]


@pytest.fixture(scope="module")
def cluster_client():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(7):
        (docs / f"release-{i:02d}.txt").write_text(TEXTS[i % 3].format(n=i + 2), encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    return docs


def test_dask_gives_the_same_tables_as_the_local_path(
    folder: Path, tmp_path: Path, cluster_client, korex: extractor.Extractor
) -> None:
    from extractor import distributed

    out = tmp_path / "out"
    counts = distributed.extract(folder, out, client=cluster_client, files_per_partition=3)
    local = frames.to_frames(korex.extract_folder(folder))
    assert counts == {table: len(local[table]) for table in frames.TABLES}
    assert sorted(p.name for p in (out / "events").glob("*.parquet")) == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    found = frames.read(out)
    assert len(found["events"]) > 0
    for table in frames.TABLES:
        pd.testing.assert_frame_equal(found[table], local[table], obj=table)

    # A second call rewrites the output: no partitions of the first are left behind.
    distributed.extract(folder, out, client=cluster_client, files_per_partition=10)
    assert [p.name for p in (out / "events").glob("*.parquet")] == ["part-00000.parquet"]
    pd.testing.assert_frame_equal(frames.read(out)["events"], local["events"])


def test_a_bag_of_text_records(cluster_client, korex: extractor.Extractor) -> None:
    import dask.bag as db

    from extractor import distributed

    records = [{"id": f"r{i}", "text": TEXTS[i].format(n=3)} for i in range(3)] + [{"id": "bad"}]
    bag = distributed.documents(db.from_sequence(records, npartitions=2))
    items = bag.compute(scheduler=cluster_client.get)
    assert [getattr(item, "id", None) for item in items[:3]] == ["r0", "r1", "r2"]
    assert items[3].reason == "invalid_input"
    local = [korex.extract(TEXTS[i].format(n=3)).events for i in range(3)]
    assert [item.events for item in items[:3]] == local
