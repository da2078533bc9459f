"""Mutation test: damaged copies of the example data workbook give located problems, never a traceback.

Few copies by default; MUTATIONS=500 python -m pytest tests/sources/test_mutations.py for many.
"""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import pytest

import generator as lib
from generator.errors import SourceError
from tests.conftest import ROOT

COUNT = int(os.environ.get("MUTATIONS", "40"))
EXAMPLE = ROOT / "data" / "example.xlsx"


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Return the workbook with one part damaged: bytes flipped, cut, repeated or a value's text replaced."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in source.namelist() if n.endswith(".xml")]
    victim = rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            body = source.read(name)
            if name == victim:
                body = _damage(body, rng)
            target.writestr(name, body)
    return out.getvalue()


def _damage(body: bytes, rng: random.Random) -> bytes:
    """Return XML bytes damaged one of several ways."""
    cut = rng.randrange(len(body) or 1)
    how = rng.choice(["flip", "cut", "repeat", "number", "swap"])
    if how == "flip":
        return body[:cut] + bytes([rng.randrange(256)]) + body[cut + 1 :]
    if how == "cut":
        return body[:cut]
    if how == "repeat":
        return body[:cut] + body[cut : cut + 200] * 3 + body[cut:]
    if how == "number":
        return body.replace(b"<v>", b"<v>x", 1) if rng.random() < 0.5 else body.replace(b'r="', b'r="ZZ', 1)
    return body.replace(b't="s"', b't="n"', 1).replace(b't="n"', b't="s"', 1)


@pytest.mark.parametrize("seed", range(COUNT))
def test_a_damaged_data_workbook_is_reported_never_a_traceback(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(mutate(EXAMPLE.read_bytes(), random.Random(seed)))
    try:
        lib.load_plan(path)
    except SourceError as error:
        assert all(str(path) in line for line in error.messages())
