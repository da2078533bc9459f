"""Check a deck the way a viewer sees it: render with LibreOffice, every word inside the slide and its box."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

EMU_PER_PT = 12700
TOLERANCE = 2.0  # points
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
Rect = tuple[float, float, float, float]


@dataclass
class Finding:
    """One thing a viewer would see wrong."""

    slide: int
    what: str

    def __str__(self) -> str:
        return f"slide {self.slide}: {self.what}"


def text_boxes(path: Path) -> list[list[tuple[str, Rect]]]:
    """Return per slide the rectangles (in points) of shapes that show text: text, tables, charts."""
    slides = []
    for slide in Presentation(str(path)).slides:
        boxes = []
        for shape in slide.shapes:
            shows_text = (shape.has_text_frame and shape.text_frame.text.strip()) or shape.has_table or shape.has_chart
            if shows_text:
                boxes.append((shape.name, _rect(shape.left, shape.top, shape.width, shape.height)))
        slides.append(boxes)
    return slides


def _rect(left: Emu, top: Emu, width: Emu, height: Emu) -> Rect:
    """Return an EMU box as (x0, y0, x1, y1) in points."""
    return (left / EMU_PER_PT, top / EMU_PER_PT, (left + width) / EMU_PER_PT, (top + height) / EMU_PER_PT)


def rendered_words(pdf: Path) -> tuple[list[list[tuple[str, Rect]]], tuple[float, float]]:
    """Return per page the words and their boxes, and the page size, from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', out)
    assert size
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append(
            [(html.unescape(m[4]), (float(m[0]), float(m[1]), float(m[2]), float(m[3]))) for m in _WORD.findall(page)]
        )
    return pages, (float(size[1]), float(size[2]))


def _inside(inner: Rect, outer: Rect) -> bool:
    """Return True when inner lies within outer (with a small tolerance)."""
    return (
        inner[0] >= outer[0] - TOLERANCE
        and inner[1] >= outer[1] - TOLERANCE
        and inner[2] <= outer[2] + TOLERANCE
        and inner[3] <= outer[3] + TOLERANCE
    )


def _overlap(a: Rect, b: Rect) -> bool:
    """Return True when two rectangles overlap by more than the tolerance."""
    return min(a[2], b[2]) - max(a[0], b[0]) > TOLERANCE and min(a[3], b[3]) - max(a[1], b[1]) > TOLERANCE


def check_deck(pptx: Path, pdf: Path) -> list[Finding]:
    """Return every word outside its slide or outside any text box, and every pair of overlapping text boxes."""
    boxes = text_boxes(pptx)
    pages, (width, height) = rendered_words(pdf)
    findings: list[Finding] = []
    assert len(pages) == len(boxes), (len(pages), len(boxes))
    for number, (words, shapes) in enumerate(zip(pages, boxes, strict=True), 1):
        for word, rect in words:
            if not _inside(rect, (0, 0, width, height)):
                findings.append(Finding(number, f"word {word!r} outside the slide at {rect}"))
            elif not any(_inside(rect, box) for _, box in shapes):
                findings.append(Finding(number, f"word {word!r} outside every text box at {rect}"))
        for i, (name_a, a) in enumerate(shapes):
            for name_b, b in shapes[i + 1 :]:
                if _overlap(a, b):
                    findings.append(Finding(number, f"{name_a!r} overlaps {name_b!r}"))
    return findings
