"""Fitted text on slides: text boxes and shapes whose paragraphs are sized so they fit, shortened text in notes."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from copy import deepcopy
from functools import lru_cache, reduce
from operator import getitem
from typing import Any, NamedTuple

from lxml import etree
from lxml.etree import XPath
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.opc.oxml import serialize_part_xml
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.shapes.autoshape import AutoShapeType, Shape
from pptx.text.text import TextFrame

from generator.document import theme
from generator.writers.pptx.graph import Part
from generator.writers.textfit import EMU_PER_PT, Fit, fit, measuring_font

Box = tuple[int, int, int, int]
Para = tuple[str, dict[str, Any]]
INSET_X, INSET_Y = 91440, 45720
EMU_PER_CENTIPOINT = 127  # python-pptx's: a type size in hundredths of a point
PML = "http://schemas.openxmlformats.org/presentationml/2006/main"
MIN_SIZE = 10


def rgb(hex_colour: str) -> RGBColor:
    """Return an RGBColor from 'RRGGBB'."""
    return RGBColor.from_string(hex_colour)


def pt(emu: int) -> float:
    """Return a length in points."""
    return emu / EMU_PER_PT


def append_notes(slide: TextSlide, text: str) -> None:
    """Add text to a slide's speaker notes (its notes page is written when the deck is saved)."""
    slide.notes = f"{slide.notes}\n\n{text}" if slide.notes else text


_PLACEHOLDER = f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}"
_BODY_PROPERTIES = qn("a:bodyPr")


def notes_frame(notes: Any) -> Any:
    """Return the text frame of a notes slide's notes (its first body placeholder, as python-pptx picks it, found
    without building a shape for every placeholder)."""
    for element in notes.shapes._spTree.iterchildren(qn("p:sp")):
        ph = element.find(_PLACEHOLDER)
        if ph is not None and ph.get("type") == "body":
            return TextFrame(element.txBody, notes.shapes)
    return notes.notes_text_frame


BULLET = "• "  # measured in place of the hanging indent a bullet paragraph gets


def _measured(paragraphs: list[Para]) -> list[str]:
    """Return the texts as they are measured: a bullet paragraph with its bullet and indent."""
    return [BULLET + text if style.get("bullet") else text for text, style in paragraphs]


def fitted(extent: tuple[int, int], paragraphs: list[Para], largest: float, smallest: float = MIN_SIZE) -> Fit:
    """Return how paragraphs fit a box of this width and height (insets taken off): the size, and whether
    they had to be shortened."""
    width, height = pt(extent[0] - 2 * INSET_X), pt(extent[1] - 2 * INSET_Y)
    scales = [p[1].get("scale", 1.0) for p in paragraphs]
    return fit(_measured(paragraphs), width, height, largest, smallest, scales=scales)


def fitted_size(box: Box, paragraphs: list[Para], largest: float, smallest: float = MIN_SIZE) -> float:
    """Return the size fill would choose for paragraphs in a box of this size."""
    return fitted(box[2:], paragraphs, largest, smallest).size


def fill(
    shape: Any,
    paragraphs: list[Para],
    largest: float,
    smallest: float = MIN_SIZE,
    notes: Any = None,
    anchor: Any = MSO_ANCHOR.TOP,
    extent: tuple[int, int] | None = None,
) -> float:
    """Write paragraphs into a shape (of this width and height, when known) at the largest size that fits;
    return the size used."""
    body, kept = _cleared(shape, anchor)
    xml, size = fitted_xml(paragraphs, extent or (shape.width, shape.height), (largest, smallest), notes, kept)
    for made in parse_xml(f"<a:txBody {nsdecls('a')}>{xml}</a:txBody>"):
        body.append(made)
    return size


def _cleared(shape: Any, anchor: Any) -> tuple[Any, str | None]:
    """Return a shape's text body framed as fill writes text and without its paragraphs, and the alignment its
    first paragraph had (a shape's own alignment stays on its first line)."""
    body = _framed(shape, anchor)
    first = body.p_lst[0].pPr if body.p_lst else None
    kept = first.get("algn") if first is not None else None
    for old in body.p_lst:
        body.remove(old)
    return body, str(kept) if kept is not None else None


_FRAMES: dict[tuple[bytes, Any], Any] = {}  # a text body's properties before and after framing (a few per master)
FRAMES_KEPT = 64


