"""Org chart slides: the 'reports to' tree paged by branch, one box per person coloured by stance, elbow
connectors, and the stance legend with the decision-maker note along the bottom."""

from __future__ import annotations

from typing import Any

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Pt

from generator.document import theme
from generator.document.blocks import Section
from generator.document.people import OrgChart, Person
from generator.writers.pptx import orgchart
from generator.writers.pptx.slides import Canvas, Rect
from generator.writers.pptx.text import (
    INSET_X,
    INSET_Y,
    MIN_SIZE,
    Para,
    fitted,
    place,
    pt,
    swatch,
    textbox,
)
from generator.writers.textfit import BOLD, EMU_PER_PT, line_count, line_height, longest_word, text_width

PERSON_POINTS = 12  # the largest type in an org chart box
TITLE_SCALE = 0.95  # a title is set this much smaller than the name
DECIDER_OUTLINE, CONNECTOR_LINE = Pt(3), Pt(1.25)  # a decision-maker's box outline; a reporting line


def org_slide(canvas: Canvas, section: Section, chart: OrgChart) -> None:
    """Lay out the org chart from 'reports to', split by branch when it does not fit one slide."""
    pages = orgchart.paginate(list(chart.people), _columns(chart, canvas.layout("Title and Content").bodies[0][2]))
    for number, page in enumerate(pages, 1):
        title = section.title if len(pages) == 1 else f"{section.title} ({number}/{len(pages)})"
        if page.context:
            title = f"{title} — {page.context}"
        slide = canvas.slide("Title and Content", title, section.notes)
        left, top, width, height = canvas.body(slide)[0]
        legend_h = _legend_height(chart, width)
        area = (left, top, width, height - legend_h - Emu(91440))
        size, tall = _box_look(page, area)
        boxes = [(node, orgchart.box_of(node, page, area, tall)) for node in page.nodes]
        placed = {}
        for node, box in boxes:  # every box in one type size, the largest at which all of them fit
            placed[node.name] = (_person_box(slide, box, node.person, size), box)
        for node in page.nodes:
            if node.parent in placed:
                _connect(slide, placed[node.parent], placed[node.name])
        _legend(slide, (left, top + height - legend_h, width, legend_h), chart)


def _columns(chart: OrgChart, width: int) -> int:
    """Return how many boxes a level holds side by side: fewer than seven when a box could not hold a name's or a
    title's longest word at the smallest type (Unternehmensarchitektur is not broken in two)."""
    words = [
        max(
            longest_word(_breakable(f"{p.mark} {p.name}"), MIN_SIZE * BOLD),
            longest_word(_breakable(p.title), MIN_SIZE * TITLE_SCALE),
        )
        for p in chart.people
    ]
    return orgchart.columns_for(int(max(words, default=0.0) * EMU_PER_PT) + 2 * INSET_X, width)


def _breakable(text: str) -> str:
    """Return text with a space after each hyphen: a line may break there (Bühlmann-|Schwarzenbach)."""
    return text.replace("-", "- ")


def _box_look(page: orgchart.Page, area: Rect) -> tuple[float, int]:
    """Return the type size and the height of a page's boxes: every name and title shown in full where the page
    has the room (a long title is not cut to "Chief Executive …"), all boxes in one size, the largest such size
    and then the shortest boxes that give it."""
    best: tuple[float, int] | None = None
    for height in orgchart.box_heights(page, area):
        made = [
            fitted(orgchart.box_of(n, page, area, height)[2:], _person_texts(n.person), PERSON_POINTS)
            for n in page.nodes
        ]
        size = min(m.size for m in made)
        if not any(m.shortened for m in made) and (best is None or size > best[0]):
            best = size, height
        if best is not None and best[0] >= PERSON_POINTS:
            break
    return best or (size, height)


def _person_texts(person: Person) -> list[Para]:
    """Return a person box's paragraphs: the name (marked when they decide) in bold, then the title."""
    centred = {"colour": person.text_colour, "align": PP_ALIGN.CENTER}
    name = f"{person.mark} {person.name}".strip()
    return [(name, {**centred, "bold": True}), (person.title, {**centred, "scale": TITLE_SCALE})]


def _person_box(slide: Any, box: Rect, person: Person, size: float) -> Any:
    """Add one person's box, coloured by stance, outlined when they decide; return its shape id."""
    texts = _person_texts(person)
    outline = (theme.NAVY, DECIDER_OUTLINE) if person.decision_maker else (theme.RULE, 0)
    return textbox(
        slide,
        box,
        texts,
        size,
        min(size, MIN_SIZE),
        tint=person.fill,
        anchor=MSO_ANCHOR.MIDDLE,
        shape_type=MSO_SHAPE.ROUNDED_RECTANGLE,
        outline=outline,
    )


