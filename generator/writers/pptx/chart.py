"""A deck's native column chart written as DrawingML text, byte for byte as python-pptx writes and then formats it
(legend, fonts, number formats, bar gap, labels, colours), with no chart object model: python-pptx's was a quarter
of what the strategic deck cost."""

from __future__ import annotations

import re

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls

from generator.document import theme
from generator.document.charts import Chart
from generator.writers.pptx.chartdata import chart_workbook
from generator.writers.pptx.graph import Part, Rel, next_partname, relate, walk
from generator.writers.pptx.text import SLIDE_NAMESPACES, TextSlide, centipoints, flush, next_shape_id, pt
from generator.writers.textfit import text_width
from generator.writers.xlsx.xml import attribute, letter, text

Rect = tuple[int, int, int, int]
CHART_POINTS, CATEGORY_LINES = 12, 3
LABEL_POINTS = (11, 10, 9)  # a chart's value labels: the largest that fits over its bars
GAP_WIDTH = 60  # between categories, in per cent of a bar (Office's default 150)
VALUES_FORMAT = "#,##0"  # of the figures in the chart's cache and its data workbook
SERIES_COLOURS = (theme.TEAL, theme.NAVY)
_CHART_NAMESPACES = nsdecls("c", "r")  # a chart frame's reference to its chart part
_NAMESPACES = (
    'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_AXES = ('<c:axId val="-2068027336"/>', '<c:axId val="-2113994440"/>')  # python-pptx's fixed axis ids
_SHOWN = (
    '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>'
    '<c:showPercent val="0"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/>'
)


def add_chart(slide: TextSlide, box: Rect, spec: Chart, package: dict[str, Rel]) -> None:
    """Add a clustered column chart whose series are the block's values, with its data workbook, to a slide of a
    package (its relationships): the parts, relationships and frame python-pptx's add_chart makes, in the same
    order."""
    room = pt(box[2]) * 0.8 / max(1, len(spec.categories))  # the plot's width shared by the categories
    categories = [category_lines(c, room, CHART_POINTS) for c in spec.categories]
    size, turned = label_size(spec, room / (max(1, len(spec.series)) + GAP_WIDTH / 100))  # a bar's width
    chart = Part(next_partname(walk(package), "/ppt/charts/chart%d.xml"), CT.DML_CHART)
    workbook = chart_workbook(categories, [(s.name, s.values) for s in spec.series], VALUES_FORMAT)
    embedded_name = next_partname(walk(package), "/ppt/embeddings/Microsoft_Excel_Sheet%d.xlsx")
    embedded = Part(embedded_name, CT.SML_SHEET, workbook)
    chart.blob = chart_xml(spec, categories, size, turned, relate(chart, embedded, RT.PACKAGE)).encode()
    rid = relate(slide.part, chart, RT.CHART)
    flush(slide)  # numbered from the shapes in the slide's tree, as python-pptx numbers it
    tree = slide.tree()
    number = next_shape_id(tree)
    tree.append(parse_xml(_frame(number, rid, box)))


def _frame(number: int, rid: str, box: Rect) -> str:
    """Return the graphic frame that shows a chart on a slide, as python-pptx makes it."""
    left, top, width, height = box
    return (
        f"<p:graphicFrame {SLIDE_NAMESPACES}><p:nvGraphicFramePr>"
        f'<p:cNvPr id="{number}" name="Chart {number - 1}"/>'
        '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
        f'<p:xfrm><a:off x="{left}" y="{top}"/><a:ext cx="{width}" cy="{height}"/></p:xfrm><a:graphic>'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        f'<c:chart {_CHART_NAMESPACES} r:id="{rid}"/></a:graphicData></a:graphic></p:graphicFrame>'
    )


def chart_xml(spec: Chart, categories: list[str], size: float, turned: bool, workbook_rid: str) -> str:
    """Return a chart part's XML: the series in the house colours, the last one's values labelled at size (turned
    to read upwards when turned), the value axis and labels in the chart's number format, the legend below."""
    money = attribute(spec.number_format)
    series = "".join(_series(spec, index, categories, money, size, turned) for index in range(len(spec.series)))
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<c:chartSpace {_NAMESPACES}><c:date1904 val="0"/><c:chart><c:autoTitleDeleted val="0"/><c:plotArea>'
        f'<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>{series}<c:gapWidth val="{GAP_WIDTH}"/>'
        f'{_AXES[0]}{_AXES[1]}</c:barChart><c:catAx>{_AXES[0]}<c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="b"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>'
        '<c:tickLblPos val="nextTo"/><c:crossAx val="-2113994440"/><c:crosses val="autoZero"/><c:auto val="1"/>'
        '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        f'<c:valAx>{_AXES[1]}<c:scaling/><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>'
        f'<c:numFmt formatCode="{money}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>'
        '<c:tickLblPos val="nextTo"/><c:crossAx val="-2068027336"/><c:crosses val="autoZero"/></c:valAx>'
        '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:dispBlanksAs val="gap"/>'
        f'</c:chart><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{centipoints(CHART_POINTS)}"/>'
        '</a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>'
        f'<c:externalData r:id="{workbook_rid}"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>'
    )


