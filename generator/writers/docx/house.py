"""The house-style Word document a template is drawn in: paragraphs, tables, grids, title page, header, contents."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from generator.document import theme
from generator.writers.textfit import fitted_widths

NAVY = RGBColor.from_string(theme.NAVY)
TEAL = RGBColor.from_string(theme.TEAL)
GREY = RGBColor.from_string(theme.BODY)
WHITE = RGBColor.from_string(theme.WHITE)
HEADER_FILL = theme.NAVY
BAND_FILL = theme.BAND
FONT = "Calibri"

Column = tuple[str, str, float]  # header expression, cell expression, width in cm


class DocBuilder:
    """Builds one template document with the house style."""

    def __init__(self, landscape: bool = False) -> None:
        self.doc = Document()
        self._styles()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2.0))
        section.top_margin, section.bottom_margin = Cm(2.0), Cm(1.8)
        width, left, right = section.page_width, section.left_margin, section.right_margin
        assert width is not None and left is not None and right is not None
        self.width = (width - left - right) / 360000

    def _styles(self) -> None:
        """Set fonts and colours of the styles the templates use."""
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name, normal.font.size, normal.font.color.rgb = FONT, Pt(10.5), GREY
        normal.paragraph_format.space_after = Pt(4)
        rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), FONT)
        for name, size, colour in (
            ("Title", 30, NAVY),
            ("Heading 1", 17, NAVY),
            ("Heading 2", 13, TEAL),
            ("Heading 3", 11, NAVY),
            ("Subtitle", 14, TEAL),
        ):
            style = styles[name]
            style.font.name, style.font.size, style.font.color.rgb = FONT, Pt(size), colour
            style.font.bold = name != "Subtitle"
            style.font.italic = False
            style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:asciiTheme"), "minorHAnsi")
        styles["Heading 1"].paragraph_format.space_before = Pt(18)
        styles["Heading 1"].paragraph_format.keep_with_next = True
        for name in ("Heading 2", "Heading 3", "Title", "Subtitle"):
            styles[name].paragraph_format.keep_with_next = True
        styles["List Bullet"].font.name = FONT

    # -- paragraphs ---------------------------------------------------------------------------
    def heading(self, expr: str, level: int = 1, mark: int = 0) -> None:
        """Add a heading whose text is a template expression; the mark-th chapter's heading sits inside the
        bookmark the contents point at."""
        paragraph = self.doc.add_heading("{{ " + expr + " }}", level)
        if mark:
            start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
            start.set(qn("w:id"), str(mark))
            start.set(qn("w:name"), _bookmark(mark))
            end.set(qn("w:id"), str(mark))
            paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
            paragraph._p.append(end)

    def para(
        self,
        text: str,
        style: str | None = None,
        bold: bool = False,
        size: float | None = None,
        colour: RGBColor | None = None,
        align: WD_ALIGN_PARAGRAPH | None = None,
    ) -> None:
        """Add a paragraph of template text."""
        paragraph = self.doc.add_paragraph(style=style)
        run = paragraph.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if colour:
            run.font.color.rgb = colour
        if align is not None:
            paragraph.alignment = align

    def bullets(self, list_expr: str, item: str = "x") -> None:
        """Add one bullet paragraph per item of a list."""
        self.doc.add_paragraph("{%p for " + item + " in " + list_expr + " %}")
        self.doc.add_paragraph("{{ " + item + " }}", style="List Bullet")
        self.doc.add_paragraph("{%p endfor %}")

    def page_break(self) -> None:
        """Add a page break."""
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- tables -------------------------------------------------------------------------------
    def fields(self, rows: Sequence[tuple[str, str]], label_width: float = 5.0, together: bool = False) -> None:
        """Add a two-column table of label / value expressions (kept on one page when together)."""
        table = self._table(len(rows), 2, [label_width, self.width - label_width])
        for row, (label, value) in zip(table.rows, rows, strict=True):
            self._cell(row.cells[0], "{{ " + label + " }}", bold=True, fill=BAND_FILL)
            self._cell(row.cells[1], "{{ " + value + " }}")
        if together:
            _keep_together(table)
        self.doc.add_paragraph()

    def table(
        self,
        columns: Sequence[Column],
        rows_expr: str,
        item: str = "r",
        size: float = 9.5,
        header: bool = True,
        footer: Sequence[str] | None = None,
        minimum: Sequence[float] = (),
    ) -> None:
        """Add a table with a repeating header row and one row per item of rows_expr; a column is never
        narrower than its minimum (cm: its header's longest word)."""
        widths = fitted_widths([c[2] for c in columns], minimum or [0.0] * len(columns), self.width)
        extra = 1 if footer else 0
        table = self._table(3 + (1 if header else 0) + extra, len(columns), widths)
        rows = list(table.rows)
        if header:
            self._header(rows.pop(0), [c[0] for c in columns], size)
        self._loop_row(rows[0], "{%tr for " + item + " in " + rows_expr + " %}")
        for cell, (_, expr, _) in zip(rows[1].cells, columns, strict=True):
            self._cell(cell, expr if expr.startswith("{%") else "{{ " + expr + " }}", size=size)
        self._loop_row(rows[2], "{%tr endfor %}")
        if footer:
            for cell, expr in zip(rows[3].cells, footer, strict=True):
                self._cell(cell, "{{ " + expr + " }}" if expr else "", size=size, bold=True, fill=BAND_FILL)
        self.doc.add_paragraph()

    def grid(self, cells: Sequence[Sequence[tuple[str, str, str]]]) -> None:
        """Add a grid of boxes, each with a title, a list (as bullets) and a fill colour."""
        columns = len(cells[0])
        table = self._table(len(cells), columns, [self.width / columns] * columns)
        for row, specs in zip(table.rows, cells, strict=True):
            for cell, (title, body, fill) in zip(row.cells, specs, strict=True):
                self._cell(cell, "{{ " + title + " }}", bold=True, fill=fill, colour=NAVY, size=11)
                paragraph = cell.add_paragraph()
                run = paragraph.add_run("{{ " + body + "|bullets }}")
                run.font.size = Pt(10)
        _keep_together(table)
        self.doc.add_paragraph()

    def _table(self, rows: int, cols: int, widths: Sequence[float]):  # type: ignore[no-untyped-def]
        """Return a bordered table with fixed column widths."""
        table = self.doc.add_table(rows=rows, cols=cols)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
            cant_split = OxmlElement("w:cantSplit")  # a row never breaks across pages
            row._tr.get_or_add_trPr().append(cant_split)
        _borders(table)
        return table

    def _header(self, row, labels: Sequence[str], size: float) -> None:  # type: ignore[no-untyped-def]
        """Style a header row and mark it to repeat on every page."""
        tr_pr = row._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        tr_pr.append(header)
        for cell, label in zip(row.cells, labels, strict=True):
            self._cell(
                cell,
                "{{ " + label + " }}" if label else "",
                bold=True,
                fill=HEADER_FILL,
                colour=WHITE,
                size=size,
            )

    def _loop_row(self, row, tag: str) -> None:  # type: ignore[no-untyped-def]
        """Put a docxtpl row tag in the first cell of a row."""
        row.cells[0].paragraphs[0].add_run(tag)

    def _cell(  # type: ignore[no-untyped-def]
        self,
        cell,
        text: str,
        bold: bool = False,
        fill: str | None = None,
        colour: RGBColor | None = None,
        size: float | None = None,
    ) -> None:
        """Write template text into a cell."""
        paragraph = cell.paragraphs[0]
        paragraph.paragraph_format.space_after = Pt(1)
        run = paragraph.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if colour:
            run.font.color.rgb = colour
        if fill:
            _fill(cell, fill)

    # -- page furniture -----------------------------------------------------------------------
    def title_page(self, title_expr: str, subtitle_expr: str, fields: Sequence[tuple[str, str]]) -> None:
        """Add the title page: title, subtitle, then the plan's identity fields."""
        self.doc.add_paragraph().add_run("{{ doc.logo }}")  # the seller's logo, when there is one
        for _ in range(4):
            self.doc.add_paragraph()
        self.para("{{ " + title_expr + " }}", style="Title")
        self.para("{{ " + subtitle_expr + " }}", style="Subtitle")
        self.doc.add_paragraph()
        self.fields(fields)

    def header_footer(self) -> None:
        """Add the running header (account, title) and footer (version, page X of Y)."""
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.add_run("{{ doc.header_logo }}")
        run = header.add_run("{{ doc.header }}")
        run.font.size, run.font.color.rgb = Pt(8.5), TEAL
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer.add_run("{{ doc.page_footer[0] }}").font.size = Pt(8.5)
        _field(footer, "PAGE", "1")
        footer.add_run("{{ doc.page_footer[1] }}").font.size = Pt(8.5)
        _field(footer, "NUMPAGES", "1")

    def toc(self, heading_expr: str, entries: Sequence[str]) -> None:
        """Add the contents: each chapter title, dot leaders and its page number, a PAGEREF field to the
        chapter heading's bookmark (LibreOffice numbers it as it lays out; Word when fields update on open)."""
        self.heading(heading_expr, 1)
        for mark, expr in enumerate(entries, 1):
            paragraph = self.doc.add_paragraph()
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                Cm(self.width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
            paragraph.add_run("{{ " + expr + " }}\t")
            _field(paragraph, f"PAGEREF {_bookmark(mark)} \\h", "", size=21)
        settings = self.doc.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)
        self.page_break()

    def save(self, path: Path) -> None:
        """Save the template with fixed document properties."""
        props = self.doc.core_properties
        props.author = props.last_modified_by = "accountplan"
        props.title = ""
        props.comments = ""
        self.doc.save(str(path))


def _bookmark(mark: int) -> str:
    """Return the name of the bookmark on the mark-th chapter heading."""
    return f"_Toc_ap_{mark}"


def _keep_together(table) -> None:  # type: ignore[no-untyped-def]
    """Keep a small table on one page: every paragraph but the last row's keeps with the next."""
    for row in list(table.rows)[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _fld_char(paragraph, kind: str) -> None:  # type: ignore[no-untyped-def]
    """Append a field character run (begin / separate / end)."""
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(element)


def _field(paragraph, code: str, shown: str, size: int = 17) -> None:  # type: ignore[no-untyped-def]
    """Append a simple field (PAGE, NUMPAGES, PAGEREF) to a paragraph; size in half-points."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {code} ")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    half_points = OxmlElement("w:sz")
    half_points.set(qn("w:val"), str(size))
    rpr.append(half_points)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _fill(cell, colour: str) -> None:  # type: ignore[no-untyped-def]
    """Shade a cell."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    tc_pr.append(shading)


def _borders(table) -> None:  # type: ignore[no-untyped-def]
    """Give a table thin light-grey borders."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", theme.TABLE_RULE)):
            element.set(qn(f"w:{key}"), value)
        borders.append(element)
    tbl_pr.append(borders)
