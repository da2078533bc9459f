"""Write generator/writers/metrics.py: advance widths (em, rounded up) of Carlito, the theme font, for the letters
beyond ASCII the catalogues and examples use (accented Latin, Cyrillic, punctuation). Run after changing fonts:

    pip install fonttools && python office_templates/make_metrics.py
"""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

FONT = Path("/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf")
RANGES = ((0x00A0, 0x0180), (0x0400, 0x0460), (0x2010, 0x2040), (0x20AC, 0x20AD), (0x2116, 0x2117), (0x2212, 0x2213))
OUT = Path(__file__).resolve().parent.parent / "generator" / "writers" / "metrics.py"


def main() -> None:
    """Measure every character of RANGES the font has and write the table."""
    font = TTFont(FONT)
    cmap, advances, units = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    widths = {
        code: math.ceil(advances[cmap[code]][0] / units * 100) / 100
        for start, end in RANGES
        for code in range(start, end)
        if code in cmap
    }
    rows = "".join(f"    {code:#06x}: {width},  # {_shown(chr(code))}\n" for code, width in sorted(widths.items()))
    OUT.write_text(
        '"""Advance widths in em of Carlito (the theme font) beyond ASCII: accented Latin, Cyrillic, punctuation.\n\n'
        'Written by office_templates/make_metrics.py from the font file (fontTools); do not edit by hand."""\n\n'
        f"WIDTHS: dict[int, float] = {{\n{rows}}}\n",
        encoding="utf-8",
    )


def _shown(char: str) -> str:
    """Return the character, or its Unicode name when it would be invisible."""
    return char if char.isprintable() and not char.isspace() else unicodedata.name(char, hex(ord(char))).lower()


if __name__ == "__main__":
    main()
