"""Bad YAML input: one message per problem, with file:line:column, the field and what is expected."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import generator as lib
from generator.errors import SourceError
from tests.conftest import MINIMAL, write_yaml

CASES = Path(__file__).resolve().parent.parent / "cases"
ACCEPT = os.environ.get("ACCEPT") == "1"  # ACCEPT=1 pytest re-writes expected.txt after an intended change


def messages(source: Path) -> list[str]:
    """Return the messages loading source gives, with the path shown as {src}."""
    with pytest.raises(SourceError) as caught:
        lib.load_plan(source)
    return [m.replace(str(source), "{src}") for m in caught.value.messages()]


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if (p / "source.yaml").exists()))
def test_bad_input_case(case: str) -> None:
    folder = CASES / case
    got = messages(folder / "source.yaml")
    expected_file = folder / "expected.txt"
    if ACCEPT or not expected_file.exists():
        expected_file.write_text("\n".join(got) + "\n", encoding="utf-8")
    assert got == expected_file.read_text(encoding="utf-8").splitlines()
    assert all(m.startswith("{src}:") for m in got)


def test_every_problem_is_reported_at_once() -> None:
    got = messages(CASES / "wrong-types" / "source.yaml")
    assert len(got) >= 7


def test_unknown_key_suggests_the_right_one() -> None:
    got = messages(CASES / "unknown-key" / "source.yaml")
    assert any(":5:3: account.segmnt: unknown key 'segmnt'; did you mean 'segment'?" in m for m in got)


def test_enum_error_lists_values_and_suggests() -> None:
    got = "\n".join(messages(CASES / "wrong-types" / "source.yaml"))
    assert "expected one of discovery, qualification, proposal" in got
    assert "did you mean 'proposal'?" in got


def test_yes_and_no_stay_text(tmp_path: Path) -> None:
    plan = lib.load_plan(write_yaml(tmp_path, MINIMAL + "  overview: no\n")).plan
    assert plan.account.overview == "no"


def test_numbers_in_text_fields_keep_what_was_typed(tmp_path: Path) -> None:
    plan = lib.load_plan(write_yaml(tmp_path, MINIMAL.replace("plan:\n", "plan:\n  version: 2.10\n"))).plan
    assert plan.plan.version == "2.10"


def test_deep_nesting_is_refused_quickly(tmp_path: Path) -> None:
    source = write_yaml(tmp_path, "a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    start = time.perf_counter()
    got = messages(source)
    assert time.perf_counter() - start < 30  # a blow-up takes hours; 30 s holds on a loaded shared machine
    assert "nested deeper than" in got[0]


def test_a_merge_of_something_else_than_a_mapping_is_a_located_problem(tmp_path: Path) -> None:
    source = write_yaml(tmp_path, "account:\n  <<: 5\n  name: Acme\n")
    got = messages(source)
    assert got == [
        "{src}:2:7: YAML syntax error: while constructing a mapping expected a mapping or list of mappings "
        "for merging, but found scalar"
    ]


def test_alias_bomb_is_refused_without_blowing_up(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    source = write_yaml(tmp_path, "\n".join(lines) + "\n")
    start = time.perf_counter()
    got = messages(source)
    assert time.perf_counter() - start < 30  # a blow-up takes hours; 30 s holds on a loaded shared machine
    assert "too many" in got[0]


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "big.yaml"
    source.write_bytes(b"# " + b"x" * 6_000_000 + b"\n")
    assert "the limit is" in messages(source)[0]


def test_non_utf8_file_is_refused_with_its_line(tmp_path: Path) -> None:
    source = tmp_path / "latin1.yaml"
    source.write_bytes(MINIMAL.encode() + "  overview: Müller\n".encode("latin-1"))
    assert messages(source) == ["{src}:5: the file is not UTF-8 text"]


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    assert "unknown source type" in messages(write_yaml(tmp_path, "x", "plan.txt"))[0]
    assert messages(tmp_path / "absent.yaml") == ["{src}: no such file"]


def test_control_characters_are_removed_with_a_warning_naming_the_field(tmp_path: Path) -> None:
    loaded = lib.load_plan(write_yaml(tmp_path, MINIMAL + '  overview: "bell\\a and \\ud800 surrogate"\n'))
    assert loaded.plan.account.overview == "bell and  surrogate"
    assert len(loaded.warnings) == 1
    assert "account.overview" in str(loaded.warnings[0]) and "U+0007" in str(loaded.warnings[0])


def test_missing_photo_is_a_located_problem(tmp_path: Path) -> None:
    got = messages(write_yaml(tmp_path, MINIMAL + "team:\n  - {name: A, photo: nope.png}\n"))
    assert got[0].startswith("{src}:6:") and "team[0].photo: no such picture" in got[0]


def test_a_source_that_is_not_a_regular_file_says_what_it_is(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    (tmp_path / "folder.yaml").mkdir()
    for name, expected in (("pipe.yaml", "not a regular file"), ("a.yaml", "loops"), ("folder.yaml", "a folder")):
        with pytest.raises(SourceError) as caught:
            lib.load_plan(tmp_path / name)
        assert expected in caught.value.messages()[0]


@pytest.mark.parametrize("name", ["example.yaml", "examples/rheintal-kliniken.yaml", "examples/halden-freight-ru.yaml"])
def test_libyaml_reads_every_value_and_place_as_pyyaml_does(name: str) -> None:
    """Sources are read with libyaml for speed; what it reads, and where it says each field is, is PyYAML's."""
    from generator.sources import yaml_loaders, yaml_source

    path = Path(__file__).resolve().parents[2] / "data" / name
    text = path.read_text("utf-8")
    fast, slow = (yaml_source._read(text, path, loader) for loader in (yaml_loaders.FastLoader, yaml_loaders.Loader))
    assert yaml_loaders.FastLoader.__mro__[1] is not yaml_loaders.Loader, "libyaml is not used"
    assert fast[0] == slow[0]
    assert fast[1].places.keys() == slow[1].places.keys() and len(fast[1].places) > 100
    assert all(fast[1].where(loc) == slow[1].where(loc) for loc in fast[1].places)
    where = fast[1].where(("account", "name"))
    assert where.startswith(f"{path}:") and where.rsplit(":", 2)[1].isdigit() and where.rsplit(":", 2)[2].isdigit()


