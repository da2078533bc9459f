"""An account's files are written all at once, with normal permissions; interrupted or parallel builds are safe."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path

import pytest

import generator as lib
from generator.errors import WriterError
from generator.files import lock_path, write_suite
from generator.model.plan import AccountPlan


def test_outputs_get_the_usual_permissions(tmp_path: Path, example: AccountPlan) -> None:
    old = os.umask(0o022)
    try:
        outputs = lib.generate(example, tmp_path, families=["simple-account-plan"])
    finally:
        os.umask(old)
    assert {oct(o.path.stat().st_mode & 0o777) for o in outputs} == {"0o644"}


def test_a_failed_write_leaves_the_previous_suite_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_suite(tmp_path, {"a.docx": b"old a", "b.pptx": b"old b"})
    calls = []

    def full_disk(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full_disk)
    with pytest.raises(WriterError, match=r"cannot write b.pptx: No space left on device"):
        write_suite(tmp_path, {"a.docx": b"new a", "b.pptx": b"new b"})
    assert (tmp_path / "a.docx").read_bytes() == b"old a" and (tmp_path / "b.pptx").read_bytes() == b"old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "b.pptx"]


def test_what_an_interrupted_build_left_is_cleaned(tmp_path: Path) -> None:
    (tmp_path / ".a.docx.x1y2.part").write_bytes(b"half")
    (tmp_path / ".staging-killed").mkdir()
    (tmp_path / ".staging-killed" / "a.docx").write_bytes(b"half")
    write_suite(tmp_path, {"a.docx": b"whole"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]


def test_a_second_build_of_the_same_account_waits_for_the_first(tmp_path: Path) -> None:
    with open(lock_path(tmp_path), "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        worker = threading.Thread(target=write_suite, args=(tmp_path, {"a.docx": b"second"}))
        worker.start()
        time.sleep(0.3)
        assert not (tmp_path / "a.docx").exists()
        fcntl.flock(held.fileno(), fcntl.LOCK_UN)
    worker.join(5)
    assert (tmp_path / "a.docx").read_bytes() == b"second"


def test_no_lock_file_is_left_beside_an_account_folder(tmp_path: Path) -> None:
    folder = tmp_path / "account"
    write_suite(folder, {"a.docx": b"one"})
    write_suite(folder, {"a.docx": b"two"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["account"]


def test_a_build_waiting_while_the_lock_file_is_removed_still_waits_its_turn(tmp_path: Path) -> None:
    """The first build removes its lock file when done; the second, waiting on that file, locks a new one, and
    a third that comes meanwhile waits for it: builds of one account never overlap."""
    from generator.files import _locked

    folder, order = tmp_path / "account", []

    def build(name: str, hold: float) -> None:
        with _locked(folder):
            order.append(f"{name} in")
            time.sleep(hold)
            order.append(f"{name} out")

    threads = [threading.Thread(target=build, args=(name, 0.3)) for name in ("first", "second", "third")]
    for thread, start in zip(threads, (0.0, 0.1, 0.3), strict=True):  # the third after the first removed its file
        time.sleep(start)
        thread.start()
    for thread in threads:
        thread.join(5)
    assert [order[i].split()[1] for i in range(6)] == ["in", "out"] * 3  # one at a time
    assert order[:2] == ["first in", "first out"] and not lock_path(folder).exists()


def test_a_plan_that_cannot_be_written_writes_nothing(tmp_path: Path) -> None:
    from generator.model.validation import validate_data

    tactic = "x" * 9000
    data = {
        "plan": {"date": "2026-11-16"},
        "account": {"name": "Joined"},
        "strategies": [{"strategy": "S", "tactics": [tactic] * 4}],
    }
    plan = validate_data(data).plan
    assert plan is not None
    with pytest.raises(WriterError, match="Tactics"):
        lib.generate(plan, tmp_path)
    assert not any(tmp_path.rglob("*.*x"))
