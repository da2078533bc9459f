"""Excel writer: workbook specifications -> .xlsx with tables, drop-downs, formulas, colours and charts."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference, ScatterChart, Series
from openpyxl.chart.series import SeriesLabel, StrRef
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table as ExcelTable
from openpyxl.worksheet.table import TableStyleInfo

from generator.catalog import Catalog, catalog
from generator.errors import WriterError
from generator.model.plan import AccountPlan
from generator.model.text import field_path, iter_strings
from generator.views.format import CURRENCY_SYMBOLS
from generator.views.workbook import WORKBOOKS, Fields, Grid, Table, WorkbookSpec, localise
from generator.writers.textfit import wrap

MAX_CELL = 32_767
CHAR_POINTS, FONT_POINTS, LINE_POINTS = 5.6, 11, 15
HEADER_ROW, FIRST_ROW, BLANK_ROWS, VALIDATION_ROWS = 3, 4, 3, 500
NAVY, TEAL = "1F3864", "1A7F8E"
FILLS = {"green": "C6EFCE", "amber": "FFEB9C", "red": "FFC7CE"}
RAG_FILL = {"green": "2E9E5B", "amber": "F2A900", "red": "D64545"}
STANCE_FILL = {
    "champion": "2E9E5B",
    "supporter": "8CC084",
    "neutral": "D9D9D9",
    "sceptic": "F2A900",
    "blocker": "D64545",
}
THIN = Side(style="thin", color="B4BECF")
_SAME_ROW = re.compile(r"\{([a-z_]+)\}")
_COLUMN = re.compile(r"\{([A-Z][A-Za-z]*)\.([a-z_]+)\}")


def check_cell_limits(plan: AccountPlan) -> None:
    """Refuse a plan with a value longer than an Excel cell holds (openpyxl would cut it silently)."""
    for loc, text in iter_strings(plan.model_dump(mode="json")):
        if len(text) > MAX_CELL:
            raise WriterError(
                f"{field_path(loc)}: {len(text):,} characters; an Excel cell holds at most "
                f"{MAX_CELL:,} — shorten it, or build without --format xlsx"
            )


def set_text(cell: Any, value: str) -> None:
    """Write a string as text, never as a formula, whatever it starts with."""
    cell.value = value
    cell.data_type = "s"


@dataclass
class Layout:
    """Where each table column's data lies, so formulas can refer to it."""

    columns: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (table, key) -> (sheet, letter)
    rows: dict[str, int] = field(default_factory=dict)

    def plan(self, spec: WorkbookSpec) -> None:
        """Record where every table column lies before anything is written."""
        for sheet in spec.sheets:
            if isinstance(sheet, Table):
                self.rows[sheet.name] = _row_count(sheet)
                for index, column in enumerate(sheet.columns, 1):
                    self.columns[(sheet.name, column.key)] = (quote_sheetname(sheet.sheet), get_column_letter(index))

    def range(self, table: str, key: str) -> str:
        """Return the absolute data range of one table column, e.g. 'Pipeline'!$D$4:$D$11."""
        sheet, letter = self.columns[(table, key)]
        last = FIRST_ROW + self.rows[table] - 1
        return f"{sheet}!${letter}${FIRST_ROW}:${letter}${last}"

    def cell(self, table: str, key: str, offset: int) -> str:
        """Return the cell of one table column on its offset-th data row, e.g. 'Actions'!B4."""
        sheet, letter = self.columns[(table, key)]
        return f"{sheet}!{letter}{FIRST_ROW + offset}"


def _row_count(table: Table) -> int:
    """Return how many data rows a table has (empty formatted rows when it has none)."""
    return len(table.rows) or BLANK_ROWS


def _height(cells: list[tuple[str, float]], bold: bool = False) -> float:
    """Return a row height (points) that shows every cell's wrapped text (LibreOffice keeps default heights)."""
    lines = 1
    for text, width in cells:
        if text:
            lines = max(lines, len(wrap(text, width * CHAR_POINTS, FONT_POINTS * (1.05 if bold else 1.0))))
    return round(lines * LINE_POINTS + 3, 1)


