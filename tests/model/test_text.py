"""Text values are cleaned of what a document cannot hold, and text with nothing to clean is left as it is."""

from __future__ import annotations

import random

import pytest

from generator.model.text import clean_text, clean_tree

TRICKY = ["a", " ", "é", "Ж", "\t", "\n", "\r", "\r\n", "\x00", "\x0b", "\x1f", "\x7f", "\u00a0", "\u2028", "\ud800"]
TRICKY += ["\ufffe", "\uffff", "\ufffd", "\U0001f600", "\u200b", "\u0301", "€"]


@pytest.mark.parametrize("seed", range(300))
def test_text_is_cleaned_as_the_full_clean_cleans_it(seed: int) -> None:
    """Printable text skips the clean (nothing in it can be taken out); any other text is cleaned and its removed
    characters reported, exactly as the full clean does it for every text."""
    rng = random.Random(seed)
    text = "".join(rng.choice(TRICKY) for _ in range(rng.randint(0, 12)))
    cleaned, warnings = clean_tree({"notes": [text]})
    assert cleaned == {"notes": [clean_text(text)]}
    removed = clean_text(text) != text.replace("\r\n", "\n").replace("\r", "\n")
    assert bool(warnings) == removed
