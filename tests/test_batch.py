"""Batch builds: many sources, broken ones isolated, unchanged ones skipped, shards that add up, a JSON report."""

from __future__ import annotations

import gc
import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.batch import (
    BATCH_GC_THRESHOLDS,
    AccountReport,
    Options,
    Source,
    _pool,
    build_account,
    check_account,
    find_sources,
    run,
    shard,
)
from generator.cli import main
from tests.conftest import EXAMPLE


def portfolio(folder: Path, count: int = 3) -> Path:
    """Return a folder of sources: count accounts, one broken file, a hidden file and an Office lock file."""
    folder.mkdir(parents=True, exist_ok=True)
    text = EXAMPLE.read_text("utf-8")
    for index in range(count):
        (folder / f"account-{index}.yaml").write_text(text.replace("Halden Freight Group", f"Account {index}"), "utf-8")
    (folder / "broken.yaml").write_text("plan: {date: 2026-11-16}\naccount: {name: Broken, segment: big}\n", "utf-8")
    (folder / ".hidden.yaml").write_text("not: [valid", "utf-8")
    (folder / "~$open.xlsx").write_bytes(b"lock")
    return folder


def build(*args: str) -> tuple[int, str, str]:
    """Run accountplan build; return exit code, stdout and stderr."""
    result = CliRunner().invoke(main, ["build", *args])
    return result.exit_code, result.stdout, result.stderr


def hashes(out: Path) -> dict[str, str]:
    """Return every written document's SHA-256 by its path under out."""
    return {
        str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in out.rglob("*.*x")
        if not any(part.startswith(".") for part in p.relative_to(out).parts)
    }


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, tuple[int, str, str]]:
    """Return the portfolio, the output folder and the result of building it once with two jobs."""
    root = tmp_path_factory.mktemp("batch")
    sources, out = portfolio(root / "sources"), root / "out"
    return sources, out, build(str(sources), "-o", str(out), "--jobs", "2", "--format", "docx")


def test_good_sources_build_and_a_broken_one_is_reported_with_its_place(first_run) -> None:  # type: ignore[no-untyped-def]
    sources, out, (code, stdout, stderr) = first_run
    assert code == 1
    assert f"{sources / 'broken.yaml'}:2:25: account.segment" in stderr
    assert "3 built, 0 skipped, 1 failed; 15 files" in stdout
    assert len([p for p in out.iterdir() if p.is_dir()]) == 3


def test_a_second_run_skips_everything_and_an_edit_rebuilds_one(first_run) -> None:  # type: ignore[no-untyped-def]
    sources, out, _ = first_run
    code, stdout, _ = build(str(sources), "-o", str(out), "--jobs", "2", "--format", "docx")
    assert code == 1 and "0 built, 3 skipped, 1 failed" in stdout
    edited = sources / "account-1.yaml"
    edited.write_text(edited.read_text("utf-8").replace('version: "2.1"', 'version: "2.2"'), "utf-8")
    code, stdout, _ = build(str(sources), "-o", str(out), "--jobs", "2", "--format", "docx")
    assert "1 built, 2 skipped, 1 failed" in stdout


def test_shards_together_make_exactly_one_unsharded_run(tmp_path: Path) -> None:
    sources = portfolio(tmp_path / "sources", 4)
    whole, parts = tmp_path / "whole", tmp_path / "parts"
    build(str(sources), "-o", str(whole), "--format", "xlsx", "--jobs", "1")
    for index in (1, 2, 3):
        build(str(sources), "-o", str(parts), "--format", "xlsx", "--jobs", "1", "--shard", f"{index}/3")
    assert hashes(parts) == hashes(whole) and len(hashes(whole)) == 16  # 4 accounts x 4 workbooks


def test_jobs_do_not_change_a_byte(tmp_path: Path) -> None:
    sources = portfolio(tmp_path / "sources", 2)
    build(str(sources), "-o", str(tmp_path / "one"), "--jobs", "1", "--format", "pptx")
    build(str(sources), "-o", str(tmp_path / "two"), "--jobs", "2", "--format", "pptx")
    assert hashes(tmp_path / "one") == hashes(tmp_path / "two") != {}


