"""The typed, frozen blocks every family document is made of; writers know these kinds, never families."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from functools import lru_cache

from generator.document.charts import Chart, HeatMap
from generator.document.look import Look
from generator.document.people import Matrix, OrgChart
from generator.document.records import Compared, picklable

Raw = str | int | float | date | bytes | None
NOTHING = "—"  # what a filled plan shows for a value it lacks


class Format(StrEnum):
    """An output format a family is written in."""

    DOCX = "docx"
    PPTX = "pptx"
    XLSX = "xlsx"


class Kind(StrEnum):
    """What a column holds: how a workbook formats it and how a Word cell shows a list."""

    TEXT = "text"
    MONEY = "money"
    PERCENT = "percent"
    CHANGE = "change"  # a signed percentage: growth
    DATE = "date"
    INT = "int"
    NUMBER = "number"
    BULLETS = "bullets"
    LINES = "lines"
    IMAGE = "image"


@dataclass(frozen=True, eq=False)
class Cell(Compared):
    """One value: the text documents show, the raw value a workbook holds, list items, a fill colour."""

    text: str = ""
    raw: Raw = None
    items: tuple[str, ...] = ()
    fill: str = ""
    formula: str = ""

    def __init__(
        self, text: str = "", raw: Raw = None, items: tuple[str, ...] = (), fill: str = "", formula: str = ""
    ) -> None:
        """Set the fields (written out: compiled, a third of the time of dataclass's; a thousand cells an account)."""
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "raw", raw)
        object.__setattr__(self, "items", items)
        object.__setattr__(self, "fill", fill)
        object.__setattr__(self, "formula", formula)

    def compared(self) -> tuple[object, ...]:
        """Return the fields equality and hashing go by."""
        return self.text, self.raw, self.items, self.fill, self.formula


EMPTY_CELL = Cell()


@dataclass(frozen=True, eq=False)
class Highlight(Compared):
    """A workbook conditional format: cells equal to a label, or in a number band, get a fill."""

    fill: str
    equals: str = ""
    low: float | None = None
    high: float | None = None
    font: str = ""
    bold: bool = False
    whole_row: bool = False

    def compared(self) -> tuple[object, ...]:
        """Return the fields equality and hashing go by."""
        return self.fill, self.equals, self.low, self.high, self.font, self.bold, self.whole_row


@dataclass(frozen=True, eq=False)
class Column(Compared):
    """One table column: key, header label, value kind, relative weight, sheet width, formula, drop-down."""

    key: str
    label: str
    kind: Kind = Kind.TEXT
    weight: float = 1.0
    chars: float = 16
    formula: str = ""
    options: str = ""
    indent_key: str = ""
    highlights: tuple[Highlight, ...] = ()
    coloured: bool = False
    own_formulas: bool = False
    internal: bool = False  # a workbook keeps it (formulas read it) but hides it from view and print
    note: bool = False  # where a table does not show it, a deck tells it in the speaker notes

    @property
    def computed(self) -> bool:
        """Return True when a workbook fills this column with formulas."""
        return bool(self.formula) or self.own_formulas

    def compared(self) -> tuple[object, ...]:
        """Return the fields equality and hashing go by."""
        kept = (self.highlights, self.coloured, self.own_formulas, self.internal, self.note)
        return (
            self.key,
            self.label,
            self.kind,
            self.weight,
            self.chars,
            self.formula,
            self.options,
            self.indent_key,
            *kept,
        )


@dataclass(frozen=True, eq=False)
class Row(Compared):
    """One table row: cells by column key; a placeholder stands for an empty list; a group key."""

    cells: tuple[tuple[str, Cell], ...]
    placeholder: bool = False
    group: str = ""
    bold: bool = False
    message: str = ""  # a placeholder that says one thing ('Not yet assessed'): shown in the first column shown
    by_key: dict[str, Cell] = field(init=False, repr=False, compare=False)  # the first cell of each key

    def __init__(
        self,
        cells: tuple[tuple[str, Cell], ...],
        placeholder: bool = False,
        group: str = "",
        bold: bool = False,
        message: str = "",
    ) -> None:
        """Set the fields (written out, as Cell's are) and index the cells by key once: writers look them up."""
        object.__setattr__(self, "cells", cells)
        object.__setattr__(self, "placeholder", placeholder)
        object.__setattr__(self, "group", group)
        object.__setattr__(self, "bold", bold)
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "by_key", dict(reversed(cells)))

    def cell(self, key: str) -> Cell:
        """Return the cell of a column (an empty cell when the row has none)."""
        return self.by_key.get(key, EMPTY_CELL)

    def compared(self) -> tuple[object, ...]:
        """Return the fields equality and hashing go by (not by_key: it is derived from the cells)."""
        return self.cells, self.placeholder, self.group, self.bold, self.message


