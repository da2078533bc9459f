"""Every generated file opens in LibreOffice (the real office client) and converts to PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import needs_office, soffice


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
    files = list(built.values())
    pdfs = convert(files, tmp_path / "example")
    blank_pdfs = convert(list(built_blank.values()), tmp_path / "blank")
    for pdf in pdfs + blank_pdfs:
        assert pdf.is_file() and pdf.stat().st_size > 5000, pdf.name
    strategic = next(p for p in pdfs if p.name == "strategic-account-plan.pdf")
    text = pdf_text(strategic)
    if text:
        assert "Halden Freight Group" in text and "Risk Assessment" in text
