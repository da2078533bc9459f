"""Checks across sections: names that must exist, a hierarchy without cycles."""

from __future__ import annotations

from collections.abc import Iterator

from generator.model.plan import AccountPlan
from generator.model.text import Loc

Finding = tuple[Loc, str]


def check_plan(plan: AccountPlan) -> list[Finding]:
    """Return every cross-reference problem of a validated plan."""
    return [
        *_duplicate_names(plan),
        *_unknown_bosses(plan),
        *_cycles(plan),
        *_unknown_action_stakeholders(plan),
        *_unknown_interaction_stakeholders(plan),
    ]


def check_identity(plan: AccountPlan) -> list[Finding]:
    """Return the problems of a source that does not say which account and date it is."""
    findings: list[Finding] = []
    if not plan.account.name.strip():
        findings.append((("account", "name"), "required field is missing: the account's name"))
    if plan.plan.date is None:
        findings.append((("plan", "date"), "required field is missing: the plan's date (YYYY-MM-DD)"))
    return findings


def _known(plan: AccountPlan) -> str:
    """Return the stakeholder names as a short list for messages."""
    names = list(dict.fromkeys(s.name for s in plan.stakeholders))
    shown = ", ".join(repr(n) for n in names[:8])
    return shown + (", ..." if len(names) > 8 else "") if names else "none defined"


def _duplicate_names(plan: AccountPlan) -> Iterator[Finding]:
    """Yield a problem for each stakeholder whose name was already used."""
    seen: set[str] = set()
    for i, stakeholder in enumerate(plan.stakeholders):
        if stakeholder.name in seen:
            yield (("stakeholders", i, "name"), f"duplicate stakeholder name {stakeholder.name!r}")
        seen.add(stakeholder.name)


def _unknown_bosses(plan: AccountPlan) -> Iterator[Finding]:
    """Yield a problem for each reports_to that names nobody."""
    names = {s.name for s in plan.stakeholders}
    for i, stakeholder in enumerate(plan.stakeholders):
        boss = stakeholder.reports_to
        if boss and boss == stakeholder.name:
            yield (("stakeholders", i, "reports_to"), "a stakeholder cannot report to themself")
        elif boss and boss not in names:
            yield (
                ("stakeholders", i, "reports_to"),
                f"{boss!r} is not a stakeholder; expected one of {_known(plan)}",
            )


def _cycles(plan: AccountPlan) -> Iterator[Finding]:
    """Yield one problem per reporting cycle, at its first member (each person is walked once: linear time)."""
    boss = {s.name: s.reports_to for s in plan.stakeholders}
    index = {s.name: i for i, s in enumerate(plan.stakeholders)}
    done: set[str] = set()
    for name in boss:
        chain: dict[str, None] = {}
        while name in boss and name not in done and name not in chain:
            chain[name] = None
            name = boss[name] if boss[name] != name else ""
        if name in chain:
            cycle = list(chain)[list(chain).index(name) :]
            if len(cycle) > 1:
                path = " -> ".join([*cycle[:3], "...", cycle[-1], cycle[0]] if len(cycle) > 6 else [*cycle, cycle[0]])
                yield (("stakeholders", index[cycle[0]], "reports_to"), f"reporting cycle: {path}")
        done.update(chain)


def _unknown_action_stakeholders(plan: AccountPlan) -> Iterator[Finding]:
    """Yield a problem for each action stakeholder who is not a stakeholder."""
    names = {s.name for s in plan.stakeholders}
    for i, action in enumerate(plan.actions):
        for j, person in enumerate(action.stakeholders):
            if person not in names:
                yield (
                    ("actions", i, "stakeholders", j),
                    f"{person!r} is not a stakeholder; expected one of {_known(plan)}",
                )


def _unknown_interaction_stakeholders(plan: AccountPlan) -> Iterator[Finding]:
    """Yield a problem for each interaction with somebody who is not a stakeholder."""
    names = {s.name for s in plan.stakeholders}
    for i, record in enumerate(plan.interactions):
        if record.stakeholder not in names:
            yield (
                ("interactions", i, "stakeholder"),
                f"{record.stakeholder!r} is not a stakeholder; expected one of {_known(plan)}",
            )