def _connect(slide: Any, parent: tuple[int, Rect], child: tuple[int, Rect]) -> None:
    """Join a parent box's bottom to a child box's top with an elbow connector, written as XML in one piece: the
    element python-pptx's add_connector, begin_connect, end_connect and line setters leave."""
    (parent_id, (px, py, pw, ph)), (child_id, (cx, cy, cw, _)) = parent, child
    span = orgchart.Span()
    span.move((int(px + pw / 2), py + ph), (int(cx + cw / 2), cy))
    flips = "".join(f' {name}="1"' for name in span.flips)
    place(
        slide,
        lambda number: (
            "<p:cxnSp><p:nvCxnSpPr>"
            f'<p:cNvPr id="{number}" name="Connector {number - 1}"/>'
            f'<p:cNvCxnSpPr><a:stCxn id="{parent_id}" idx="2"/><a:endCxn id="{child_id}" idx="0"/></p:cNvCxnSpPr>'
            f'<p:nvPr/></p:nvCxnSpPr><p:spPr><a:xfrm{flips}><a:off x="{span.x}" y="{span.y}"/>'
            f'<a:ext cx="{span.cx}" cy="{span.cy}"/></a:xfrm><a:prstGeom prst="bentConnector3"><a:avLst/>'
            f'</a:prstGeom><a:ln w="{CONNECTOR_LINE}"><a:solidFill><a:srgbClr val="{theme.CONNECTOR}"/></a:solidFill>'
            f"</a:ln></p:spPr>{_CONNECTOR_STYLE}</p:cxnSp>"
        ),
    )


_CONNECTOR_STYLE = (
    '<p:style><a:lnRef idx="2"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="0"><a:schemeClr val="accent1"/>'
    '</a:fillRef><a:effectRef idx="1"><a:schemeClr val="accent1"/></a:effectRef><a:fontRef idx="minor">'
    '<a:schemeClr val="tx1"/></a:fontRef></p:style>'
)


LEGEND_POINTS, NOTE_POINTS, NOTE_LINES = 11, 10, 3
SWATCH, SWATCH_GAP, LEGEND_GAP = Emu(182880), Emu(45720), Emu(91440)  # a stance's colour square, then its label


def _label_widths(chart: OrgChart) -> list[int]:
    """Return the width of each stance label's box: its text at the legend's size with the box's insets."""
    return [int((text_width(label, LEGEND_POINTS) + 2) * EMU_PER_PT) + 2 * INSET_X for label, _ in chart.legend]


def _note_left(chart: OrgChart, left: int) -> int:
    """Return where the decision-maker note starts: after the stance squares and labels."""
    return left + sum(SWATCH + SWATCH_GAP + w + LEGEND_GAP for w in _label_widths(chart)) + Emu(182880)


def _legend_height(chart: OrgChart, width: int) -> int:
    """Return the legend's height: one line, or as many (up to three) as the note needs at its size (the German
    and Russian notes are longer than the room beside the stances)."""
    room = pt(width - (_note_left(chart, 0)) - 2 * INSET_X)
    lines = min(line_count(chart.note, room, NOTE_POINTS) if room > 0 else 1, NOTE_LINES)
    return max(Emu(320040), int((lines * line_height(NOTE_POINTS) + pt(2 * INSET_Y) + 4) * EMU_PER_PT))


def _legend(slide: Any, box: Rect, chart: OrgChart) -> None:
    """Add the stance legend and the decision-maker note along the bottom of the chart."""
    left, top, width, height = box
    x = left
    for (label, colour), label_w in zip(chart.legend, _label_widths(chart), strict=True):
        swatch(slide, (x, top + (height - SWATCH) // 2, SWATCH, SWATCH), colour)
        texts: list[Para] = [(label, {})]
        textbox(slide, (x + SWATCH + SWATCH_GAP, top, label_w, height), texts, LEGEND_POINTS, anchor=MSO_ANCHOR.MIDDLE)
        x += SWATCH + SWATCH_GAP + label_w + LEGEND_GAP
    note_left = _note_left(chart, left)
    note = (note_left, top, left + width - note_left, height)
    textbox(slide, note, [(chart.note, {"colour": theme.SUBTLE})], LEGEND_POINTS, NOTE_POINTS, anchor=MSO_ANCHOR.MIDDLE)
