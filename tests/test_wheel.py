"""The package works installed from a wheel (not editable), from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a freshly built wheel of the project, as plain Python (what it ships is the same compiled or not;
    compiling takes minutes, and the editable install the tests run on compiles it)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
        env={**os.environ, "ACCOUNTPLAN_PURE": "1"},
    )
    return next(out.glob("*.whl"))


def test_wheel_ships_templates_and_example(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "generator/office_templates/strategic-account-plan.docx" in names
    assert "generator/office_templates/placeholder-photo.png" in names
    assert "generator/data/example.yaml" in names
    assert "generator/catalog/en.yaml" in names


def test_installed_wheel_builds_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--format", "docx", "-o", "out"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(list((work / "out").glob("*/*.docx"))) == 5
    probe = subprocess.run(
        [sys.executable, "-c", "import generator; print(generator.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.startswith(str(target))