def _framed(shape: Any, anchor: Any) -> Any:
    """Return a shape's text body set to wrap, never autofit, anchored and inset as fill writes text: python-pptx's
    text-frame setters the first time a body starts from these properties, afterwards a copy of what they made."""
    body = shape._element.get_or_add_txBody()
    properties = body.find(_BODY_PROPERTIES)
    key = (etree.tostring(properties), anchor)
    framed = _FRAMES.get(key)
    if framed is not None:
        body.replace(properties, deepcopy(framed))
        return body
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    for side in ("margin_left", "margin_right"):
        setattr(frame, side, INSET_X)
    frame.margin_top = frame.margin_bottom = INSET_Y
    if len(_FRAMES) < FRAMES_KEPT:
        _FRAMES[key] = deepcopy(body.find(_BODY_PROPERTIES))
    return body


def fitted_xml(
    paragraphs: list[Para], extent: tuple[int, int], sizes: tuple[float, float], notes: Any, kept: str | None
) -> tuple[str, float]:
    """Return the paragraphs' XML at the largest of sizes (largest, smallest) that fits a box of this extent,
    and that size; what had to be shortened is written in full in the notes."""
    made = fitted(extent, paragraphs, *sizes)
    size = made.size
    if made.shortened and notes is not None:
        append_notes(notes, "\n".join(p[0] for p in paragraphs))
    xml = []
    for index, text in enumerate(made.paragraphs):
        style = paragraphs[index][1] if index < len(paragraphs) else {}
        if style.get("bullet"):
            text = text.removeprefix(BULLET)
        xml.append(paragraph_xml(text, size * style.get("scale", 1.0), style, kept if index == 0 else None))
    return "".join(xml), size


def paragraph_xml(text: str, size: float, style: dict[str, Any], kept: str | None = None) -> str:
    """Return one paragraph's XML (written in one piece: python-pptx's setters cost far more than the text);
    a bullet paragraph gets a real bullet and a hanging indent."""
    value = style["align"].xml_value if "align" in style else kept
    align = f' algn="{value}"' if value else ""
    spacing = f'<a:spcAft><a:spcPts val="{centipoints(size * 0.3)}"/></a:spcAft>'
    if style.get("bullet"):
        indent = int(size * 0.9 * EMU_PER_PT)  # as python-pptx's Pt makes it
        align += f' marL="{indent}" indent="-{indent}"'
        spacing += '<a:buFont typeface="Arial"/><a:buChar char="•"/>'
    bold = int(bool(style.get("bold", False)))
    colour = style.get("colour", theme.INK)
    look = f'sz="{centipoints(size)}" b="{bold}"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
    runs = runs_xml(text, look)
    if not text:
        return f"<a:p><a:pPr{align}>{spacing}<a:defRPr {look}</a:defRPr></a:pPr></a:p>"
    return f"<a:p><a:pPr{align}>{spacing}</a:pPr>{runs}</a:p>"


def centipoints(points: float) -> int:
    """Return a size in points in hundredths of a point, as python-pptx's Pt(points).centipoints gives it."""
    return int(points * EMU_PER_PT) // EMU_PER_CENTIPOINT


def runs_xml(text: str, look: str = "") -> str:
    """Return the runs of a paragraph, one per line (lines joined by breaks), each with the run properties
    look (the attributes and fill of a:rPr, closed by the caller's '>'; none when empty)."""
    properties = f"<a:rPr {look}</a:rPr>" if look else ""
    parts = _LINE_BREAK.split(text) if "\n" in text or "\v" in text else [text]
    return "<a:br/>".join(f"<a:r>{properties}<a:t>{escape_text(p)}</a:t></a:r>" if p else "" for p in parts)


_LINE_BREAK = re.compile("\n|\v")
_ESCAPED = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"} | {
    code: f"_x{code:04X}_" for code in (*range(0x00, 0x09), *range(0x0B, 0x20))
}  # control characters as python-pptx writes them
_TO_ESCAPE = re.compile("[&<>\x00-\x08\x0b-\x1f]")  # most texts have none: looked for first (translate is slow)


def escape_text(text: str) -> str:
    """Return text escaped for XML, control characters as python-pptx writes them (in one pass); a text met before
    is looked up (headers, statuses, names and actions recur across an account's decks and across accounts)."""
    found = _ESCAPED_TEXTS.get(text)
    if found is None:
        if len(_ESCAPED_TEXTS) >= _REMEMBERED_TEXTS:  # bounded: a batch's worker must not grow
            _ESCAPED_TEXTS.clear()
        found = _ESCAPED_TEXTS[text] = _escaped(text)
    return found


