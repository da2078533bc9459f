"""Check printed pages the way a reader sees them: words rendered by LibreOffice, read back from the PDF.

Finds words that overprint each other, words below 7 pt, words off the page, and header words broken
across lines; for decks also side-by-side text boxes at different type sizes and thin continuation slides.
Run it on a folder of generated files to see every finding:  python tests/render_check.py OUT_FOLDER
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

Rect = tuple[float, float, float, float]
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>')
# poppler's word box is the font's ascent + descent: 1.30 em for Carlito and Caladea as LibreOffice embeds them
# (measured: a 30 pt title, a 14 pt subtitle)
BOX_PER_POINT = 1.30
SMALLEST = 7.0
_CONTINUED = re.compile(r"\((\d+)/(\d+)\)$")


@dataclass(frozen=True)
class Finding:
    """One thing a reader would see wrong, with the file and page it is on."""

    file: str
    page: int
    what: str

    def __str__(self) -> str:
        return f"{self.file} page {self.page}: {self.what}"


@dataclass(frozen=True)
class Word:
    """One rendered word and its box in points."""

    text: str
    box: Rect
    turned: bool = False  # set to read upwards or downwards (a chart's labels, an axis title)

    @property
    def size(self) -> float:
        """Return the type size the word was printed at, in points. A turned word's width is its line height; so
        is a one-letter word's that is wider than tall (an axis title read bottom to top: 'к')."""
        width, height = self.box[2] - self.box[0], self.box[3] - self.box[1]
        turned = self.turned or (len(self.text.strip()) == 1 and width > height)
        return (width if turned else height) / BOX_PER_POINT


@dataclass(frozen=True)
class Page:
    """One rendered page: its size and words."""

    width: float
    height: float
    words: tuple[Word, ...]


def to_pdf(files: Iterable[Path], out: Path, soffice: str = "soffice") -> dict[Path, Path]:
    """Convert files to PDF with LibreOffice, one call per folder and format (stems collide); return file -> pdf."""
    done: dict[Path, Path] = {}
    by_suffix: dict[tuple[str, str], list[Path]] = {}
    for path in files:
        by_suffix.setdefault((path.parent.name, path.suffix), []).append(path)
    for (parent, suffix), group in sorted(by_suffix.items()):
        folder = out / parent / suffix.lstrip(".")
        profile = f"-env:UserInstallation=file://{out / 'profile'}"
        command = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder), *map(str, group)]
        subprocess.run(command, check=True, capture_output=True, timeout=900)
        done.update({path: folder / f"{path.stem}.pdf" for path in group})
    return done


def pages(pdf: Path) -> list[Page]:
    """Return the words of every page of a PDF (pdftotext -bbox)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found: list[Page] = []
    for chunk in out.split("<page ")[1:]:
        size = _PAGE.search("<page " + chunk)
        assert size
        words = tuple(
            Word(html.unescape(m[4]), (float(m[0]), float(m[1]), float(m[2]), float(m[3])))
            for m in _WORD.findall(chunk)
        )
        if any(word.size < SMALLEST for word in words):  # maybe set turned: poppler's boxes do not say
            words = _turned(pdf, len(found), words)
        found.append(Page(float(size[1]), float(size[2]), words))
    return found


def _turned(pdf: Path, index: int, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Return a page's words, those printed turned marked so (pdfplumber reads each letter's direction)."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        turned = [c for c in document.pages[index].chars if not c["upright"]]
    boxes = [(c["x0"], c["top"], c["x1"], c["bottom"]) for c in turned]
    return tuple(replace(w, turned=any(_overlap(w.box, box) > 0 for box in boxes)) for w in words)


def _overlap(a: Rect, b: Rect) -> float:
    """Return the area two boxes share."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _area(a: Rect) -> float:
    """Return a box's area."""
    return max(0.0, a[2] - a[0]) * max(0.0, a[3] - a[1])


def page_findings(name: str, number: int, page: Page) -> list[Finding]:
    """Return the words of one page that overprint, are too small, or lie off the page."""
    findings = []
    words = sorted(page.words, key=lambda w: (w.box[1], w.box[0]))
    for index, word in enumerate(words):
        x0, y0, x1, y1 = word.box
        if x0 < -1 or y0 < -1 or x1 > page.width + 1 or y1 > page.height + 1:
            findings.append(Finding(name, number, f"{word.text!r} off the page at {word.box}"))
        if word.size < SMALLEST and word.text.strip():
            findings.append(Finding(name, number, f"{word.text!r} printed at {word.size:.1f} pt"))
        for other in words[index + 1 :]:
            if other.box[1] >= y1:
                break
            shared = _overlap(word.box, other.box)
            # a box is ascent + descent (1.30 em); lines set at single spacing (chart labels) share up to 0.35 em
            # of it: stacked lines, not overprint
            stacked = min(y1, other.box[3]) - max(y0, other.box[1]) < 0.4 * min(y1 - y0, other.box[3] - other.box[1])
            if shared > 0.25 * min(_area(word.box), _area(other.box)) and not stacked:
                findings.append(Finding(name, number, f"{word.text!r} overprints {other.text!r}"))
    return findings


