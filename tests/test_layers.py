"""The architecture's one-way imports: readers and writers never import each other; the model imports neither."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
FORBIDDEN = {
    "model": ("generator.readers", "generator.writers", "generator.views", "generator.cli"),
    "readers": ("generator.writers", "generator.views", "generator.cli"),
    "writers": ("generator.readers", "generator.cli"),
    "views": ("generator.readers", "generator.writers", "generator.cli"),
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
        (path.name, name)
        for path in (PACKAGE / layer).glob("*.py")
        for name in imports(path)
        if name.startswith(FORBIDDEN[layer])
    ]
    assert not bad


def test_nothing_imports_the_cli() -> None:
    bad = [
        path.name
        for path in PACKAGE.rglob("*.py")
        if path.name not in {"cli.py", "__main__.py"} and "generator.cli" in imports(path)
    ]
    assert not bad
