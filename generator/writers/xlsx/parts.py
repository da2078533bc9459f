"""A workbook's package members, in the order and form openpyxl writes them: properties, theme, each sheet with its
drawing and tables, pictures, charts, styles, the workbook and the content types."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from generator.writers.xlsx.book import MAIN, RELATIONSHIPS, Drawn, Picture, Sheet
from generator.writers.xlsx.styles import Styles
from generator.writers.xlsx.theme import THEME_XML
from generator.writers.xlsx.xml import attribute, text

_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "application/vnd.openxmlformats-officedocument"
_TYPES = {
    "worksheet": f"{_OFFICE}.spreadsheetml.worksheet+xml",
    "table": f"{_OFFICE}.spreadsheetml.table+xml",
    "drawing": f"{_OFFICE}.drawing+xml",
    "chart": f"{_OFFICE}.drawingml.chart+xml",
}
_FIRST_TYPES = (
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
)
_FIRST_OVERRIDES = (
    f'<Override PartName="/xl/styles.xml" ContentType="{_OFFICE}.spreadsheetml.styles+xml"/>'
    f'<Override PartName="/xl/theme/theme1.xml" ContentType="{_OFFICE}.theme+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    f'<Override PartName="/docProps/app.xml" ContentType="{_OFFICE}.extended-properties+xml"/>'
)
_APP = (
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>Microsoft Excel Compatible / Openpyxl 3.1.5</Application><AppVersion>3.1</AppVersion></Properties>"
)
_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
_BOOK_HEAD = (
    f'<workbook xmlns="{MAIN}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" '
    'minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" '
    'activeTab="0" autoFilterDateGrouping="1"/></bookViews>'
)


SHEET_NAME_LIMIT = 31
_RESERVED = re.compile(r"[:\\/?*\[\]]")


@lru_cache(maxsize=1)
def theme() -> bytes:
    """Return the Office theme openpyxl wrote into every workbook."""
    return THEME_XML.encode()


@dataclass
class Book:
    """A workbook: its sheets, workbook-wide names, looks and document properties."""

    title: str = ""
    author: str = ""
    sheets: list[Sheet] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    styles: Styles = field(default_factory=Styles)

    def sheet(self, title: str) -> Sheet:
        """Return a new sheet added at the end; ValueError for a name Excel refuses (too long, a character it
        reserves) or one the workbook has (formulas name sheets, so none is renamed)."""
        if not title or len(title) > SHEET_NAME_LIMIT or _RESERVED.search(title) or title.startswith("'"):
            raise ValueError(f"{title!r} cannot name a worksheet (at most 31 characters, none of : \\ / ? * [ ])")
        if any(s.title.casefold() == title.casefold() for s in self.sheets):
            raise ValueError(f"two worksheets would be named {title!r}")
        self.sheets.append(Sheet(title))
        return self.sheets[-1]

    def parts(self) -> list[tuple[str, bytes]]:
        """Return the package members in openpyxl's order."""
        writer = _Writer(self)
        members = [("docProps/app.xml", _APP), ("docProps/core.xml", self._core()), ("xl/theme/theme1.xml", theme())]
        for index, sheet in enumerate(self.sheets, 1):
            members += writer.sheet(index, sheet)
        members += writer.media()
        members += [("xl/styles.xml", self.styles.xml()), ("_rels/.rels", _ROOT_RELATIONS)]
        members += [("xl/workbook.xml", self._workbook()), ("xl/_rels/workbook.xml.rels", self._relations())]
        return [*members, ("[Content_Types].xml", writer.content_types())]

    def _core(self) -> bytes:
        """Return the core properties: title, author and dates (the package sets the dates and language)."""
        dc, terms = 'xmlns:dc="http://purl.org/dc/elements/1.1/"', 'xmlns:dcterms="http://purl.org/dc/terms/"'
        stamp = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z'
        return (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties">'
            f"{_element(f'dc:creator {dc}', self.author)}{_element(f'dc:title {dc}', self.title)}"
            f"<dcterms:created {terms} {stamp}</dcterms:created><dcterms:modified {terms} {stamp}</dcterms:modified>"
            "<cp:lastModifiedBy>accountplan</cp:lastModifiedBy></cp:coreProperties>"
        ).encode()

    def _workbook(self) -> bytes:
        """Return the workbook part: its sheets and defined names."""
        sheets = "".join(
            f'<sheet xmlns:r="{RELATIONSHIPS}" name="{attribute(s.title)}" sheetId="{i}" state="{s.state}" '
            f'r:id="rId{i}"/>'
            for i, s in enumerate(self.sheets, 1)
        )
        names = [f'<definedName name="{attribute(n)}">{text(v)}</definedName>' for n, v in self.names.items()]
        for index, sheet in enumerate(self.sheets):
            local = f'localSheetId="{index}"'
            names += [f'<definedName name="{n}" {local}>{text(v)}</definedName>' for n, v in sheet.print_names()]
        tail = '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
        return f"{_BOOK_HEAD}<sheets>{sheets}</sheets><definedNames>{''.join(names)}</definedNames>{tail}".encode()

    def _relations(self) -> bytes:
        """Return the workbook's relationships: its sheets, styles and theme."""
        kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        targets = [("worksheet", f"/xl/worksheets/sheet{i}.xml") for i in range(1, len(self.sheets) + 1)]
        return _relationships([*targets, ("styles", "styles.xml"), ("theme", "theme/theme1.xml")], kind)


