"""What a bundled template's tables hold, read once when it is compiled: every table rendered from it finds its
template table's type sizes and paragraphs by its opening, and they are what counting them in the table gives."""

from __future__ import annotations

import pytest

import generator as lib
from generator.families import FAMILIES
from generator.model.plan import AccountPlan
from generator.writers.docx import render, tables
from generator.writers.docx.elements import ROW_START, TABLE_START, elements
from generator.writers.docx.facts import Facts, opening, size_of, table_facts
from generator.writers.docx.rows import ROW_POINTS

VIEWS = [name for name, family in FAMILIES.items() if "docx" in family.formats]


def _bodies(
    plans: list[AccountPlan], family: str, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[str, dict[str, Facts]]]:
    """Return the bodies rendered from a family's bundled template for plans, before fitting, with its facts."""
    seen: list[tuple[str, dict[str, Facts]]] = []

    def fitted(
        xml: str, possible: frozenset[str] | None = None, facts: dict[str, Facts] | None = None
    ) -> tuple[str, bool]:
        seen.append((xml, facts or {}))
        return tables.fitted_tables(xml, possible, facts)

    monkeypatch.setattr(render, "fitted_tables", fitted)
    for plan in plans:
        lib.render(plan, family, "docx")
    return seen


@pytest.mark.parametrize("family", VIEWS)
def test_a_rendered_table_s_sizes_and_paragraphs_are_its_template_table_s(
    example: AccountPlan, blank: AccountPlan, stress: AccountPlan, family: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table of the example, blank and stress bodies known by its opening has the largest type size counted in it,
    says nothing of keeping when its template's table does not, and each row of one known to hold a paragraph a cell
    holds as many as it has cells (every table is known)."""
    sized = single = 0
    for xml, facts in _bodies([example, blank, stress], family, monkeypatch):
        for table in elements(xml, TABLE_START, "</w:tbl>"):
            known = facts[opening(table)]
            if known.sizes is not None:
                assert size_of(table, known) == tables._size(table)
                sized += 1
            assert known.keeps or "<w:keepNext" not in table
            if known.single:
                assert all(r.count("</w:p>") == r.count("</w:tc>") for r in elements(table, ROW_START, "</w:tr>"))
                single += 1
    assert sized and single


def _table(grid: str, *rows: str) -> str:
    """Return a template table of a grid and rows."""
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _row(*cells: str) -> str:
    """Return a row of cells, each holding the paragraphs given."""
    return "<w:tr>" + "".join(f"<w:tc>{cell}</w:tc>" for cell in cells) + "</w:tr>"


def _paragraph(size: str) -> str:
    """Return a paragraph of one run in a type size (half points)."""
    return f'<w:p><w:r><w:rPr><w:sz w:val="{size}"/></w:rPr><w:t>x</w:t></w:r></w:p>'


def test_a_template_table_s_facts_are_its_sizes_largest_first_and_its_paragraphs() -> None:
    source = _table('<w:gridCol w:w="9"/>', _row(_paragraph("9") + _paragraph("19")), _row(_paragraph("17")))
    facts = table_facts(source)[opening(source)]
    assert facts.sizes == ('<w:sz w:val="19"', '<w:sz w:val="17"', '<w:sz w:val="9"') and not facts.single
    assert not facts.keeps and table_facts(source.replace("<w:p>", "<w:p><w:pPr><w:keepNext/></w:pPr>"))
    rendered = _table('<w:gridCol w:w="9"/>', _row(_paragraph("17")))  # a loop left the first row out
    assert size_of(rendered, facts) == 8.5 and size_of(_table('<w:gridCol w:w="9"/>'), facts) == ROW_POINTS
    assert table_facts(_table("", _row(_paragraph("9")), "{% for r in rows %}", _row(_paragraph("9"))))
    assert all(f.single for f in table_facts(_table("", _row(_paragraph("9")), _row(_paragraph("9")))).values())


def test_what_a_template_s_tables_do_not_tell_is_counted_in_each_rendered_table() -> None:
    coded = _table('<w:gridCol w:w="{{ w }}"/>', _row(_paragraph("9")))
    assert table_facts(coded + _table("", _row(_paragraph("9")))) == {}  # its tables could open as another's
    nested = _table("", _row(_table("", _row(_paragraph("9"))) + "<w:p/>"), _row(_paragraph("11")))
    assert table_facts(nested) == {}  # the outer table's span would end at the inner one's end
    shared = _table("", _row(_paragraph("9"))) + _table("", _row(_paragraph("11") + _paragraph("11")))
    merged = table_facts(shared)[opening(shared)]  # one opening, two tables: a rendered one holds either's
    assert merged.sizes == ('<w:sz w:val="11"', '<w:sz w:val="9"') and not merged.single
    assert size_of(_table("", _row(_paragraph("9"))), merged) == 4.5
    templated = _table("", _row('<w:p><w:r><w:rPr><w:sz w:val="{{ s }}"/></w:rPr></w:r></w:p>'))
    assert size_of(templated, table_facts(templated)[opening(templated)]) is None
    looped = _table("", _row("{%p if x %}" + _paragraph("9") + "{%p endif %}"))
    assert not table_facts(looped)[opening(looped)].single
