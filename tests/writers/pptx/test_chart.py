"""Deck charts: written as text exactly as python-pptx writes and formats them, labels sized or turned to stay
off the bars beside them, and the data workbook PowerPoint opens for Edit Data."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Pt

from generator.document import theme
from generator.document.charts import Chart, Series
from generator.writers.pptx import build_deck
from generator.writers.pptx.chart import (
    CHART_POINTS,
    GAP_WIDTH,
    LABEL_POINTS,
    SERIES_COLOURS,
    add_chart,
    category_lines,
    label_size,
)
from generator.writers.pptx.chartdata import chart_workbook
from generator.writers.pptx.text import pt, rgb
from tests.writers import sample
from tests.writers.pptx.pptx_pages import text_slide, written

BOX = (457200, 1234440, 7215713, 5074920)
MONEY = '[>=1000000]"€"#,##0.0,,"M";[>=1000]"€"#,##0,"K";"€"0'


def _pipeline(labels: tuple[str, ...], value: float, weighted: float) -> Chart:
    """Return a two-series chart (value, weighted) of three stages labelled with labels."""
    series = (Series("Value", (value,) * 3), Series("Weighted", (weighted,) * 3))
    return Chart(("A", "B", "C"), series, labels=labels)


def _python_pptx_chart(slide: Any, box: tuple[int, int, int, int], spec: Chart) -> None:
    """Add the chart as python-pptx's own object model makes and formats it (what add_chart must match)."""
    data = CategoryChartData(number_format="#,##0")  # type: ignore[no-untyped-call]
    room = pt(box[2]) * 0.8 / max(1, len(spec.categories))
    data.categories = [category_lines(c, room, CHART_POINTS) for c in spec.categories]
    for series in spec.series:
        data.add_series(series.name, series.values)  # type: ignore[no-untyped-call]
    chart = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, *box, data).chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.font.size = Pt(CHART_POINTS)
    chart.value_axis.has_major_gridlines = True
    chart.value_axis.tick_labels.number_format = spec.number_format
    chart.value_axis.tick_labels.number_format_is_linked = False
    chart.plots[0].gap_width = GAP_WIDTH
    labels = chart.plots[0].series[-1].data_labels
    labels.show_value, labels.number_format, labels.number_format_is_linked = True, spec.number_format, False
    size, turned = label_size(spec, room / (max(1, len(spec.series)) + GAP_WIDTH / 100))
    labels.font.size = Pt(size)
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    if turned:
        labels._element.get_or_add_txPr().find(qn("a:bodyPr")).set("rot", "-5400000")
    for index, colour in enumerate(SERIES_COLOURS):
        if index < len(chart.plots[0].series):
            chart.plots[0].series[index].format.fill.solid()
            chart.plots[0].series[index].format.fill.fore_color.rgb = rgb(colour)


def _charted(ours: bool, spec: Chart) -> dict[str, bytes]:
    """Return the parts of a one-slide deck (a text box, then the chart) with the chart added by add_chart (ours)
    or by python-pptx's object model."""
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    slide.shapes.add_textbox(0, 0, 100, 100)
    if ours:
        made, package = text_slide(slide)
        add_chart(made, BOX, spec, package)
        members = written(package)
    else:
        _python_pptx_chart(slide, BOX, spec)
        out = io.BytesIO()
        deck.save(out)
        zipped = zipfile.ZipFile(out)
        members = {name: zipped.read(name) for name in zipped.namelist()}
    return {name: data for name, data in members.items() if "chart" in name or "slides/" in name}


@pytest.mark.parametrize(
    "spec",
    [
        Chart(("Route planning licences", "R&D <new>", "Yard"), (Series("Current", (980000.0, 0.0, 5.5)),)),
        _pipeline(("€589K",) * 3, 100.0, 30.0),  # labels smaller
        _pipeline(("589 Tsd. €",) * 3, 100.0, 30.0),  # labels turned
        Chart(("A", "B"), (Series("Now", (1.0, 2.0)), Series("Then", (3.0, 4.0)), Series('Third "q"', (5.0, 6.0)))),
        Chart(("Один", "Zwei & drei"), (Series("Ist", (10.0, 20.0)), Series("Ziel", (30.0, 40.0))), "", MONEY),
    ],
)
def test_a_chart_is_written_byte_for_byte_as_python_pptx_makes_and_formats_it(spec: Chart) -> None:
    """The chart part, its relationships and the frame on the slide are what python-pptx's object model writes, so a
    deck opens as it did when the charts were made with python-pptx (which cost a quarter of the deck)."""
    ours, theirs = _charted(True, spec), _charted(False, spec)
    assert ours.keys() == theirs.keys()
    for name in ours:
        if name.endswith(".xlsx"):
            continue  # the data workbook is the project's own (python-pptx's is written by XlsxWriter)
        assert ours[name] == theirs[name], name