_ROOT_RELATIONS = (
    f'<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">'
    '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml" Id="rId1"/>'
    '<Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml" Id="rId2"/>'
    '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" '
    'Target="docProps/app.xml" Id="rId3"/></Relationships>'
).encode()


class _Writer:
    """Numbers a workbook's tables, drawings, charts and images across its sheets as openpyxl does."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self.overrides: list[tuple[str, str]] = []
        self.tables = self.drawings = 0
        self.charts: list[Drawn] = []
        self.images: list[Picture] = []

    def sheet(self, index: int, sheet: Sheet) -> list[tuple[str, bytes]]:
        """Return a sheet's members: the sheet, its drawing, its tables and its relationships."""
        kinds = (["drawing"] if sheet.pictures else []) + ["table"] * len(sheet.tables)
        path = f"xl/worksheets/sheet{index}.xml"
        members = [(path, sheet.xml(self.book.styles, kinds))]
        self.overrides.append((path, "worksheet"))
        targets = []
        if sheet.pictures:
            members += self._drawing(sheet.pictures)
            targets.append(("drawing", f"/xl/drawings/drawing{self.drawings}.xml"))
        for name, area, columns in sheet.tables:
            self.tables += 1
            table = f"xl/tables/table{self.tables}.xml"
            members.append((table, _table(self.tables, name, area, columns)))
            self.overrides.append((table, "table"))
            targets.append(("table", f"/{table}"))
        if targets:
            kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            members.append((f"xl/worksheets/_rels/sheet{index}.xml.rels", _relationships(targets, kind)))
        return members

    def _drawing(self, pictures: list[Picture]) -> list[tuple[str, bytes]]:
        """Return a drawing's members: the anchors of its charts and images, and its relationships."""
        self.drawings += 1
        path = f"xl/drawings/drawing{self.drawings}.xml"
        self.overrides.append((path, "drawing"))
        ordered = [p for p in pictures if p.chart is not None] + [p for p in pictures if p.chart is None]
        anchors, targets = [], []
        for number, picture in enumerate(ordered, 1):
            if picture.chart is not None:
                self.charts.append(picture.chart)
                targets.append(("chart", f"/xl/charts/chart{len(self.charts)}.xml"))
            else:
                self.images.append(picture)
                targets.append(("image", f"/xl/media/image{len(self.images)}.png"))
            anchors.append(_anchor(picture, number))
        namespace = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
        drawing = f'<wsDr xmlns="{namespace}">{"".join(anchors)}</wsDr>'.encode()
        kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        return [(path, drawing), (f"xl/drawings/_rels/drawing{self.drawings}.xml.rels", _relationships(targets, kind))]

    def media(self) -> list[tuple[str, bytes]]:
        """Return the images and the charts of every drawing."""
        members = [(f"xl/media/image{i}.png", p.png) for i, p in enumerate(self.images, 1)]
        for number, chart in enumerate(self.charts, 1):
            members.append((f"xl/charts/chart{number}.xml", chart.xml()))
            self.overrides.append((f"xl/charts/chart{number}.xml", "chart"))
        return members

    def content_types(self) -> bytes:
        """Return the content types of every part written."""
        png = '<Default Extension="png" ContentType="image/png"/>' if self.images else ""
        overrides = "".join(f'<Override PartName="/{p}" ContentType="{_TYPES[k]}"/>' for p, k in self.overrides)
        book = f'<Override PartName="/xl/workbook.xml" ContentType="{_OFFICE}.spreadsheetml.sheet.main+xml"/>'
        namespace = "http://schemas.openxmlformats.org/package/2006/content-types"
        return f'<Types xmlns="{namespace}">{_FIRST_TYPES}{png}{_FIRST_OVERRIDES}{overrides}{book}</Types>'.encode()


