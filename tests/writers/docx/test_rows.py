"""Rendered Word table rows: a long row's height settled by bounds as measuring decides it; its cells' widths read
in one look as counting and finding them reads them."""

from __future__ import annotations

import itertools
import random

import pytest

from generator.writers.docx import rows, tables
from tests.writers.docx.test_tables import WIDTHS


def test_a_long_rows_height_settled_by_bounds_is_the_one_measured() -> None:
    """A long row is kept on one page or let break as measuring its paragraphs decides, when bounds on its lines
    settle it without reading its text again: rows growing a word at a time through a page's height (40 lines),
    of one to three paragraphs, beside a short cell or not, in three widths, both ways, settled or measured."""

    def row(width: int, paragraphs: int, words: int, beside: bool) -> str:
        text = "".join(("Wahrscheinlichkeit ", "Представлено ", "R&amp;D ", "x ")[n % 4] for n in range(words))
        cell = f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        short = f"{cell}<w:p><w:r><w:t>kurz</w:t></w:r></w:p></w:tc>" if beside else ""
        long = f"{cell}{f'<w:p><w:r><w:t>{text}</w:t></w:r></w:p>' * paragraphs}</w:tc>"
        return f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{short}{long}</w:tr>"

    decided = []
    for width, paragraphs, beside in itertools.product((2400, 4800, 9600), (1, 2, 3, 6), (False, True)):
        for words in itertools.count(1):
            found = row(width, paragraphs, words, beside)
            read = tables._Cells.of(f"<w:tbl>{found}</w:tbl>")
            assert read is not None
            height = rows.row_height(found)
            if read.lengths[0] >= rows.SHORT_ROW and height >= 400:
                released = rows.release_tall_row(found, read.rows[0])
                grid = [width] * len(read.rows[0])  # the row's cells on its grid: the same answer, widths not read
                assert rows.settled_tall(found, read.rows[0], grid) == rows.settled_tall(found, read.rows[0])
                assert released == rows.release_tall_row(found), (width, paragraphs, words, beside)
                decided.append((released != found, rows.settled_tall(found, read.rows[0]) is not None))
            if height > 560:
                break
    assert set(decided) == {(True, True), (False, True), (True, False), (False, False)}  # each way, bounds or not


@pytest.mark.parametrize("seed", range(200))
def test_a_rows_cell_widths_read_in_one_look_are_the_ones_counted_and_found(seed: int) -> None:
    """A row's cell widths, read in one look, are there exactly when it has as many <w:tcW as cells and each
    holds a width (its count, then its first widths, looked at apart), and are those widths."""
    from generator.writers.docx.rows import CELL_WIDTH_START, cell_widths, every_cell_width

    rng = random.Random(seed)
    row = "<w:tr>" + "".join(rng.choice(WIDTHS[:5] * 3 + WIDTHS[5:]) for _ in range(rng.randint(0, 8))) + "</w:tr>"
    found = every_cell_width(row)
    for cells in range(9):
        first = cell_widths(row, 0, len(row), cells)
        apart = row.count(CELL_WIDTH_START) == cells and len(first) == cells
        assert (found is not None and len(found) == cells) == apart
        assert not apart or found == first
