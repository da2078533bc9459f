"""Each family's typed document, as JSON goldens for the example, blank and a sparse plan (no Office needed).

After an intended change, `ACCEPT=1 python -m pytest tests/families` re-accepts the goldens; review the diff.
"""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

import generator as lib
from generator.document import theme
from generator.document.blocks import Document, Format, Table
from generator.errors import UnknownNameError
from generator.families import FAMILIES, FAMILY_IDS, Family, document, get_family, register
from generator.model.plan import AccountPlan
from tests.conftest import MINIMAL, ROOT, write_yaml

GOLDEN = Path(__file__).parent / "golden"


def as_json(doc: Document) -> str:
    """Return a document as stable, readable JSON."""

    def plain(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, bytes):
            return f"<{len(value):,} bytes>"
        raise TypeError(type(value))

    def compared(pairs: list[tuple[str, Any]]) -> dict[str, Any]:  # a row's index of its cells is not its content
        return {name: value for name, value in pairs if name != "by_key"}

    data = _whole(dataclasses.asdict(doc, dict_factory=compared))
    text = json.dumps(data, default=plain, ensure_ascii=False, indent=1) + "\n"
    return text.replace(str(ROOT), "<checkout>")  # photo paths are resolved against the source's folder


def _whole(value: Any) -> Any:
    """Return a value with its whole floats as ints: a width of 16 is 16.0 where the model is compiled (its float
    fields hold floats) and may be 16 where it is not; both are the same document."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (list, tuple)):
        return [_whole(item) for item in value]
    if isinstance(value, dict):
        return {key: _whole(item) for key, item in value.items()}
    return value


@pytest.fixture(scope="module")
def sparse(tmp_path_factory: pytest.TempPathFactory) -> AccountPlan:
    """Return a plan with only its name and date."""
    return lib.load_plan(write_yaml(tmp_path_factory.mktemp("sparse"), MINIMAL)).plan


@pytest.mark.parametrize("variant", ["example", "blank", "sparse"])
@pytest.mark.parametrize("family", FAMILY_IDS)
def test_document_equals_its_golden(
    request: pytest.FixtureRequest, example: AccountPlan, blank: AccountPlan, family: str, variant: str
) -> None:
    plan = {"example": example, "blank": blank}.get(variant) or request.getfixturevalue("sparse")
    text = as_json(document(plan, family))
    path = GOLDEN / f"{family}-{variant}.json"
    if os.environ.get("ACCEPT") or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{path.name} changed; ACCEPT=1 re-accepts it"


@pytest.mark.parametrize("family", FAMILY_IDS)
def test_a_family_declares_exactly_the_formats_its_document_has(blank: AccountPlan, family: str) -> None:
    assert document(blank, family).formats() == list(get_family(family).formats)


def test_an_unknown_family_lists_the_known_ones() -> None:
    with pytest.raises(UnknownNameError, match="strategic-account-plan"):
        get_family("strategic-acount-plan")


def test_the_registry_refuses_a_second_family_of_the_same_name() -> None:
    with pytest.raises(ValueError, match="already registered"):
        register(Family("account-map", ("docx",), FAMILIES["account-map"].build))


def test_one_table_feeds_every_format(example: AccountPlan) -> None:
    doc = document(example, "strategic-account-plan")
    pipelines = [
        b for p in doc.parts for s in p.sections for b in s.blocks if isinstance(b, Table) and b.name == "Pipeline"
    ]
    assert {p.format for p in doc.parts if any(b in pipelines for s in p.sections for b in s.blocks)} == set(Format)
    assert len({p.rows for p in pipelines}) == 1  # the same rows, whichever columns a format shows


def test_the_stance_colour_is_the_same_in_every_format(example: AccountPlan) -> None:
    doc = document(example, "account-map")
    fills = {
        cell.fill
        for b in doc.blocks()
        if isinstance(b, Table) and b.name == "People"
        for r in b.rows
        for key, cell in r.cells
        if key == "stance" and r.cell("stance").text == "Neutral"
    }
    marks = {
        h.fill
        for b in doc.blocks()
        if isinstance(b, Table)
        for c in b.columns
        if c.key == "stance"
        for h in c.highlights
        if h.equals == "Neutral"
    }
    assert fills == marks == {theme.STANCE["neutral"]}


def test_tables_several_families_show_are_built_once_per_plan_and_read_the_same(
    example: AccountPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stakeholder, action and KPI tables are built once for all the families of a plan (they were a third of
    building the documents), and every document is the one its family builds alone."""
    from generator.document.format import Formatter
    from generator.families import stakeholders
    from generator.families.common import shared

    built: list[int] = []
    people = stakeholders.people.__wrapped__  # type: ignore[attr-defined]

    def counted(plan: AccountPlan, f: Formatter) -> Table:
        built.append(1)
        found: Table = people(plan, f)
        return found

    monkeypatch.setattr(stakeholders, "people", shared(counted))
    together = lib.check(example)
    assert len(built) == 1
    german = example.model_copy(update={"language": "de"})
    assert len(lib.check(german)) == len(together) and len(built) == 2  # another language: its own table
    assert [as_json(doc) for doc in together] == [as_json(document(example, name)) for name in FAMILY_IDS]


@pytest.mark.parametrize("family", FAMILY_IDS)
def test_a_document_built_for_some_formats_holds_only_their_parts_as_a_whole_one_holds_them(
    example: AccountPlan, family: str
) -> None:
    """A Word document alone pays for no deck and no workbook: its family's document is built with its part only,
    and that part is the whole document's."""
    whole = document(example, family)
    for fmt in get_family(family).formats:
        alone = document(example, family, (fmt,))
        assert alone.formats() == [fmt]
        assert alone.part(fmt) == whole.part(fmt) and alone.meta == whole.meta
    if len(get_family(family).formats) == 3:
        assert document(example, family, ["pptx", "xlsx"]).formats() == ["pptx", "xlsx"]


@pytest.mark.parametrize("family", FAMILY_IDS)
def test_a_file_rendered_alone_is_the_one_a_whole_suite_writes(example: AccountPlan, family: str) -> None:
    made = {(f, fmt): data for _, f, fmt, data in lib.suite(example, [family])}
    for fmt in get_family(family).formats:
        assert lib.render(example, family, fmt) == made[family, fmt]
        assert lib.suite(example, [family], [fmt]) == [
            (n, f, x, d) for n, f, x, d in lib.suite(example, [family]) if x == fmt
        ]
