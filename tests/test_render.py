"""What a reader sees: every file of both bundled examples, the blank templates and the stress plan, printed by
LibreOffice and read back from the PDF, has no overprinting words, nothing below 7 pt, nothing off its page, no
header word broken across lines, no slide mixing type sizes side by side and no thin continuation slide
(tests/render_check.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator as lib
from generator.model.plan import AccountPlan
from tests import render_check
from tests.conftest import needs_office, needs_poppler, soffice


@needs_office
@needs_poppler
@pytest.mark.office
@pytest.mark.parametrize("which", ["example", "second", "stress", "blank"])
def test_every_page_reads_cleanly(which: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    plan = request.getfixturevalue(which)
    assert isinstance(plan, AccountPlan)
    files = [o.path for o in lib.generate(plan, tmp_path / "out")]
    assert len(files) == 13
    findings = render_check.check(files, tmp_path / "pdf", str(soffice()))
    assert not findings, "\n".join(map(str, findings[:30]))


@needs_office
@needs_poppler
@pytest.mark.office
def test_the_checker_sees_tiny_type(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws["A4"] = "Tiny"
    ws.page_setup.scale = 50
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    whats = " ".join(f.what for f in render_check.check([path], tmp_path / "pdf", str(soffice())))
    assert "'Tiny' printed at 5.5 pt" in whats


def test_the_checker_sees_words_on_top_of_each_other_and_off_the_page() -> None:
    words = (render_check.Word("over", (10, 10, 40, 22)), render_check.Word("printed", (12, 12, 50, 24)))
    page = render_check.Page(100, 100, (*words, render_check.Word("gone", (90, 50, 130, 62))))
    whats = " ".join(f.what for f in render_check.page_findings("f", 1, page))
    assert "'over' overprints 'printed'" in whats and "'gone' off the page" in whats