def row(placeholder: bool = False, group: str = "", bold: bool = False, **cells: Cell) -> Row:
    """Return a row from keyword cells."""
    return Row(tuple(cells.items()), placeholder, group, bold)


@dataclass(frozen=True)
class Group:
    """A titled group of table rows (actions by category, KPIs by area)."""

    key: str
    title: str


@dataclass(frozen=True)
class ChartRef:
    """A workbook chart drawn from a table's own columns."""

    title: str
    category_key: str = ""
    series_keys: tuple[str, ...] = ()
    scatter: bool = False
    x_title: str = ""
    y_title: str = ""


@dataclass(frozen=True)
class Table:
    """A list of records; placeholders show when it is empty; groups, a total row, a workbook chart optional."""

    name: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    placeholders: tuple[Row, ...] = ()
    title: str = ""
    groups: tuple[Group, ...] = ()
    total: Row | None = None
    chart: ChartRef | None = None
    noted: tuple[Column, ...] = ()  # the note columns a pick left out

    def shown(self) -> tuple[Row, ...]:
        """Return the rows a document shows: the records, or the placeholders when there are none."""
        return self.rows or self.placeholders

    def grouped(self) -> list[tuple[Group, tuple[Row, ...]]]:
        """Return each group with its rows (or the first placeholder when a group is empty)."""
        hint = self.placeholders[:1]
        return [(g, tuple(r for r in self.rows if r.group == g.key) or hint) for g in self.groups if self._has(g)]

    def _has(self, group: Group) -> bool:
        """Return True when a group is shown: every group but 'other', which shows only with rows."""
        return group.key != "other" or any(r.group == "other" for r in self.rows)

    def pick(self, *specs: tuple[str, float] | tuple[str, float, str], chars: bool = False) -> Table:
        """Return the table with only these columns, each given a weight (or sheet width) and maybe a label."""
        size, by_key = "chars" if chars else "weight", {c.key: c for c in self.columns}
        shown = tuple(_picked(by_key[s[0]], (size, s[1]), *(("label", label) for label in s[2:])) for s in specs)
        noted = tuple(c for c in self.columns if c.note and c.key not in {p.key for p in shown})
        placeholders = tuple(_say(r, shown[0].key) if r.message else r for r in self.placeholders)
        return Table(self.name, shown, self.rows, placeholders, self.title, self.groups, self.total, self.chart, noted)

    def note(self, item: Row) -> str:
        """Return what a row's left-out note columns say, for speaker notes ('' when they say nothing)."""
        said = [(c.label, item.cell(c.key).text) for c in self.noted]
        said = [(label, text) for label, text in said if text and text != NOTHING and not item.placeholder]
        listed = "; ".join(f"{label}: {text}" for label, text in said)
        return f"{item.cell(self.columns[0].key).text} — {listed}" if said else ""

    def flat(self) -> Table:
        """Return the table without its groups."""
        return replace(self, groups=())


@lru_cache(maxsize=4_096)  # bounded; every document of a family picks the same columns again
def _picked(column: Column, *changes: tuple[str, object]) -> Column:
    """Return a column with these fields changed (its weight or sheet width, maybe its label)."""
    return replace(column, **dict(changes))  # type: ignore[arg-type]


@lru_cache(maxsize=4_096)  # bounded; the same few message rows in every plan
def _say(item: Row, key: str) -> Row:
    """Return a message row with its message in the given column and nothing in the others."""
    cells = tuple((k, Cell(item.message if k == key else "")) for k, _ in item.cells)
    cells += () if any(k == key for k, _ in item.cells) else ((key, Cell(item.message)),)
    return replace(item, cells=cells)


@dataclass(frozen=True, eq=False)
class Field(Compared):
    """One label / value pair; in a workbook the value may be a formula and carry a defined name."""

    key: str
    label: str
    value: Cell
    kind: Kind = Kind.TEXT
    formula: str = ""
    name: str = ""

    def __init__(
        self, key: str, label: str, value: Cell, kind: Kind = Kind.TEXT, formula: str = "", name: str = ""
    ) -> None:
        """Set the fields (written out, as Cell's: a tenth of the time of dataclass's; hundreds of fields a plan)."""
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "formula", formula)
        object.__setattr__(self, "name", name)

    def compared(self) -> tuple[object, ...]:
        """Return the fields equality and hashing go by."""
        return self.key, self.label, self.value, self.kind, self.formula, self.name


@dataclass(frozen=True)
class Fields:
    """Label / value pairs."""

    fields: tuple[Field, ...]
    title: str = ""


@dataclass(frozen=True)
class Bullets:
    """A titled list of lines; numbered lists have no bullet marks."""

    items: tuple[str, ...]
    title: str = ""
    numbered: bool = False


@dataclass(frozen=True)
class Paragraph:
    """A line of running text; small text is a caption or a legend."""

    text: str
    small: bool = False


