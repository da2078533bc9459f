"""The one error base of the package and the user-facing errors under it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in a data source: where it is and what is expected."""

    where: str
    field: str
    message: str

    def __str__(self) -> str:
        field = f"{self.field}: " if self.field else ""
        return f"{self.where}: {field}{self.message}"


class AccountPlanError(Exception):
    """Base of every error the tool reports to a user; carries its exit code."""

    exit_code = 1

    def messages(self) -> list[str]:
        """Return the lines to show the user."""
        return [str(self)]


class SourceError(AccountPlanError):
    """A data source that cannot be read or does not validate: one problem per line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def messages(self) -> list[str]:
        """Return one line per problem."""
        return [str(p) for p in self.problems]


class UnknownNameError(AccountPlanError):
    """An unknown family, format or language; lists the known ones (a usage error: exit 2)."""

    exit_code = 2

    def __init__(self, kind: str, name: str, known: list[str]) -> None:
        super().__init__(f"unknown {kind} {name!r}; known: {', '.join(known)}")


class UsageError(AccountPlanError):
    """A command line that cannot be carried out as given (exit 2)."""

    exit_code = 2


class TemplateError(AccountPlanError):
    """A bundled or user template that cannot be prepared or rendered: one problem per line."""

    def messages(self) -> list[str]:
        """Return one line per problem."""
        return str(self).splitlines()


class WriterError(AccountPlanError):
    """An output that cannot be written."""


class OutputLimitError(WriterError):
    """Values an output format cannot hold: one message per value (refused before anything is written)."""

    def __init__(self, found: list[str]) -> None:
        self.found = found
        super().__init__("\n".join(found))

    def messages(self) -> list[str]:
        """Return one line per value."""
        return list(self.found)
