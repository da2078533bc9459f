"""Build: the modules pyproject.toml names under [tool.accountplan.compiled] are compiled to C with mypyc where a C
compiler is at hand (accounts build about a seventh faster); without one, or with ACCOUNTPLAN_PURE=1, the package
installs as plain Python and behaves the same. Everything else about the package is in pyproject.toml."""

from __future__ import annotations

import os
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from setuptools import setup  # type: ignore[import-untyped]
from setuptools.command.build_ext import build_ext  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent
BUILDING = {"build", "build_ext", "bdist_wheel", "editable_wheel", "install", "develop"}  # commands that compile
# mypyc type-checks what it compiles: without the project's strict settings, which need every dependency's types
# (the build environment has none of them installed)
CHECKING = "[mypy]\npython_version = 3.11\nignore_missing_imports = True\nfollow_imports = silent\n"


def compiled_modules() -> list[str]:
    """Return the paths of the modules to compile, as pyproject.toml names them (include less exclude)."""
    table = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["accountplan"]["compiled"]
    included = {p for pattern in table["include"] for p in ROOT.glob(pattern)}
    excluded = {p for pattern in table["exclude"] for p in ROOT.glob(pattern)}
    return sorted(str(p.relative_to(ROOT)) for p in included - excluded)


def _warn(message: str) -> None:
    """Say on stderr that the package is installed as plain Python, and why."""
    print(f"accountplan: installed as plain Python ({message})", file=sys.stderr)


def extensions() -> list[Any]:
    """Return the compiled modules' extensions, or none (plain Python) when compiling is off or impossible."""
    if os.environ.get("ACCOUNTPLAN_PURE") or not BUILDING & set(sys.argv[1:]):
        return []  # off, or a step that builds nothing (pip asks for metadata twice before it builds)
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc is not installed")
        return []
    with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as config:
        config.write(CHECKING)
    try:
        return list(mypycify(["--config-file", config.name, *compiled_modules()], opt_level="3", multi_file=True))
    except (Exception, SystemExit) as error:  # mypyc exits when its type check fails
        _warn(f"mypyc could not translate the modules: {error}")
        return []
    finally:
        os.unlink(config.name)


class OptionalBuildExt(build_ext):  # type: ignore[misc]
    """build_ext that installs plain Python when the C compiler is missing or fails, rather than failing."""

    def run(self) -> None:
        """Compile the extensions, or drop them all when one cannot be compiled."""
        try:
            super().run()
        except Exception as error:  # a missing compiler or Python headers: the modules run as Python
            _warn(f"the C compiler failed: {error}")
            for extension in self.extensions:  # what an earlier build left would ship, or shadow the Python
                Path(self.get_ext_fullpath(extension.name)).unlink(missing_ok=True)
            self.extensions: list[Any] = []
            self.distribution.ext_modules = []


if __name__ == "__main__":
    setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
