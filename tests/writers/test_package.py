"""Outputs are deterministic and written atomically."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import generator as lib
from generator.files import write_atomic
from generator.model.plan import AccountPlan


def test_two_builds_are_byte_identical(tmp_path: Path, example: AccountPlan) -> None:
    first = {o.path.name: o.path.read_bytes() for o in lib.generate(example, tmp_path / "a")}
    second = {o.path.name: o.path.read_bytes() for o in lib.generate(example, tmp_path / "b")}
    assert first == second and len(first) >= 5


def test_zip_entries_have_fixed_timestamps(built: dict[str, Path]) -> None:
    for path in built.values():
        with zipfile.ZipFile(path) as package:
            assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_blank_is_deterministic_too(tmp_path: Path) -> None:
    first = lib.render(lib.blank_plan(), "kam-action-plan", "docx")
    assert first == lib.render(lib.blank_plan(), "kam-action-plan", "docx")


def test_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old contents")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(target, b"new contents")
    assert target.read_bytes() == b"old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]
