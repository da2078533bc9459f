"""The accountplan command: parse arguments, call the library, print; nothing else."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

import generator as lib
from generator.errors import AccountPlanError, Problem

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(command: F) -> F:
    """Turn the library's errors into messages on stderr and exit code 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except AccountPlanError as error:
            for line in error.messages():
                click.echo(f"error: {line}", err=True)
            sys.exit(error.exit_code)
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"error: cannot write {where}{error.strerror or error}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def _warn(warnings: Sequence[Problem]) -> None:
    """Print the warnings met while reading a source."""
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


def _print_outputs(outputs: Sequence[lib.Output]) -> None:
    """Print each written file."""
    for output in outputs:
        click.echo(f"wrote {output.path}")


SOURCE = click.argument("source", required=False, type=click.Path(dir_okay=False, path_type=Path))
OUT = click.option(
    "-o",
    "--out",
    "out",
    default="output",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write into.",
)
FAMILY = click.option(
    "--family", "families", multiple=True, metavar="F", help="Only this family (repeatable); see `accountplan list`."
)
FORMAT = click.option(
    "--format", "formats", multiple=True, metavar="EXT", help="Only this format: docx, pptx or xlsx (repeatable)."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(lib.__version__, prog_name="accountplan")
def main() -> None:
    """Make client-ready account plans (Word, PowerPoint, Excel) from one YAML or Excel source."""


@main.command()
@SOURCE
@OUT
@FAMILY
@FORMAT
@reports_errors
def build(source: Path | None, out: Path, families: tuple[str, ...], formats: tuple[str, ...]) -> None:
    """Write the documents of SOURCE (default: the bundled example) to OUT/<account>/."""
    loaded = lib.load_plan(source)
    _warn(loaded.warnings)
    _print_outputs(lib.generate(loaded.plan, out, families, formats))


@main.command()
@OUT
@FAMILY
@FORMAT
@reports_errors
def blank(out: Path, families: tuple[str, ...], formats: tuple[str, ...]) -> None:
    """Write blank templates (hints in every field) to OUT/blank/."""
    _print_outputs(lib.generate(lib.blank_plan(), out, families, formats))


@main.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@reports_errors
def validate(source: Path) -> None:
    """Check SOURCE and list every problem (exit 1) or summarise it (exit 0)."""
    loaded = lib.load_plan(source)
    _warn(loaded.warnings)
    plan = loaded.plan
    lib.check(plan)
    click.echo(
        f"ok: {plan.account.name}: {len(plan.stakeholders)} stakeholders, "
        f"{len(plan.opportunities)} opportunities, {len(plan.actions)} actions, "
        f"{len(plan.risks)} risks, {len(plan.kpis)} KPIs"
    )


@main.command()
@click.option(
    "-o",
    "--out",
    "out",
    default="account-plan.xlsx",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Data workbook to write.",
)
@reports_errors
def init(out: Path) -> None:
    """Write a blank data workbook to fill in Excel instead of YAML."""
    click.echo(f"wrote {lib.init_workbook(out)}")


@main.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@reports_errors
def convert(source: Path, out: Path) -> None:
    """Turn a YAML source into a data workbook (OUT.xlsx) or a data workbook into YAML (OUT.yaml)."""
    click.echo(f"wrote {lib.convert(source, out)}")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the data source (for editor autocompletion)."""
    click.echo(lib.schema())


@main.command(name="list")
def list_families() -> None:
    """List the families and the formats of each."""
    for family, formats in lib.families_table().items():
        click.echo(f"{family:<24} {', '.join(formats)}")
