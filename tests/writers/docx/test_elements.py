"""Elements of a rendered body are found as a lazy regular expression finds them, only faster."""

from __future__ import annotations

import random
import re

import pytest

from generator.writers.docx.elements import ROW_START, TABLE_START, each_element, elements

_WORD_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>")  # a paragraph, to the first </w:p> after, as docxtpl finds them

PIECES = ["<w:tbl>", "</w:tbl>", "<w:tr>", '<w:tr w:rsidR="1">', "<w:trPr>", "</w:tr>", "<w:tc>", "</w:tc>", "x", "é"]
PIECES += ["<w:p>", '<w:p w:rsidR="2">', "<w:pPr>", "</w:p>", "<w:p/>", '<w:p w:rsidR="3"/>', "\t"]
LAZY = {
    TABLE_START.pattern: re.compile(r"<w:tbl>.*?</w:tbl>", re.S),
    ROW_START.pattern: re.compile(r"<w:tr[ >].*?</w:tr>", re.S),
    _WORD_PARAGRAPH.pattern: re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.S),  # and Word's tab resolution
}


@pytest.mark.parametrize("seed", range(200))
def test_elements_are_what_the_lazy_expression_finds(seed: int) -> None:
    rng = random.Random(seed)
    xml = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))  # nested, unclosed and stray tags
    for opening, closing in ((TABLE_START, "</w:tbl>"), (ROW_START, "</w:tr>"), (_WORD_PARAGRAPH, "</w:p>")):
        lazy = LAZY[opening.pattern]
        assert elements(xml, opening, closing) == lazy.findall(xml)
        assert each_element(xml, opening, closing, lambda found: f"[{found}]") == lazy.sub(lambda m: f"[{m[0]}]", xml)