def resolve(template: str, layout: Layout, letters: dict[str, str], row: int) -> str:
    """Return a formula with its column references made into cell ranges and same-row cells."""
    text = _COLUMN.sub(lambda m: layout.range(m[1], m[2]), template)
    return _SAME_ROW.sub(lambda m: f"{letters[m[1]]}{row}", text)


class Writer:
    """Writes one workbook spec."""

    def __init__(self, spec: WorkbookSpec, currency: str, cat: Catalog) -> None:
        self.spec = spec
        self.cat = cat
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.layout = Layout()
        self.layout.plan(spec)
        symbol = CURRENCY_SYMBOLS.get(currency, currency + " ")
        self.formats = {
            "money": f'"{symbol}"#,##0',
            "percent": "0%",
            "date": "d mmm yyyy",
            "int": "0",
            "number": "#,##0.##",
        }
        self.lists: dict[str, str] = {}

    def build(self) -> Workbook:
        """Return the workbook with every sheet written."""
        if self.spec.instructions:
            self._instructions()
        for sheet in self.spec.sheets:
            if isinstance(sheet, Table):
                self._table(sheet)
            elif isinstance(sheet, Fields):
                self._fields(sheet)
            else:
                self._grid(sheet)
        self._lists()
        return self.wb

    # -- sheets ----------------------------------------------------------------------------
    def _sheet(self, name: str, title: str) -> Any:
        """Return a new sheet with its title in A1."""
        ws = self.wb.create_sheet(name)
        set_text(ws["A1"], title)
        ws["A1"].font = Font(bold=True, size=14, color=NAVY)
        ws.sheet_view.showGridLines = False
        setup = ws.page_setup
        setup.orientation, setup.fitToWidth, setup.fitToHeight = "landscape", 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        return ws

    def _instructions(self) -> None:
        """Write the instructions sheet of a blank workbook."""
        ws = self._sheet(self.cat.label("instructions"), self.cat.label("instructions"))
        ws.column_dimensions["A"].width = 110
        for index, line in enumerate(self.spec.instructions, 3):
            set_text(ws.cell(index, 1), line)
            ws.cell(index, 1).alignment = Alignment(wrap_text=True, vertical="top")

    def _table(self, table: Table) -> None:
        """Write a list as an Excel table with header, formats, drop-downs, rules and chart."""
        ws = self._sheet(table.sheet, table.title)
        letters = {c.key: get_column_letter(i) for i, c in enumerate(table.columns, 1)}
        for index, column in enumerate(table.columns, 1):
            cell = ws.cell(HEADER_ROW, index)
            set_text(cell, column.header)
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor=NAVY)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            ws.column_dimensions[letters[column.key]].width = column.width
        ws.row_dimensions[HEADER_ROW].height = _height([(c.header, c.width) for c in table.columns], bold=True)
        count = self.layout.rows[table.name]
        for offset in range(count):
            row = table.rows[offset] if offset < len(table.rows) else {}
            self._row(ws, table, row, FIRST_ROW + offset, letters)
            cells = [(str(row.get(c.key) or ""), c.width) for c in table.columns if not c.kind.startswith("formula")]
            ws.row_dimensions[FIRST_ROW + offset].height = _height(cells)
        last_row = FIRST_ROW + count - 1
        ref = f"A{HEADER_ROW}:{get_column_letter(len(table.columns))}{last_row}"
        excel_table = ExcelTable(displayName=table.name, ref=ref)
        excel_table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(excel_table)
        ws.freeze_panes = f"A{FIRST_ROW}"
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        self._validations(ws, table, letters)
        self._rules(ws, table, letters, last_row)
        if table.chart:
            self._chart(ws, table, letters, last_row)

    def _row(self, ws: Any, table: Table, row: dict[str, Any], number: int, letters: dict[str, str]) -> None:
        """Write one data row."""
        for index, column in enumerate(table.columns, 1):
            cell = ws.cell(number, index)
            cell.border = Border(bottom=THIN)
            wrap = column.width >= 28
            indent = int(row.get(column.indent_key, 1) or 1) - 1 if column.indent_key else 0
            cell.alignment = Alignment(wrap_text=wrap, vertical="top", indent=max(indent, 0))
            if column.kind.startswith("formula"):
                template = column.formula if column.formula != f"{{{column.key}}}" else row.get(column.key, "")
                if template:
                    cell.value = resolve(template, self.layout, letters, number)
                cell.number_format = self.formats.get(column.kind.split("-")[1], "General")
                continue
            self._value(cell, row.get(column.key), column.kind)

    def _value(self, cell: Any, value: Any, kind: str) -> None:
        """Write one value with the number format of its kind."""
        if value is None or value == "":
            cell.number_format = self.formats.get(kind, "General")
            return
        if isinstance(value, str):
            set_text(cell, value)
            return
        cell.value = value
        cell.number_format = self.formats.get(kind, "General")

    def _fields(self, sheet: Fields) -> None:
        """Write a label / value sheet; formula values are resolved, text stays text."""
        ws = self._sheet(sheet.sheet, sheet.title)
        ws.column_dimensions["A"].width = 30
        ws.column_dimensions["B"].width = 70
        for index, (label, value, kind) in enumerate(sheet.rows):
            row = HEADER_ROW + index
            set_text(ws.cell(row, 1), label)
            ws.cell(row, 1).font = Font(bold=True, color=NAVY)
            cell = ws.cell(row, 2)
            cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
            if kind.startswith("formula"):
                cell.value = resolve(str(value), self.layout, {}, row)
                cell.number_format = self.formats.get(kind.split("-")[1], "General")
            else:
                self._value(cell, value, kind)
        for name, index in sheet.names.items():
            reference = f"{quote_sheetname(sheet.sheet)}!$B${HEADER_ROW + index}"
            self.wb.defined_names[name] = DefinedName(name, attr_text=reference)

    def _grid(self, grid: Grid) -> None:
        """Write a heat map or a timeline."""
        ws = self._sheet(grid.sheet, grid.title)
        if grid.kind == "heat_map":
            self._heat_map(ws, grid)
        else:
            self._timeline(ws, grid)

    def _heat_map(self, ws: Any, grid: Grid) -> None:
        """Write the 5x5 impact x probability grid: counts of risks, coloured by score."""
        set_text(ws.cell(HEADER_ROW, 1), f"{grid.data['impact']} ↓ / {grid.data['probability']} →")
        ws.column_dimensions["A"].width = 26
        for p in range(1, 6):
            ws.cell(HEADER_ROW, 1 + p, p).font = Font(bold=True)
            ws.column_dimensions[get_column_letter(1 + p)].width = 10
        impacts, probabilities = self.layout.range("Risks", "impact"), self.layout.range("Risks", "probability")
        for offset, impact in enumerate(range(5, 0, -1)):
            row = FIRST_ROW + offset
            ws.cell(row, 1, impact).font = Font(bold=True)
            for p in range(1, 6):
                cell = ws.cell(row, 1 + p, f"=COUNTIFS({impacts},{impact},{probabilities},{p})")
                score = impact * p
                colour = "red" if score >= 15 else "amber" if score >= 8 else "green"
                cell.fill = PatternFill("solid", fgColor=FILLS[colour])
                cell.alignment = Alignment(horizontal="center", vertical="center")
                cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
            ws.row_dimensions[row].height = 28

    def _timeline(self, ws: Any, grid: Grid) -> None:
        """Write the Gantt-like timeline: each action's bar by month follows its start and due dates."""
        L = self.cat.labels
        months: list[date] = grid.data["months"]
        headers = [L["action"], L["owner"], L["start"], L["due"], L["status"]]
        for index, header in enumerate(headers, 1):
            set_text(ws.cell(HEADER_ROW, index), header)
        for index, month in enumerate(months, len(headers) + 1):
            cell = ws.cell(HEADER_ROW, index, month)
            cell.number_format = "mmm yy"
            ws.column_dimensions[get_column_letter(index)].width = 7
        for cell in ws[HEADER_ROW]:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor=NAVY)
        for key, width in zip("ABCDE", (44, 18, 12, 12, 13), strict=True):
            ws.column_dimensions[key].width = width
        count = self.layout.rows["Actions"]
        for offset in range(count):
            for index, key in enumerate(("action", "owner", "start", "due", "status"), 1):
                source = self.layout.cell("Actions", key, offset)
                cell = ws.cell(FIRST_ROW + offset, index, f'=IF({source}="","",{source})')
                if index in (3, 4):
                    cell.number_format = self.formats["date"]
        ws.freeze_panes = f"F{FIRST_ROW}"
        last_col = get_column_letter(len(headers) + len(months))
        area = f"F{FIRST_ROW}:{last_col}{FIRST_ROW + count - 1}"
        begins, ends, column = f"$C{FIRST_ROW}", f"$D{FIRST_ROW}", f"F${HEADER_ROW}"
        bar = f"AND(N({ends})>0,{column}<={ends},EOMONTH({column},0)>=IF(N({begins})>0,{begins},{ends}))"
        status = f"$E{FIRST_ROW}"
        done, cancelled = (self.cat.enum("action_status", s) for s in ("done", "cancelled"))
        closed = f'OR({status}="{done}",{status}="{cancelled}")'
        overdue = f"AND({ends}<PlanDate,NOT({closed}))"
        for condition, colour in ((closed, "BFBFBF"), (overdue, "D64545"), ("TRUE", TEAL)):
            rule = FormulaRule(
                formula=[f"AND({bar},{condition})"], fill=PatternFill("solid", fgColor=colour), stopIfTrue=True
            )
            ws.conditional_formatting.add(area, rule)
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"

    # -- validation, rules, charts -------------------------------------------------------------
    def _lists(self) -> None:
        """Write the hidden sheet the drop-down lists come from."""
        ws = self.wb.create_sheet("Lists")
        ws.sheet_state = "hidden"
        for index, (name, values) in enumerate(self.spec.lists.items(), 1):
            set_text(ws.cell(1, index), name)
            for offset, value in enumerate(values, 2):
                set_text(ws.cell(offset, index), value)

    def _list_range(self, name: str) -> str:
        """Return the range of a drop-down list on the hidden sheet."""
        index = list(self.spec.lists).index(name) + 1
        letter = get_column_letter(index)
        return f"Lists!${letter}$2:${letter}${len(self.spec.lists[name]) + 1}"

    def _validations(self, ws: Any, table: Table, letters: dict[str, str]) -> None:
        """Add a drop-down to every column with a closed vocabulary, down to the rows a user may add."""
        for column in table.columns:
            if not column.options:
                continue
            validation = DataValidation(
                type="list", formula1=f"={self._list_range(column.options)}", allow_blank=True, showErrorMessage=True
            )
            validation.error = f"{column.header}: {', '.join(self.spec.lists[column.options])}"
            validation.add(f"{letters[column.key]}{FIRST_ROW}:{letters[column.key]}{VALIDATION_ROWS}")
            ws.add_data_validation(validation)

    def _rules(self, ws: Any, table: Table, letters: dict[str, str], last_row: int) -> None:
        """Add the conditional formats: red/amber/green, risk scores, overdue rows, stances."""
        cat = self.cat
        for kind, key in table.rules:
            area = f"{letters[key]}{FIRST_ROW}:{letters[key]}{max(last_row, VALIDATION_ROWS)}"
            if kind == "rag":
                self._label_fills(ws, area, "rag", RAG_FILL)
            elif kind == "risk":
                for operator, formula, colour in (
                    ("greaterThanOrEqual", ["15"], "red"),
                    ("between", ["8", "14"], "amber"),
                    ("between", ["1", "7"], "green"),
                ):
                    ws.conditional_formatting.add(
                        area,
                        CellIsRule(
                            operator=operator, formula=formula, fill=PatternFill("solid", fgColor=RAG_FILL[colour])
                        ),
                    )
            elif kind == "overdue":
                row_area = f"A{FIRST_ROW}:{get_column_letter(len(table.columns))}{max(last_row, VALIDATION_ROWS)}"
                rule = FormulaRule(
                    formula=[f'${letters[key]}{FIRST_ROW}="{cat.label("overdue")}"'],
                    fill=PatternFill("solid", fgColor=FILLS["red"]),
                    font=Font(color="9C0006"),
                )
                ws.conditional_formatting.add(row_area, rule)
            elif kind == "stance":
                self._label_fills(ws, area, "stance", STANCE_FILL)
            elif kind == "decision":
                ws.conditional_formatting.add(
                    area,
                    CellIsRule(
                        operator="equal",
                        formula=[f'"{cat.label("yes")}"'],
                        fill=PatternFill("solid", fgColor="FFE699"),
                        font=Font(bold=True),
                    ),
                )

    def _label_fills(self, ws: Any, area: str, vocabulary: str, fills: dict[str, str]) -> None:
        """Colour cells of an area by the vocabulary label they hold (Green, Champion, ...)."""
        for value, colour in fills.items():
            label = self.cat.enum(vocabulary, value)
            rule = CellIsRule(operator="equal", formula=[f'"{label}"'], fill=PatternFill("solid", fgColor=colour))
            ws.conditional_formatting.add(area, rule)

    def _chart(self, ws: Any, table: Table, letters: dict[str, str], last_row: int) -> None:
        """Add the table's native chart to the right of it."""
        spec = table.chart
        anchor = f"{get_column_letter(len(table.columns) + 2)}{HEADER_ROW}"
        if spec["kind"] == "scatter":
            chart = self._scatter(ws, table, letters, last_row)
        else:
            chart = BarChart()
            chart.type = "col"
            for key in spec["series"]:
                column = list(letters).index(key) + 1
                data = Reference(ws, min_col=column, min_row=HEADER_ROW, max_row=last_row)
                chart.add_data(data, titles_from_data=True)
            category = list(letters).index(spec["categories"]) + 1
            chart.set_categories(Reference(ws, min_col=category, min_row=FIRST_ROW, max_row=last_row))
            chart.y_axis.numFmt = "#,##0"
        chart.title = spec["title"]
        chart.width, chart.height = 20, 10
        ws.add_chart(chart, anchor)

    def _scatter(self, ws: Any, table: Table, letters: dict[str, str], last_row: int) -> ScatterChart:
        """Return the influence-interest scatter: one named point per stakeholder."""
        chart = ScatterChart()
        chart.style = 13
        chart.x_axis.title, chart.y_axis.title = table.chart["x_title"], table.chart["y_title"]
        for axis in (chart.x_axis, chart.y_axis):
            axis.scaling.min, axis.scaling.max = 0.5, 3.5
            axis.majorUnit = 1
            axis.delete = False
        x_col, y_col = list(letters).index("interest") + 1, list(letters).index("influence") + 1
        for row in range(FIRST_ROW, last_row + 1):
            xs = Reference(ws, min_col=x_col, min_row=row)
            ys = Reference(ws, min_col=y_col, min_row=row)
            series = Series(ys, xs)
            series.tx = SeriesLabel(strRef=StrRef(f"{quote_sheetname(table.sheet)}!$A${row}"))
            series.marker.symbol = "circle"
            series.marker.size = 10
            series.graphicalProperties.line.noFill = True
            chart.series.append(series)
        return chart


def build_workbook(spec: WorkbookSpec, plan: AccountPlan) -> bytes:
    """Return the .xlsx bytes of a workbook spec."""
    wb = Writer(spec, plan.plan.currency, catalog(plan.plan.language)).build()
    props = wb.properties
    props.title, props.creator, props.lastModifiedBy = spec.title[:255], plan.plan.prepared_by[:255], "accountplan"
    stamp = datetime.combine(plan.plan.date or date(2000, 1, 1), datetime.min.time())
    props.created = props.modified = stamp
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


class ExcelWriter:
    """Writes a family as a working .xlsx workbook."""

    name: str = "xlsx"
    out_suffix: str = ".xlsx"
    families: tuple[str, ...] = tuple(WORKBOOKS)

    def write(self, family: str, plan: AccountPlan) -> bytes:
        """Return the .xlsx bytes of one family."""
        check_cell_limits(plan)
        spec = localise(WORKBOOKS[family](plan), catalog(plan.plan.language))
        return build_workbook(spec, plan)
