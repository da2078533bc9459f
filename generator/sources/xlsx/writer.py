"""The data workbook written back: accountplan init (blank) and convert (from YAML)."""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from generator.catalog import Catalog, catalog
from generator.errors import OutputLimitError
from generator.model.enums import Vocabulary
from generator.model.limits import check_cell_limits
from generator.model.plan import AccountPlan
from generator.ooxml import MAX_CELL, set_text
from generator.sources.xlsx.shape import (
    LISTS_HEADERS,
    LISTS_SHEET,
    PLAN_HEADERS,
    PLAN_SHEET,
    FieldInfo,
    get_path,
    record_columns,
    record_lists,
    sheet_title,
    single_fields,
    text_lists,
)

BLANK_ROWS, VALIDATION_ROWS = 3, 500
NAVY = "1F3864"


def describe(field: FieldInfo, cat: Catalog) -> str:
    """Return the note shown on a field in the catalogue's language: what goes there and what is allowed."""
    hint = cat.hints.get(field.path.split(".")[-1], "")
    what = cat.label(f"data_{field.kind}") + (" " + ", ".join(field.labels(cat)) if field.kind == "enum" else "")
    parts = [
        cat.label("data_required") if field.required else "",
        what,
        cat.label("data_example").format(hint=hint) if hint and field.kind != "enum" else "",
    ]
    return " ".join(p for p in parts if p)


def _header(ws: Any, headers: list[str], notes: list[str], widths: list[float]) -> None:
    """Write a styled header row with a note on each header cell."""
    for index, (header, note, width) in enumerate(zip(headers, notes, widths, strict=True), 1):
        cell = ws.cell(1, index)
        set_text(cell, header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=NAVY)
        if note:
            cell.comment = Comment(note, "accountplan", width=300, height=110)
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"


def _cell_value(cell: Any, value: Any, field: FieldInfo, cat: Catalog) -> None:
    """Write one value: text as text (never a formula), dates as dates, lists one item per line, a vocabulary's
    value as its label in the workbook's language."""
    if isinstance(value, Vocabulary):
        value = cat.enum(value.vocabulary(), value.value)
    if field.kind == "text_list" and isinstance(value, list):
        value = "\n".join(value)  # items are single lines (the model's rule), so the lines give them back
    if value is None or value == "" or value == []:
        if field.kind == "date":
            cell.number_format = "yyyy-mm-dd"
        return
    if isinstance(value, str):
        set_text(cell, value)
        cell.alignment = Alignment(wrap_text=len(value) > 40 or "\n" in value, vertical="top")
    elif isinstance(value, date | datetime):
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
    else:
        cell.value = value


def _choice(ws: Any, options: tuple[str, ...], area: str, cat: Catalog) -> None:
    """Add a drop-down of allowed values (labels in the workbook's language) to an area."""
    if not options:
        return
    validation = DataValidation(
        type="list", formula1='"' + ",".join(options) + '"', allow_blank=True, showErrorMessage=True
    )
    validation.error = cat.label("data_enum") + " " + ", ".join(options)
    validation.add(area)
    ws.add_data_validation(validation)


def _instructions_sheet(wb: Workbook, cat: Catalog) -> None:
    """Write the sheet that says how to fill the workbook, in its language (the reader skips it)."""
    ws = wb.create_sheet(cat.label("instructions"))
    ws.column_dimensions["A"].width = 110
    for row, key in enumerate(sorted(k for k in cat.labels if k.startswith("data_instructions_")), 1):
        set_text(ws.cell(row, 1), cat.label(key))
        ws.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")


