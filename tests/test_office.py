"""Every generated file opens in LibreOffice (the real office client) and converts to PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import needs_office, needs_poppler, soffice


def convert(files: list[Path], out: Path, target: str = "pdf") -> list[Path]:
    """Convert files with LibreOffice headless; return the converted paths."""
    profile = out / "profile"
    command = [
        str(soffice()),
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        target,
        "--outdir",
        str(out),
        *map(str, files),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    return [out / f"{f.stem}.{target.split(':')[0]}" for f in files]


def pdf_text(pdf: Path) -> str:
    """Return the text of a PDF (pdftotext), or '' when poppler is absent."""
    try:
        return subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    except FileNotFoundError:
        return ""


@needs_office
@pytest.mark.office
def test_every_document_converts_to_pdf(tmp_path: Path, built: dict[str, Path], built_blank: dict[str, Path]) -> None:
    pdfs: list[Path] = []
    for variant, files in (("example", built), ("blank", built_blank)):
        for suffix in sorted({p.suffix for p in files.values()}):
            group = [p for p in files.values() if p.suffix == suffix]
            pdfs += convert(group, tmp_path / variant / suffix.lstrip("."))
    assert len(pdfs) == len(built) + len(built_blank)
    for pdf in pdfs:
        assert pdf.is_file() and pdf.stat().st_size > 5000, pdf
    strategic = tmp_path / "example" / "docx" / "strategic-account-plan.pdf"
    text = pdf_text(strategic)
    if text:
        assert "Halden Freight Group" in text and "Risk Assessment" in text


@pytest.fixture(scope="module")
def stress_decks(tmp_path_factory: pytest.TempPathFactory, stress: object) -> list[Path]:
    """Return the stress plan's decks, written once."""
    import generator as lib

    out = tmp_path_factory.mktemp("stress")
    return [o.path for o in lib.generate(stress, out, formats=["pptx"])]  # type: ignore[arg-type]


@needs_office
@needs_poppler
@pytest.mark.office
@pytest.mark.parametrize("which", ["example", "blank", "stress"])
def test_no_word_falls_off_a_slide_and_no_text_boxes_overlap(
    tmp_path: Path, built: dict[str, Path], built_blank: dict[str, Path], stress_decks: list[Path], which: str
) -> None:
    from tests.slide_check import check_deck

    decks = {
        "example": [p for p in built.values() if p.suffix == ".pptx"],
        "blank": [p for p in built_blank.values() if p.suffix == ".pptx"],
        "stress": stress_decks,
    }[which]
    assert len(decks) == 4
    pdfs = convert(decks, tmp_path)
    findings = [
        f"{deck.name}: {finding}" for deck, pdf in zip(decks, pdfs, strict=True) for finding in check_deck(deck, pdf)
    ]
    assert not findings, "\n".join(findings[:20])


@needs_office
@pytest.mark.office
def test_libreoffice_computes_the_workbook_formulas(tmp_path: Path, built: dict[str, Path], example: object) -> None:
    from openpyxl import load_workbook

    from generator.model import figures
    from generator.model.enums import Quadrant
    from generator.model.plan import AccountPlan

    plan = example
    assert isinstance(plan, AccountPlan)
    files = [p for p in built.values() if p.suffix == ".xlsx"]
    computed = convert(files, tmp_path, "xlsx:Calc MS Excel 2007 XML")
    strategic = load_workbook(next(p for p in computed if p.stem == "strategic-account-plan"), data_only=True)
    summary = {row[0].value: row[1].value for row in strategic["Summary"].iter_rows(min_row=3)}
    assert summary["Current annual revenue"] == figures.current_revenue(plan)
    assert summary["Target revenue"] == figures.target_revenue(plan)
    assert summary["Growth"] == pytest.approx(figures.plan_growth_percent(plan) / 100)  # type: ignore[operator]
    assert summary["Weighted pipeline"] == pytest.approx(figures.weighted_pipeline(plan))
    assert summary["Overdue actions"] == len(figures.overdue_actions(plan))
    by_stage = {r[0]: r[3] for r in strategic["Pipeline by stage"].iter_rows(min_row=4, values_only=True)}
    assert list(by_stage.values()) == pytest.approx([t.weighted for t in figures.pipeline_by_stage(plan)])
    statuses = [r[5] for r in strategic["Scorecard"].iter_rows(min_row=4, values_only=True)]
    assert statuses == [figures.kpi_rag(k).value.capitalize() for k in plan.kpis]  # type: ignore[union-attr]
    scores = sorted(r[3] for r in strategic["Risks"].iter_rows(min_row=4, values_only=True))
    assert scores == sorted(figures.risk_score(r) for r in plan.risks)
    heat = sum(v or 0 for row in strategic["Heat map"].iter_rows(min_row=4, min_col=2, values_only=True) for v in row)
    assert heat == len(plan.risks)
    account_map = load_workbook(next(p for p in computed if p.stem == "account-map"), data_only=True)
    counts = {r[0]: r[2] for r in account_map["Quadrants"].iter_rows(min_row=4, values_only=True)}
    assert counts["Manage closely"] == len(figures.stakeholders_by_quadrant(plan)[Quadrant.CHAMPIONS])
    positions = [r[1:3] for r in account_map["Matrix"].iter_rows(min_row=4, values_only=True)]
    assert all(x in (1, 2, 3) and y in (1, 2, 3) for x, y in positions)