@dataclass(frozen=True)
class Tile:
    """A big figure with its label."""

    value: str
    label: str
    full: str = ""


@dataclass(frozen=True)
class Tiles:
    """Big-figure tiles (the executive summary's numbers)."""

    tiles: tuple[Tile, ...]


@dataclass(frozen=True)
class Box:
    """A titled, tinted box of lines."""

    title: str
    items: tuple[str, ...]
    fill: str


@dataclass(frozen=True)
class Boxes:
    """Boxes side by side (three) or as a 2x2 grid (four): SWOT, initiatives, strategy map."""

    boxes: tuple[Box, ...]


@dataclass(frozen=True)
class Card:
    """A titled set of fields (one stakeholder)."""

    title: str
    fields: Fields


@dataclass(frozen=True)
class Cards:
    """Cards in titled groups (stakeholders by quadrant)."""

    groups: tuple[tuple[str, tuple[Card, ...]], ...]


@dataclass(frozen=True)
class Timeline:
    """A workbook Gantt sheet over a table's rows, by month, bars tinted by state."""

    title: str
    table: str
    months: tuple[date, ...]
    columns: tuple[Column, ...]
    closed: tuple[str, ...]
    fills: tuple[str, str, str]


Block = Fields | Bullets | Paragraph | Tiles | Boxes | Table | Matrix | OrgChart | Cards | Chart | HeatMap | Timeline


@dataclass(frozen=True)
class Section:
    """A heading with its blocks: a slide, a Word chapter or subsection, a worksheet."""

    key: str
    title: str
    blocks: tuple[Block, ...]
    notes: str = ""
    level: int = 1

    def of(self, kind: type[Block]) -> list[Block]:
        """Return the blocks of one kind."""
        return [b for b in self.blocks if isinstance(b, kind)]

    @property
    def empty(self) -> bool:
        """Return True when the section holds blocks and every one of them is without data (dashes only)."""
        return bool(self.blocks) and all(is_empty(block) for block in self.blocks)


def is_empty(block: Block) -> bool:
    """Return True when a block shows no data of the plan, only dashes or a chart hint."""
    if isinstance(block, Table):
        return not block.rows
    if isinstance(block, Bullets):
        return all(item in ("", NOTHING) for item in block.items)
    if isinstance(block, Fields):
        return all(f.value.text in ("", NOTHING) for f in block.fields)
    if isinstance(block, Boxes):
        return all(item in ("", NOTHING) for box in block.boxes for item in box.items)
    if isinstance(block, Paragraph):
        return block.text in ("", NOTHING)
    if isinstance(block, Chart):
        return bool(block.hint)
    if isinstance(block, Matrix):
        return not any(q.count for q in block.quadrants)
    if isinstance(block, OrgChart):
        return all(p.name in ("", NOTHING) for p in block.people)
    return False


@dataclass(frozen=True)
class Cover:
    """The title: its page (or heading), the subtitle lines and the identity fields."""

    title: str
    subtitle: tuple[str, ...]
    fields: Fields
    page: bool = False
    contents: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Meta:
    """What every part of a document shows or declares: account, family title, author, date, footer."""

    family: str
    title: str
    account: str
    author: str
    when: date | None
    language: str
    footer: str
    header: str = ""
    page_footer: tuple[str, str] = ("", "")
    blank: bool = False
    look: Look = field(default_factory=Look)


@dataclass(frozen=True)
class Choice:
    """A drop-down list of a workbook: its name and labels."""

    name: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class NumberFormats:
    """The workbook number formats of the plan's currency and language."""

    money: str = '"€"#,##0'
    short_money: str = '"€"0'  # chart labels: millions and thousands abbreviated
    date: str = "d mmm yyyy"
    month: str = "mmm yy"  # the timeline's month headers
    locale: str = ""  # a format's locale, e.g. [$-407]: LibreOffice then shows German separators anywhere


@dataclass(frozen=True)
class Part:
    """One format's arrangement of the document: its cover and sections in order."""

    format: Format
    sections: tuple[Section, ...]
    cover: Cover | None = None
    choices: tuple[Choice, ...] = ()
    formats: NumberFormats = field(default_factory=lambda: NumberFormats())


@dataclass(frozen=True)
class Document:
    """A family's whole document: what it declares, and the part each format shows."""

    meta: Meta
    parts: tuple[Part, ...] = field(default_factory=tuple)

    def part(self, fmt: Format | str) -> Part:
        """Return the part of one format."""
        return next(p for p in self.parts if p.format == fmt)

    def formats(self) -> list[str]:
        """Return the formats this document is written in."""
        return [p.format.value for p in self.parts]

    def blocks(self) -> Iterator[Block]:
        """Yield every block of every part."""
        for part in self.parts:
            for section in part.sections:
                yield from section.blocks


picklable(globals(), __name__)