def _escaped(text: str) -> str:
    """Return text escaped for XML, control characters as python-pptx writes them."""
    plain = "&" not in text and "<" not in text and ">" not in text and text.isprintable()  # most text: no regex
    return text if plain or not _TO_ESCAPE.search(text) else text.translate(_ESCAPED)


_ESCAPED_TEXTS: dict[str, str] = {}
_REMEMBERED_TEXTS = 20_000


def textbox(
    slide: Any,
    box: Box,
    paragraphs: list[Para],
    largest: float,
    smallest: float = MIN_SIZE,
    tint: str = "",
    anchor: Any = MSO_ANCHOR.TOP,
    shape_type: Any = None,
    outline: tuple[str, int] = (theme.RULE, 0),
) -> Any:
    """Add a text box (or a filled shape, outlined in a colour and width, 0 for the default) with fitted text;
    return the filled shape's id (None for a text box)."""
    if shape_type is None and not tint:
        _plain_textbox(slide, box, paragraphs, (largest, smallest), anchor)
        return None
    return _filled_textbox(slide, box, paragraphs, (largest, smallest), (anchor, shape_type, tint, outline))


_SHAPE_IDS = XPath("./*/p:cNvPr/@id | ./*/*/p:cNvPr/@id", namespaces={"p": PML})


def next_shape_id(tree: Any) -> int:
    """Return the id of a new shape on a slide: one more than its shapes' largest, as python-pptx numbers them,
    read from the shapes alone (python-pptx searches every element, every cell of every table)."""
    return max((int(found) for found in _SHAPE_IDS(tree) if found.isdigit()), default=0) + 1


class Blank(NamedTuple):
    """A new slide of a layout as python-pptx makes it, its title's text marked where a slide's title goes."""

    xml: bytes  # as python-pptx writes it
    bare: bytes  # the same without the layout's content boxes
    top: int  # the largest shape id in xml
    bare_top: int  # the largest shape id in bare
    path: tuple[int, ...]  # where its shape tree is in its element
    titled: tuple[str | None] | None  # None without a title placeholder, else its first paragraph's alignment


class TextSlide:
    """A slide being written: its layout's new slide as text, the shapes placed on it and its title waiting as XML
    to be written in when the deck is saved, parsed into python-pptx's element only when something must read or
    change its tree (a picture, a chart, a placeholder filled): parsing, copying and freeing a tree per slide was
    a tenth of a deck."""

    def __init__(self, part: Part, blank: Blank, notes: str) -> None:
        self.part, self.blank, self.notes = part, blank, notes
        self.bare = False  # its layout's content boxes taken out
        self.element: Any = None  # python-pptx's element, once something reads the tree
        self.shapes: list[str] = []  # placed, waiting
        self.title: str | None = None  # the title's paragraphs, where its title placeholder has TITLE_MARK
        self.last = 0  # the id of the last shape waiting (0: none waits)
        self.counted = (-1, 0)  # how many elements its parsed tree held when its largest id was read, and that id

    def tree(self) -> Any:
        """Return the slide's shape tree (its waiting shapes not in it), parsed from its text the first time."""
        if self.element is None:
            self.element = parse_xml(self.blank.bare if self.bare else self.blank.xml)
        return reduce(getitem, self.blank.path, self.element)

    def next_id(self) -> int:
        """Return the id of a new shape: one more than the largest of the slide's shapes and those waiting."""
        if self.element is None:
            return max(self.blank.bare_top if self.bare else self.blank.top, self.last) + 1
        tree = self.tree()
        if self.counted[0] != len(tree):  # read again only when shapes came or went
            self.counted = (len(tree), next_shape_id(tree) - 1)
        return max(self.counted[1], self.last) + 1


TITLE_MARK = "\ue000accountplan-title\ue001"  # the text of the paragraph a slide's title takes the place of
_TITLE_MARKED = f"<a:p><a:r><a:t>{TITLE_MARK}</a:t></a:r></a:p>".encode()
_TEXT = qn("a:t")
SLIDE_NAMESPACES = nsdecls("a", "p")  # the slide's own namespaces: placed shapes use them undeclared


def place(slide: TextSlide, xml_of: Callable[[int], str]) -> int:
    """Add a shape written as XML in one piece, xml_of given its id (one more than the slide's largest, as
    python-pptx numbers them); return that id. The shape waits beside the slide until the deck is saved."""
    number = slide.next_id()
    slide.shapes.append(xml_of(number))
    slide.last = number
    return number


