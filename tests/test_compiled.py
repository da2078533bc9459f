"""The modules compiled with mypyc at install: what they may hold, and that they write what plain Python writes."""

from __future__ import annotations

import ast
import importlib
import os
import runpy
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from tests.conftest import ROOT, stale_compiled

NATIVE_BASES = {"Enum", "StrEnum", "IntEnum", "NamedTuple", "Protocol", "Exception", "ValueError", "object"}


def _compiled() -> list[str]:
    """Return the paths of the modules pyproject.toml has compiled, as setup.py finds them."""
    found: list[str] = runpy.run_path(str(ROOT / "setup.py"), run_name="setup")["compiled_modules"]()
    return found


def _module(path: str) -> str:
    """Return the dotted name of a module's path."""
    return path.removesuffix(".py").replace("/", ".")


def _is_compiled(name: str) -> bool:
    """Return whether an imported module is an extension (compiled), not Python source."""
    return (importlib.import_module(name).__file__ or "").endswith(tuple(EXTENSION_SUFFIXES))


def test_the_hot_modules_are_the_ones_compiled() -> None:
    """The writers, the document model, the families and the YAML reader are compiled; the pydantic model, the
    YAML loaders and the CLI are not."""
    names = {_module(p) for p in _compiled()}
    hot = {"generator.writers.textfit", "generator.document.blocks", "generator.families.common"}
    assert hot | {"generator.sources.yaml_source"} <= names
    plain = ("generator.model.plan", "generator.model.validation", "generator.sources.yaml_loaders", "generator.cli")
    assert not any(n.startswith(plain) or n.endswith("__init__") for n in names)


@pytest.mark.parametrize("path", _compiled())
def test_a_compiled_module_defines_classes_only_on_its_own_bases(path: str) -> None:
    """mypyc compiles a class on another library's class (docxtpl's, python-pptx's) into one that crashes when it is
    made: such a module must be excluded in pyproject.toml."""
    tree = ast.parse((ROOT / path).read_text("utf-8"))
    own = {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    project = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator")
        for alias in node.names
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            foreign = {ast.unparse(base) for base in node.bases} - own - project - NATIVE_BASES
            assert not foreign, f"{path}: class {node.name} on {foreign}"


def test_compiled_and_plain_python_write_the_same_bytes(tmp_path: Path) -> None:
    """The examples, the blank plan and the stress plan, in English and German, come out byte for byte the same from
    the compiled modules as from their Python source (a float-typed value holds a float only where compiled)."""
    if not any(_is_compiled(_module(p)) for p in _compiled()):
        pytest.skip("installed as plain Python: nothing compiled to compare")
    compiled_away = shutil.ignore_patterns(*(f"*{suffix}" for suffix in EXTENSION_SUFFIXES))
    for folder in ("generator", "office_templates", "data"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=compiled_away)
    plain, compiled = hashes(tmp_path), hashes(ROOT)
    assert [p for p, c in zip(plain, compiled, strict=True) if p != c] == []  # the files that differ, plain's hash


SUITES = """
import hashlib, sys, generator as lib
from generator.model.validation import validate_data
from tests.stress import stress_data
plans = [lib.load_plan().plan, lib.load_plan("data/examples/rheintal-kliniken.yaml").plan, lib.blank_plan()]
for language in ("en", "de"):
    for plan in [*(lib.in_language(p, language) for p in plans), validate_data(stress_data(language)).plan]:
        for name, _, _, data in lib.suite(plan):
            print(language, name, hashlib.sha256(data).hexdigest())
print(lib.__file__)
"""


def hashes(checkout: Path) -> list[str]:
    """Return the hash of every file of the suites, built from the generator in a checkout, and where it was."""
    environment = {**os.environ, "PYTHONPATH": f"{checkout}{os.pathsep}{ROOT}"}
    run = subprocess.run(
        [sys.executable, "-c", SUITES], capture_output=True, text=True, env=environment, cwd=checkout, check=True
    )
    *lines, where = run.stdout.splitlines()
    assert len(lines) == 8 * 13 and where.startswith(str(checkout))
    return lines


def test_a_module_changed_since_it_was_compiled_is_named(tmp_path: Path) -> None:
    """An editable install compiles in place and Python runs the compiled copy: a source edited since must stop the
    tests, by name, while one compiled after its last edit does not."""
    folder = tmp_path / "generator" / "writers"
    folder.mkdir(parents=True)
    for name, source_time, built_time in (("fresh", 100, 200), ("edited", 300, 200)):
        source, built = folder / f"{name}.py", folder / f"{name}{EXTENSION_SUFFIXES[0]}"
        source.write_text("x = 1\n")
        built.write_bytes(b"")
        os.utime(source, (source_time, source_time))
        os.utime(built, (built_time, built_time))
    assert stale_compiled(tmp_path) == ["generator/writers/edited.py"]