def _anchor(picture: Picture, number: int) -> str:
    """Return the anchor of a chart or an image, the number-th of its drawing."""
    where = (
        f"<from><col>{picture.column}</col><colOff>0</colOff><row>{picture.row}</row><rowOff>0</rowOff></from>"
        f'<ext cx="{picture.size[0]}" cy="{picture.size[1]}"/>'
    )
    if picture.chart is not None:
        chart = (
            f'<a:graphic {_A}><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
            f'<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="{RELATIONSHIPS}" '
            f'r:id="rId{number}"/></a:graphicData></a:graphic>'
        )
        frame = (
            f'<graphicFrame><nvGraphicFramePr><cNvPr id="{number}" name="Chart {number}"/><cNvGraphicFramePr/>'
            f"</nvGraphicFramePr><xfrm/>{chart}</graphicFrame>"
        )
        return f"<oneCellAnchor>{where}{frame}<clientData/></oneCellAnchor>"
    image = (
        f'<pic><nvPicPr><cNvPr id="{number}" name="Image {number}" descr="Picture"/><cNvPicPr/></nvPicPr><blipFill>'
        f'<a:blip {_A} xmlns:r="{RELATIONSHIPS}" cstate="print" r:embed="rId{number}"/><a:stretch {_A}>'
        f'<a:fillRect/></a:stretch></blipFill><spPr><a:prstGeom {_A} prst="rect"/></spPr></pic>'
    )
    return f"<oneCellAnchor>{where}{image}<clientData/></oneCellAnchor>"


def _table(number: int, name: str, area: str, columns: tuple[str, ...]) -> bytes:
    """Return an Excel table's part: its range, filter, column names and banded style."""
    names = "".join(f'<tableColumn id="{i}" name="{attribute(c)}"/>' for i, c in enumerate(columns, 1))
    return (
        f'<table id="{number}" name="{name}" displayName="{name}" ref="{area}" headerRowCount="1" xmlns="{MAIN}">'
        f'<autoFilter ref="{area}"/><tableColumns count="{len(columns)}">{names}</tableColumns>'
        '<tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>'
    ).encode()


def _relationships(targets: list[tuple[str, str]], kind: str) -> bytes:
    """Return a relationships part, numbered rId1 onwards."""
    items = "".join(
        f'<Relationship Type="{kind}{k}" Target="{attribute(t)}" Id="rId{i}"/>' for i, (k, t) in enumerate(targets, 1)
    )
    return f'<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">{items}</Relationships>'.encode()


def _element(tag: str, value: str) -> str:
    """Return a core property element (empty when there is no value)."""
    name = tag.split()[0]
    return f"<{tag}>{text(value)}</{name}>" if value else f"<{tag}/>"
