"""Shared fixtures: the example plan, the blank plan, documents built once per session."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType

import pytest

import generator as lib
from generator.model.plan import AccountPlan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "example.yaml"
SECOND = ROOT / "data" / "examples" / "rheintal-kliniken.yaml"


def stale_compiled(root: Path = ROOT) -> list[str]:
    """Return the modules whose Python source changed since an editable install compiled them in place (Python
    would go on running the compiled copy)."""
    return sorted(
        str(source.relative_to(root))
        for suffix in EXTENSION_SUFFIXES
        for built in (root / "generator").rglob(f"*{suffix}")
        if (source := built.with_name(built.name.removesuffix(suffix) + ".py")).exists()
        and source.stat().st_mtime > built.stat().st_mtime
    )


def pytest_sessionstart(session: pytest.Session) -> None:
    """Refuse to test compiled modules older than their source: the tests would pass or fail on the old code."""
    stale = stale_compiled()
    if stale:
        pytest.exit(f"changed since compiled: {', '.join(stale)}; run python -m pip install -e . again", returncode=2)


@pytest.fixture(scope="session")
def example() -> AccountPlan:
    """Return the validated example plan."""
    return lib.load_plan(EXAMPLE).plan


@pytest.fixture(scope="session")
def second() -> AccountPlan:
    """Return the second bundled example: another industry and currency, long names, many rows, empty sections."""
    return lib.load_plan(SECOND).plan


@pytest.fixture(scope="session")
def blank() -> AccountPlan:
    """Return the blank plan."""
    return lib.blank_plan()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, example: AccountPlan) -> dict[str, Path]:
    """Return the example documents of every family and format, written once."""
    out = tmp_path_factory.mktemp("example")
    return {f"{o.family}.{o.format}": o.path for o in lib.generate(example, out)}


@pytest.fixture(scope="session")
def built_blank(tmp_path_factory: pytest.TempPathFactory, blank: AccountPlan) -> dict[str, Path]:
    """Return the blank documents of every family and format, written once."""
    out = tmp_path_factory.mktemp("blank")
    return {f"{o.family}.{o.format}": o.path for o in lib.generate(blank, out)}


@pytest.fixture(scope="session")
def stress() -> AccountPlan:
    """Return the stress plan (60 actions, 40 stakeholders, 800-character texts)."""
    from generator.model.validation import validate_data
    from tests.stress import stress_data

    outcome = validate_data(stress_data())
    assert outcome.plan is not None, outcome.problems
    return outcome.plan


def soffice() -> str | None:
    """Return the LibreOffice executable, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


needs_office = pytest.mark.skipif(
    soffice() is None,
    reason="LibreOffice (soffice) is not installed: `apt-get install libreoffice-writer-nogui "
    "libreoffice-impress-nogui libreoffice-calc-nogui` to run the office round-trip tests",
)


needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="poppler-utils (pdftotext) is not installed: `apt-get install poppler-utils` to check rendered slides",
)


def write_yaml(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    """Write a YAML source into tmp_path and return its path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """\
plan:
  date: 2026-11-16
account:
  name: Test Account
"""


def pure_module(name: str) -> ModuleType:
    """Return a fresh copy of a generator module run from its Python source, even where the installed one is
    compiled: a test that spies on a module's own calls patches this copy (a compiled module calls its functions
    directly, past any patch)."""
    built = Path(importlib.import_module(name).__file__ or "")  # textfit.py, or textfit.cpython-311-….so
    spec = importlib.util.spec_from_file_location(f"{name}.pure", built.with_name(built.name.split(".")[0] + ".py"))
    assert spec is not None and spec.loader is not None
    copy = sys.modules[spec.name] = importlib.util.module_from_spec(spec)  # where its dataclasses look
    spec.loader.exec_module(copy)
    return copy
