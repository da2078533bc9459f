"""Where the bundled templates and example data are, installed or in a source checkout."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def _folder(package: str, top_level: str) -> Traversable:
    """Return a bundled folder: the installed package, or the checkout's top-level folder."""
    try:
        return resources.files(package)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / top_level


def templates() -> Traversable:
    """Return the folder of the bundled Office templates."""
    return _folder("generator.office_templates", "office_templates")


def data() -> Traversable:
    """Return the folder of the bundled example data."""
    return _folder("generator.data", "data")


def example_source() -> Path:
    """Return the path of the bundled example YAML."""
    return Path(str(data().joinpath("example.yaml")))
