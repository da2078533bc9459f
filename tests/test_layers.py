"""The architecture's one-way imports: cli -> library -> sources / families / writers -> document -> model."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
UPPER = ("generator.cli", "generator.sources", "generator.families", "generator.writers")
FORBIDDEN = {
    "model": (*UPPER, "generator.document"),
    "document": UPPER,
    "sources": ("generator.cli", "generator.writers", "generator.families", "generator.document"),
    "families": ("generator.cli", "generator.sources", "generator.writers"),
    # writers know block kinds only: never the plan, its families or its sources
    "writers": ("generator.cli", "generator.sources", "generator.families", "generator.model"),
}


def imports(path: Path) -> set[str]:
    """Return the modules a file imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif _dynamic_import(node):
            names.add(str(node.args[0].value))  # type: ignore[attr-defined]
    return names


def _dynamic_import(node: ast.AST) -> bool:
    """Return True for importlib.import_module("a.literal")."""
    return (
        isinstance(node, ast.Call)
        and getattr(node.func, "attr", "") == "import_module"
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
    )


@pytest.mark.parametrize("layer", list(FORBIDDEN))
def test_layer_imports_run_one_way(layer: str) -> None:
    bad = [
        (str(path.relative_to(PACKAGE)), name)
        for path in (PACKAGE / layer).rglob("*.py")
        for name in imports(path)
        if name.startswith(FORBIDDEN[layer])
    ]
    assert not bad


def test_writers_never_name_a_family() -> None:
    families = [p.stem.replace("_", "-") for p in (PACKAGE / "families").glob("*_*.py")]
    hits = [
        (str(path.relative_to(PACKAGE)), family)
        for path in (PACKAGE / "writers").rglob("*.py")
        for family in families
        if family in path.read_text(encoding="utf-8")
    ]
    assert not hits


def test_nothing_imports_the_cli() -> None:
    bad = [
        path.name
        for path in PACKAGE.rglob("*.py")
        if path.name not in {"cli.py", "__main__.py"} and "generator.cli" in imports(path)
    ]
    assert not bad
