"""The closed vocabularies of the account plan; values are what the YAML and Excel hold."""

from __future__ import annotations

from enum import StrEnum
from functools import cache


class Vocabulary(StrEnum):
    """A closed vocabulary whose values are lower-case snake_case words."""

    @classmethod
    def values(cls) -> list[str]:
        """Return the allowed values in their declared order."""
        return [member.value for member in cls]

    @classmethod
    def vocabulary(cls) -> str:
        """Return the catalogue key of this vocabulary (snake_case class name)."""
        return _snake_case(cls.__name__)


@cache
def _snake_case(name: str) -> str:
    """Return a class name in snake_case (GrowthTrajectory -> growth_trajectory)."""
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


class Segment(Vocabulary):
    STRATEGIC = "strategic"
    KEY = "key"
    GROWTH = "growth"
    MAINTAIN = "maintain"


class Ownership(Vocabulary):
    PUBLIC = "public"
    PRIVATE = "private"


class GrowthTrajectory(Vocabulary):
    EXPANDING = "expanding"
    STABLE = "stable"
    DECLINING = "declining"


class Profitability(Vocabulary):
    STRONG = "strong"
    MODERATE = "moderate"
    WEAK = "weak"


class Procurement(Vocabulary):
    CENTRALISED = "centralised"
    DECENTRALISED = "decentralised"


class Level(Vocabulary):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class BuyingRole(Vocabulary):
    ECONOMIC_BUYER = "economic_buyer"
    TECHNICAL_BUYER = "technical_buyer"
    USER_BUYER = "user_buyer"
    COACH = "coach"
    GATEKEEPER = "gatekeeper"


class DecisionRole(Vocabulary):
    FINAL_APPROVER = "final_approver"
    MAIN_INFLUENCER = "main_influencer"
    EVALUATOR = "evaluator"
    NONE = "none"


class Stance(Vocabulary):
    CHAMPION = "champion"
    SUPPORTER = "supporter"
    NEUTRAL = "neutral"
    SCEPTIC = "sceptic"
    BLOCKER = "blocker"


class Channel(Vocabulary):
    EMAIL = "email"
    PHONE = "phone"
    IN_PERSON = "in_person"
    VIDEO = "video"
    MESSAGING = "messaging"


class Cadence(Vocabulary):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUALLY = "annually"
    AD_HOC = "ad_hoc"


class Stage(Vocabulary):
    DISCOVERY = "discovery"
    QUALIFICATION = "qualification"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    CLOSED_WON = "closed_won"
    CLOSED_LOST = "closed_lost"


class ActionStatus(Vocabulary):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
    CANCELLED = "cancelled"
    ACCEPTED = "accepted"  # the customer agreed to the step (the simple plan's status column)
    REJECTED = "rejected"  # the customer turned the step down: closed, never overdue


class ActionCategory(Vocabulary):
    RELATIONSHIP_BUILDING = "relationship_building"
    OPPORTUNITY_DEVELOPMENT = "opportunity_development"
    COMPETITIVE_DEFENCE = "competitive_defence"
    ACCOUNT_INTELLIGENCE = "account_intelligence"


class SolutionStatus(Vocabulary):
    PRESENTED = "presented"
    REVIEWING = "reviewing"
    IN_PROGRESS = "in_progress"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class KpiArea(Vocabulary):
    FINANCIAL = "financial"
    RELATIONSHIP = "relationship"
    OPERATIONAL = "operational"


class KpiUnit(Vocabulary):
    PERCENT = "percent"
    CURRENCY = "currency"
    NUMBER = "number"


class Direction(Vocabulary):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


class Rag(Vocabulary):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class ResourceType(Vocabulary):
    PEOPLE = "people"
    BUDGET = "budget"
    SUPPORT = "support"


class ReviewFrequency(Vocabulary):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUALLY = "annually"


class Team(Vocabulary):
    SALES = "sales"
    CUSTOMER_SUCCESS = "customer_success"
    MARKETING = "marketing"
    PRODUCT = "product"
    EXECUTIVE_SPONSOR = "executive_sponsor"


class Factor(Vocabulary):
    MARKET = "market"
    SUPPLY_DEMAND = "supply_demand"
    TECHNOLOGY = "technology"
    POLITICAL = "political"
    ECONOMIC = "economic"
    SOCIAL = "social"
    LEGAL = "legal"
    ENVIRONMENTAL = "environmental"


class Quadrant(Vocabulary):
    CHAMPIONS = "champions"
    INFLUENCERS = "influencers"
    USERS = "users"
    OTHERS = "others"


ALL_VOCABULARIES: tuple[type[Vocabulary], ...] = tuple(Vocabulary.__subclasses__())
