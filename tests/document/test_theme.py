"""Every status and stance word is readable on its fill: WCAG AA contrast (4.5:1) or better."""

from __future__ import annotations

import pytest

from generator.document import theme


def _luminance(colour: str) -> float:
    """Return the relative luminance of an RRGGBB colour (WCAG 2)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """Return the WCAG contrast ratio of two colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    "fill", sorted({*theme.RAG.values(), *theme.STANCE.values(), theme.NO_RAG, *theme.QUADRANT.values()})
)
def test_status_words_read_on_their_fill(fill: str) -> None:
    assert contrast(theme.text_on(fill), fill) >= 4.5


def test_white_headings_read_on_the_accents() -> None:
    assert contrast(theme.WHITE, theme.NAVY) >= 4.5 and contrast(theme.WHITE, theme.TEAL) >= 4.5
