"""The committed Office templates are exactly what their build scripts make (compared part by part)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parent.parent / "office_templates"


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder with the templates rebuilt from the scripts."""
    out = tmp_path_factory.mktemp("templates")
    for script, target in (("build_templates.py", out), ("build_master.py", out / "master.pptx")):
        subprocess.run([sys.executable, str(TEMPLATES / script), str(target)], check=True, capture_output=True)
    return out


def parts(path: Path) -> dict[str, bytes]:
    """Return every part of an Office package by name."""
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


@pytest.mark.parametrize("name", [*sorted(p.name for p in TEMPLATES.glob("*.docx")), "master.pptx"])
def test_committed_template_equals_its_rebuild(rebuilt: Path, name: str) -> None:
    assert parts(TEMPLATES / name) == parts(rebuilt / name), f"rebuild with office_templates/build_*.py: {name}"


def test_placeholder_photo_equals_its_rebuild(rebuilt: Path) -> None:
    assert (TEMPLATES / "placeholder-photo.png").read_bytes() == (rebuilt / "placeholder-photo.png").read_bytes()