def broken_words(name: str, rendered: list[Page], headers: Iterable[str]) -> list[Finding]:
    """Return the header words that do not appear whole on any page (broken across lines)."""
    seen = {w.text.strip(".,:;()") for page in rendered for w in page.words}
    findings = []
    for label in headers:
        for word in label.split():
            word = word.strip(".,:;()")
            if len(word) >= 4 and word not in seen:
                findings.append(Finding(name, 0, f"header word {word!r} of {label!r} is broken across lines"))
    return findings


def headers(path: Path) -> list[str]:
    """Return the header labels of the tables in a generated file."""
    if path.suffix == ".docx":
        from docx import Document

        tables = [t for t in Document(str(path)).tables if t.rows and t.rows[0]._tr.xpath("./w:trPr/w:tblHeader")]
        return [c.text for t in tables for c in t.rows[0].cells]
    if path.suffix == ".pptx":
        from pptx import Presentation

        shapes = [s for slide in Presentation(str(path)).slides for s in slide.shapes if s.has_table]
        return [c.text for s in shapes for c in s.table.rows[0].cells]
    return []


def deck_findings(path: Path, name: str) -> list[Finding]:
    """Return side-by-side text boxes at different sizes, and continuation slides under a third as full as their
    first page (in rows and in height: one long row may fill a slide alone)."""
    from pptx import Presentation

    findings: list[Finding] = []
    firsts: dict[str, tuple[int, int]] = {}  # first page of a continued table: rows and table height
    for number, slide in enumerate(Presentation(str(path)).slides, 1):
        findings += _mixed_sizes(name, number, slide)
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        tables = [s for s in slide.shapes if s.has_table]
        rows = (sum(len(s.table.rows) - 1 for s in tables), sum(s.height for s in tables))
        continued = _CONTINUED.search(title)
        if continued:
            base = title[: continued.start()]
            if continued[1] == "1":
                firsts[base] = rows
            elif rows[0] * 3 < firsts.get(base, (0, 0))[0] and rows[1] * 3 < firsts[base][1]:
                findings.append(
                    Finding(name, number, f"continuation holds {rows[0]} rows, its first {firsts[base][0]}")
                )
    return findings


def _mixed_sizes(name: str, number: int, slide: object) -> list[Finding]:
    """Return a finding when text boxes side by side (same top and height, wider than 1.5 inch: not labels) use
    different body sizes."""
    rows: dict[tuple[int, int], set[float]] = {}
    for shape in slide.shapes:  # type: ignore[attr-defined]
        small = shape.height < 914400 or shape.width < 1371600
        if not shape.has_text_frame or shape == slide.shapes.title or small:  # type: ignore[attr-defined]
            continue
        sizes = [r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs if r.font.size]
        if sizes:
            rows.setdefault((shape.top, shape.height), set()).add(min(sizes))
    return [
        Finding(name, number, f"side-by-side boxes at {sorted(sizes)} pt") for sizes in rows.values() if len(sizes) > 1
    ]


def check(files: Iterable[Path], work: Path, soffice: str = "soffice") -> list[Finding]:
    """Render files with LibreOffice and return every finding."""
    files = list(files)
    findings: list[Finding] = []
    for path, pdf in to_pdf(files, work, soffice).items():
        rendered = pages(pdf)
        name = f"{path.parent.name}/{path.name}"
        for number, page in enumerate(rendered, 1):
            findings += page_findings(name, number, page)
        findings += broken_words(name, rendered, headers(path))
        if path.suffix == ".pptx":
            findings += deck_findings(path, name)
    return findings


if __name__ == "__main__":
    folder, kinds = Path(sys.argv[1]), sys.argv[2:] or [".docx", ".pptx", ".xlsx"]
    targets = sorted(p for p in folder.rglob("*") if p.suffix in kinds)
    with tempfile.TemporaryDirectory() as tmp:
        results = check(targets, Path(tmp))
    for finding in results:
        print(finding)
    print(f"{len(results)} findings in {len(targets)} files", file=sys.stderr)
