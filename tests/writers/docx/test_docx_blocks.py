"""The Word writer draws a template from any document and renders it with that document's context."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from generator.writers.docx import values
from generator.writers.docx.render import PreparedTemplate
from generator.writers.docx.template import draw, table_size
from tests.docx_text import docx_text
from tests.writers import sample


def rendered(tmp_path: Path) -> Path:
    """Return the sample document drawn into a template and rendered."""
    template_path = tmp_path / "sample.docx"
    doc = sample.document()
    draw(doc).save(template_path)
    template = PreparedTemplate(template_path.read_bytes(), "sample.docx")
    out = tmp_path / "out.docx"
    out.write_bytes(template.render_bytes(values(template, doc), "t", "a", sample.WHEN))
    return out


def test_every_block_kind_renders_its_values(tmp_path: Path) -> None:
    text = docx_text(rendered(tmp_path))
    for value in (
        "Hello",
        "Ada Sample",
        "• x",
        "one",
        "1,000",
        "Quartz deal",
        "€3,000",
        "Group A",
        "Box 3",
        "champions-person",
        "caption",
        "Card title",
        "Contents",
        "Sample Co",
    ):
        assert value in text, value
    assert "{{" not in text and "{%" not in text


def test_a_grouped_table_repeats_its_header_under_each_group_heading(tmp_path: Path) -> None:
    doc = Document(str(rendered(tmp_path)))
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert headings.index("Group A") < headings.index("Group B")
    assert sum(1 for t in doc.tables if t.rows[0].cells[0].text == "Deal") == 3  # plain table and two groups


def test_coloured_cells_get_their_fill_and_wide_tables_smaller_type(tmp_path: Path) -> None:
    xml = Document(str(rendered(tmp_path))).element.xml
    assert 'w:fill="2E9E5B"' in xml
    assert table_size(4) > table_size(7) > table_size(11)
