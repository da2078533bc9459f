"""PDFs beside the Office files, made by LibreOffice: names that never collide, every page's text, tagged, with
title, author and language; PDF/A on request; a hang or a crash reported for its file only; a clear message
when LibreOffice is missing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner

import generator as lib
from generator import pdf
from generator.cli import main
from tests.conftest import ROOT, needs_office

GERMAN = ROOT / "data" / "examples" / "halden-freight-de.yaml"


def _pages_read(path: Path) -> list[str]:
    """Return the text of every page of a PDF as pdfplumber reads it."""
    with pdfplumber.open(path) as document:
        return [page.extract_text() or "" for page in document.pages]


@needs_office
@pytest.mark.office
def test_build_pdf_writes_a_readable_tagged_pdf_of_every_document_and_deck(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(GERMAN), "-o", str(tmp_path), "--pdf"])
    assert result.exit_code == 0, result.output
    folder = next(tmp_path.glob("halden-*-de"))
    names = sorted(p.name for p in folder.glob("*.pdf"))
    families = ["account-map", "kam-action-plan", "sales-account-plan", "strategic-account-plan"]
    assert names == sorted(
        [*(f"{f}.pdf" for f in [*families, "simple-account-plan"]), *(f"{f}-slides.pdf" for f in families)]
    )
    for path in folder.glob("*.pdf"):
        pages = _pages_read(path)
        assert pages and all(text.strip() for text in pages), path.name
        raw = path.read_bytes()
        assert b"/StructTreeRoot" in raw and b"/Lang(de-DE)" in raw, path.name
        with pdfplumber.open(path) as document:
            assert "Halden Freight Group" in document.metadata["Title"] and document.metadata["Author"]
        assert oct(path.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    assert "Account-Zuordnung" in _pages_read(folder / "account-map-slides.pdf")[0]
    assert not list(tmp_path.glob(".accountplan-pdf-*")), "the conversion's work folder is removed"


@needs_office
@pytest.mark.office
def test_pdf_a_and_workbooks_on_request(tmp_path: Path) -> None:
    args = ["blank", "-o", str(tmp_path), "--family", "account-map", "--pdf=xlsx", "--pdf-a", "--language", "fr"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    folder = tmp_path / "blank" / "fr"
    assert sorted(p.name for p in folder.glob("*.pdf")) == [
        "account-map-slides.pdf",
        "account-map-workbook.pdf",
        "account-map.pdf",
    ]
    assert b"pdfaid:part" in (folder / "account-map.pdf").read_bytes()


@needs_office
@pytest.mark.office
def test_the_same_file_gives_the_same_pdf_dated_as_the_plan(tmp_path: Path) -> None:
    """LibreOffice stamps the export's time into a PDF (its information, XMP metadata and a PDF/A's colour
    profile) and an identifier made from it: the PDFs of two builds a moment apart are byte-identical, dated as
    the plan, and every object is still where the cross-reference table says."""
    made = []
    for run in ("first", "second"):
        args = ["build", str(GERMAN), "-o", str(tmp_path / run), "--family", "account-map", "--pdf=xlsx", "--pdf-a"]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        made.append({p.name: p.read_bytes() for p in (tmp_path / run).rglob("*.pdf")})
    assert len(made[0]) == 3 and made[0] == made[1]
    for name, raw in made[0].items():
        assert b"/CreationDate(D:20261116000000" in raw and b"<xmp:CreateDate>2026-11-16T00:00:00" in raw, name
        assert _objects_where_the_table_says(raw), name
        with pdfplumber.open(next((tmp_path / "first").rglob(name))) as document:
            assert document.pages[0].extract_text(), name


def _objects_where_the_table_says(raw: bytes) -> bool:
    """Return True when every object of a PDF's cross-reference table starts at the offset the table gives."""
    table = int(raw[raw.rindex(b"startxref") + 9 :].split()[0])
    lines = raw[table:].split(b"\n")
    first, count = map(int, lines[1].split())
    entries = [lines[2 + i].split() for i in range(count)]
    return all(
        raw[int(e[0]) :].startswith(f"{first + i} 0 obj".encode()) for i, e in enumerate(entries) if e[2] == b"n"
    )


