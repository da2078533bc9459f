"""Word tables fitted at render time: columns widened for their words, tall rows let break, short tables kept whole;
breaks in text made Word's as docxtpl makes them."""

from __future__ import annotations

import random
import re

import pytest

from generator.writers.docx import rows
from generator.writers.docx.elements import ROW_START, TABLE_START, each_element, element_spans
from generator.writers.docx.tables import fitted_tables


def test_a_body_without_tables_is_unchanged() -> None:
    body = "<w:p><w:r><w:t>Überblick</w:t></w:r></w:p>" * 3
    assert fitted_tables(body)[0] == body


RUNS = ["<w:p>", '<w:p w:rsidR="2">', "</w:p>", "<w:p/>", "<w:pPr><w:jc/></w:pPr>", "<w:r>", "<w:rPr><w:b/></w:rPr>"]
RUNS += ["</w:r>", "<w:t>", '<w:t xml:space="preserve">', "</w:t>", "a", "\t", "\n", "\a", "\f", "<w:tc>", "</w:tc>"]


@pytest.mark.parametrize("seed", range(300))
def test_breaks_in_text_are_resolved_as_docxtpl_resolves_them(seed: int) -> None:
    """Tabs, line and page breaks are made Word's exactly as docxtpl's walk over every paragraph makes them, though
    only the paragraphs holding one are looked at (text boxes and self-closing paragraphs take the walk)."""
    from docxtpl import DocxTemplate

    from generator.writers.docx.render import listed, prepared

    rng = random.Random(seed)
    pieces = RUNS + (['<w:p w:rsidR="3"/>', "<w:txbxContent>"] if seed % 3 == 0 else [])
    xml = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
    assert (listed(xml, []) is None) == (seed % 3 == 0 and ('"3"/>' in xml or "txbx" in xml))
    assert prepared("simple-account-plan").resolve_listing(xml) == DocxTemplate.resolve_listing(None, xml)


LISTED = [*RUNS, "<w:r/>", '<w:r w:rsidR="1">', "<w:rPr>", "</w:rPr>", "<w:pPr>", "</w:pPr>", "<w:tab/>", "<w:p"]
LISTED += ["<w:r ", "<w:t", "<w:t ", ">", "<w:pStyle/>", "<w:tbl>", "\t\n", "Ж"]


@pytest.mark.parametrize("seed", range(500))
def test_breaks_made_words_by_find_are_what_docxtpls_expressions_make(seed: int) -> None:
    """Resolving breaks with str.find gives docxtpl's own substitutions' XML, for any mix of paragraphs, runs and
    texts, their properties, tags that only begin like them, unclosed and self-closing elements."""
    from docxtpl import DocxTemplate

    from generator.writers.docx.listing import resolved

    rng = random.Random(seed)
    xml = "".join(rng.choice(LISTED) for _ in range(rng.randint(0, 80)))
    assert resolved(xml) == DocxTemplate.resolve_listing(None, xml)


@pytest.mark.parametrize("seed", range(100))
def test_a_table_left_alone_at_a_glance_is_one_measuring_each_cell_leaves_alone(seed: int) -> None:
    """The whole-table look (is any word wider than the narrowest column?) widens exactly the tables that measuring
    every cell widens, runs of one cell joined as one text (Groß + artig is one word)."""
    from generator.writers.docx import tables

    rng = random.Random(seed)
    words = ["a", "Wahrscheinlichkeit", "Groß", "artig", "Befürworter*in", "x y", "Представлено", ""]
    columns = rng.randint(2, 4)
    grid = [rng.choice((600, 1200, 2400, 4000)) for _ in range(columns)]

    def cell() -> str:
        runs = "".join(f"<w:r><w:t>{rng.choice(words)}</w:t></w:r>" for _ in range(rng.randint(0, 3)))
        return f'<w:tc><w:tcPr><w:tcW w:w="1"/></w:tcPr><w:p>{runs}</w:p></w:tc>'

    rows = "".join(f"<w:tr>{''.join(cell() for _ in range(columns))}</w:tr>" for _ in range(rng.randint(1, 4)))
    columns_xml = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    table = f"<w:tbl><w:tblGrid>{columns_xml}</w:tblGrid>{rows}</w:tbl>"
    glanced = tables._widen(table)
    assert glanced == tables._widen(table, "W" * 10_000)  # a text no column holds: every cell measured


