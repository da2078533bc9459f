"""A stress plan: 60 actions, 40 stakeholders over a deep and wide hierarchy, 800-character texts."""

from __future__ import annotations

from typing import Any

from generator.model.enums import ActionCategory, ActionStatus, Level, Stage, Stance

LONGS = {  # 800 characters in each language: German compounds, Russian's wider letters
    "en": "This is a deliberately long text written to test how the documents cope with an account "
    "manager who writes a whole paragraph where a short phrase was expected, with names like "
    "Müller & Søn <Holding> and figures such as €1,250,000 and 37.5% scattered through it. ",
    "de": "Dies ist ein absichtlich langer Text über Rahmenvertragsverlängerungsverhandlungen, "
    "Geschäftsführungsentscheidungen und Digitalisierungsvorhaben, geschrieben von einer "
    "Account-Managerin, die einen ganzen Absatz schreibt, wo ein kurzer Satz erwartet wurde, mit "
    "Namen wie Müller & Søn <Holding> und Zahlen wie 1.250.000 € und 37,5 %. ",
    "ru": "Это намеренно длинный текст о переговорах по продлению рамочного договора и о "
    "государственно-частном партнёрстве, написанный менеджером аккаунта, который пишет целый "
    "абзац там, где ждали короткую фразу, с названиями вроде «Щукинский машиностроительный "
    "завод» и цифрами вроде 1 250 000 € и 37,5 %. ",
}


def long_text(language: str = "en") -> str:
    """Return the 800-character text of the stress plan in a language."""
    return (LONGS[language] * 5)[:800]


LONG = long_text()


def stress_data(language: str = "en") -> dict[str, Any]:
    """Return raw data of the stress plan, its texts and documents in language."""
    LONG = long_text(language)
    levels = list(Level)
    stances = list(Stance)
    people = [
        {
            "name": "Root Person",
            "title": "Chief Executive Officer",
            "influence": "high",
            "interest": "high",
            "decision_role": "final_approver",
            "stance": "champion",
            "relationship": 4,
        }
    ]
    for i in range(4):
        people.append(
            {
                "name": f"VP {i}",
                "title": "Vice President of Global Operations and Transformation",
                "reports_to": "Root Person",
            }
        )
    for i in range(12):
        people.append({"name": f"Director {i}", "title": "Director", "reports_to": f"VP {i % 4}"})
    for i in range(23):
        people.append(
            {"name": f"Manager {i} with a rather long name", "title": LONG[:120], "reports_to": f"Director {i % 12}"}
        )
    for i, person in enumerate(people):
        person.setdefault("influence", levels[i % 3].value)
        person.setdefault("interest", levels[(i // 3) % 3].value)
        person.setdefault("stance", stances[i % 5].value)
        person.update(motivators=LONG, concerns=LONG, engagement=LONG, style=LONG[:300])
    return {
        "plan": {
            "date": "2026-11-16",
            "title": "Stress plan " + LONG[:200],
            "version": "9",
            "period": "FY2027",
            "language": language,
        },
        "account": {
            "name": "Stress Test Holding " + "Ü" * 20,
            "overview": LONG,
            "priorities": [LONG] * 6,
            "annual_goals": [LONG] * 5,
            "challenges": [LONG] * 5,
            "culture": [LONG] * 3,
            "decision_process": {"buying_steps": [LONG] * 6, "criteria": [LONG] * 5},
        },
        "executive_summary": {"objectives": [LONG] * 5, "success_factors": [LONG] * 3},
        "stakeholders": people,
        "swot": {k: [LONG] * 5 for k in ("strengths", "weaknesses", "opportunities", "threats")},
        "competitors": [
            {"name": f"Competitor {i}", "strengths": LONG, "our_advantages": LONG, "customer_view": LONG}
            for i in range(6)
        ],
        "revenue_streams": [
            {"name": f"Stream {i} " + LONG[:60], "current": 1000 * i, "target": 1500 * i + 10} for i in range(8)
        ],
        "opportunities": [
            {
                "name": f"Opportunity {i} " + LONG[:150],
                "value": 10000 + i,
                "probability": i % 101,
                "stage": list(Stage)[i % 6].value,
                "quarter": "Q1 2027",
            }
            for i in range(30)
        ],
        "actions": [
            {
                "action": f"Action {i} " + LONG[: 100 + (i * 37) % 700],
                "description": LONG,
                "notes": LONG,
                "owner": "Owner " + LONG[:40],
                "stakeholders": ["Root Person"],
                "due": "2026-12-01",
                "status": list(ActionStatus)[i % 5].value,
                "category": list(ActionCategory)[i % 4].value,
                "objective": LONG,
            }
            for i in range(60)
        ],
        "kpis": [
            {
                "name": f"KPI {i} " + LONG[:300],
                "area": ["financial", "relationship", "operational"][i % 3],
                "target": 100,
                "actual": 50 + i * 3,
            }
            for i in range(20)
        ],
        "risks": [
            {"risk": LONG, "impact": 1 + i % 5, "probability": 1 + (i * 2) % 5, "mitigation": LONG, "owner": "Owner"}
            for i in range(12)
        ],
        "goals": [{"goal": LONG, "challenges": LONG, "measure": LONG, "target": LONG[:100]} for i in range(8)],
        "solutions": [{"solution": LONG, "value": LONG, "objections": LONG, "handling": LONG} for i in range(6)],
        "strategies": [{"strategy": LONG, "tactics": [LONG] * 3} for i in range(5)],
        "resources": [{"resource": LONG, "type": "budget", "amount": 1000} for i in range(8)],
        "team": [
            {"name": f"Member {i}", "title": LONG[:200], "role": LONG[:100], "responsibilities": LONG} for i in range(6)
        ],
        "review_cadence": [{"frequency": f, "topics": [LONG] * 3} for f in ("monthly", "quarterly", "annually")],
        "collaboration": [
            {"team": t, "who": LONG[:50], "responsibilities": LONG}
            for t in ("sales", "customer_success", "marketing", "product", "executive_sponsor")
        ],
        "interactions": [{"date": "2026-10-01", "stakeholder": "Root Person", "outcome": LONG} for _ in range(15)],
        "industry_analysis": [{"factor": "market", "trend": LONG, "impact": LONG} for _ in range(8)],
        "current_business": {
            "products": [LONG[:200]] * 3,
            "usage": LONG,
            "expansion_potential": LONG,
            "switching_costs": LONG,
            "contract_terms": LONG,
        },
    }


def grown(data: dict[str, Any], stakeholders: int, actions: int) -> dict[str, Any]:
    """Return a plan's raw data grown to this many stakeholders (new ones reporting four to a manager, under its
    own) and actions (its own repeated with numbered names); its own stay as they are, so every reference holds."""
    people, done = list(data["stakeholders"]), list(data["actions"])
    extra: list[dict[str, Any]] = []
    for index in range(max(stakeholders - len(people), 0)):
        person = {k: v for k, v in people[index % len(people)].items() if k not in ("photo", "reports_to")}
        person["name"] = f"{person['name']} {index + 1}"
        person["reports_to"] = (people + extra)[(len(people) + index - 1) // 4]["name"]
        extra.append(person)
    more = [
        {**done[i % len(done)], "action": f"{done[i % len(done)]['action']} ({i + 1})"}
        for i in range(max(actions - len(done), 0))
    ]
    return {**data, "stakeholders": people + extra, "actions": done + more}
