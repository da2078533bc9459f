"""Hash every output of the example, blank, stress and a sparse plan: compare a refactor's outputs before and after.

    python tests/output_hashes.py > before.txt   # on the old commit (--members: also every package member)
    python tests/output_hashes.py > after.txt    # on the new one
    diff before.txt after.txt

--wide also hashes the French, Russian and Rheintal examples and 30 generated portfolio accounts (names,
numbers, list lengths and texts varied, one with 200 stakeholders and 300 actions, as the benchmark makes them).

Each line is `plan/family.ext sha256`; Word files also get a `~text` line hashing their visible text (paragraphs
and table cells in order), so a change that only moves column widths or type sizes shows as a changed file with
an unchanged text hash.
"""

from __future__ import annotations

import hashlib
import io
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import generator as lib  # noqa: E402
from generator.model.validation import validate_data  # noqa: E402
from tests.stress import stress_data  # noqa: E402

SPARSE = "plan:\n  date: 2026-11-16\naccount:\n  name: Test Account\n"


def plans() -> dict[str, lib.AccountPlan]:
    """Return the plans whose outputs are compared."""
    stress = validate_data(stress_data()).plan
    assert stress is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sparse.yaml"
        path.write_text(SPARSE, encoding="utf-8")
        sparse = lib.load_plan(path).plan
    from generator.sources import read_brand, with_brand

    example = lib.load_plan().plan
    branded = with_brand(example, read_brand(ROOT / "data" / "brand" / "nordwind.yaml"))
    german = lib.load_plan(ROOT / "data" / "examples" / "halden-freight-de.yaml").plan
    return {
        "example": example,
        "blank": lib.blank_plan(),
        "stress": stress,
        "sparse": sparse,
        "branded": branded,
        "german": german,
    }


def wide_plans() -> dict[str, lib.AccountPlan]:
    """Return more plans: the other examples and 30 generated portfolio accounts (the broken ones left out)."""
    from tests.benchmark import distinct_sources

    found = {name: lib.load_plan(ROOT / "data" / "examples" / f"{name}.yaml").plan for name in WIDE_EXAMPLES}
    with tempfile.TemporaryDirectory() as folder:
        distinct_sources(Path(folder), 30)
        for source in sorted(Path(folder).glob("*.yaml")):
            try:
                found[source.stem] = lib.load_plan(source).plan
            except lib.AccountPlanError:
                continue
    return found


WIDE_EXAMPLES = ("halden-freight-fr", "halden-freight-ru", "rheintal-kliniken")


def word_text(data: bytes) -> str:
    """Return the visible text of a Word document, body paragraphs and table cells in document order."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    return "\n".join(node.xpath("string(.)") for node in doc.element.body.iter() if node.tag.endswith("}p"))


def main() -> None:
    """Print one hash line per output."""
    chosen = plans() | (wide_plans() if "--wide" in sys.argv else {})
    for name, plan in chosen.items():
        for family, formats in lib.families_table().items():
            for fmt in formats:
                data = lib.render(plan, family, fmt)
                print(f"{name}/{family}.{fmt} {hashlib.sha256(data).hexdigest()}")
                if "--members" in sys.argv:
                    for member in zipfile.ZipFile(io.BytesIO(data)).infolist():
                        body = zipfile.ZipFile(io.BytesIO(data)).read(member.filename)
                        print(f"{name}/{family}.{fmt}:{member.filename} {hashlib.sha256(body).hexdigest()}")
                if fmt == "docx":
                    digest = hashlib.sha256(word_text(data).encode()).hexdigest()
                    print(f"{name}/{family}.{fmt}~text {digest}")
    example = lib.load_plan().plan
    print(f"example/data.xlsx {hashlib.sha256(lib.source_bytes(example, '.xlsx')).hexdigest()}")
    print(f"example/data.yaml {hashlib.sha256(lib.source_bytes(example, '.yaml')).hexdigest()}")


if __name__ == "__main__":
    main()