def test_pdf_takes_no_value_but_xlsx(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["blank", "-o", str(tmp_path), "--pdf=docx"])
    assert result.exit_code == 2 and "--pdf takes no value or 'xlsx'" in result.stderr


def test_without_libreoffice_the_office_files_are_written_and_the_packages_named(tmp_path: Path) -> None:
    result = CliRunner(env={"PATH": str(tmp_path / "nothing")}).invoke(
        main, ["build", "-o", str(tmp_path), "--family", "account-map", "--pdf"]
    )
    assert result.exit_code == 1
    assert "LibreOffice is not installed" in result.stderr and "libreoffice-writer-nogui" in result.stderr
    assert len(list(tmp_path.glob("halden-*/account-map.*"))) == 3 and not list(tmp_path.glob("**/*.pdf"))


@needs_office
@pytest.mark.office
def test_a_conversion_that_hangs_is_stopped_and_reported_for_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = lib.generate(lib.load_plan().plan, tmp_path, families=["account-map"], formats=["docx", "pptx"])
    monkeypatch.setattr(pdf, "START_SECONDS", 0.0)
    made, problems = lib.make_pdfs(outputs, pdf.PdfOptions(timeout=0.2))  # far too short for LibreOffice
    assert not made and len(problems) == 2
    assert all("did not finish within" in p.message for p in problems)
    assert {Path(p.where).name for p in problems} == {"account-map.docx", "account-map.pptx"}
    running = [p for p in Path("/proc").glob("[0-9]*") if _command_line(p).find("accountplan-libreoffice-") >= 0]
    assert not running, "no LibreOffice is left running"


@needs_office
@pytest.mark.office
def test_a_converter_that_dies_is_started_again_and_the_file_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = lib.generate(lib.load_plan().plan, tmp_path / "out", families=["account-map"], formats=["docx"])
    crashed = tmp_path / "crashed-once"
    wrapper = tmp_path / "soffice"
    wrapper.write_text(  # the first call dies without a PDF, as LibreOffice does when it crashes
        f'#!/bin/sh\nif [ ! -e "{crashed}" ]; then touch "{crashed}"; kill -SEGV $$; fi\nexec "{pdf.soffice()}" "$@"\n'
    )
    wrapper.chmod(0o755)
    monkeypatch.setattr(pdf, "soffice", lambda: str(wrapper))
    made, problems = lib.make_pdfs(outputs)
    assert crashed.exists() and not problems
    assert [p.path.name for p in made] == ["account-map.pdf"] and _pages_read(made[0].path)


@needs_office
@pytest.mark.office
def test_a_batch_makes_pdfs_in_parallel_and_skips_them_when_nothing_changed(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in ("a", "b"):
        text = (ROOT / "data" / "example.yaml").read_text(encoding="utf-8")
        (sources / f"{name}.yaml").write_text(text.replace("Halden Freight Group", f"Account {name.upper()}"))
    args = ["build", str(sources), "-o", str(tmp_path / "out"), "--family", "account-map", "--jobs", "2", "--pdf"]
    first = CliRunner().invoke(main, [*args, "--json"])
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert [sorted(Path(f["path"]).name for f in r["files"] if f["path"].endswith(".pdf")) for r in report] == [
        ["account-map-slides.pdf", "account-map.pdf"]
    ] * 2
    second = CliRunner().invoke(main, [*args, "--json"])
    assert [r["status"] for r in json.loads(second.stdout)] == ["skipped", "skipped"]


def _command_line(process: Path) -> str:
    """Return a process's command line ('' when it is gone or unreadable)."""
    try:
        return (process / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _umask() -> int:
    """Return the process's umask."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
