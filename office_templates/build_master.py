"""Build the PowerPoint master deck (16:9, theme, named layouts): python office_templates/build_master.py.

The writer picks layouts by name and reads their placeholders' positions, so a company can put its
own branded master here with the same layout names: Title, Section, Title and Content, Two Columns,
Three Columns, Table, Chart, Title Only, Blank.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.parts.slide import SlideLayoutPart
from pptx.util import Emu, Inches, Pt

NAVY, TEAL = RGBColor(0x1F, 0x38, 0x64), RGBColor(0x1A, 0x7F, 0x8E)
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
THEME_COLOURS = {
    "dk1": "262626",
    "lt1": "FFFFFF",
    "dk2": "1F3864",
    "lt2": "EEF2F8",
    "accent1": "1F3864",
    "accent2": "1A7F8E",
    "accent3": "F2A900",
    "accent4": "2E9E5B",
    "accent5": "D64545",
    "accent6": "8CA0BE",
    "hlink": "1A7F8E",
    "folHlink": "5B6F8E",
}
FONT = "Calibri"
TITLE = (Inches(0.5), Inches(0.3), Inches(12.33), Inches(0.85))
CONTENT = (Inches(0.5), Inches(1.35), Inches(12.33), Inches(5.55))
GAP = Inches(0.33)


def _theme(prs: Presentation) -> None:  # type: ignore[valid-type]
    """Set the theme's colours and fonts."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    scheme = root.find(f".//{{{A}}}clrScheme")
    scheme.set("name", "accountplan")
    for name, value in THEME_COLOURS.items():
        slot = scheme.find(f"{{{A}}}{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=value)
    for kind in ("majorFont", "minorFont"):
        latin = root.find(f".//{{{A}}}{kind}/{{{A}}}latin")
        latin.set("typeface", FONT)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rectangle(prs: Presentation, tree, box: tuple[int, int, int, int], colour: RGBColor, name: str):  # type: ignore[no-untyped-def, valid-type]
    """Add a filled rectangle without outline to a master or layout shape tree; return its element."""
    scratch = prs.slides.add_slide(prs.slide_layouts[0])
    shape = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, *box)
    shape.fill.solid()
    shape.fill.fore_color.rgb = colour
    shape.line.fill.background()
    shape.name = name
    element = copy.deepcopy(shape._element)
    tree.append(element)
    slide_ids = prs.slides._sldIdLst
    r_id = slide_ids[-1].rId
    prs.part.drop_rel(r_id)
    slide_ids.remove(slide_ids[-1])
    return element


def _place(shape, box: tuple[int, int, int, int]) -> None:  # type: ignore[no-untyped-def]
    """Move a placeholder to box (left, top, width, height)."""
    shape.left, shape.top, shape.width, shape.height = box


def _master(prs: Presentation) -> None:  # type: ignore[valid-type]
    """Place the master's placeholders for 16:9 and set its text styles."""
    master = prs.slide_master
    boxes = {
        0: TITLE,
        1: CONTENT,
        2: (Inches(0.5), Inches(7.05), Inches(2.5), Inches(0.3)),
        3: (Inches(3.5), Inches(7.05), Inches(6.33), Inches(0.3)),
        4: (Inches(10.33), Inches(7.05), Inches(2.5), Inches(0.3)),
    }
    for index, shape in enumerate(master.placeholders):
        _place(shape, boxes[index])
    styles = master._element.find(f"{{{P}}}txStyles")
    title = styles.find(f"{{{P}}}titleStyle/{{{A}}}lvl1pPr")
    title.set("algn", "l")
    rpr = title.find(f"{{{A}}}defRPr")
    rpr.set("sz", "2600")
    rpr.set("b", "1")
    for child in list(rpr):
        if child.tag == f"{{{A}}}solidFill":
            rpr.remove(child)
    fill = etree.Element(f"{{{A}}}solidFill")
    etree.SubElement(fill, f"{{{A}}}schemeClr", val="tx2")
    rpr.insert(0, fill)
    _rectangle(prs, master.shapes._spTree, (Inches(0.5), Inches(1.17), Inches(1.2), Emu(45720)), TEAL, "Accent bar")


