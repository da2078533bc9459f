"""Slide text as python-pptx writes it: escaping, remembered texts and their bound."""

from __future__ import annotations

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Inches

from generator.writers.pptx import text

AWKWARD = ["a & b < c > d", "bell\x07 and\x1f", "Krüger — 東京", "plain", "", "tab\tand\nline", "_x0041_"]


def python_pptx_text(value: str) -> str:
    """Return the inside of the a:t element python-pptx writes for a run's text."""
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    run = slide.shapes.add_textbox(0, 0, Inches(1), Inches(1)).text_frame.paragraphs[0].add_run()
    run.text = value
    written = etree.tostring(run._r.t, encoding="unicode")
    return "" if written.endswith("/>") else written[written.index(">") + 1 : written.rindex("<")]


@pytest.mark.parametrize("value", AWKWARD)
def test_text_is_escaped_as_python_pptx_escapes_it_the_first_time_and_every_time_after(value: str) -> None:
    expected = python_pptx_text(value)
    assert text.escape_text(value) == expected == text.escape_text(value)


def test_remembered_texts_stay_bounded_over_a_long_batch() -> None:
    for index in range(text._REMEMBERED_TEXTS + 10):
        assert text.escape_text(f"Account {index} & partner") == f"Account {index} &amp; partner"
    assert len(text._ESCAPED_TEXTS) <= text._REMEMBERED_TEXTS
    assert text.escape_text("bell\x07") == "bell_x0007_"  # still right after the texts were forgotten