def test_the_json_report_lists_every_file_with_its_hash(tmp_path: Path) -> None:
    sources = portfolio(tmp_path / "sources", 1)
    code, stdout, _ = build(str(sources), "-o", str(tmp_path / "out"), "--json", "--format", "docx", "--jobs", "1")
    report = {Path(r["source"]).name: r for r in json.loads(stdout)}
    assert code == 1 and report["broken.yaml"]["status"] == "failed" and report["broken.yaml"]["messages"]
    built = report["account-0.yaml"]
    assert built["status"] == "built" and len(built["files"]) == 5
    for entry in built["files"]:
        assert hashlib.sha256(Path(entry["path"]).read_bytes()).hexdigest() == entry["sha256"]


def test_two_sources_of_one_account_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.yaml").write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    (sources / "b.yaml").write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    code, _, stderr = build(str(sources), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert code == 1 and "a.yaml and" in stderr and "b.yaml describe the same account" in stderr
    assert not hashes(tmp_path / "out") if (tmp_path / "out").exists() else True


def test_sources_are_found_sorted_without_hidden_or_lock_files(tmp_path: Path) -> None:
    sources = portfolio(tmp_path / "s", 2)
    names = [s.path.name for s in find_sources([sources])]
    assert names == ["account-0.yaml", "account-1.yaml", "broken.yaml"]
    assert [s.path.name for s in find_sources([str(sources / "account-*.yaml")])] == names[:2]


def test_adding_a_source_moves_only_that_source_between_shards() -> None:
    before = [Source(Path(f"{i}.yaml"), f"{i}.yaml") for i in range(50)]
    after = [*before, Source(Path("new.yaml"), "new.yaml")]
    for index in (1, 2, 3):
        assert set(shard(after, index, 3)) - set(shard(before, index, 3)) <= {after[-1]}


def test_a_dask_cluster_builds_the_same_bytes_as_one_process(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason='the Dask extra: pip install "accountplan[dask]"')
    sources = portfolio(tmp_path / "sources", 2)
    build(str(sources), "-o", str(tmp_path / "local"), "--jobs", "1", "--format", "docx")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        code, stdout, _ = build(
            str(sources), "-o", str(tmp_path / "dask"), "--scheduler", cluster.scheduler_address, "--format", "docx"
        )
    assert code == 1 and "2 built, 0 skipped, 1 failed" in stdout  # the broken source fails on the cluster too
    assert hashes(tmp_path / "dask") == hashes(tmp_path / "local") != {}