@pytest.mark.parametrize(
    "text",
    [
        "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 6))
        + "b: [*a5, *a5, *a5, *a5, *a5, *a5]\n",  # passes the limit in the fifth copy of a5
        "base: &b {k: [1, 2, 3]}\nlist: &l [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        + "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}" if i > 1 else "*l"] * 10) + "]\n" for i in range(1, 5)),
    ],
)
def test_a_bomb_is_refused_where_building_it_would_have_stopped(
    tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_yaml(tmp_path, text)
    early = messages(source)
    from dataclasses import replace

    from generator import sources
    from tests.conftest import pure_module

    reader = pure_module("generator.sources.yaml_source")  # its own class patched: read through it
    monkeypatch.setattr(reader._Builder, "refuse_bombs", lambda self, root: None)
    monkeypatch.setitem(sources.CODECS, ".yaml", replace(sources.CODECS[".yaml"], read=reader.read_yaml))
    assert early == messages(source) and "too many" in early[0]


def test_a_recursive_alias_is_refused(tmp_path: Path) -> None:
    assert "too many" in messages(write_yaml(tmp_path, "a: &a [1, *a]\n"))[0]


@pytest.mark.parametrize(
    "value",
    ["", "true", "True", "yes", "no", "on", "12", "1_000", "0x1F", "1.5e3", ".inf", "~", "null", "2027-01-15", "é"],
)
def test_a_scalar_s_remembered_tag_is_the_one_pyyaml_resolves(value: str) -> None:
    """Tags are remembered per scalar, and are what PyYAML's own resolution gives with the reader's resolvers
    (only true/false are booleans), plain or quoted, the first time and the second."""
    import yaml
    from yaml.nodes import ScalarNode

    from generator.sources import yaml_loaders

    loader = yaml_loaders.Loader("")
    for implicit in ((True, False), (False, True), (False, False)):
        expected = yaml.resolver.BaseResolver.resolve(loader, ScalarNode, value, implicit)  # type: ignore[no-untyped-call]
        assert [loader.resolve(ScalarNode, value, implicit) for _ in range(2)] == [expected, expected]