@needs_office
@pytest.mark.office
def test_libreoffice_computes_the_kam_totals(tmp_path: Path, built: dict[str, Path], example: object) -> None:
    from openpyxl import load_workbook

    from generator.model import figures
    from generator.model.plan import AccountPlan

    assert isinstance(example, AccountPlan)
    computed = convert([built["kam-action-plan.xlsx"]], tmp_path, "xlsx:Calc MS Excel 2007 XML")[0]
    profile = {
        r[0]: r[1] for r in load_workbook(computed, data_only=True)["Profile"].iter_rows(min_row=3, values_only=True)
    }
    assert profile["Total budget"] == sum(r.amount or 0 for r in example.resources)
    assert profile["Overdue actions"] == len(figures.overdue_actions(example))


@needs_office
@pytest.mark.office
def test_a_row_added_to_a_table_counts_in_the_totals(tmp_path: Path, built: dict[str, Path], example: object) -> None:
    from openpyxl import load_workbook

    from generator.model import figures
    from generator.model.plan import AccountPlan

    assert isinstance(example, AccountPlan)
    wb = load_workbook(built["strategic-account-plan.xlsx"])
    pipeline = wb["Pipeline"]
    table = pipeline.tables["Pipeline"]
    last = int(table.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) + 1
    pipeline.cell(last, 1, "Added by hand")
    pipeline.cell(last, 2, 100000)
    pipeline.cell(last, 3, 0.5)
    pipeline.cell(last, 4, f"=B{last}*C{last}")
    pipeline.cell(last, 6, "Proposal")
    table.ref = f"{table.ref.split(':')[0]}:{table.ref.split(':')[1][0]}{last}"  # what Excel does as you type
    edited = tmp_path / "edited" / "strategic-account-plan.xlsx"
    edited.parent.mkdir()
    wb.save(edited)
    computed = convert([edited], tmp_path, "xlsx:Calc MS Excel 2007 XML")[0]
    summary = {
        r[0]: r[1] for r in load_workbook(computed, data_only=True)["Summary"].iter_rows(min_row=3, values_only=True)
    }
    assert summary["Weighted pipeline"] == pytest.approx(figures.weighted_pipeline(example) + 50000)


@needs_office
@needs_poppler
@pytest.mark.office
def test_contents_give_the_page_each_chapter_starts_on(tmp_path: Path, built: dict[str, Path]) -> None:
    import re

    pdf = convert([built["strategic-account-plan.docx"]], tmp_path)[0]
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout.split("\f")
    contents = dict(re.findall(r"^(\w[\w ]+?)\.{5,}\s*(\d+)$", pages[1], re.MULTILINE))
    assert len(contents) == 8, pages[1]
    for chapter, number in contents.items():
        assert re.search(rf"^{chapter}$", pages[int(number) - 1], re.MULTILINE), (chapter, number)
