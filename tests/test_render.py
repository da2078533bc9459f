"""What a reader sees: every file of both bundled examples, the blank templates and the stress plan, printed by
LibreOffice and read back from the PDF, has no overprinting words, nothing below 7 pt, nothing off its page, no
header word broken across lines, no slide mixing type sizes side by side and no thin continuation slide
(tests/render_check.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator as lib
from generator.model.plan import AccountPlan
from generator.model.validation import validate_data
from generator.writers import fonts
from tests import render_check
from tests.conftest import ROOT, needs_office, needs_poppler, soffice
from tests.stress import stress_data


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


def _translated(which: str) -> AccountPlan:
    """Return a plan of another language: its example, its blank templates, or the stress plan written in it."""
    language, kind = which.split("-")
    if kind == "example":
        return lib.load_plan(ROOT / "data" / "examples" / f"halden-freight-{language}.yaml").plan
    if kind == "blank":
        return lib.in_language(lib.blank_plan(), language)
    outcome = validate_data(stress_data(language))
    assert outcome.plan is not None
    return outcome.plan


@needs_office
@needs_poppler
@pytest.mark.office
@pytest.mark.parametrize(
    "which", ["de-example", "fr-example", "ru-example", "de-blank", "fr-blank", "ru-blank", "de-stress", "ru-stress"]
)
def test_every_page_reads_cleanly_in_every_language(which: str, tmp_path: Path) -> None:
    """German words are long and Russian letters wide: the same checks hold in every language."""
    files = [o.path for o in lib.generate(_translated(which), tmp_path / "out")]
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


@needs_office
@needs_poppler
@pytest.mark.office
@pytest.mark.skipif(fonts.find("DejaVu Sans") is None, reason="the DejaVu fonts are not installed")
def test_every_page_reads_cleanly_in_a_brand_font_much_wider_than_carlito(tmp_path: Path) -> None:
    """Text fitted with the brand font's own widths still fits: DejaVu Sans runs about 15% wider than Carlito."""
    (tmp_path / "brand.yaml").write_text(
        'company: Nordwind Systems\ncolors: {primary: "#7A1F5C", accent: "#0B6E4F"}\n'
        "fonts: {heading: DejaVu Serif, body: DejaVu Sans}\n",
        encoding="utf-8",
    )
    plan = lib.with_brand(
        lib.load_plan().plan,
        lib.read_brand(tmp_path / "brand.yaml"),
    )
    files = [o.path for o in lib.generate(plan, tmp_path / "out")]
    findings = render_check.check(files, tmp_path / "pdf", str(soffice()))
    assert not findings, "\n".join(map(str, findings[:30]))
