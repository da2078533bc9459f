"""Text fitting: sizes never below the minimum, shortened text always marked."""

from __future__ import annotations

import random

import pytest

from generator.writers.textfit import fit, height_of, longest_word, measured_in, shorten, text_width, widest, wrap


def test_wrap_breaks_words_then_characters() -> None:
    assert wrap("alpha beta", 1000, 10) == ["alpha beta"]
    assert all(len(line) < 40 for line in wrap("x" * 200, 100, 10))


def test_fit_picks_the_largest_size_that_fits() -> None:
    short = fit(["A short line"], 400, 100, largest=24)
    assert short.size == 24 and not short.shortened
    long = fit(["word " * 200], 300, 100, largest=24, smallest=10)
    assert long.size == 10 and long.shortened


def test_shortened_text_fits_and_ends_with_an_ellipsis() -> None:
    paragraphs = ["one " * 50, "two " * 300, "three " * 50]
    cut = shorten(paragraphs, 300, 150, 10, 3)
    assert cut[-1].endswith("…")
    assert height_of(cut, 300, 10, 3) <= 150


def test_shorten_cuts_the_previous_paragraph_when_the_next_has_no_room() -> None:
    cut = shorten(["a " * 39, "b" * 400], 100, 40, 10, 3)
    assert cut[-1].endswith("…") and height_of(cut, 100, 10, 3) <= 40


def test_the_widest_word_is_the_widest_text_width_in_any_font() -> None:
    """Tables size columns by their widest word: measured at once, it is exactly what word by word gave."""
    import random

    rng = random.Random(3)
    letters = "aiWMl.Ж ßé€1-"
    for font in ("", "DejaVu Sans", "Caladea"):
        with measured_in(font):
            for size in (7.5, 10, 11 * 1.05, 14):
                words = ["".join(rng.choices(letters, k=rng.randint(1, 12))) for _ in range(rng.randint(0, 30))]
                assert widest(words, size) == max((text_width(w, size) for w in words), default=0.0)
                text = " ".join(words) + "\n  " + "".join(words[:2])
                assert longest_word(text, size) == widest(text.split(), size)  # a text's widest word, kept


@pytest.mark.parametrize("seed", range(500))
def test_lines_are_counted_as_many_as_wrapping_makes(seed: int) -> None:
    """Counting a text's lines without making them gives as many as wrapping makes, at any width (negative,
    none, at a word's edge), with empty, doubled, leading and trailing spaces, line breaks and words longer than a
    line."""
    from generator.writers import textfit

    rng = random.Random(seed)
    words = ["", "", "a", "Wahrscheinlichkeit", "Управление", "x" * 40, "fi", "Ländergeschäftsführungen", "—", "\n"]
    text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
    word = textfit._ems_in(rng.choice(words), "")
    width = rng.choice([word, word * (1 + 1e-12), word * (1 - 1e-12), word * 2.5, 0.5, 3.0, 7.3, 0.0, -1.0, 1e9])
    assert textfit._count(text, width, "") == len(textfit._wrap(text, width, ""))


@pytest.mark.parametrize("seed", range(300))
def test_a_paragraph_that_fits_at_a_glance_wraps_as_word_by_word(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph measured whole and found to fit is the one line the word-by-word wrapping makes of it, also
    right at the edge of the width, with leading, doubled and trailing spaces, and words longer than a line."""
    from generator.writers import textfit

    rng = random.Random(seed)
    words = ["", "a", "Wahrscheinlichkeit", "Управление", "x" * 40, "fi", "Ländergeschäftsführungen", "€1.2M", "—"]
    paragraph = " ".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
    whole = sum(map(textfit._width_of(""), paragraph))
    width = rng.choice([whole, whole * (1 + 1e-12), whole * (1 - 1e-12), whole * 1.01, whole * 0.5, 3.0, 0.0])
    at_a_glance = textfit._wrap_paragraph(paragraph, width, "")
    monkeypatch.setattr(textfit, "_CLEARLY", float("-inf"))  # no paragraph fits at a glance: word by word
    assert at_a_glance == textfit._wrap_paragraph(paragraph, width, "")


def test_a_text_counted_at_several_widths_in_turn_is_counted_as_wrapping_makes_it() -> None:
    """A paragraph's words are measured once and reused at every width it is counted at (fitting tries several
    sizes): each count is still what wrapping at that width makes."""
    from generator.writers import textfit

    text = "Ländergeschäftsführungen fi  Управление a\nWahrscheinlichkeit — x"
    for width in (30.0, 12.0, 7.3, 3.0, 30.0, 0.5, 12.0):
        assert textfit._count(text, width, "") == len(textfit._wrap(text, width, ""))


def test_remembered_word_widths_are_forgotten_all_at_once_past_their_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """A font's remembered words never pass their bound (a batch of thousands of accounts must not grow memory),
    and a word measured again after it was forgotten has the same width, its characters' widths summed in order."""
    from generator.writers import textfit

    monkeypatch.setattr(textfit, "REMEMBERED_WORDS", 4)
    monkeypatch.setitem(textfit._WORD_EMS, "", {})
    widths = [textfit._ems_in(word, "") for word in ("Grüße", "a", "Пр", "€1", "x", "Grüße", "fi", "—")]
    assert len(textfit._WORD_EMS[""]) <= 4
    assert widths[0] == widths[5] == sum(map(textfit._width_of(""), "Grüße"))