def _plan_sheet(wb: Workbook, plan: AccountPlan, cat: Catalog) -> None:
    """Write the Plan sheet: one row per single field."""
    ws = wb.create_sheet(PLAN_SHEET)
    _header(ws, list(PLAN_HEADERS), [cat.label(f"data_plan_{h}") for h in PLAN_HEADERS], [42, 70, 60])
    data = plan.model_dump(mode="python")
    for row, field in enumerate(single_fields(), 2):
        set_text(ws.cell(row, 1), field.path)
        _cell_value(ws.cell(row, 2), get_path(data, field.path), field, cat)
        set_text(ws.cell(row, 3), describe(field, cat))
        ws.cell(row, 3).font = Font(color="7F7F7F", italic=True)
        if field.kind == "enum":
            _choice(ws, field.labels(cat), f"B{row}", cat)


def _lists_sheet(wb: Workbook, plan: AccountPlan, cat: Catalog) -> None:
    """Write the Lists sheet: one row per item of every text list."""
    ws = wb.create_sheet(LISTS_SHEET)
    paths = [f.path for f in text_lists()]
    _header(
        ws,
        list(LISTS_HEADERS),
        [cat.label("data_lists_list") + " " + ", ".join(paths), cat.label("data_lists_item")],
        [42, 100],
    )
    data = plan.model_dump(mode="python")
    row = 2
    for path in paths:
        for item in get_path(data, path) or []:
            set_text(ws.cell(row, 1), path)
            set_text(ws.cell(row, 2), item)
            row += 1
    _choice(ws, tuple(paths), f"A2:A{max(row, VALIDATION_ROWS)}", cat)


def _record_sheet(wb: Workbook, plan: AccountPlan, name: str, cat: Catalog) -> None:
    """Write one list of records: a column per field, a row per record, a few empty rows when none."""
    ws = wb.create_sheet(sheet_title(name))
    columns = record_columns(name)
    widths: list[float] = [
        14 if c.kind in ("date", "int", "number", "bool") else 30 if c.kind == "text" else 18 for c in columns
    ]
    _header(ws, [c.path for c in columns], [describe(c, cat) for c in columns], widths)
    records = plan.model_dump(mode="python")[name]
    for offset, record in enumerate(records):
        for index, column in enumerate(columns, 1):
            _cell_value(ws.cell(2 + offset, index), get_path(record, column.path), column, cat)
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        if column.kind == "enum":
            _choice(ws, column.labels(cat), f"{letter}2:{letter}{VALIDATION_ROWS}", cat)
        elif column.kind == "bool":
            _choice(ws, ("TRUE", "FALSE"), f"{letter}2:{letter}{VALIDATION_ROWS}", cat)
        if not records:
            for row in range(2, 2 + BLANK_ROWS):
                _cell_value(ws.cell(row, index), None, column, cat)


def joined_lists(plan: AccountPlan) -> list[str]:
    """Return one message per list of a record whose items, one per line, would not fit one cell."""
    found = []
    data = plan.model_dump(mode="python")
    for name in record_lists():
        lists = [c for c in record_columns(name) if c.kind == "text_list"]
        for index, record in enumerate(data[name]):
            for column in lists:
                size = len("\n".join(get_path(record, column.path) or []))
                if size > MAX_CELL:
                    found.append(
                        f"{name}[{index}].{column.path}: {size:,} characters with one item per line; a workbook "
                        f"cell holds at most {MAX_CELL:,} — shorten the items, or keep this plan in YAML"
                    )
    return found


def data_workbook(plan: AccountPlan) -> bytes:
    """Return the data workbook of a plan (a blank plan gives the empty workbook of accountplan init)."""
    check_cell_limits(plan)
    too_long = joined_lists(plan)
    if too_long:
        raise OutputLimitError(too_long)
    cat = catalog(plan.plan.language)
    wb = Workbook()
    wb.remove(wb.active)
    _instructions_sheet(wb, cat)
    _plan_sheet(wb, plan, cat)
    _lists_sheet(wb, plan, cat)
    for name in record_lists():
        _record_sheet(wb, plan, name, cat)
    stamp = datetime.combine(plan.plan.date or date(2000, 1, 1), datetime.min.time())
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = wb.properties.lastModifiedBy = "accountplan"
    wb.properties.title = "accountplan data workbook"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
