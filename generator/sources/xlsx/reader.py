"""Excel data workbook -> raw data with the Sheet!Cell of every field; hostile files refused early."""

from __future__ import annotations

import difflib
import io
import zipfile
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from generator.catalog import LANGUAGES, catalog
from generator.errors import Problem, SourceError
from generator.model.text import Loc, field_path
from generator.ooxml import unescape
from generator.sources.locations import Locations
from generator.sources.xlsx.shape import (
    LISTS_SHEET,
    PLAN_SHEET,
    FieldInfo,
    record_columns,
    set_path,
    sheets,
    single_fields,
    text_lists,
)

MAX_BYTES = 20_000_000
MAX_INFLATED = 150_000_000
MAX_RATIO = 100
MAX_ROWS = 5_000
MAX_COLUMNS = 60
MACRO_MARKERS = ("xl/vbaProject.bin", "macroEnabled")


def read_excel(path: Path) -> tuple[Any, Locations]:
    """Return the raw data of a data workbook and where each field is; SourceError if unusable."""
    raw = _read_bytes(path)
    _check_package(raw, path)
    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=False, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds for broken files
        raise _fail(path, f"not a readable Excel workbook ({type(error).__name__}: {error})") from None
    reader = _SheetReader(path, Locations(str(path)))
    try:
        data = reader.read(wb)
    finally:
        wb.close()
    reader.locations.problems.extend(reader.problems)
    return data, reader.locations


def _fail(where: Path | str, message: str) -> SourceError:
    """Return a SourceError with one problem."""
    return SourceError([Problem(str(where), "", message)])


