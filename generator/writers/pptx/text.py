"""Fitted text on slides: text boxes and shapes whose paragraphs are sized so they fit, shortened text in notes."""

from __future__ import annotations

from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.util import Pt

from generator.document import theme
from generator.writers.textfit import EMU_PER_PT, fit

Box = tuple[int, int, int, int]
Para = tuple[str, dict[str, Any]]
INSET_X, INSET_Y = 91440, 45720
MIN_SIZE = 10


def rgb(hex_colour: str) -> RGBColor:
    """Return an RGBColor from 'RRGGBB'."""
    return RGBColor.from_string(hex_colour)


def pt(emu: int) -> float:
    """Return a length in points."""
    return emu / EMU_PER_PT


def append_notes(slide: Any, text: str) -> None:
    """Add text to a slide's speaker notes."""
    frame = slide.notes_slide.notes_text_frame
    frame.text = f"{frame.text}\n\n{text}" if frame.text else text


def fill(
    shape: Any,
    paragraphs: list[Para],
    largest: float,
    smallest: float = MIN_SIZE,
    notes: Any = None,
    anchor: Any = MSO_ANCHOR.TOP,
) -> float:
    """Write paragraphs into a shape at the largest size that fits; return the size used."""
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    for side in ("margin_left", "margin_right"):
        setattr(frame, side, INSET_X)
    frame.margin_top = frame.margin_bottom = INSET_Y
    width = pt(shape.width - 2 * INSET_X)
    height = pt(shape.height - 2 * INSET_Y)
    texts = [p[0] for p in paragraphs]
    fitted = fit(texts, width, height, largest, smallest, scales=[p[1].get("scale", 1.0) for p in paragraphs])
    size = fitted.size
    if fitted.shortened and notes is not None:
        append_notes(notes, "\n".join(texts))
    frame.clear()
    for index, text in enumerate(fitted.paragraphs):
        style = paragraphs[index][1] if index < len(paragraphs) else {}
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        _style(paragraph, text, size * style.get("scale", 1.0), style)
    return size


def _style(paragraph: Any, text: str, size: float, style: dict[str, Any]) -> None:
    """Set a paragraph's text and look."""
    paragraph.text = text
    paragraph.space_after = Pt(size * 0.3)
    if "align" in style:
        paragraph.alignment = style["align"]
    font = paragraph.runs[0].font if paragraph.runs else paragraph.font
    font.size = Pt(size)
    font.bold = style.get("bold", False)
    font.color.rgb = rgb(style.get("colour", theme.INK))


def textbox(
    slide: Any,
    box: Box,
    paragraphs: list[Para],
    largest: float,
    smallest: float = MIN_SIZE,
    tint: str = "",
    anchor: Any = MSO_ANCHOR.TOP,
    shape_type: Any = None,
) -> Any:
    """Add a text box (or a filled shape) with fitted text."""
    if shape_type is None and not tint:
        shape = slide.shapes.add_textbox(*box)
    else:
        shape = slide.shapes.add_shape(shape_type or MSO_SHAPE.RECTANGLE, *box)
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(tint or theme.WHITE)
        shape.line.color.rgb = rgb(theme.RULE)
        shape.shadow.inherit = False
    fill(shape, paragraphs, largest, smallest, notes=slide, anchor=anchor)
    return shape
