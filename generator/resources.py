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


_OWN: dict[str, Path] = {}  # the user's template folder for this process (accountplan build --templates DIR)


def templates() -> Traversable:
    """Return the folder of the bundled Office templates."""
    return _folder("generator.office_templates", "office_templates")


def use_templates(folder: Path | str | None) -> None:
    """Take the user's templates from folder for the rest of this process (the bundled ones where it has none)."""
    _OWN.clear()
    if folder:
        _OWN["folder"] = Path(folder).resolve()


def own_templates() -> Path | None:
    """Return the user's template folder in use, if any."""
    return _OWN.get("folder")


def template_version(name: str) -> tuple[str, int, int]:
    """Return which copy of a template is in use and its modification stamp (caches of prepared templates key on
    it, so a template restyled between two builds of one process is read again)."""
    own = own_templates()
    if own is not None and (own / name).is_file():
        stat = (own / name).stat()
        return str(own / name), stat.st_mtime_ns, stat.st_size
    return "", 0, 0


def template(name: str) -> bytes:
    """Return a template file's bytes: the user's copy when their folder has one, else the bundled one."""
    own = own_templates()
    if own is not None and (own / name).is_file():
        return (own / name).read_bytes()
    return templates().joinpath(name).read_bytes()


def data() -> Traversable:
    """Return the folder of the bundled example data."""
    return _folder("generator.data", "data")


def example_source() -> Path:
    """Return the path of the bundled example YAML."""
    return Path(str(data().joinpath("example.yaml")))