def _grid(table: str) -> list[int]:
    """Return a table's column widths (twips)."""
    return [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', table)]


def test_when_not_every_word_fits_only_the_columns_of_the_longest_words_give_way() -> None:
    """Abgebrochen stays whole in a narrow status column; the text and note columns, whose
    Ländergeschäftsführungen cannot fit with the rest, are the ones that break their longest word."""
    from generator.writers.docx.rows import ROW_POINTS
    from generator.writers.docx.tables import CELL_MARGINS, _widen
    from generator.writers.textfit import BOLD, text_width

    def cell(text: str) -> str:
        return f'<w:tc><w:tcPr><w:tcW w:w="1"/></w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>'

    def need(word: str) -> float:
        return text_width(word, ROW_POINTS * BOLD) * 20 + CELL_MARGINS

    long = "Ländergeschäftsführungen"
    head = "".join(cell(h) for h in ("Schritt", "Text", "Hinweis", "Status"))
    body = "".join(cell(t) for t in ("Kurz", long, long, "Abgebrochen"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in (1500, 1750, 1750, 1000))
    rows = f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{head}</w:tr><w:tr>{body}</w:tr>"
    widths = _grid(_widen(f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"))
    assert need(long) * 2 + need("Abgebrochen") > 6000  # not every word can fit
    assert abs(sum(widths) - 6000) < len(widths) and widths[3] >= need("Abgebrochen") - 1
    assert widths[1] < need(long) and widths[2] < need(long)


def test_a_column_of_photos_keeps_room_for_the_whole_photo() -> None:
    """A team table whose text columns want more room than the page has still shows each 20 mm photo whole: a
    picture's width is its column's need, as a word's is (the German one-page plan clipped them)."""
    from generator.writers.docx.tables import CELL_MARGINS

    photo = '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="720000" cy="720000"/></wp:inline></w:drawing></w:r></w:p>'
    words = "Rahmenvertragsverlängerungsverhandlungen Geschäftsführungsentscheidungen"

    def cell(body: str) -> str:
        return f'<w:tc><w:tcPr><w:tcW w:w="1"/></w:tcPr>{body}</w:tc>'

    def text(value: str) -> str:
        return f"<w:p><w:r><w:t>{value}</w:t></w:r></w:p>"

    head = "".join(cell(text(h)) for h in ("Foto", "Name", "Funktion", "Rolle"))
    body = cell(photo) + "".join(cell(text(t)) for t in ("Member 0", words, words))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in (1400, 1400, 3400, 3400))
    rows = f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{head}</w:tr><w:tr>{body}</w:tr>"
    fitted, _ = fitted_tables(f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>")
    widths = _grid(fitted)
    assert widths != [1400, 1400, 3400, 3400]  # the words made the columns move
    assert widths[0] >= 720000 / 635 + CELL_MARGINS - 1  # EMU to twips, with the cell's margins


@pytest.mark.parametrize("seed", range(300))
def test_tables_fitted_one_by_one_are_the_body_fitted_whole(seed: int) -> None:
    """Each table is widened and its very tall rows released in one look at its cells' text (rows looked into only
    when their text could fill a page), and its grid checked on the way: the same body, and the same answer, as
    widening every table, then releasing every row of the body, then keeping each short table on one page, then
    checking every grid; whatever the header
    rows, runs, spans, missing or extra cells, cells written with attributes and type sizes."""
    from generator.writers.docx import tables
    from generator.writers.docx.textbody import grids_fit

    rng = random.Random(seed)
    words = ["Wahrscheinlichkeit", "x", "Представлено", "Ländergeschäftsführungen " * 30, "a b c " * 40, "R&amp;D", ""]
    words += ["w:gridSpan"] if seed % 10 == 0 else []  # a text may say what markup says

    def cell(width: int) -> str:
        runs = "".join(
            f"<w:r><w:t>{rng.choice(words) * rng.randint(0, 2)}</w:t></w:r>" for _ in range(rng.randint(0, 3))
        )
        size = f'<w:rPr><w:sz w:val="{rng.choice((15, 19, 20))}"/></w:rPr>' if rng.random() < 0.3 else ""
        opening = '<w:tc w:id="1">' if rng.random() < 0.03 else "<w:tc>"
        span = '<w:gridSpan w:val="2"/>' if rng.random() < 0.03 else ""
        return f'{opening}<w:tcPr><w:tcW w:w="{width}"/>{span}</w:tcPr><w:p>{size}{runs}</w:p></w:tc>'

    def row(grid: list[int], head: bool) -> str:
        kept = "<w:cantSplit/>" if rng.random() < 0.7 else ""
        header = "<w:tblHeader/>" if head else ""
        cells = len(grid) + rng.choice((0, 0, 0, 0, 1, -1))  # now and then a cell too many or too few
        return f"<w:tr><w:trPr>{kept}{header}</w:trPr>{''.join(cell(grid[0]) for _ in range(cells))}</w:tr>"

    def table() -> str:
        grid = [rng.choice((300, 600, 1200, 2400)) for _ in range(rng.randint(1, 4))]
        rows = "".join(row(grid, number == 0 and rng.random() < 0.5) for number in range(rng.randint(0, 4)))
        columns = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
        return f"<w:tbl><w:tblGrid>{columns}</w:tblGrid>{rows}</w:tbl>"

    def texts(table: str) -> list[list[str]] | None:
        cells = tables._Cells.of(table)
        return None if cells is None else cells.rows

    body = "".join(rng.choice((table, lambda: "<w:p><w:r><w:t>between</w:t></w:r></w:p>"))() for _ in range(6))
    widened = each_element(body, TABLE_START, "</w:tbl>", tables._widen)
    released = each_element(widened, ROW_START, "</w:tr>", rows.release_tall_row)
    whole = each_element(released, TABLE_START, "</w:tbl>", lambda t: tables._kept(t, t.count("</w:tr>"), texts(t)))
    assert tables.fitted_tables(body) == (whole, grids_fit(whole))


@pytest.mark.parametrize("seed", range(100))
def test_a_tables_text_read_in_one_look_is_its_elements_text(seed: int) -> None:
    """Reading a table's cells from its closing tags gives each row's cells' text and length as walking its row
    and cell elements does: runs with and without attributes, empty runs, cells and rows with properties."""
    from generator.writers.docx import tables

    rng = random.Random(seed)
    texts = ["", "a", "Groß", "x y", "Представлено", "&amp;", "1 000 €"]

    def run() -> str:
        opening = rng.choice(("<w:t>", '<w:t xml:space="preserve">'))
        return f'<w:r><w:rPr><w:sz w:val="20"/></w:rPr>{opening}{rng.choice(texts)}</w:t></w:r>'

    def cell() -> str:
        paragraphs = "".join(f"<w:p>{''.join(run() for _ in range(rng.randint(0, 3)))}</w:p>" for _ in range(2))
        return f'<w:tc><w:tcPr><w:tcW w:w="1"/></w:tcPr>{paragraphs}</w:tc>'

    def row() -> str:
        opening = rng.choice(("<w:tr>", '<w:tr w:rsidR="00A1">'))
        return f"{opening}<w:trPr><w:cantSplit/></w:trPr>{''.join(cell() for _ in range(rng.randint(1, 4)))}</w:tr>"

    table = f'<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>{"".join(row() for _ in range(3))}</w:tbl>'
    read, walked = tables._Cells.of(table), tables._Cells.walked(table)
    assert read is not None
    assert (read.rows, read.lengths) == (walked.rows, walked.lengths)
    rows = element_spans(table, ROW_START, "</w:tr>")  # where the rows lie, as every row is looked for
    chosen = sorted(rng.sample(range(3), rng.randint(0, 3)))
    assert read.spans(table, chosen) == walked.spans(table, chosen) == [rows[i] for i in chosen]


_CELL_WIDTH = re.compile(r'<w:tcW[^>]*? w:w="(\d+)"')  # the expressions the hand-written looks stand for
_GRID = re.compile(r"<w:tblGrid>.*?</w:tblGrid>", re.S)
WIDTHS = ['<w:tcW w:w="120" w:type="dxa"/>', '<w:tcW w:type="dxa" w:w="3"/>', '<w:tcW w:w="auto"/>', "<w:tcW/>"]
WIDTHS += ['<w:tcW w:x="12" w:w="12"/>', "<w:tc>", "</w:tc>", "<w:p>x</w:p>", '<w:gridCol w:w="5"/>']
WIDTHS += ['<w:tcW w:w="x" w:w="45"/>', '<w:tcW w:w=""/>', '<w:tcW w:w="7', '<w:tcW> w:w="8"', '<w:tcW w:w="٣"/>']


@pytest.mark.parametrize("seed", range(200))
def test_cell_widths_are_set_where_the_cell_width_expression_finds_them(seed: int) -> None:
    """Each row's cells take the new widths in order, each where the width expression matches (a width written
    otherwise, or a cell past the new widths, is left as it was), as a substitution with that expression row by
    row sets them; the grid takes the new widths too."""
    from generator.writers.docx.tables import _with_widths

    rng = random.Random(seed)
    rows = ["<w:tr>" + "".join(rng.choice(WIDTHS) for _ in range(rng.randint(0, 12))) + "</w:tr>" for _ in range(4)]
    rows = rows[: rng.randint(0, 4)]
    new = [rng.randint(100, 9000) for _ in range(rng.randint(0, 6))]
    grid = '<w:tblGrid><w:gridCol w:w="5"/></w:tblGrid>'
    table = f"<w:tbl>{grid}{'<w:p/>'.join(rows)}</w:tbl>"

    def expected(row: str) -> str:
        given = iter(str(w) for w in new)
        return _CELL_WIDTH.sub(lambda m: m[0].replace(m[1], next(given, m[1])), row)

    regridded = _GRID.sub("<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in new) + "</w:tblGrid>", grid)
    assert _with_widths(table, new) == f"<w:tbl>{regridded}{'<w:p/>'.join(map(expected, rows))}</w:tbl>"


GRIDS = ["<w:tblGrid>", "</w:tblGrid>", '<w:gridCol w:w="5"/>', "<w:tr>", "x", "<w:tblGrid/>", "\n"]


@pytest.mark.parametrize("seed", range(100))
def test_a_grid_is_replaced_where_the_grid_expression_finds_it(seed: int) -> None:
    """Every grid (opened, and closed after) is replaced as a substitution with the grid expression replaces it,
    however many grids or unclosed openings the text holds."""
    from generator.writers.docx.tables import _regrid

    rng = random.Random(seed)
    table = "".join(rng.choice(GRIDS) for _ in range(rng.randint(0, 12)))
    assert _regrid(table, "<new/>") == _GRID.sub("<new/>", table)


@pytest.mark.parametrize("seed", range(100))
def test_a_table_is_set_in_its_largest_run_size(seed: int) -> None:
    """A table's type size is the largest of its runs' (10 pt when none gives one), however its sizes are mixed."""
    from generator.writers.docx.rows import ROW_POINTS
    from generator.writers.docx.tables import _size

    rng = random.Random(seed)
    sizes = [rng.choice(("16", "18", "20", "160", "x")) for _ in range(rng.randint(0, 6))]
    table = "<w:tbl>" + "".join(f'<w:r><w:rPr><w:sz w:val="{s}"/></w:rPr></w:r>' for s in sizes) + "</w:tbl>"
    given = [int(s) / 2 for s in sizes if s.isdigit()]
    assert _size(table) == (max(given) if given else ROW_POINTS)


def _table_of(rows: list[str]) -> str:
    """Return a two-column table of these rows (each a row's cells' XML)."""
    grid = '<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>'
    return f"<w:tbl><w:tblPr/>{grid}{''.join(f'<w:tr><w:trPr><w:cantSplit/></w:trPr>{r}</w:tr>' for r in rows)}</w:tbl>"


def _kept_paragraphs(table: str) -> list[list[bool | None]]:
    """Return, row by row, whether each paragraph keeps with the next: True when keepNext is its properties'
    first child (or second, after its style, as the schema orders them), None when it is elsewhere, else False."""
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    parsed = etree.fromstring(f'<w:body xmlns:w="{w}">{table}</w:body>')
    found = []
    for row in parsed.iter(f"{{{w}}}tr"):
        marks: list[bool | None] = []
        for paragraph in row.iter(f"{{{w}}}p"):
            properties = paragraph.find(f"{{{w}}}pPr")
            children = [c.tag.split("}")[1] for c in ([] if properties is None else properties)]
            if "keepNext" not in children:
                marks.append(False)
            else:
                marks.append(True if children.index("keepNext") == children.count("pStyle") else None)
        found.append(marks)
    return found


def test_a_short_table_is_kept_on_one_page_a_long_or_tall_one_breaks() -> None:
    """A table of a few short rows moves whole to the next page rather than leave its first rows behind: every
    paragraph of its rows but the last keeps with the next (set where the schema puts it, whatever properties the
    paragraph has or lacks); a table of many rows, or of rows tall enough, breaks as before, and a table whose
    template sets keeping itself, or which holds pictures (their height is not in its text), is left as it is."""
    cell = '<w:tc><w:tcPr><w:tcW w:w="3000"/></w:tcPr>{}</w:tc>'
    styled = '<w:p><w:pPr><w:pStyle w:val="Bullet"/><w:spacing w:after="20"/></w:pPr><w:r><w:t>a</w:t></w:r></w:p>'
    spaced = '<w:p><w:pPr><w:spacing w:after="20"/></w:pPr><w:r><w:t>Quarterly</w:t></w:r></w:p>'
    forms = [styled, spaced, "<w:p><w:r><w:t>b</w:t></w:r></w:p>", "<w:p/>", "<w:p><w:pPr/></w:p>"]
    short = _table_of([cell.format(form) + cell.format(spaced) for form in forms])
    assert _kept_paragraphs(fitted_tables(short)[0]) == [[True, True]] * 4 + [[False, False]]
    many = _table_of([cell.format(spaced) * 2] * 25)
    tall = _table_of([cell.format(spaced.replace("Quarterly", "Wahrscheinlichkeit " * 60)) * 2] * 3)
    own = _table_of([cell.format(spaced.replace("<w:spacing", '<w:keepNext w:val="0"/><w:spacing')) * 2] * 3)
    photo = '<w:r><w:drawing><wp:inline><wp:extent cx="900000" cy="1200000"/></wp:inline></w:drawing></w:r>'
    pictured = _table_of([cell.format(spaced.replace("<w:r>", photo + "<w:r>")) * 2] * 3)  # its text not its height
    for table in (many, tall, own, pictured):
        assert fitted_tables(table)[0] == table


PARAGRAPHS = [
    "<w:p><w:r><w:t>a</w:t></w:r></w:p>",
    "<w:p/>",
    '<w:p w:rsidR="00A1"/>',
    '<w:p w:rsidR="00A1"><w:r><w:t>b</w:t></w:r></w:p>',
    "<w:p><w:pPr/><w:r><w:t>c</w:t></w:r></w:p>",
    '<w:p><w:pPr><w:spacing w:after="20"/></w:pPr></w:p>',
    '<w:p><w:pPr><w:pStyle w:val="B"/><w:jc w:val="left"/></w:pPr></w:p>',
    '<w:p><w:pPr><w:pStyle w:val="B"></w:pStyle></w:pPr></w:p>',
    '<w:p><w:pPr><w:keepNext w:val="0"/></w:pPr></w:p>',
    '<w:p><w:pPr><w:pStyle w:val="B"/><w:keepNext/></w:pPr></w:p>',
    "<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:pict/><w:t>d</w:t></w:r><w:proofErr/></w:p>",
]


@pytest.mark.parametrize("seed", range(100))
def test_every_paragraph_kept_says_so_once_where_the_schema_puts_it(seed: int) -> None:
    """Keeping paragraphs with the next gives each exactly one keep-with-next, first in its properties or right
    after its style, whatever it had (no properties, empty ones, a style, a keep of its own, attributes, an empty
    paragraph), and changes nothing else."""
    from lxml import etree

    from generator.writers.docx.kept import keeping

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    rng = random.Random(seed)
    forms = PARAGRAPHS if seed % 2 else [p for p in PARAGRAPHS if not any(m in p for m in ("Style", "keep", "w:p "))]
    xml = "".join(rng.choice(forms) for _ in range(rng.randint(0, 8)))  # half of them: none that must be walked
    given, kept = (etree.fromstring(f'<w:tc xmlns:w="{w}">{x}</w:tc>') for x in (xml, keeping(xml)))
    assert len(given) == len(kept)
    for before, after in zip(given, kept, strict=True):
        properties = after.find(f"{{{w}}}pPr")
        assert properties is not None
        names = [child.tag.split("}")[1] for child in properties]
        assert names.count("keepNext") == 1 and names.index("keepNext") == names.count("pStyle")
        own = before.find(f"{{{w}}}pPr")
        if own is not None and own.find(f"{{{w}}}keepNext") is None:
            own.insert(len(own.findall(f"{{{w}}}pStyle")), etree.Element(f"{{{w}}}keepNext"))
        elif own is None:
            before.insert(0, etree.fromstring(f'<w:pPr xmlns:w="{w}"><w:keepNext/></w:pPr>'))
        assert etree.tostring(before) == etree.tostring(after)


@pytest.mark.parametrize("possible", [None, frozenset()])
def test_a_cell_whose_text_says_gridspan_is_widened_as_any_other(possible: frozenset[str] | None) -> None:
    """A value that says w:gridSpan is text, not a span: its table's columns still widen for their words."""

    def table(text: str) -> str:
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}"/></w:tcPr><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>'
            for w, t in ((600, "Wahrscheinlichkeit"), (4000, text))
        )
        grid = '<w:tblGrid><w:gridCol w:w="600"/><w:gridCol w:w="4000"/></w:tblGrid>'
        return f"<w:tbl>{grid}<w:tr>{cells}</w:tr></w:tbl>"

    plain, saying = fitted_tables(table("x"), possible)[0], fitted_tables(table("w:gridSpan"), possible)[0]
    assert _grid(plain) != [600, 4000]
    assert _grid(saying) == _grid(plain)


def test_cells_are_on_their_grid_only_when_each_column_has_one_as_wide_as_it() -> None:
    """A template's long rows are measured in its grid's widths only when its rows' cells are its columns."""
    from generator.writers.docx.grids import cells_on_grid

    def table(*widths: str, grid: tuple[int, ...] = (600, 4000), opening: str = "<w:tc>") -> str:
        cells = "".join(f'{opening}<w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p/></w:tc>' for w in widths)
        columns = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
        return f"<w:p/><w:tbl><w:tblGrid>{columns}</w:tblGrid><w:tr>{cells}</w:tr><w:tr>{cells}</w:tr></w:tbl>"

    assert cells_on_grid(table("600", "4000")) and cells_on_grid("<w:p/>")
    assert not cells_on_grid(table("600", "4001"))  # a cell wider than its column
    assert not cells_on_grid(table("600"))  # a column without its cell
    assert not cells_on_grid(table("600", "4000", "10"))  # a cell too many
    assert not cells_on_grid(table("600", "{{ w }}"))  # a width the data gives
    assert not cells_on_grid(table("600", "4000", opening='<w:tc w:id="1">'))
    assert not cells_on_grid(table("600", "4000") + table("600", "4000", grid=(600, 3000)))


@pytest.mark.parametrize("seed", range(40))
def test_a_grid_s_cells_take_their_new_widths_in_turn_as_each_row_s_cells_are_set(seed: int) -> None:
    """Cells known to be on their grid are given new widths by splitting the table at each width, as looking for
    each row's cells gives them; a cell whose width is not its column's is left to that look."""
    from generator.writers.docx.grids import grid_widths
    from generator.writers.docx.tables import _with_widths

    rng = random.Random(seed)
    cell = '<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    texts = ["", "a", 'w:w="3000"', "&lt;w:tcW w:w=&#34;3000&#34;/&gt;"]
    rows = [cell.format(rng.choice(texts)) + cell.format(rng.choice(texts)) for _ in range(rng.randint(0, 4))]
    table = _table_of(rows)
    if rows and rng.random() < 0.3:  # a cell off its grid: the look row by row sets it
        table = table.replace('w:w="3000" w:type', 'w:w="2999" w:type', 1)
    new = [rng.randint(1, 6000), rng.randint(1, 6000)]
    assert _with_widths(table, new, grid_widths(table)) == _with_widths(table, new)
