"""Cell looks and the workbook's stylesheet, numbered and written as openpyxl numbers and writes them.

Fonts, fills, borders and number formats are numbered when a look is first used; cell formats (xf) when a
sheet is written, in the order its cells are written; highlight styles (dxf) as their rules are written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from generator.writers.xlsx.xml import attribute

BUILTIN_FORMATS = {  # the number formats Excel knows by number (ECMA-376 18.8.30)
    "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11,
    "# ?/?": 12, "# ??/??": 13, "mm-dd-yy": 14, "d-mmm-yy": 15, "d-mmm": 16, "mmm-yy": 17, "h:mm AM/PM": 18,
    "h:mm:ss AM/PM": 19, "h:mm": 20, "h:mm:ss": 21, "m/d/yy h:mm": 22, "#,##0 ;(#,##0)": 37,
    "#,##0 ;[Red](#,##0)": 38, "#,##0.00;(#,##0.00)": 39, "#,##0.00;[Red](#,##0.00)": 40, "mm:ss": 45,
    "[h]:mm:ss": 46, "mmss.0": 47, "##0.0E+0": 48, "@": 49,
}  # fmt: skip
FIRST_CUSTOM = 164
_DEFAULT_FONT = (
    '<font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font>'
)
_DEFAULT_FILLS = ("<fill><patternFill/></fill>", '<fill><patternFill patternType="gray125"/></fill>')
_DEFAULT_BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>"
_NORMAL = (
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles>',
)
_TABLE_STYLES = '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>'
_INDEXED = (  # openpyxl writes the legacy palette into every stylesheet  # noqa: SIM905
    "00000000 00FFFFFF 00FF0000 0000FF00 000000FF 00FFFF00 00FF00FF 0000FFFF 00000000 00FFFFFF 00FF0000 0000FF00 "
    "000000FF 00FFFF00 00FF00FF 0000FFFF 00800000 00008000 00000080 00808000 00800080 00008080 00C0C0C0 00808080 "
    "009999FF 00993366 00FFFFCC 00CCFFFF 00660066 00FF8080 000066CC 00CCCCFF 00000080 00FF00FF 00FFFF00 0000FFFF "
    "00800080 00800000 00008080 000000FF 0000CCFF 00CCFFFF 00CCFFCC 00FFFF99 0099CCFF 00FF99CC 00CC99FF 00FFCC99 "
    "003366FF 0033CCCC 0099CC00 00FFCC00 00FF9900 00FF6600 00666699 00969696 00003366 00339966 00003300 00333300 "
    "00993300 00993366 00333399 00333333"
).split()
_COLORS = "<colors><indexedColors>" + "".join(f'<rgbColor rgb="{c}"/>' for c in _INDEXED) + "</indexedColors></colors>"


def _rgb(colour: str) -> str:
    """Return a colour as openpyxl writes it: eight hex digits, alpha first."""
    return colour if len(colour) == 8 else f"00{colour}"


@dataclass(frozen=True)
class Font:
    """A cell's font: bold, size (points) and colour (hex); unset parts keep the workbook's default."""

    bold: bool = False
    size: float | None = None
    colour: str | None = None

    def xml(self) -> str:
        """Return the font as a stylesheet entry."""
        bold = '<b val="1"/>' if self.bold else ""
        colour = f'<color rgb="{_rgb(self.colour)}"/>' if self.colour else ""
        size = f'<sz val="{self.size:.16g}"/>' if self.size is not None else ""
        return f"<font>{bold}{colour}{size}</font>"


@dataclass(frozen=True)
class Fill:
    """A solid background colour (hex)."""

    colour: str

    def xml(self) -> str:
        """Return the fill as a stylesheet entry."""
        return f'<fill><patternFill patternType="solid"><fgColor rgb="{_rgb(self.colour)}"/></patternFill></fill>'


@dataclass(frozen=True)
class Border:
    """Thin rules of one colour on some sides of a cell."""

    colour: str
    sides: tuple[str, ...] = ("bottom",)

    def xml(self) -> str:
        """Return the border as a stylesheet entry, its sides in the order Excel expects."""
        rule = f'style="thin"><color rgb="{_rgb(self.colour)}"/>'
        drawn = "".join(f"<{s} {rule}</{s}>" for s in ("left", "right", "top", "bottom") if s in self.sides)
        return f"<border>{drawn}</border>"


@dataclass(frozen=True)
class Align:
    """Where text sits in a cell and whether it wraps."""

    horizontal: str | None = None
    vertical: str | None = None
    wrap: bool = False
    indent: int = 0

    def xml(self) -> str:
        """Return the alignment element of a cell format."""
        parts = [f'horizontal="{self.horizontal}"'] if self.horizontal else []
        parts += [f'vertical="{self.vertical}"'] if self.vertical else []
        parts += ['wrapText="1"'] if self.wrap else []
        parts += [f'indent="{self.indent}"'] if self.indent else []
        return f"<alignment {' '.join(parts)}/>"


@dataclass(frozen=True)
class Look:
    """Everything a cell's format holds; the default look writes no style at all."""

    font: Font | None = None
    fill: Fill | None = None
    border: Border | None = None
    align: Align | None = None
    number_format: str = "General"
    _hash: int = field(init=False, repr=False, compare=False)  # worked out once: a look is looked up for every cell

    def __post_init__(self) -> None:
        """Work the look's hash out once."""
        object.__setattr__(self, "_hash", hash((self.font, self.fill, self.border, self.align, self.number_format)))

    def __hash__(self) -> int:
        """Return the look's hash."""
        return self._hash