def test_an_unreachable_scheduler_is_a_clear_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr("generator.batch.CONNECT_SECONDS", 1)
    code, _, stderr = build(str(EXAMPLE), "-o", str(tmp_path), "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in stderr


def test_a_changed_photo_rebuilds_its_account(tmp_path: Path) -> None:
    from PIL import Image

    sources = tmp_path / "sources"
    sources.mkdir()
    Image.new("RGB", (20, 20), "red").save(sources / "me.png")
    (sources / "a.yaml").write_text(
        EXAMPLE.read_text("utf-8").replace("Halden Freight Group", "Photo Co") + "\n", "utf-8"
    )
    text = (
        (sources / "a.yaml").read_text("utf-8").replace("team:\n", "team:\n  - {name: Pic Person, photo: me.png}\n", 1)
    )
    (sources / "a.yaml").write_text(text, "utf-8")
    args = (str(sources), "-o", str(tmp_path / "out"), "--jobs", "1", "--family", "simple-account-plan")
    assert "1 built" in build(*args)[1]
    assert "1 skipped" in build(*args)[1]
    Image.new("RGB", (20, 20), "blue").save(sources / "me.png")
    assert "1 built" in build(*args)[1]


def _thresholds(_: object) -> tuple[int, int, int]:
    """Return the garbage collector's thresholds where this runs (a pool worker)."""
    return gc.get_threshold()


def test_a_batch_collects_garbage_less_often_and_gives_the_setting_back(tmp_path: Path) -> None:
    before, seen = gc.get_threshold(), []
    sources = [Source(p, p.name) for p in sorted(portfolio(tmp_path / "in", 1).glob("account-*.yaml"))]
    frozen, kept = gc.get_freeze_count(), []
    run(sources, Options(out=tmp_path / "out"), jobs=1, progress=lambda _: seen.append(gc.get_threshold()))
    assert seen == [BATCH_GC_THRESHOLDS] and gc.get_threshold() == before
    run(sources, Options(out=tmp_path / "again"), jobs=1, progress=lambda _: kept.append(gc.get_freeze_count()))
    assert kept == [frozen]  # one account is not worth a full collection: nothing settled, nothing frozen
    with _pool(2, 2) as pool:
        assert list(pool.map(_thresholds, [0, 1])) == [BATCH_GC_THRESHOLDS] * 2


def _packages_left() -> int:
    """Return how many decks' packages the collector still tracks here (workbooks are written without one)."""
    from pptx.opc.package import OpcPackage

    return sum(isinstance(o, OpcPackage) for o in gc.get_objects())


def _built_then_left(source: str) -> int:
    """Build an account where this runs (a pool worker); return the packages left to the collector after it."""
    build_account(AccountReport(source, "loaded"), Options(out=Path(source).parent))
    return _packages_left()


def test_each_account_leaves_nothing_for_the_collector_so_a_worker_does_not_grow(tmp_path: Path) -> None:
    # python-pptx's parts point back at their packages and hold native XML trees: left to the
    # collector's rare full collections, a worker grew by about 0.8 MB an account
    frozen, left = gc.get_freeze_count(), []
    sources = [Source(p, p.name) for p in sorted(portfolio(tmp_path / "in", 2).glob("account-*.yaml"))]
    run(sources, Options(out=tmp_path / "out"), jobs=1, progress=lambda _: left.append(_packages_left()))
    assert left == [0, 0]
    assert gc.get_freeze_count() == frozen  # the caller's objects are theirs to collect again
    with _pool(2, 2) as pool:
        assert list(pool.map(_built_then_left, [str(s.path) for s in sources])) == [0, 0]


def test_a_batch_reads_each_source_once_and_leaves_no_checked_plans_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    import generator

    read, load_plan = [], generator.load_plan

    def counted(source: Path | None = None) -> object:
        read.append(source)
        return load_plan(source)

    monkeypatch.setattr(generator, "load_plan", counted)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    reports = run(find_sources([portfolio(tmp_path / "in", 2)]), Options(out=tmp_path / "out", formats=("docx",)))
    assert [r.status for r in reports] == ["built", "built", "failed"]
    assert sorted(Path(str(p)).name for p in read) == ["account-0.yaml", "account-1.yaml", "broken.yaml"]
    assert not list((tmp_path / "temp").iterdir())


def test_a_source_edited_between_its_check_and_its_build_is_read_again(tmp_path: Path) -> None:
    from generator import stash

    source = portfolio(tmp_path / "in", 1) / "account-0.yaml"
    with stash.folder(True) as kept:
        assert Path(kept).stat().st_mode & 0o777 == 0o700  # a private folder: nobody else's plans are read
        checked = check_account(source, kept=kept)
        source.write_text(source.read_text("utf-8").replace("Account 0", "Account Zero"), "utf-8")
        report, files = build_account(checked, Options(out=tmp_path / "out", formats=("docx",)), kept)
    assert report.status == "loaded" and files
    assert all(b"Account Zero" in _inflated(data) for data in files.values())


def _inflated(package: bytes) -> bytes:
    """Return every member of a package, inflated and joined."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(package)) as opened:
        return b"".join(opened.read(name) for name in opened.namelist())


def test_a_checked_plan_cut_short_is_read_again_from_its_source(tmp_path: Path) -> None:
    from generator import stash

    source = portfolio(tmp_path / "in", 1) / "account-0.yaml"
    with stash.folder(True) as kept:
        checked = check_account(source, kept=kept)
        for entry in Path(kept).iterdir():
            entry.write_bytes(entry.read_bytes()[:100])  # as a full disk would leave it
        report, files = build_account(checked, Options(out=tmp_path / "out", formats=("docx",)), kept)
    assert report.status == "loaded" and all(b"Account 0" in _inflated(data) for data in files.values())


def test_what_an_account_leaves_is_frozen_so_later_accounts_do_not_scan_it_again(tmp_path: Path) -> None:
    # the collector scanned every earlier account's survivors (caches) again after each account
    sources = [Source(p, p.name) for p in sorted(portfolio(tmp_path / "in", 3).glob("account-*.yaml"))]
    scanned: list[int] = []
    run(sources, Options(out=tmp_path / "out"), jobs=1, progress=lambda _: scanned.append(len(gc.get_objects())))
    assert max(scanned) < 100, scanned  # 700 and growing when only the first account's were frozen