def _read_bytes(path: Path) -> bytes:
    """Return the file's bytes, refusing oversized files before reading them."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(path, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
        return path.read_bytes()
    except OSError as error:
        raise _fail(path, f"cannot read the file: {error.strerror or error}") from None


def _check_package(raw: bytes, path: Path) -> None:
    """Refuse what is not a plain .xlsx: not a zip, truncated, zip bomb, macros, DTDs and entities."""
    if not raw.startswith(b"PK"):
        raise _fail(path, "not an Excel workbook (.xlsx): the file is not a zip package")
    try:
        package = zipfile.ZipFile(io.BytesIO(raw))
        members = package.infolist()
    except (zipfile.BadZipFile, OSError):
        raise _fail(path, "the workbook is damaged or truncated (not a complete zip package)") from None
    inflated = sum(m.file_size for m in members)
    if inflated > MAX_INFLATED or inflated > MAX_RATIO * max(len(raw), 1):
        raise _fail(path, f"refused: the workbook inflates to {inflated:,} bytes from {len(raw):,} (zip bomb?)")
    names = [m.filename for m in members]
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise _fail(path, "not an Excel workbook (.xlsx): no workbook inside the package")
    types = _read_member(package, "[Content_Types].xml", path)
    if any(marker in names or marker.encode() in types for marker in MACRO_MARKERS):
        raise _fail(path, "refused: a macro-enabled workbook; save it as a plain .xlsx workbook without macros")
    for member in members:  # every part, whatever its name: a sheet can be stored under any name
        if member.filename.startswith("xl/media/"):
            continue
        body = _read_member(package, member.filename, path)
        if b"<!DOCTYPE" in body or b"<!ENTITY" in body:
            raise _fail(path, f"refused: {member.filename} declares a DTD or entities")


def _read_member(package: zipfile.ZipFile, name: str, path: Path) -> bytes:
    """Return one member of the package, reporting a truncated package clearly."""
    try:
        return package.read(name)
    except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile):
        raise _fail(path, f"the workbook is damaged or truncated ({name} cannot be read)") from None
    except Exception as error:  # zlib.error and friends
        raise _fail(path, f"the workbook is damaged or truncated ({name}: {error})") from None


def _cell_name(column: int, row: int) -> str:
    """Return A1-style name of a cell."""
    return f"{get_column_letter(column)}{row}"


class _SheetReader:
    """Reads the sheets of a data workbook into nested data, recording each value's cell."""

    def __init__(self, path: Path, locations: Locations) -> None:
        self.path = path
        self.locations = locations
        self.problems: list[Problem] = []
        self.labels = _enum_labels()

    def where(self, sheet: str, column: int, row: int) -> str:
        """Return 'file:Sheet!A1'."""
        return f"{self.path}:{sheet}!{_cell_name(column, row)}"

    def problem(self, sheet: str, column: int, row: int, field: str, message: str) -> None:
        """Record a problem at a cell."""
        self.problems.append(Problem(self.where(sheet, column, row), field, message))

    def read(self, wb: Any) -> dict[str, Any]:
        """Return the data of every known sheet; unknown sheets are problems."""
        known = sheets()
        data: dict[str, Any] = {}
        for ws in wb.worksheets:
            if ws.title in instruction_sheets():
                continue
            if ws.title not in known:
                close = difflib.get_close_matches(ws.title[:100], list(known), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f"; expected one of {', '.join(known)}"
                self.problems.append(Problem(self.where(ws.title, 1, 1), "", f"unknown sheet {ws.title!r}{hint}"))
                continue
            try:
                rows = self._rows(ws)
            except Exception as error:  # a damaged sheet part is parsed only now, lazily: report it, located
                message = f"the sheet is damaged and cannot be read ({type(error).__name__}: {str(error)[:120]})"
                self.problems.append(Problem(f"{self.path}:{ws.title}", "", message))
                continue
            if ws.title == PLAN_SHEET:
                self._plan(rows, data)
            elif ws.title == LISTS_SHEET:
                self._lists(rows, data)
            else:
                self._records(ws.title, known[ws.title], rows, data)
        return data

    def _rows(self, ws: Any) -> list[list[Any]]:
        """Return the sheet's cells as rows of (value, is_formula), bounded in rows and columns; formatted
        empty rows do not count, and anything beyond the last column read is reported, not dropped."""
        rows: list[list[Any]] = []
        filled = 0
        for number, row in enumerate(ws.iter_rows(max_col=MAX_COLUMNS + 1), 1):
            cells = [(_text(c.value), getattr(c, "data_type", "") == "f") for c in row]
            if all(value in (None, "") for value, _ in cells):
                rows.append([])
                continue
            filled += 1
            if filled > MAX_ROWS:
                self.problems.append(Problem(self.where(ws.title, 1, number), "", f"more than {MAX_ROWS:,} rows"))
                break
            if len(cells) > MAX_COLUMNS and cells[MAX_COLUMNS][0] not in (None, ""):
                message = f"a value beyond column {get_column_letter(MAX_COLUMNS)}; the data workbook reads no further"
                self.problem(ws.title, MAX_COLUMNS + 1, number, "", message)
            rows.append(cells[:MAX_COLUMNS])
        return rows

    def _value(self, sheet: str, column: int, row: int, cell: tuple[Any, bool], field: FieldInfo, loc: Loc) -> Any:
        """Return one cell's value for a field (formulas are reported, never copied)."""
        value, formula = cell
        self.locations.places[loc] = self.where(sheet, column, row)
        if formula:
            self.problem(
                sheet,
                column,
                row,
                field_path(loc),
                "a formula; the data workbook takes values — type the value itself",
            )
            return None
        return _convert(value, field, self.labels)

    def _plan(self, rows: list[list[Any]], data: dict[str, Any]) -> None:
        """Read the Plan sheet: field | value rows."""
        fields = {f.path: f for f in single_fields()}
        self._expect_headers(PLAN_SHEET, rows, ["field", "value"])
        seen: dict[str, int] = {}
        for number, row in enumerate(rows[1:], 2):
            name = row[0][0] if row else None
            value = row[1] if len(row) > 1 else (None, False)
            if name is None or str(name).strip() == "":
                if value[0] not in (None, ""):
                    self.problem(PLAN_SHEET, 1, number, "", "a value without a field name")
                continue
            name = str(name).strip()
            if name not in fields:
                close = difflib.get_close_matches(name[:100], list(fields), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self.problem(PLAN_SHEET, 1, number, "", f"unknown field {name[:60]!r}{hint}")
                continue
            if name in seen:
                self.problem(PLAN_SHEET, 1, number, "", f"the field {name!r} is given twice (also in row {seen[name]})")
                continue
            seen[name] = number
            loc = tuple(name.split("."))
            converted = self._value(PLAN_SHEET, 2, number, value, fields[name], loc)
            if converted is not None:
                set_path(data, name, converted)

    def _lists(self, rows: list[list[Any]], data: dict[str, Any]) -> None:
        """Read the Lists sheet: list | item rows."""
        paths = {f.path for f in text_lists()}
        self._expect_headers(LISTS_SHEET, rows, ["list", "item"])
        for number, row in enumerate(rows[1:], 2):
            name, item = (row[0][0] if row else None), (row[1] if len(row) > 1 else (None, False))
            if name in (None, "") and item[0] in (None, ""):
                continue
            if name not in paths:
                close = difflib.get_close_matches(str(name)[:100], list(paths), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f"; expected one of {', '.join(sorted(paths))}"
                self.problem(LISTS_SHEET, 1, number, "", f"unknown list {str(name)[:60]!r}{hint}")
                continue
            items = _nested_list(data, str(name))
            loc: Loc = (*str(name).split("."), len(items))
            value = self._value(LISTS_SHEET, 2, number, item, FieldInfo(str(name), "text", True), loc)
            if value not in (None, ""):
                items.append(value)

    def _records(self, sheet: str, field: str, rows: list[list[Any]], data: dict[str, Any]) -> None:
        """Read one list-of-records sheet: a header row, then a record per non-empty row."""
        columns = {c.path: c for c in record_columns(field)}
        header = [(str(v).strip() if v is not None else "") for v, _ in (rows[0] if rows else [])]
        self.locations.places[(field,)] = self.where(sheet, 1, 1)
        used: dict[int, FieldInfo] = {}
        for index, name in enumerate(header, 1):
            if not name:
                continue
            if name in header[: index - 1]:
                self.problem(sheet, index, 1, "", f"the column {name[:60]!r} is given twice")
                continue
            if name in columns:
                used[index] = columns[name]
                continue
            close = difflib.get_close_matches(name[:100], list(columns), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; expected one of {', '.join(columns)}"
            self.problem(sheet, index, 1, "", f"unknown column {name[:60]!r} (renamed?){hint}")
        for required in (c for c in columns.values() if c.required and "." not in c.path):
            if required.path not in header:
                where = f"{self.path}:{sheet}!1"
                self.problems.append(Problem(where, "", f"missing column {required.path!r} (required)"))
        records: list[dict[str, Any]] = []
        for number, row in enumerate(rows[1:], 2):
            cells = {i: row[i - 1] for i in used if i - 1 < len(row)}
            if all(value in (None, "") for value, _ in cells.values()):
                continue
            record: dict[str, Any] = {}
            loc_base = (field, len(records))
            self.locations.places[loc_base] = self.where(sheet, 1, number)
            for index, cell in cells.items():
                info = used[index]
                value = self._value(sheet, index, number, cell, info, (*loc_base, *info.path.split(".")))
                if value not in (None, "", []):
                    set_path(record, info.path, value)
            records.append(record)
        if records:
            data[field] = records

    def _expect_headers(self, sheet: str, rows: list[list[Any]], expected: list[str]) -> None:
        """Report a sheet whose first headers are not the expected ones."""
        header = [str(v).strip() if v is not None else "" for v, _ in (rows[0] if rows else [])][: len(expected)]
        for index, (got, want) in enumerate(zip(header + [""] * len(expected), expected, strict=False), 1):
            if got != want:
                self.problem(sheet, index, 1, "", f"expected the header {want!r}; found {got[:60]!r}")


def _text(value: Any) -> Any:
    """Return a cell's value, text as typed (a written '_xHHHH_' read back as it was)."""
    return unescape(value) if isinstance(value, str) else value


def _nested_list(data: dict[str, Any], path: str) -> list[Any]:
    """Return the list at a dotted path, creating it."""
    parts = path.split(".")
    for part in parts[:-1]:
        data = data.setdefault(part, {})
    result: list[Any] = data.setdefault(parts[-1], [])
    return result


@cache
def _enum_labels() -> dict[str, set[str]]:
    """Return every vocabulary label of every language (lower-case) mapped to the values it names, so
    'In progress', 'In Arbeit' and 'En cours' all read as in_progress."""
    labels: dict[str, set[str]] = {}
    for language in LANGUAGES:
        for values in catalog(language).enums.values():
            for value, label in values.items():
                labels.setdefault(label.lower(), set()).add(value)
    return labels


@cache
def instruction_sheets() -> frozenset[str]:
    """Return the names the instructions sheet has in every language (the reader skips it)."""
    return frozenset(catalog(language).label("instructions") for language in LANGUAGES)


def _convert(value: Any, field: FieldInfo, labels: dict[str, set[str]]) -> Any:
    """Return a cell value as the model expects it (dates as dates, whole floats as ints, lists split)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date() if value.time() == time(0) or field.kind == "date" else value
    if isinstance(value, float) and value.is_integer() and field.kind in ("int", "text", "enum"):
        value = int(value)
    if field.kind == "text_list":
        return [line.strip() for line in str(value).split("\n") if line.strip()]
    if field.kind == "enum" and isinstance(value, str):
        text = value.strip()
        named = labels.get(text.lower(), set()) & set(field.options)
        return text if text in field.options or len(named) != 1 else named.pop()
    if field.kind == "bool" and isinstance(value, str) and value.strip().upper() in ("TRUE", "FALSE"):
        return value.strip().upper() == "TRUE"
    if isinstance(value, date) and field.kind == "text":
        return value.isoformat()
    return value
