"""A brand's fonts: found on this machine (fontconfig) and measured from the font file itself (fontTools), so text
is fitted with the widths the reader's Office will use."""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

RANGES = ((0x20, 0x250), (0x370, 0x400), (0x400, 0x530), (0x2000, 0x2070), (0x20A0, 0x20C0), (0x2100, 0x2200))


def find(family: str) -> Path | None:
    """Return the regular font file of a family installed here (None when fontconfig has none by that name)."""
    if not family or shutil.which("fc-match") is None:
        return None
    found = subprocess.run(
        ["fc-match", "-f", "%{family}\\n%{file}", f"{family}:style=Regular"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.splitlines()
    if len(found) < 2:
        return None
    families = [name.strip().lower() for name in found[0].split(",")]
    return Path(found[1]) if family.strip().lower() in families else None


@cache
def widths(family: str) -> dict[int, float] | None:
    """Return the advance widths (em) of a font family's characters, or None when it is not installed."""
    path = find(family)
    if path is None:
        return None
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    try:
        with TTFont(str(path), fontNumber=0) as font:
            cmap, advances, units = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
            return {
                code: advances[cmap[code]][0] / units
                for start, end in RANGES
                for code in range(start, end)
                if code in cmap
            }
    except Exception:  # an unreadable font file measures as the house font
        return None
