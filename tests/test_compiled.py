"""The modules compiled with mypyc at install: what they may hold, and that they write what plain Python writes."""

from __future__ import annotations

import ast
import importlib
import io
import os
import runpy
import subprocess
import sys
import zipfile
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
    plain, compiled = suites(tmp_path / "plain", source=True), suites(tmp_path / "compiled", source=False)
    assert sorted(plain) == sorted(compiled)
    assert [f"{n}: {differences(plain[n], compiled[n])}" for n in sorted(plain) if plain[n] != compiled[n]] == []


SUITES = """
import importlib.abc, importlib.util, sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

ROOT, OUT, SOURCE = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "source"


class FromSource(importlib.abc.MetaPathFinder):
    \"\"\"Import the generator's modules from their Python source, past the compiled copies beside them.\"\"\"

    def find_spec(self, name, path, target=None):
        if name.partition(".")[0] != "generator":
            return None
        base = ROOT.joinpath(*name.split("."))
        package, module = base / "__init__.py", base.with_suffix(".py")
        if package.is_file():
            return importlib.util.spec_from_file_location(name, package, submodule_search_locations=[str(base)])
        return importlib.util.spec_from_file_location(name, module) if module.is_file() else None


if SOURCE:
    sys.meta_path.insert(0, FromSource())
import generator as lib
from generator.model.validation import validate_data
from tests.stress import stress_data

plans = [lib.load_plan().plan, lib.load_plan(ROOT / "data/examples/rheintal-kliniken.yaml").plan, lib.blank_plan()]
OUT.mkdir(parents=True)
for language in ("en", "de"):
    stress = validate_data(stress_data(language)).plan
    for number, plan in enumerate([*(lib.in_language(p, language) for p in plans), stress]):
        for name, _, _, data in lib.suite(plan):
            (OUT / f"{language}-{number}-{name}").write_bytes(data)
loaded = [getattr(m, "__file__", "") or "" for n, m in sys.modules.items() if n.startswith("generator")]
print(sum(f.endswith(tuple(EXTENSION_SUFFIXES)) for f in loaded))
"""


def suites(out: Path, source: bool) -> dict[str, bytes]:
    """Return every file of the suites by name, built by the checkout's generator from its Python source or from its
    compiled modules, in a process of its own."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", SUITES, str(ROOT), str(out), "source" if source else "compiled"]
    run = subprocess.run(command, capture_output=True, text=True, env=environment, cwd=ROOT, check=True)
    assert (int(run.stdout) == 0) == source, run.stdout  # the plain run loaded no extension, the compiled one did
    made = {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(made) == 8 * 13
    return made


def differences(plain: bytes, compiled: bytes) -> str:
    """Return where two packages differ: the first member whose content differs, plain's text there then compiled's,
    or that only the deflated bytes differ."""
    one, other = zipfile.ZipFile(io.BytesIO(plain)), zipfile.ZipFile(io.BytesIO(compiled))
    if one.namelist() != other.namelist():
        return f"members {one.namelist()} against {other.namelist()}"
    for name in one.namelist():
        a, b = one.read(name), other.read(name)
        if a != b:
            at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
            return f"{name} at {at}: {a[max(0, at - 120) : at + 120]!r} against {b[max(0, at - 120) : at + 120]!r}"
    return "the same content, deflated differently"


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
