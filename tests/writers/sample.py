"""A hand-made document with every block kind, owned by no family: what the writers are tested against."""

from __future__ import annotations

from datetime import date

from generator.document.blocks import (
    Box,
    Boxes,
    Bullets,
    Card,
    Cards,
    Cell,
    ChartRef,
    Choice,
    Column,
    Cover,
    Document,
    Field,
    Fields,
    Format,
    Group,
    Highlight,
    Kind,
    Meta,
    NumberFormats,
    Paragraph,
    Part,
    Section,
    Table,
    Tile,
    Tiles,
    Timeline,
    row,
)
from generator.document.charts import Chart, HeatMap, Series
from generator.document.people import Matrix, OrgChart, Person, Quadrant

WHEN = date(2027, 3, 1)
WON, OPEN = Cell("Won", "Won", fill="2E9E5B"), Cell("Open", "Open", fill="BFBFBF")
FIELDS = Fields(
    (Field("owner", "Owner", Cell("Ada Sample")), Field("list", "Points", Cell("x; y", items=("x", "y")), Kind.BULLETS))
)
TABLE = Table(
    "Deals",
    (
        Column("name", "Deal", weight=2, chars=30),
        Column("value", "Value", Kind.MONEY, chars=14),
        Column("twice", "Twice", Kind.MONEY, chars=14, formula="={value}*2"),
        Column("state", "State", coloured=True, options="state", highlights=(Highlight("2E9E5B", equals="Won"),)),
    ),
    (
        row(group="a", name=Cell("Quartz deal", "Quartz deal"), value=Cell("€1,000", 1000), state=WON),
        row(group="b", name=Cell("Basalt deal", "Basalt deal"), value=Cell("€2,000", 2000), state=OPEN),
    ),
    (row(name=Cell("[Deal]"), state=Cell("[State]", fill="BFBFBF")),),
    "All deals",
    total=row(bold=True, name=Cell("Total"), value=Cell("€3,000")),
)
GROUPED = Table(
    TABLE.name, TABLE.columns, TABLE.rows, TABLE.placeholders, groups=(Group("a", "Group A"), Group("b", "Group B"))
)
MATRIX = Matrix(
    tuple(
        Quadrant(k, k.title(), f"about {k}", (f"{k}-person",), 1, "F2F2F2")
        for k in ("champions", "influencers", "users", "others")
    ),
    "caption",
    "Influence",
    "Interest",
    "High",
    "Lower",
)
PEOPLE = (
    Person("Boss", "CEO", "", "2E9E5B", "FFFFFF", True, "★"),
    Person("Aide", "COO", "Boss", "BFBFBF", "262626", False, ""),
)
BOXES = Boxes(tuple(Box(f"Box {i}", (f"line {i}",), "E3F1E8") for i in range(4)))


def meta(family: str = "sample") -> Meta:
    """Return the sample document's meta data."""
    return Meta(
        family, "Sample — Co", "Sample Co", "Ada", WHEN, "en", "Sample Co · Plan", "Sample Co · Plan", ("Page ", " of ")
    )


def word_part() -> Part:
    """Return a Word part with every block a Word document shows."""
    sections = (
        Section(
            "intro",
            "Introduction",
            (Paragraph("Hello"), FIELDS, Bullets(("one", "two")), Tiles((Tile("1K", "Revenue", "1,000"),))),
        ),
        Section("deals", "Deals", (TABLE,), level=2),
        Section("grouped", "Grouped", (GROUPED,)),
        Section("grid", "Grid", (BOXES, MATRIX, Cards((("Group", (Card("Card title", FIELDS),)),)))),
    )
    return Part(Format.DOCX, sections, Cover("Sample Co", ("Plan",), FIELDS, page=True, contents="Contents"))


def deck_part() -> Part:
    """Return a deck part with a slide of every kind."""
    chart = Chart(("A", "B"), (Series("Now", (1.0, 2.0)), Series("Target", (2.0, 3.0))))
    sections = (
        Section("tiles", "Tiles", (Tiles((Tile("1K", "Revenue"),)), Bullets(("one",), "First"))),
        Section("columns", "Columns", (FIELDS, Bullets(("a", "b"), "Steps", numbered=True))),
        Section("grid", "Grid", (BOXES,)),
        Section("chart", "Chart", (chart, Bullets(("side",), "Side"))),
        Section("matrix", "Matrix", (MATRIX,)),
        Section("org", "Org", (OrgChart(PEOPLE, (("Champion", "2E9E5B"),), "★ decides"),)),
        Section("table", "Table", (GROUPED,)),
    )
    return Part(Format.PPTX, sections, Cover("Sample Co", ("Plan", "Ada"), Fields(())))


def workbook_part() -> Part:
    """Return a workbook part with a sheet of every kind."""
    summary = Fields(
        (
            Field("date", "Date", Cell("", WHEN), Kind.DATE, name="PlanDate"),
            Field("total", "Total", Cell(), Kind.MONEY, "=SUM({Deals.value})"),
            Field("double", "Double", Cell(), Kind.MONEY, "={@total}*2"),
        ),
        "Summary",
    )
    heat = HeatMap("Heat", "Deals", "value", "value", "caption", (("C6EFCE",) * 2,) * 2)
    timeline = Timeline(
        "Time",
        "Deals",
        (date(2027, 1, 1),),
        tuple(Column(k, k) for k in ("name", "value", "value", "value", "state")),
        ("Won",),
        ("BFBFBF", "D64545", "1A7F8E"),
    )
    table = Table(TABLE.name, TABLE.columns, TABLE.rows, title="All deals", chart=ChartRef("Chart", "name", ("value",)))
    sections = tuple(
        Section(k, k.title(), (b,))
        for k, b in (("summary", summary), ("deals", table), ("heat", heat), ("time", timeline))
    )
    return Part(
        Format.XLSX, sections, choices=(Choice("state", ("Won", "Open")),), formats=NumberFormats(money='"€"#,##0')
    )


def document() -> Document:
    """Return the sample document with all three parts."""
    return Document(meta(), (word_part(), deck_part(), workbook_part()))