def _series(spec: Chart, index: int, categories: list[str], money: str, size: float, turned: bool) -> str:
    """Return one series of the chart: its name, colour, labels (the last series only), categories and values."""
    name, values, column = spec.series[index].name, spec.series[index].values, letter(2 + index)
    tint = (
        f'<c:spPr><a:solidFill><a:srgbClr val="{SERIES_COLOURS[index].upper()}"/></a:solidFill></c:spPr>'
        if index < len(SERIES_COLOURS)
        else ""
    )
    labels = ""
    if index == len(spec.series) - 1:  # the figure that counts (target, weighted); two would collide
        turn = ' rot="-5400000"' if turned else ""
        labels = (
            f'<c:dLbls><c:numFmt formatCode="{money}" sourceLinked="0"/><c:txPr><a:bodyPr{turn}/><a:lstStyle/>'
            f'<a:p><a:pPr><a:defRPr sz="{centipoints(size)}"/></a:pPr></a:p></c:txPr><c:dLblPos val="outEnd"/>'
            f"{_SHOWN}</c:dLbls>"
        )
    points = "".join(f'<c:pt idx="{i}"><c:v>{text(c)}</c:v></c:pt>' for i, c in enumerate(categories))
    figures = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(values) if v is not None)
    bottom = len(categories) + 1
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/><c:tx><c:strRef><c:f>Sheet1!${column}$1</c:f>'
        f'<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{text(name)}</c:v></c:pt></c:strCache></c:strRef>'
        f"</c:tx>{tint}{labels}<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${bottom}</c:f><c:strCache>"
        f'<c:ptCount val="{len(categories)}"/>{points}</c:strCache></c:strRef></c:cat><c:val><c:numRef>'
        f"<c:f>Sheet1!${column}$2:${column}${len(values) + 1}</c:f><c:numCache><c:formatCode>{VALUES_FORMAT}"
        f'</c:formatCode><c:ptCount val="{len(values)}"/>{figures}</c:numCache></c:numRef></c:val></c:ser>'
    )


def label_size(spec: Chart, bar: float) -> tuple[float, bool]:
    """Return the largest of LABEL_POINTS at which no label of the chart's last series runs onto a bar as tall
    as its own (beside it, or across the gap in the next category), and False; else the smallest size and True:
    the labels are turned to read upwards, as narrow as a line."""
    for size in LABEL_POINTS:
        if not any(
            _runs_onto(spec, index, (text_width(label, size) + 2 - bar) / 2, bar)
            for index, label in enumerate(spec.labels)
        ):
            return size, False
    return LABEL_POINTS[-1], True


def _runs_onto(spec: Chart, index: int, overhang: float, bar: float) -> bool:
    """Return whether the label of category index, overhanging its bar by this much each side, reaches a bar
    at least as tall as the labelled one: the others in its cluster, or the first of the next cluster."""
    if overhang <= 0:
        return False
    height = spec.series[-1].values[index]
    beside = [series.values[index] for series in spec.series[:-1]]
    following = spec.series[0].values[index + 1 : index + 2] if overhang > bar * GAP_WIDTH / 100 else ()
    return any(value >= height for value in (*beside, *following))


def category_lines(text: str, width: float, size: float) -> str:
    """Return a category label broken into lines that fit width (points) at size, between words or after a
    hyphen (Telematik-|Abonnements); a chart leaves long labels on one line, running into their neighbours."""
    pieces = re.findall(r"[^\s-]+-?|-", text)
    lines: list[str] = []
    for piece in pieces:
        joiner = "" if lines and lines[-1].endswith("-") else " "
        if lines and text_width(lines[-1] + joiner + piece, size) <= width:
            lines[-1] += joiner + piece
        else:
            lines.append(piece)
    if len(lines) > CATEGORY_LINES:  # the table beside or after the chart names it in full
        lines = [*lines[: CATEGORY_LINES - 1], lines[CATEGORY_LINES - 1].rstrip("-") + "…"]
    return "\n".join(lines)
