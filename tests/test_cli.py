"""The accountplan command, driven as a user would (CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from tests.conftest import EXAMPLE, MINIMAL, write_yaml


def run(*args: str) -> tuple[int, str, str]:
    """Return exit code, stdout and stderr of one command."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_build_writes_every_family_under_the_account_folder(tmp_path: Path) -> None:
    code, out, _ = run("build", "-o", str(tmp_path), "--format", "docx")
    assert code == 0
    folder = next(p for p in tmp_path.iterdir() if not p.name.startswith("."))  # beside it: its hidden lock
    assert folder.name.startswith("halden-freight-group-")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{f}.docx"
        for f in (
            "strategic-account-plan",
            "sales-account-plan",
            "account-map",
            "kam-action-plan",
            "simple-account-plan",
        )
    )
    assert out.count("wrote ") == 5


def test_build_one_family(tmp_path: Path) -> None:
    code, out, _ = run("build", str(EXAMPLE), "-o", str(tmp_path), "--family", "account-map", "--format", "docx")
    assert code == 0 and out.count("wrote ") == 1 and "account-map.docx" in out


def test_blank_writes_into_blank(tmp_path: Path) -> None:
    code, _, _ = run("blank", "-o", str(tmp_path), "--format", "docx")
    assert code == 0 and (tmp_path / "blank" / "simple-account-plan.docx").is_file()


def test_validate_ok_summarises(tmp_path: Path) -> None:
    code, out, _ = run("validate", str(EXAMPLE))
    assert code == 0 and out.startswith("ok: Halden Freight Group: 12 stakeholders")


def test_validate_bad_input_exits_1_with_messages_and_no_traceback(tmp_path: Path) -> None:
    source = write_yaml(tmp_path, MINIMAL + "  segmnt: key\nrisks:\n  - {risk: x, impact: 9, probability: 1}\n")
    code, out, err = run("validate", str(source))
    assert code == 1
    assert "Traceback" not in err + out
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"error: {source}:5:3: account.segmnt: unknown key")
    assert "risks[0].impact: expected a number ≤ 5; got 9" in lines[1]


def test_build_bad_input_writes_nothing(tmp_path: Path) -> None:
    source = write_yaml(tmp_path, "plan: [unclosed\n")
    code, _, err = run("build", str(source), "-o", str(tmp_path / "out"))
    assert code == 1 and "YAML syntax error" in err
    assert not (tmp_path / "out").exists()


def test_unknown_family_is_a_usage_error_listing_the_known_ones(tmp_path: Path) -> None:
    code, _, err = run("build", "-o", str(tmp_path), "--family", "acount-map")
    assert code == 2
    assert "unknown family 'acount-map'; known: strategic-account-plan" in err


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("blank", "-o", str(tmp_path), "--format", "pdf")
    assert code == 2 and "unknown format 'pdf'" in err


def test_warnings_name_the_field(tmp_path: Path) -> None:
    source = write_yaml(tmp_path, MINIMAL + '  overview: "a\\x07b"\n')
    code, _, err = run(
        "build", str(source), "-o", str(tmp_path / "out"), "--format", "docx", "--family", "simple-account-plan"
    )
    assert code == 0 and "warning:" in err and "account.overview" in err


def test_schema_is_json_schema_of_the_source() -> None:
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert code == 0 and "stakeholders" in schema["properties"] and schema["additionalProperties"] is False


def test_list_shows_families_and_formats() -> None:
    code, out, _ = run("list")
    assert code == 0 and "simple-account-plan" in out and "docx" in out


def test_python_dash_m_generator_works() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "generator", "list"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "account-map" in result.stdout


def test_an_unwritable_output_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, _, err = run("blank", "-o", str(blocker / "sub"), "--format", "docx")
    assert code == 1 and err.startswith("error: cannot write") and "Traceback" not in err
