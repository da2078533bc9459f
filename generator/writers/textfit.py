"""Text measurement for slides: how many lines a text takes in a box, and the size that fits.

Widths approximate Calibri/Carlito (the theme font) from a fixed table, erring wide, so the
layout is the same on every machine and text never spills in PowerPoint or LibreOffice.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import repeat

from generator.writers import fonts
from generator.writers.metrics import WIDTHS

EMU_PER_PT = 12700
LINE_SPACING = 1.25
SAFETY = 1.08
BOLD = 1.07  # a bold run is this much wider
# advance widths in em of Calibri, rounded up
_NARROW = dict.fromkeys("ijlI.,:;'|!", 0.25) | dict.fromkeys('ftr()[]{}/\\-"` ', 0.36)
_WIDE = dict.fromkeys("mwMW@%", 0.86) | dict.fromkeys("ABCDGHKNOQRUVXY&", 0.63)
_DIGITS = dict.fromkeys("0123456789€$£#+=<>~^*_", 0.51)
_SPACES = "\u00a0\u202f\u2009"  # no-break and thin spaces (Babel's separators) measure as a space


_FONT: ContextVar[str] = ContextVar("font", default="")  # a brand's body font while a document is written


@contextmanager
def measured_in(family: str) -> Iterator[None]:
    """Measure text in a brand's font while the block runs (its real widths; the house font when it is not
    installed or no font is given)."""
    token = _FONT.set(family if family and fonts.widths(family) is not None else "")
    try:
        yield
    finally:
        _FONT.reset(token)


def measuring_font() -> str:
    """Return the font text is measured in now ('' for the house font): part of any cache of fitted text."""
    return _FONT.get()


def char_width(char: str) -> float:
    """Return the advance width of one character in em, in the brand's font when one is in use."""
    return _width_of(_FONT.get())(char)


@cache
def _width_of(family: str) -> Callable[[str], float]:
    """Return what gives a character's width in em in a font ('' for the house font): its own widths, the house
    font's where it has none; each character looked up once (a C-level cache: no Python call a character)."""
    if not family:
        return _house_width
    widths = fonts.widths(family) or {}

    @cache
    def width(char: str) -> float:
        found = widths.get(ord(char))
        return _house_width(char) if found is None else found

    return width


@cache
def _house_width(char: str) -> float:
    """Return the advance width of one character in the house font (Carlito, Calibri's twin): the fixed table for
    ASCII, the font's own widths for accented Latin, Cyrillic and punctuation."""
    if char in _SPACES:
        char = " "
    if ord(char) in WIDTHS:
        return WIDTHS[ord(char)]
    if char in _NARROW:
        return _NARROW[char]
    if char in _WIDE:
        return _WIDE[char]
    if char in _DIGITS:
        return _DIGITS[char]
    if unicodedata.east_asian_width(char) in "WF" or ord(char) >= 0x1F000:
        return 1.0
    if char.isupper():
        return 0.62
    if unicodedata.combining(char):
        return 0.0
    return 0.5


def _ems(text: str) -> float:
    """Return the width of text in em (in the font in use)."""
    return _ems_in(text, _FONT.get())


_CHAR_EMS: dict[str, dict[str, float]] = {}  # per font ('' the house font): each character's width met so far
_WORD_EMS: dict[str, dict[str, float]] = {}  # per font: each word's width met so far
REMEMBERED_WORDS = 65_536  # words remembered per font: bounded for long batches (forgotten all at once when full)


def _summed_ems(text: str, family: str) -> float:
    """Return the width of text in em in a font ('' for the house font), its characters' widths summed in order;
    each character looked up in a dict (a cached function called for each character cost a tuple a call)."""
    known = _CHAR_EMS.get(family)
    if known is None:
        known = _CHAR_EMS[family] = {}
    try:
        return sum(map(known.__getitem__, text))
    except KeyError:  # a character met for the first time in this font
        width = _width_of(family)
        known.update((char, width(char)) for char in set(text) if char not in known)
        return sum(map(known.__getitem__, text))


def _ems_in(word: str, family: str) -> float:
    """Return the width of a word in em in a font, remembered: words recur across tables and fitting tries (a dict
    looked up, with no call: the cached function called from compiled code cost two tuples a word)."""
    known = _WORD_EMS.get(family)
    if known is None:
        known = _WORD_EMS[family] = {}
    found = known.get(word)
    if found is None:
        if len(known) >= REMEMBERED_WORDS:
            known.clear()
        found = known[word] = _summed_ems(word, family)
    return found


def text_width(text: str, size_pt: float) -> float:
    """Return the width of a line of text in points."""
    return _ems(text) * size_pt * SAFETY


def widest(words: Iterable[str], size_pt: float) -> float:
    """Return the width in points of the widest of words (0 for none): the largest text_width, each word looked
    up in the font once (tables ask this for every word of every cell)."""
    return max(map(_ems_in, set(words), repeat(_FONT.get())), default=0.0) * size_pt * SAFETY  # map: no frame a word


