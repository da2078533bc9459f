"""Account names become safe folder names that never collide and never escape the output folder."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator as lib
from generator.naming import account_slug
from tests.conftest import MINIMAL, write_yaml


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "..", "/abs/path", "C:\\Windows\\x", "CON", "nul", "a/b", "北京物流", "🚚", " ", "x" * 500],
)
def test_slug_is_a_single_safe_component(name: str) -> None:
    slug = account_slug(name)
    assert "/" not in slug and "\\" not in slug and slug not in {".", ".."}
    assert slug.split("-")[0] not in {"con", "nul"}
    assert 1 <= len(slug) <= 80 and slug.isascii()


def test_different_names_never_share_a_folder() -> None:
    names = ["Acme", "ACME", "acme", "Acme!", "Ácme", "北京物流", "上海物流"]
    assert len({account_slug(n) for n in names}) == len(names)


def test_traversal_name_stays_inside_the_output_folder(tmp_path: Path) -> None:
    source = write_yaml(tmp_path, MINIMAL.replace("Test Account", '"../../escape"'))
    outputs = lib.generate(lib.load_plan(source).plan, tmp_path / "out", ["simple-account-plan"], ["docx"])
    assert outputs[0].path.resolve().is_relative_to((tmp_path / "out").resolve())


@pytest.mark.parametrize(
    ("name", "words"),
    [("Газпром нефть", "gazprom-neft"), ("Müller & Søn", "muller-son"), ("Straße AG", "strasse-ag")],
)
def test_names_in_any_script_become_readable_folder_names(name: str, words: str) -> None:
    assert account_slug(name).rsplit("-", 1)[0] == words
