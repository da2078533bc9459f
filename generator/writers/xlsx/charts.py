"""A table's native chart as DrawingML text, as openpyxl writes it: a column chart of some of its columns with the
last series labelled, or the influence-interest scatter with one labelled point per person."""

from __future__ import annotations

from dataclasses import dataclass

from generator.document import theme
from generator.writers.xlsx.xml import attribute, letter, text

SERIES = (theme.TEAL, theme.NAVY)
_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
_SPACE = '<chartSpace xmlns="http://schemas.openxmlformats.org/drawingml/2006/chart">'
_TAIL = '<plotVisOnly val="0"/><dispBlanksAs val="gap"/></chart></chartSpace>'
_SHOWN = ("LegendKey", "Val", "CatName", "SerName", "Percent", "BubbleSize", "LeaderLines")
_TICKS = '<majorTickMark val="none"/><minorTickMark val="none"/>'
_SMALL = f'<txPr><a:bodyPr {_A}/><a:p {_A}><a:pPr><a:defRPr sz="900"/></a:pPr><a:r><a:t></a:t></a:r></a:p></txPr>'


@dataclass(frozen=True)
class ColumnChart:
    """Columns of a table's series side by side per category; money on the axis, the last series labelled."""

    title: str
    sheet: str  # quoted
    header: int  # the table's header row; its data rows follow down to last
    last: int
    category: int  # the column of the categories
    series: tuple[int, ...]  # the columns of the series
    money: tuple[str, str]  # the axis format, the labels' (abbreviated) format

    def xml(self) -> bytes:
        """Return the chart part."""
        categories = f"<cat><numRef><f>{self._range(self.category)}</f></numRef></cat>"
        series = "".join(self._series(i, column, categories) for i, column in enumerate(self.series))
        axes = (
            '<catAx><axId val="10"/><scaling><orientation val="minMax"/></scaling><delete val="0"/><axPos val="l"/>'
            f'{_TICKS}<crossAx val="100"/><lblOffset val="100"/></catAx><valAx><axId val="100"/><scaling>'
            '<orientation val="minMax"/></scaling><delete val="0"/><axPos val="l"/><majorGridlines/>'
            f'<numFmt formatCode="{attribute(self.money[0])}" sourceLinked="0"/>{_TICKS}<crossAx val="10"/></valAx>'
        )
        plot = f'<barChart><barDir val="col"/><grouping val="clustered"/>{series}<gapWidth val="150"/>'
        plot += f'<axId val="10"/><axId val="100"/></barChart>{axes}'
        legend = '<legend><legendPos val="b"/></legend>'
        return f"{_SPACE}<chart>{_title(self.title)}<plotArea>{plot}</plotArea>{legend}{_TAIL}".encode()

    def _range(self, column: int) -> str:
        """Return the absolute range of a column's data rows."""
        return f"{self.sheet}!${letter(column)}${self.header + 1}:${letter(column)}${self.last}"

    def _series(self, index: int, column: int, categories: str) -> str:
        """Return one series: its name from the header, its colour, its values (labels on the last one)."""
        name = f"<tx><strRef><f>{self.sheet}!{letter(column)}{self.header}</f></strRef></tx>"
        colour = SERIES[index] if index < len(SERIES) else None
        fill = f'<a:solidFill {_A}><a:srgbClr val="{colour}"/></a:solidFill>' if colour else ""
        line = f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>' if colour else ""
        shape = f'<spPr>{fill}<a:ln {_A}>{line}<a:prstDash val="solid"/></a:ln></spPr>'
        labels = ""
        if index == len(self.series) - 1:  # the figure that counts (target, weighted); side by side, two collide
            labels = f'<dLbls><numFmt formatCode="{attribute(self.money[1])}" sourceLinked="0"/>{_SMALL}'
            labels += '<dLblPos val="outEnd"/>'
            labels += f"{_shown('Val')}</dLbls>"
        values = f"<val><numRef><f>{self._range(column)}</f></numRef></val>"
        return f'<ser><idx val="{index}"/><order val="{index}"/>{name}{shape}{labels}{categories}{values}</ser>'


@dataclass(frozen=True)
class Scatter:
    """The influence-interest scatter: one filled point per person at their place, labelled with their name;
    grid lines mark the 3 x 3 cells, the axes have titles and no numbers."""

    title: str
    sheet: str  # quoted
    rows: range
    columns: tuple[int, int, int]  # x, y, name
    axis_titles: tuple[str, str]

    def xml(self) -> bytes:
        """Return the chart part."""
        x, y, name = (letter(c) for c in self.columns)
        marker = (
            f'<marker><symbol val="circle"/><size val="8"/><spPr><a:solidFill {_A}><a:srgbClr val="{theme.TEAL}"/>'
            f'</a:solidFill><a:ln {_A}><a:solidFill><a:srgbClr val="{theme.NAVY}"/></a:solidFill>'
            '<a:prstDash val="solid"/></a:ln></spPr></marker>'
        )
        shape = f'<spPr><a:ln {_A}><a:noFill/><a:prstDash val="solid"/></a:ln></spPr>{marker}'
        labels = f'<dLbls>{_SMALL}<dLblPos val="r"/>{_shown("SerName")}</dLbls>'
        series = "".join(
            f'<ser><idx val="{i}"/><order val="{i}"/><tx><strRef><f>{self.sheet}!${name}${row}</f></strRef></tx>'
            f"{shape}{labels}<xVal><numRef><f>{self.sheet}!${x}${row}</f></numRef></xVal>"
            f"<yVal><numRef><f>{self.sheet}!${y}${row}</f></numRef></yVal></ser>"
            for i, row in enumerate(self.rows)
        )
        axes = _axis(10, 20, self.axis_titles[0]) + _axis(20, 10, self.axis_titles[1])
        plot = f'<scatterChart>{series}<axId val="10"/><axId val="20"/></scatterChart>{axes}'
        return f'{_SPACE}<style val="13"/><chart>{_title(self.title)}<plotArea>{plot}</plotArea>{_TAIL}'.encode()


def _axis(number: int, crosses: int, title: str) -> str:
    """Return one of the scatter's value axes: 0.5 to 3.5 in steps of 1, grid lines, a bold title, no numbers."""
    scaling = '<scaling><orientation val="minMax"/><max val="3.5"/><min val="0.5"/></scaling>'
    look = 'sz="1100" b="1"'
    heading = (
        f"<title><tx><rich><a:bodyPr {_A}/><a:p {_A}><a:pPr><a:defRPr {look}/></a:pPr><a:r><a:rPr {look}/>"
        f'<a:t>{text(title)}</a:t></a:r></a:p></rich></tx><overlay val="0"/></title>'
    )
    return (
        f'<valAx><axId val="{number}"/>{scaling}<delete val="0"/><axPos val="l"/><majorGridlines/>{heading}'
        f'<numFmt formatCode=";;;" sourceLinked="0"/>{_TICKS}<crossAx val="{crosses}"/><majorUnit val="1"/></valAx>'
    )


def _title(title: str) -> str:
    """Return a chart's title."""
    paragraph = f"<a:p {_A}><a:pPr><a:defRPr/></a:pPr><a:r><a:t>{text(title)}</a:t></a:r></a:p>"
    return f"<title><tx><rich><a:bodyPr {_A}/>{paragraph}</rich></tx></title>"


def _shown(what: str) -> str:
    """Return data label flags that show only what is named (LibreOffice shows what is left unset)."""
    return "".join(f'<show{flag} val="{int(flag == what)}"/>' for flag in _SHOWN)