def longest_word(text: str, size_pt: float) -> float:
    """Return the width in points of the widest word of a text (0 for none): widest() of its words, the widest
    looked up once per text (decks, Word documents and workbooks measure the same cells at several sizes)."""
    return _longest_ems(text, _FONT.get()) * size_pt * SAFETY


def header_width(header: str, size_pt: float) -> float:
    """Return the width in points a header needs: its widest word's, or the whole header's when it holds a bracketed
    group ("Сила отношений (1–5)" on one line: in a narrower column LibreOffice fills the first line up to the dash,
    "Сила отношений (1–" over "5)")."""
    return text_width(header, size_pt) if " (" in header else longest_word(header, size_pt)


def longest_words(texts: Iterable[str], size_pt: float) -> list[float]:
    """Return what longest_word returns for each of texts (map: no frame a text)."""
    return [ems * size_pt * SAFETY for ems in map(_longest_ems, texts, repeat(_FONT.get()))]


@lru_cache(maxsize=16_384)  # bounded: batches of many accounts must not grow memory
def _longest_ems(text: str, family: str) -> float:
    """Return the width in em of the widest word of a text in a font."""
    return max(map(_ems_in, set(text.split()), repeat(family)), default=0.0)


_CLEARLY = 1 - 1e-9  # a width summed character by character errs far less than this from one summed word by word


def wrap(text: str, width_pt: float, size_pt: float) -> list[str]:
    """Return the lines text breaks into at a width (words first, then characters)."""
    return list(_wrap(text, width_pt / (size_pt * SAFETY), _FONT.get()))


def line_count(text: str, width_pt: float, size_pt: float) -> int:
    """Return how many lines text breaks into at a width (what len(wrap(...)) says, counted: no line is made)."""
    return _count(text, width_pt / (size_pt * SAFETY), _FONT.get())


@lru_cache(maxsize=4_096)  # bounded: batches of many accounts must not grow memory
def _count(text: str, width_em: float, family: str) -> int:
    """Return how many lines text breaks into at a width in em in a font (cached: fitting tries many sizes)."""
    return sum(_count_paragraph(paragraph, width_em, family) for paragraph in text.split("\n"))


_paragraph_ems = lru_cache(maxsize=4_096)(_summed_ems)  # a paragraph is counted at several widths; kept apart
# from the words (most paragraphs are too long to be worth keeping with them); bounded for long batches


def _count_paragraph(paragraph: str, width_em: float, family: str) -> int:
    """Return how many lines _wrap_paragraph makes of a paragraph, its steps taken without making the lines: a
    line's text matters only as empty or not (an empty word starts one that is)."""
    if paragraph[:1] != " " and _paragraph_ems(paragraph, family) <= width_em * _CLEARLY:
        return 1
    words, sizes = _words_of(paragraph, family)
    count, filled, used, space = 1, False, 0.0, _ems_in(" ", family)  # the last line, always made
    for index in range(len(words)):
        size: float = sizes[index]
        if filled and used + space + size <= width_em:
            used += space + size
        elif not filled and size <= width_em:
            filled, used = words[index] != "", size
        elif size <= width_em * _CLEARLY:  # a full line ends; the word starts the next whole
            count, filled, used = count + 1, words[index] != "", size
        else:  # the word is cut into lines
            pieces = _split_long(words[index], width_em, family)
            count, filled, used = count + filled + len(pieces) - 1, pieces[-1] != "", _ems_in(pieces[-1], family)
    return count