def flush(slide: TextSlide) -> None:
    """Put the shapes and title waiting beside a slide into its tree (before python-pptx's code reads or adds to
    it), parsed at once."""
    tree = slide.tree()
    if slide.title is not None:
        _title_into(tree, slide.title)
        slide.title = None
    if slide.shapes:
        for element in list(parse_xml(f"<p:spTree {SLIDE_NAMESPACES}>{''.join(slide.shapes)}</p:spTree>")):
            tree.insert_element_before(element, "p:extLst")
        slide.shapes = []
    slide.last = 0


def awaiting_title(shape: Any, anchor: Any) -> str | None:
    """Set a new slide's title placeholder up as fill does (its text frame, no paragraphs) with one paragraph
    marking where its title goes (see entitle); return the alignment of its first paragraph, which fill keeps."""
    body, kept = _cleared(shape, anchor)
    body.append(parse_xml(f"<a:p {nsdecls('a')}><a:r><a:t>{TITLE_MARK}</a:t></a:r></a:p>"))
    return kept


def entitle(slide: TextSlide, xml: str) -> None:
    """Give a slide whose title placeholder awaits its title (see awaiting_title) the title's paragraphs: they
    wait beside the slide with its placed shapes."""
    slide.title = xml


def _title_into(tree: Any, xml: str) -> None:
    """Put a title's paragraphs where the title mark's paragraph is in a slide's tree."""
    for text in tree.iter(_TEXT):
        if text.text == TITLE_MARK:
            paragraph = text.getparent().getparent()
            body, at = paragraph.getparent(), paragraph.getparent().index(paragraph)
            body.remove(paragraph)
            for offset, made in enumerate(parse_xml(f"<a:txBody {nsdecls('a')}>{xml}</a:txBody>")):
                body.insert(at + offset, made)
            return


def placed_shape(slide: TextSlide, number: int) -> Shape:
    """Return the shape of a slide with an id, its waiting shapes added first."""
    flush(slide)
    found = slide.tree().xpath(f"./*[*/p:cNvPr/@id='{number}']")
    return Shape(found[0], None)  # type: ignore[arg-type]  # its look is set: no parent asked for


def saved(slide: TextSlide) -> bytes:
    """Return a slide's XML with its waiting shapes written in as text where lxml would have put them (at the end
    of the shape tree, in the slide's namespaces): the same bytes."""
    if slide.element is None:
        blob = slide.blank.bare if slide.bare else slide.blank.xml
    else:
        blob = serialize_part_xml(slide.element)
    if not slide.shapes and slide.title is None:
        return blob
    shapes = "".join(slide.shapes)
    at = blob.rindex(b"</p:spTree>")
    ends = blob.endswith((b"</p:extLst>", b"<p:extLst/>"), 0, at)  # the tree's extensions come last, shapes before
    titled = slide.title is None or blob.count(_TITLE_MARKED) == 1  # else a title's text has the mark
    if "xmlns" in shapes or ends or not titled:  # a declaration (or its look in a text): lxml's own writing
        flush(slide)
        return bytes(serialize_part_xml(slide.element))
    if slide.title is not None:
        blob = blob.replace(_TITLE_MARKED, slide.title.encode())
        at = blob.rindex(b"</p:spTree>")
    whole = memoryview(blob)  # the slide copied once, not sliced first
    return b"".join((whole[:at], shapes.encode(), whole[at:]))


_SHAPE_STYLE = (
    '<p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="3"><a:schemeClr val="accent1"/>'
    '</a:fillRef><a:effectRef idx="2"><a:schemeClr val="accent1"/></a:effectRef><a:fontRef idx="minor">'
    '<a:schemeClr val="lt1"/></a:fontRef></p:style>'
)


def _shape_start(number: int, name: str, box: Box, prst: str = "rect", text_box: bool = False) -> str:
    """Return the XML a new shape opens with, as python-pptx writes it: ids and name, position and geometry."""
    left, top, width, height = box
    kind = ' txBox="1"' if text_box else ""
    return (
        "<p:sp><p:nvSpPr>"
        f'<p:cNvPr id="{number}" name="{name} {number - 1}"/>'
        f'<p:cNvSpPr{kind}/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{left}" y="{top}"/>'
        f'<a:ext cx="{width}" cy="{height}"/></a:xfrm><a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom>'
    )


