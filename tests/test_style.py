"""The code stays ruff- and mypy-clean (the tools come with the [test] extra)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed (pip install -e '.[test]')")
def test_ruff_is_clean() -> None:
    result = subprocess.run(["ruff", "check", "."], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_mypy_is_clean() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[test]')")
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_the_tests_are_typed_as_strictly_as_the_package() -> None:
    """A spy or helper in the tests that loses its types fails here, as package code fails the check above."""
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[test]')")
    command = [sys.executable, "-m", "mypy", "-p", "tests"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_functions_and_modules_stay_short_enough_to_read() -> None:
    import ast

    long = []
    for path in (ROOT / "generator").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > 500:
            long.append(f"{path.name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef) and (node.end_lineno or 0) - node.lineno + 1 > 60:
                long.append(f"{path.name}:{node.lineno} {node.name}")
    assert not long


def test_test_modules_stay_short_enough_to_read() -> None:
    """Tests are read as often as the code they check: each module at most 500 lines, as the package's."""
    long = [
        f"{p.name}: {n} lines"
        for p in (ROOT / "tests").rglob("*.py")
        if (n := len(p.read_text("utf-8").splitlines())) > 500
    ]
    assert not long