@dataclass(frozen=True)
class Highlight:
    """What a conditional rule paints: a fill and, optionally, bold or coloured text."""

    fill: str
    bold: bool = False
    colour: str | None = None

    def xml(self) -> str:
        """Return the highlight as a differential style (dxf)."""
        font = Font(bold=self.bold, colour=self.colour).xml() if self.bold or self.colour else ""
        return f"<dxf>{font}{Fill(self.fill).xml()}</dxf>"


DEFAULT = Look()
_NO_ALIGN = Align()  # made once: compared with each look numbered


class Styles:
    """The workbook's fonts, fills, borders, number formats, cell formats and highlight styles, numbered in use."""

    def __init__(self) -> None:
        self.fonts: dict[str, int] = {_DEFAULT_FONT: 0}
        self.fills: dict[str, int] = {xml: i for i, xml in enumerate(_DEFAULT_FILLS)}
        self.borders: dict[str, int] = {_DEFAULT_BORDER: 0}
        self.formats: dict[str, int] = {}
        self.parts: dict[Look, tuple[int, int, int, int]] = {DEFAULT: (0, 0, 0, 0)}
        self.xfs: dict[tuple[int, int, int, int, Align | None], int] = {(0, 0, 0, 0, None): 0}
        self.numbered: dict[Look, int] = {DEFAULT: 0}  # each look's cell format, once written
        self.dxfs: dict[str, int] = {}
        self.used: dict[int, Look] = {}  # each look object already numbered, by identity (kept: its id stays its)

    def use(self, look: Look) -> None:
        """Number a look's font, fill, border and number format, as openpyxl does when a cell is given them (a
        look object met before is known by its identity, without hashing it)."""
        if id(look) in self.used:
            return
        self.used[id(look)] = look
        if look not in self.parts:
            font = _number(self.fonts, look.font.xml()) if look.font else 0
            fill = _number(self.fills, look.fill.xml()) if look.fill else 0
            border = _number(self.borders, look.border.xml()) if look.border else 0
            self.parts[look] = (self.number_format(look.number_format), font, fill, border)

    def xf(self, look: Look) -> int:
        """Return the number of a look's cell format, numbering it the first time a cell is written."""
        found = self.numbered.get(look)
        if found is None:
            self.use(look)  # a look first seen here has its parts numbered now
            align = look.align if look.align != _NO_ALIGN else None  # a default alignment is no alignment
            found = self.numbered[look] = _number(self.xfs, (*self.parts[look], align))
        return found

    def dxf(self, highlight: Highlight) -> int:
        """Return the number of a highlight's differential style."""
        return _number(self.dxfs, highlight.xml())

    def number_format(self, code: str) -> int:
        """Return a number format's id: Excel's own, or the next custom one."""
        builtin = BUILTIN_FORMATS.get(code)
        if builtin is not None:
            return builtin
        return FIRST_CUSTOM + _number(self.formats, code)

    def xml(self) -> bytes:
        """Return the stylesheet (styles.xml)."""
        formats = "".join(
            f'<numFmt numFmtId="{FIRST_CUSTOM + i}" formatCode="{attribute(c)}"/>' for c, i in self.formats.items()
        )
        parts = [f'<numFmts count="{len(self.formats)}">{formats}</numFmts>'] if self.formats else []
        parts += [_listed("fonts", self.fonts), _listed("fills", self.fills), _listed("borders", self.borders)]
        parts += [_NORMAL[0], _listed("cellXfs", {_xf(*key): i for key, i in self.xfs.items()}), _NORMAL[1]]
        parts += [_listed("dxfs", self.dxfs), _TABLE_STYLES, _COLORS]
        namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        return f'<styleSheet xmlns="{namespace}">{"".join(parts)}</styleSheet>'.encode()


Key = TypeVar("Key")


def _number(numbered: dict[Key, int], key: Key) -> int:
    """Return a key's number in a numbered dict, adding it as the next one when new."""
    found = numbered.get(key)
    if found is None:
        found = numbered[key] = len(numbered)
    return found


def _listed(tag: str, entries: dict[str, int]) -> str:
    """Return a counted list of stylesheet entries in their numbered order."""
    if not entries:
        return f'<{tag} count="0"/>'
    return f'<{tag} count="{len(entries)}">{"".join(entries)}</{tag}>'


def _xf(number_format: int, font: int, fill: int, border: int, align: Align | None) -> str:
    """Return one cell format entry."""
    head = f'<xf numFmtId="{number_format}" fontId="{font}" fillId="{fill}" borderId="{border}"'
    if align is None:
        return f'{head} pivotButton="0" quotePrefix="0" xfId="0"/>'
    return f'{head} applyAlignment="1" pivotButton="0" quotePrefix="0" xfId="0">{align.xml()}</xf>'


PADDING = "_)"  # a space as wide as ")" after a figure, as accounting formats end


def padded(number_format: str) -> str:
    """Return a number format whose every section ends in a space as wide as ')': a right-aligned figure keeps that
    gap from the left-aligned text of the column after it (2 Neutral, not 2Neutral), in Excel and LibreOffice."""
    sections, quoted, start = [], False, 0
    for index, char in enumerate(number_format):
        if char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            sections.append(number_format[start:index])
            start = index + 1
    sections.append(number_format[start:])
    return ";".join(section + PADDING for section in sections)