@lru_cache(maxsize=4_096)  # bounded like _paragraph_ems, whose paragraphs these are
def _words_of(paragraph: str, family: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """Return a paragraph's words and their widths in em in a font, looked up once however many widths the
    paragraph is counted at (fitting tries several sizes)."""
    words = tuple(paragraph.split(" "))
    return words, tuple(map(_ems_in, words, repeat(family)))


@lru_cache(maxsize=4_096)  # bounded: batches of many accounts must not grow memory
def _wrap(text: str, width_em: float, family: str) -> tuple[str, ...]:
    """Return the lines of text at a width in em in a font (cached: fitting tries many sizes)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width_em, family))
    return tuple(lines)


def _wrap_paragraph(paragraph: str, width_em: float, family: str) -> list[str]:
    """Return the lines of one paragraph in a font, measuring each word once; a paragraph that fits with room to
    spare (most table cells, labels, names) is one line at a glance, as its words would have made it."""
    width = _width_of(family)
    if paragraph[:1] != " " and _paragraph_ems(paragraph, family) <= width_em * _CLEARLY:  # leading spaces: dropped
        return [paragraph]
    lines: list[str] = []
    current, used = "", 0.0
    space = width(" ")
    for word in paragraph.split(" "):
        size = _ems_in(word, family)
        if current and used + space + size <= width_em:
            current, used = f"{current} {word}", used + space + size
            continue
        if not current and size <= width_em:
            current, used = word, size
            continue
        if current:
            lines.append(current)
        if size <= width_em * _CLEARLY:  # the word alone fits with room to spare: it starts the next line whole
            current, used = word, size
            continue
        pieces = _split_long(word, width_em, family)
        lines.extend(pieces[:-1])
        current, used = pieces[-1], _ems_in(pieces[-1], family)
    lines.append(current)
    return lines


def _split_long(word: str, width_em: float, family: str) -> list[str]:
    """Return a word cut into pieces that each fit the width in a font."""
    pieces, current, used = [], "", 0.0
    width = _width_of(family)
    for char in word:
        size = width(char)
        if current and used + size > width_em:
            pieces.append(current)
            current, used = "", 0.0
        current += char
        used += size
    pieces.append(current)
    return pieces


def line_height(size_pt: float) -> float:
    """Return the height of one line in points."""
    return size_pt * LINE_SPACING


@dataclass(frozen=True)
class Fit:
    """A size that fits a box, and the text as it will be shown (shortened if it had to be)."""

    size: float
    paragraphs: tuple[str, ...]
    shortened: bool


def height_of(paragraphs: Sequence[str], width_pt: float, size_pt: float, spacing_pt: float = 0.0) -> float:
    """Return the height of paragraphs at a size, with space after each paragraph."""
    lines = sum(line_count(p, width_pt, size_pt) for p in paragraphs)
    return lines * line_height(size_pt) + spacing_pt * max(len(paragraphs) - 1, 0)


def fit(
    paragraphs: Sequence[str],
    width_pt: float,
    height_pt: float,
    largest: float,
    smallest: float = 10,
    spacing: float = 0.3,
    scales: Sequence[float] | None = None,
) -> Fit:
    """Return the largest base size (smallest..largest, whole points) at which paragraphs fit, each at its
    scale of the base size (1.0 by default); shorten them at the smallest size if none fits."""
    factors = tuple(scales or [1.0] * len(paragraphs))
    return _fit(tuple(paragraphs), (width_pt, height_pt), (largest, smallest, spacing), factors, _FONT.get())


@lru_cache(maxsize=4_096)  # bounded; a deck fits the same footer and page numbers on every slide
def _fit(
    paragraphs: tuple[str, ...],
    extent: tuple[float, float],
    sizes: tuple[float, float, float],
    factors: tuple[float, ...],
    family: str,
) -> Fit:
    """Return fit()'s answer for paragraphs in a box, in the font family measured (part of the key only)."""
    (width_pt, height_pt), (largest, smallest, spacing) = extent, sizes
    size = largest
    while size >= smallest:
        lines = sum(height_of([p], width_pt, size * k) for p, k in zip(paragraphs, factors, strict=True))
        if lines + size * spacing * max(len(paragraphs) - 1, 0) <= height_pt:
            return Fit(size, paragraphs, False)
        size -= 1
    cut = shorten(list(paragraphs), width_pt, height_pt * 0.98, max(factors) * smallest, smallest * spacing)
    return Fit(smallest, tuple(cut), True)


def shorten(paragraphs: list[str], width_pt: float, height_pt: float, size: float, spacing: float) -> list[str]:
    """Return paragraphs cut so that they fit at size; the last one shown ends with an ellipsis."""
    kept: list[str] = []
    for paragraph in paragraphs:
        if height_of([*kept, paragraph], width_pt, size, spacing) <= height_pt:
            kept.append(paragraph)
            continue
        while True:
            cut = _cut_words(kept, paragraph, width_pt, height_pt, size, spacing)
            if cut:
                return [*kept, cut]
            if not kept:
                return [_cut_chars(paragraph, width_pt, height_pt, size)]
            paragraph = kept.pop()
    return kept


def _cut_words(kept: list[str], paragraph: str, width_pt: float, height_pt: float, size: float, spacing: float) -> str:
    """Return the longest word prefix of paragraph plus ' …' that fits after kept, or ''."""
    words = paragraph.split(" ")
    low, high = 0, len(words) - 1
    while low < high:
        middle = (low + high + 1) // 2
        candidate = " ".join(words[:middle]) + " …"
        if height_of([*kept, candidate], width_pt, size, spacing) <= height_pt:
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low]) + " …" if low else ""


def _cut_chars(text: str, width_pt: float, height_pt: float, size: float) -> str:
    """Return the longest prefix of text (plus an ellipsis) that fits, cutting inside words."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if height_of([text[:middle] + "…"], width_pt, size) <= height_pt:
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…"


def fitted_widths(weights: Sequence[float], minimum: Sequence[float], total: float) -> list[float]:
    """Return widths proportional to weights that add up to total, none below its minimum."""
    fixed: dict[int, float] = {}
    while True:
        free = total - sum(fixed.values())
        rest = sum(w for i, w in enumerate(weights) if i not in fixed)
        widths = [fixed.get(i, w * free / rest if rest else 0.0) for i, w in enumerate(weights)]
        short = [i for i, w in enumerate(widths) if i not in fixed and w < minimum[i]]
        if not short or len(fixed) + len(short) == len(weights):
            return widths
        fixed.update({i: minimum[i] for i in short})