def _filled_textbox(
    slide: Any, box: Box, paragraphs: list[Para], sizes: tuple[float, float], look: tuple[Any, Any, str, Any]
) -> int:
    """Add a filled, outlined shape with fitted text, written as XML in one piece: the element python-pptx's
    add_shape, fill, line, shadow and text-frame setters would leave (its first line centred, as a new shape's)."""
    anchor, shape_type, tint, (line, thickness) = look
    kind = AutoShapeType(shape_type or MSO_SHAPE.RECTANGLE)
    xml, _ = fitted_xml(paragraphs, box[2:], sizes, slide, "ctr")
    outline = f'<a:ln w="{thickness}">' if thickness else "<a:ln>"
    return place(
        slide,
        lambda number: (
            _shape_start(number, kind.basename, box, kind.prst)
            + f'<a:solidFill><a:srgbClr val="{tint or theme.WHITE}"/></a:solidFill>{outline}<a:solidFill>'
            f'<a:srgbClr val="{line}"/></a:solidFill></a:ln><a:effectLst/></p:spPr>{_SHAPE_STYLE}<p:txBody>'
            f'<a:bodyPr rtlCol="0" anchor="{anchor.xml_value}" wrap="square"><a:noAutofit/></a:bodyPr>'
            f"<a:lstStyle/>{xml}</p:txBody></p:sp>"
        ),
    )


def swatch(slide: Any, box: Box, colour: str) -> None:
    """Add a square of solid colour without an outline, written as XML in one piece: the element python-pptx's
    add_shape (a rectangle), fill and line setters would leave."""
    place(
        slide,
        lambda number: (
            _shape_start(number, "Rectangle", box)
            + f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr>{_SHAPE_STYLE}'
            '<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p></p:txBody>'
            "</p:sp>"
        ),
    )


def _plain_textbox(slide: Any, box: Box, paragraphs: list[Para], sizes: tuple[float, float], anchor: Any) -> None:
    """Add a text box written as XML in one piece: the element python-pptx's add_textbox and text-frame
    setters would leave (id and name as it numbers them), at a fraction of their cost."""
    xml, _ = fitted_xml(paragraphs, box[2:], sizes, slide, None)
    _plain_shape(slide, box, xml, anchor)


def line_textbox(slide: Any, box: Box, paragraph: Para, size: float) -> None:
    """Add a text box of one paragraph at one size, as textbox adds it (a footer, a page number): its XML worked
    out once per text, box and look, as every slide repeats them; what had to be shortened is in the notes."""
    text, style = paragraph
    xml, shortened = _line_xml(text, (box[2], box[3]), size, tuple(style.items()), measuring_font())
    if shortened:
        append_notes(slide, text)
    _plain_shape(slide, box, xml, MSO_ANCHOR.TOP)


@lru_cache(maxsize=1_024)  # bounded: a footer and page numbers per deck
def _line_xml(
    text: str, extent: tuple[int, int], size: float, style: tuple[tuple[str, Any], ...], font: str
) -> tuple[str, bool]:
    """Return the XML of one paragraph fitted at one size into a box of this extent, and whether it was shortened
    (measured in the font fitting measures in: part of the key only)."""
    paragraphs = [(text, dict(style))]
    return fitted_xml(paragraphs, extent, (size, size), None, None)[0], fitted(extent, paragraphs, size, size).shortened


def _plain_shape(slide: Any, box: Box, xml: str, anchor: Any) -> None:
    """Add a text box holding paragraphs' XML, written in one piece."""
    place(
        slide,
        lambda number: (
            _shape_start(number, "TextBox", box, text_box=True) + "<a:noFill/></p:spPr><p:txBody>"
            f'<a:bodyPr wrap="square" anchor="{anchor.xml_value}"><a:noAutofit/></a:bodyPr><a:lstStyle/>{xml}'
            "</p:txBody></p:sp>"
        ),
    )


def textboxes(
    slide: Any, items: Sequence[tuple[Box, list[Para]]], largest: float, tints: Sequence[str] = (), **look: Any
) -> list[Any]:
    """Add text boxes that sit side by side, all at one size: the largest at which every one fits (each with
    its own tint where tints are given)."""
    size = min((fitted_size(box, paras, largest) for box, paras in items), default=largest)
    tinted: list[dict[str, Any]] = [{"tint": tint} for tint in tints] or [{}] * len(items)
    return [
        textbox(slide, box, paras, size, min(size, MIN_SIZE), **look, **own)
        for (box, paras), own in zip(items, tinted, strict=True)
    ]
