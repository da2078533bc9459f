"""How a worksheet prints: A4 landscape, margins, running header and footer, and a legible scale.

A sheet that fits the page width at 70 % or more is scaled to fit; a wider one prints at 85 % over several
pages, broken between columns, with its first column repeated; a chart beside a table starts a page of its own.
"""

from __future__ import annotations

import math

from generator.document.blocks import Meta
from generator.writers.xlsx.book import Printing, Sheet
from generator.writers.xlsx.xml import letter

USABLE_POINTS = (297 / 25.4 * 72 - 72) * 0.97  # A4 landscape less half-inch margins, and a little room
SMALLEST_SCALE, WIDE_SCALE = 70, 85
NARROW = 20  # characters
HEADER_LIMIT = 240  # Excel allows 255 characters in a header, codes included
UNSET_WIDTH = 13  # what a column without a width of its own gets once printing measures it (as openpyxl)
RUNNING_SIZE = 10  # header and footer: 7 pt or more even where LibreOffice scales them with the sheet


def page(ws: Sheet, meta: Meta) -> None:
    """Set paper (A4 landscape), margins and the running header and footer of a sheet."""
    before, between = meta.page_footer
    footer = _escaped(before.strip(" ")) + " &P" + _escaped(between.rstrip(" ")) + " &N"
    ws.printing = Printing(header=_running(_running_head(meta)), footer=_running(footer))


def _running(text: str) -> str:
    """Return a running header or footer as its left-hand section in the running size."""
    return f"&L&{RUNNING_SIZE} {text}"


def _running_head(meta: Meta) -> str:
    """Return the running head: the document's header and the sheet's name (&A) in one left-hand section, so a
    long title wraps rather than running over the right-hand one; the account alone where Excel's 255
    characters would not hold it."""
    company = f"{meta.look.company} · " if meta.look.company else ""  # the seller's name leads, when branded
    for head in (company + meta.header, meta.header, meta.account, ""):
        text = f"{_escaped(head)} · &A" if head else "&A"
        if len(text) <= HEADER_LIMIT:
            return text
    return "&A"


def _escaped(text: str) -> str:
    """Return text safe in a header: an ampersand starts a code there, so it is doubled."""
    return text.replace("&", "&&")


def points(width: float | None) -> float:
    """Return the printed width of a column (Excel's width in characters of Calibri 11) in points, as
    LibreOffice prints it (measured: 5.55 points a character)."""
    return 5.6 * (width if width is not None else 8.43) + 1


def fit(ws: Sheet, chart_after: int = 0, printed: int = 0) -> None:
    """Scale a sheet to the page width, or break a wide one between columns; a chart gets its own page; only
    the first printed columns print when given (settings columns at the end do not)."""
    setup = ws.printing
    assert setup is not None
    for index in range(1, ws.max_column + 1):
        ws.widths.setdefault(index, UNSET_WIDTH)
    shown = [0.0 if i in ws.hidden else points(ws.widths[i]) for i in range(1, ws.max_column + 1)]
    if printed:
        shown = shown[:printed]
        setup.area = f"$A$1:${letter(printed)}${ws.max_row}"
    total = sum(shown[:chart_after] if chart_after else shown)
    if total * SMALLEST_SCALE / 100 <= USABLE_POINTS:
        setup.scale = min(100, math.floor(USABLE_POINTS / total * 100)) if total else 100
    else:
        setup.scale = WIDE_SCALE
        setup.breaks += _breaks(shown[:chart_after] if chart_after else shown, WIDE_SCALE)
        setup.title_columns = "$A:$B" if _narrow(ws.widths.get(1)) else "$A:$A"
    if chart_after:
        setup.breaks.append(chart_after)


def _narrow(width: float | None) -> bool:
    """Return True for a first column that says little alone (a level, a category): the next one repeats too."""
    return width is not None and width <= NARROW


def _breaks(widths: list[float], scale: int) -> list[int]:
    """Return the columns after which a page ends when printing at a scale, the title columns repeated."""
    repeated = sum(widths[:2]) if widths[0] <= points(NARROW) else widths[0]
    breaks, used = [], 0.0
    for index, width in enumerate(widths):
        printed = width * scale / 100
        if used + printed > USABLE_POINTS and index > 2:
            breaks.append(index)
            used = repeated * scale / 100
        used += printed
    return breaks