def test_a_chart_s_series_take_the_house_colours_and_the_last_one_is_labelled() -> None:
    parts = _charted(True, _pipeline(("589 Tsd. €",) * 3, 100.0, 30.0))
    chart = parts["ppt/charts/chart1.xml"].decode()
    assert chart.index(theme.TEAL) < chart.index(theme.NAVY)
    assert chart.count("<c:dLbls>") == 1 and chart.index("<c:dLbls>") > chart.index(theme.NAVY)


def test_a_chart_s_data_workbook_holds_the_figures_the_chart_shows() -> None:
    """What PowerPoint opens for Edit Data is a workbook with the chart's categories, series names and values where
    the chart's formulas point (Sheet1, categories from A2, a series a column from B), in the chart's number format."""
    prs = Presentation(io.BytesIO(build_deck(sample.document())))
    charts = [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert charts
    for chart in charts:
        sheet = load_workbook(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob))["Sheet1"]
        plot = chart.plots[0]
        assert [sheet.cell(row, 1).value for row in range(2, len(plot.categories) + 2)] == list(plot.categories)
        for column, series in enumerate(plot.series, 2):
            assert sheet.cell(1, column).value == series.name
            values = [sheet.cell(row, column).value for row in range(2, len(series.values) + 2)]
            assert values == list(series.values)
            assert sheet.cell(2, column).number_format == "#,##0"


def test_a_chart_s_data_workbook_keeps_text_that_looks_like_an_excel_escape() -> None:
    """A category typed as _x0041_ is written escaped (_x005F_x0041_), as in every workbook the project writes, so
    Excel's Edit Data shows _x0041_ and not A."""
    sheet = load_workbook(io.BytesIO(chart_workbook(["_x0041_", "Plain"], [("Value", (1, 2))], "#,##0")))["Sheet1"]
    from generator.ooxml import escape, unescape

    assert [sheet["A2"].value, sheet["A3"].value] == [escape("_x0041_"), "Plain"]  # Excel shows _x0041_
    assert unescape(sheet["A2"].value) == "_x0041_"


def test_a_chart_s_labels_keep_their_size_where_they_fit_over_their_bars() -> None:
    assert label_size(_pipeline(("€39K",) * 3, 100, 30), bar=60) == (LABEL_POINTS[0], False)


def test_a_label_wider_than_its_bar_beside_a_taller_bar_is_smaller_or_turned() -> None:
    """The weighted value of a stage is lower than its value: a label wider than its bar would run over the
    value's bar, so it gets smaller, and turned upwards when even the smallest size is too wide."""
    size, turned = label_size(_pipeline(("€589K",) * 3, 100.0, 30.0), bar=30)
    assert size < LABEL_POINTS[0] and not turned
    assert label_size(_pipeline(("589 Tsd. €",) * 3, 100.0, 30.0), bar=30) == (LABEL_POINTS[-1], True)


def test_a_wide_label_over_the_tallest_bar_keeps_its_size() -> None:
    """A target taller than today's figure: its label spills over lower bars and gaps only, never onto a bar."""
    chart = Chart(("A", "B"), (Series("Current", (10, 20)), Series("Target", (30, 40))), labels=("1,2 Mio. €",) * 2)
    assert label_size(chart, bar=40) == (LABEL_POINTS[0], False)


def test_turned_labels_read_upwards_in_the_deck() -> None:
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    made, package = text_slide(slide)
    add_chart(made, (0, 0, 3_000_000, 3_000_000), _pipeline(("589 Tsd. €",) * 3, 100.0, 30.0), package)
    chart = parse_xml(written(package)["ppt/charts/chart1.xml"])
    labels = chart.findall(f".//{qn('c:ser')}")[-1].find(qn("c:dLbls"))
    assert labels.find(qn("c:txPr")).find(qn("a:bodyPr")).get("rot") == "-5400000"