def _clone(prs: Presentation, source, name: str):  # type: ignore[no-untyped-def, valid-type]
    """Return a copy of a layout under a new name, attached to the master."""
    master = prs.slide_master
    package = prs.part.package
    partname = package.next_partname("/ppt/slideLayouts/slideLayout%d.xml")
    element = copy.deepcopy(source._element)
    part = SlideLayoutPart(partname, source.part.content_type, package, element)
    part.relate_to(master.part, RT.SLIDE_MASTER)
    r_id = master.part.relate_to(part, RT.SLIDE_LAYOUT)
    id_list = master._element.get_or_add_sldLayoutIdLst()
    new_id = max(int(e.get("id")) for e in id_list) + 1
    entry = etree.SubElement(id_list, f"{{{P}}}sldLayoutId")
    entry.set("id", str(new_id))
    entry.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", r_id)
    layout = part.slide_layout
    layout.name = name
    return layout


def _columns(layout, count: int) -> None:  # type: ignore[no-untyped-def]
    """Place a layout's body placeholders as count equal columns over the content area."""
    left, top, width, height = CONTENT
    column = (width - GAP * (count - 1)) // count
    bodies = [ph for ph in layout.placeholders if ph.placeholder_format.idx in range(1, 10)]
    while len(bodies) < count:
        clone = copy.deepcopy(bodies[-1]._element)
        clone.find(f".//{{{P}}}ph").set("idx", str(len(bodies) + 1))
        clone.find(f".//{{{P}}}cNvPr").set("id", str(100 + len(bodies)))
        clone.find(f".//{{{P}}}cNvPr").set("name", f"Content Placeholder {len(bodies) + 1}")
        bodies[-1]._element.addnext(clone)
        bodies = [ph for ph in layout.placeholders if ph.placeholder_format.idx in range(1, 10)]
    for index, shape in enumerate(bodies):
        _place(shape, (left + index * (column + GAP), top, column, height))


def _layouts(prs: Presentation) -> None:  # type: ignore[valid-type]
    """Keep, rename, place and add the layouts the writer uses."""
    layouts = list(prs.slide_layouts)
    for index in (10, 9, 8, 7, 4):
        prs.slide_layouts.remove(layouts[index])
    title, content, section, two, title_only, blank = (layouts[i] for i in (0, 1, 2, 3, 5, 6))
    for layout, name in (
        (title, "Title"),
        (content, "Title and Content"),
        (section, "Section"),
        (two, "Two Columns"),
        (title_only, "Title Only"),
        (blank, "Blank"),
    ):
        layout.name = name
    for layout in (content, two, title_only, section):
        _place(layout.placeholders[0], TITLE)
    _place(content.placeholders[1], CONTENT)
    _columns(two, 2)
    _title_slide(prs, title)
    _place(section.placeholders[0], (Inches(0.8), Inches(2.6), Inches(11.7), Inches(1.2)))
    _place(section.placeholders[1], (Inches(0.8), Inches(3.9), Inches(11.7), Inches(1.0)))
    three = _clone(prs, two, "Three Columns")
    _columns(three, 3)
    _clone(prs, content, "Table")
    _clone(prs, content, "Chart")


def _title_slide(prs: Presentation, layout) -> None:  # type: ignore[no-untyped-def, valid-type]
    """Give the title layout its navy band and place its title and subtitle on it."""
    layout._element.set("showMasterSp", "0")
    tree = layout.shapes._spTree
    band = _rectangle(prs, tree, (0, Inches(1.9), Inches(13.333), Inches(3.5)), NAVY, "Title band")
    tree.remove(band)
    tree.insert(2, band)
    _place(layout.placeholders[0], (Inches(0.8), Inches(2.2), Inches(11.7), Inches(1.4)))
    _place(layout.placeholders[1], (Inches(0.8), Inches(3.7), Inches(11.7), Inches(1.5)))
    for ph in list(layout.placeholders)[:2]:
        for paragraph in ph.text_frame.paragraphs:
            paragraph.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            paragraph.alignment = 1
    layout.placeholders[0].text_frame.paragraphs[0].font.size = Pt(40)
    layout.placeholders[1].text_frame.paragraphs[0].font.size = Pt(18)


def build_master(path: Path) -> Path:
    """Write the master deck to path."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    _theme(prs)
    _master(prs)
    _layouts(prs)
    props = prs.core_properties
    props.title, props.author, props.last_modified_by, props.revision = "accountplan master", "accountplan", "", 1
    prs.save(str(path))
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "master.pptx"
    print(build_master(target))
