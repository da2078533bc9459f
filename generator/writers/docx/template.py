"""Document -> a docxtpl template: the house-style .docx whose tags name the parts of that family's document.

The bundled templates are drawn from each family's blank document (office_templates/build_templates.py), so
a template and the document model cannot drift; a person may restyle them in Word as long as the tags stay.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.document.blocks import (
    Block,
    Boxes,
    Bullets,
    Cards,
    Fields,
    Format,
    Kind,
    Paragraph,
    Part,
    Section,
    Table,
    Tiles,
)
from generator.document.blocks import Document as Doc
from generator.document.people import Matrix
from generator.writers.docx import paths
from generator.writers.docx.house import NAVY, DocBuilder
from generator.writers.textfit import BOLD, widest

WIDE = 8
CELL_MARGINS, SHORT_HEADER = 0.45, 12  # Word's cell margins, left and right, in cm; a header kept on one line
MATRIX_ROWS = (("influencers", "champions"), ("others", "users"))


def table_size(columns: int) -> float:
    """Return the type size of a table: smaller as it gets wider."""
    return 9.5 if columns <= 5 else 9 if columns <= 7 else 8.5


def header_width(label: str, size: float) -> float:
    """Return the width (cm) a column needs so the longest word of its bold header is never broken (a short
    header, like 'Rel. (1–5)', stays on one line)."""
    words = [label] if len(label) <= SHORT_HEADER else label.split()
    longest = widest(words, size * BOLD)
    return longest / 72 * 2.54 + CELL_MARGINS


def draw(document: Doc, translations: Sequence[Doc] = ()) -> DocBuilder:
    """Return the template of a document's Word part; a table column is as wide as its header needs in the
    document and in each translation of it (one template serves every language)."""
    part = document.part(Format.DOCX)
    minimums = _header_minimums((document, *translations))
    tables = [b for s in part.sections for b in s.blocks if isinstance(b, Table)]
    b = DocBuilder(landscape=any(len(t.columns) > WIDE for t in tables))
    _cover(b, part)
    chapters = [s.key for s in _chapters(part)] if _has_contents(part) else []
    for section in part.sections:
        mark = chapters.index(section.key) + 1 if section.key in chapters else 0
        b.heading(paths.section(section.key) + ".title", section.level, mark)
        for index, block in enumerate(section.blocks):
            _block(b, section, paths.block(section.key, index), block, minimums)
    return b


def _header_minimums(documents: Sequence[Doc]) -> dict[str, list[float]]:
    """Return, per table path, each column's width for its widest header across the documents' languages."""
    minimums: dict[str, list[float]] = {}
    for document in documents:
        for section in document.part(Format.DOCX).sections:
            for index, block in enumerate(section.blocks):
                if isinstance(block, Table):
                    size = table_size(len(block.columns))
                    widths = [header_width(c.label, size) for c in block.columns]
                    seen = minimums.setdefault(paths.block(section.key, index), widths)
                    minimums[paths.block(section.key, index)] = [max(a, b) for a, b in zip(seen, widths, strict=True)]
    return minimums


def _cover(b: DocBuilder, part: Part) -> None:
    """Draw the title page (with contents) or the title lines, and the running header and footer."""
    cover = part.cover
    assert cover is not None, "a Word part needs a cover"
    rows = _field_rows("cover.f", cover.fields)
    if cover.page:
        b.title_page("cover.title", "cover.subtitle[0]", rows)
        b.page_break()
        if cover.contents:
            b.toc("cover.contents", [paths.section(s.key) + ".title" for s in _chapters(part)])
        b.header_footer()
        return
    b.doc.add_paragraph("{%p if doc.logo %}")  # the seller's logo above the title, only when there is one
    b.doc.add_paragraph().add_run("{{ doc.logo }}")
    b.doc.add_paragraph("{%p endif %}")
    b.para("{{ cover.title }}", style="Title")
    b.para("{{ cover.subtitle[0] }}", style="Subtitle")
    b.header_footer()
    b.doc.sections[0].different_first_page_header_footer = False
    if rows:
        b.fields(rows)


def _chapters(part: Part) -> list[Section]:
    """Return the chapters the contents list (and whose headings carry its bookmarks 1, 2, ...)."""
    return [s for s in part.sections if s.level == 1]


def _has_contents(part: Part) -> bool:
    """Return True when the part opens with a contents page."""
    return part.cover is not None and part.cover.page and bool(part.cover.contents)


def _field_rows(path: str, fields: Fields) -> list[tuple[str, str]]:
    """Return (label, value) expressions of fields; a list value is shown as bullets."""
    rows = []
    for field in fields.fields:
        value = f"{path}.{paths.check(field.key)}.value"
        rows.append((f"{path}.{field.key}.label", value + ("|bullets" if field.kind is Kind.BULLETS else "")))
    return rows


def _block(b: DocBuilder, section: Section, path: str, block: Block, minimums: dict[str, list[float]]) -> None:
    """Draw one block."""
    if isinstance(block, Paragraph):
        b.para("{{ " + path + ".text }}", size=9 if block.small else None)
    elif isinstance(block, Fields):
        b.fields(_field_rows(path + ".f", block))
    elif isinstance(block, Bullets):
        b.bullets(path + ".lines")
    elif isinstance(block, Tiles):
        columns = [(f"{path}.tiles[{i}].label", f"x.tiles[{i}].full", 1.0) for i in range(len(block.tiles))]
        b.table(columns, f"[{path}]", item="x", size=table_size(len(columns)))
    elif isinstance(block, Table):
        _table(b, section, path, block, minimums[path])
    elif isinstance(block, Boxes):
        cells = [
            (f"{path}.boxes[{i}].title", f"{path}.boxes[{i}].lines", box.fill) for i, box in enumerate(block.boxes)
        ]
        b.grid([cells[:2], cells[2:]] if len(cells) == 4 else [cells])
    elif isinstance(block, Matrix):
        b.grid(
            [
                [(f"{path}.q.{k}.title", f"{path}.q.{k}.names", block.quadrant(k).fill) for k in row]
                for row in MATRIX_ROWS
            ]
        )
        b.para("{{ " + path + ".caption }}", size=9)
    elif isinstance(block, Cards):
        _cards(b, section, path, block)
    else:
        raise TypeError(f"a Word document cannot show a {type(block).__name__}")


def _table(b: DocBuilder, section: Section, path: str, table: Table, minimum: list[float]) -> None:
    """Draw a table with its header, one row per record, its total row; grouped tables once per group."""
    columns = [
        (f"{path}.head.{paths.check(c.key)}" if c.label else "", paths.cell("r", c), c.weight) for c in table.columns
    ]
    footer = None
    if table.total is not None:
        keys = {k for k, _ in table.total.cells}
        footer = [f"{path}.total.{c.key}" if c.key in keys else "" for c in table.columns]
    size = table_size(len(columns))
    if not table.groups:
        b.table(columns, f"{path}.rows", size=size, footer=footer, minimum=minimum)
        return
    b.doc.add_paragraph("{%p for g in " + path + ".groups %}")
    b.heading("g.title", section.level + 1)
    b.table(columns, "g.rows", size=size, footer=footer, minimum=minimum)
    b.doc.add_paragraph("{%p endfor %}")


def _cards(b: DocBuilder, section: Section, path: str, cards: Cards) -> None:
    """Draw cards in titled groups: a heading per group, a bold title and fields per card."""
    sample = next(card for _, group in cards.groups for card in group)
    b.doc.add_paragraph("{%p for g in " + path + ".groups %}")
    b.heading("g.title", section.level)
    b.doc.add_paragraph("{%p for c in g.cards %}")
    b.para("{{ c.title }}", bold=True, colour=NAVY)
    b.doc.paragraphs[-1].paragraph_format.keep_with_next = True  # a card's name stays with its fields
    b.fields(_field_rows("c.f", sample.fields), together=True)
    b.doc.add_paragraph("{%p endfor %}")
    b.doc.add_paragraph("{%p endfor %}")
