"""Data sources: one codec per format (YAML, the Excel data workbook), picked by suffix from a plain table;
a source reads into a validated AccountPlan with located errors, and a plan writes back into a source."""

from __future__ import annotations

import errno
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import Problem, SourceError, UnknownNameError
from generator.model.plan import AccountPlan, Brand
from generator.model.text import Loc
from generator.model.validation import validate_data
from generator.sources import pictures, yaml_source, yaml_writer
from generator.sources.locations import Locations

RawReader = Callable[[Path], tuple[Any, Locations]]


@dataclass(frozen=True)
class Codec:
    """One data-source format: how it is read, how a plan is written as it, whether that is an Office package."""

    read: RawReader
    write: Callable[[AccountPlan], bytes]
    package: bool = False


def _yaml_bytes(plan: AccountPlan) -> bytes:
    """Return a plan as YAML bytes."""
    return yaml_writer.yaml_text(plan).encode("utf-8")


def _read_excel(path: Path) -> tuple[Any, Locations]:
    """Return the raw data of an Excel data workbook (openpyxl is imported only when one is read)."""
    from generator.sources.xlsx import reader

    return reader.read_excel(path)


def _excel_bytes(plan: AccountPlan) -> bytes:
    """Return a plan as an Excel data workbook."""
    from generator.sources.xlsx import writer

    return writer.data_workbook(plan)


CODECS: dict[str, Codec] = {
    ".yaml": Codec(yaml_source.read_yaml, _yaml_bytes),
    ".yml": Codec(yaml_source.read_yaml, _yaml_bytes),
    ".xlsx": Codec(_read_excel, _excel_bytes, package=True),
}


def codec(suffix: str) -> Codec:
    """Return the codec of a source suffix, or an error listing the known ones."""
    try:
        return CODECS[suffix]
    except KeyError:
        raise UnknownNameError("source type", suffix or "(none)", list(CODECS)) from None


NOT_PLAIN_WORKBOOKS = (".xlsm", ".xltm", ".xlsb", ".xls", ".xlam")


@dataclass
class LoadedPlan:
    """A validated plan, the source it came from and the warnings met while reading it."""

    plan: AccountPlan
    source: Path | None
    warnings: list[Problem] = field(default_factory=list)


def read_raw(path: Path) -> tuple[Any, Locations]:
    """Return the raw data of a source file and where its fields are."""
    if path.suffix.lower() in NOT_PLAIN_WORKBOOKS:
        message = "refused: macro-enabled or old-format workbooks are not read; save it as a plain .xlsx workbook"
        raise SourceError([Problem(str(path), "", message)])
    found = CODECS.get(path.suffix.lower())
    if found is None:
        known = ", ".join(sorted(CODECS))
        raise SourceError([Problem(str(path), "", f"unknown source type; expected one of {known}")])
    problem = _not_a_file(path)
    if problem:
        raise SourceError([Problem(str(path), "", problem)])
    return found.read(path)


def _not_a_file(path: Path) -> str:
    """Return why path is not a readable source file ('' when it is one)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "no such file"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link that loops; point it at the source file"
        return f"cannot read the file: {error.strerror or error}"
    if stat.S_ISDIR(mode):
        return "a folder, not a source file"
    if not stat.S_ISREG(mode):
        return "not a regular file (a pipe, socket or device); give the source file itself"
    return ""


def read_source(path: Path, require_identity: bool = True) -> LoadedPlan:
    """Return the validated plan of a source file; SourceError lists every problem."""
    data, locations = read_raw(path)
    outcome = validate_data(data, require_identity)
    warnings = [locations.problem(loc, message) for loc, message in outcome.warnings]
    reported = {p.where for p in locations.problems}  # a cell the reader refused needs no second message
    found = [locations.problem(loc, m) for loc, m in outcome.problems]
    problems = locations.problems + [p for p in found if p.where not in reported]
    problems.sort(key=_position)
    if outcome.plan is None:
        raise SourceError(problems or [Problem(str(path), "", "not a valid account plan")])
    plan = _resolve_photos(outcome.plan, path.parent, locations, problems)
    if problems:
        raise SourceError(problems)
    return LoadedPlan(plan, path, warnings)


def _position(problem: Problem) -> tuple[int, int]:
    """Return a problem's (line, column) for sorting; places without one come first."""
    parts = problem.where.rsplit(":", 2)
    numbers = [int(p) for p in parts[1:] if p.isdigit()]
    line, column, *_ = [*numbers, 0, 0]
    return line, column


def _resolve_photos(plan: AccountPlan, base: Path, locations: Locations, problems: list[Problem]) -> AccountPlan:
    """Return plan with every team photo and the brand's logo read, checked and kept; an unusable picture is a
    problem at its field."""
    named: list[tuple[Loc, str]] = [(("team", i, "photo"), m.photo) for i, m in enumerate(plan.team) if m.photo]
    if plan.brand.logo:
        named.append((("brand", "logo"), plan.brand.logo))
    for loc, name in named:
        try:
            plan.keep_picture(name, pictures.load(base, name))
        except pictures.PictureError as error:
            problems.append(locations.problem(loc, str(error)))
    return plan


@dataclass(frozen=True)
class BrandFile:
    """A brand shared by a batch (--brand brand.yaml): the brand and its logo's checked bytes."""

    brand: Brand
    logo: bytes | None


def read_brand(path: Path) -> BrandFile:
    """Return the brand of a brand file (a YAML file with the source's brand: section); SourceError lists every
    problem, where it is in that file."""
    data, locations = read_raw(path)
    outcome = validate_data({"brand": data}, require_identity=False)
    problems = locations.problems + [
        locations.problem(loc[1:], m) for loc, m in outcome.problems if loc[:1] == ("brand",)
    ]
    if outcome.plan is None or problems:
        raise SourceError(problems or [Problem(str(path), "", "not a brand file")])
    brand = outcome.plan.brand
    try:
        logo = pictures.load(path.parent, brand.logo) if brand.logo else None
    except pictures.PictureError as error:
        raise SourceError([locations.problem(("logo",), str(error))]) from None
    return BrandFile(brand, logo)


def with_brand(plan: AccountPlan, shared: BrandFile | None) -> AccountPlan:
    """Return the plan dressed in a shared brand (it replaces the source's own), or the plan as it is."""
    if shared is None:
        return plan
    branded = plan.model_copy(update={"brand": shared.brand})
    if shared.logo is not None:
        branded.keep_picture(shared.brand.logo, shared.logo)
    return branded
