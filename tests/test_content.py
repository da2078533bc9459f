"""Nothing written in a source is lost: every text value of both bundled examples appears in the Word documents,
and in the decks (on the slides or in their speaker notes)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pptx import Presentation

import generator as lib
from tests.conftest import EXAMPLE, SECOND
from tests.docx_text import docx_text

# closed vocabularies, dates and codes: shown as their labels or formatted, not as written in the source
FORMATTED = {
    *("language", "currency", "segment", "status", "category", "stage", "area", "unit", "direction", "channel"),
    *("cadence", "influence", "interest", "stance", "buying_role", "decision_role", "type", "factor", "threat"),
    *("frequency", "team", "review", "ownership", "growth_trajectory", "profitability", "procurement", "photo"),
    *("date", "due", "start", "renewal_date", "last_reviewed", "website", "version", "quarter"),
}


def texts(data: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """Yield (key, text) for every text value of a source that is shown as written."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield from texts(v, k)
    elif isinstance(data, list):
        for v in data:
            yield from texts(v, key)
    elif isinstance(data, str) and key not in FORMATTED:
        yield key, data


def _plain(text: str) -> str:
    """Return text with runs of white space (no-break spaces too) as one space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def deck_text(path: Path) -> str:
    """Return everything a deck says: slides, tables and speaker notes."""
    said = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                said.append(shape.text_frame.text)
            if shape.has_table:
                said += [c.text for r in shape.table.rows for c in r.cells]
        said.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(said)


TRANSLATIONS = [EXAMPLE.parent / "examples" / f"halden-freight-{language}.yaml" for language in ("de", "fr", "ru")]


@pytest.mark.parametrize("source", [EXAMPLE, SECOND, *TRANSLATIONS], ids=["example", "second", "de", "fr", "ru"])
def test_every_value_of_the_source_is_in_the_word_documents_and_the_decks(source: Path, tmp_path: Path) -> None:
    files = [o.path for o in lib.generate(lib.load_plan(source).plan, tmp_path)]
    word = _plain("\n".join(docx_text(p) for p in files if p.suffix == ".docx"))
    decks = _plain("\n".join(deck_text(p) for p in files if p.suffix == ".pptx"))
    values = list(texts(yaml.safe_load(source.read_text(encoding="utf-8"))))
    assert len(values) > 100
    missing_word = [f"{k}: {v}" for k, v in values if _plain(v) not in word]
    missing_decks = [f"{k}: {v}" for k, v in values if _plain(v) not in decks]
    assert not missing_word, missing_word[:10]
    assert not missing_decks, missing_decks[:10]
