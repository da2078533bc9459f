"""The account plan: one pydantic model, the single source of truth for every document."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr

from generator.model.enums import (
    ActionCategory,
    ActionStatus,
    BuyingRole,
    Cadence,
    Channel,
    DecisionRole,
    Direction,
    Factor,
    GrowthTrajectory,
    KpiArea,
    KpiUnit,
    Level,
    Ownership,
    Procurement,
    Profitability,
    ResourceType,
    ReviewFrequency,
    Segment,
    SolutionStatus,
    Stage,
    Stance,
    Team,
)
from generator.model.types import (
    Colour,
    Count,
    Currency,
    IsoDate,
    Item,
    Language,
    Money,
    Number,
    Percent,
    Quarter,
    Required,
    Score,
    Text,
)


class Section(BaseModel):
    """Base of every model: unknown keys are errors, values are validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)


class PlanInfo(Section):
    """Plan metadata: what the title page and headers show."""

    title: Text = ""
    prepared_by: Text = ""
    account_manager: Text = ""
    date: IsoDate | None = None
    version: Text = ""
    period: Text = ""
    last_reviewed: IsoDate | None = None
    currency: Currency = "EUR"
    language: Language = "en"
    goal: Text = ""


class Profile(Section):
    """The customer's business profile."""

    industry: Text = ""
    revenue: Money | None = None
    revenue_year: Count | None = None
    employees: Count | None = None
    locations: list[Item] = []
    ownership: Ownership | None = None
    website: Text = ""


class FinancialHealth(Section):
    """How healthy the customer is and how it buys."""

    growth_trajectory: GrowthTrajectory | None = None
    profitability: Profitability | None = None
    budget_cycle: Text = ""
    procurement: Procurement | None = None


class Initiatives(Section):
    """The customer's strategic initiatives beyond its business priorities."""

    technology_roadmap: list[Item] = []
    market_expansion: list[Item] = []
    operational_excellence: list[Item] = []


class DecisionProcess(Section):
    """How the customer decides and buys."""

    buying_steps: list[Item] = []
    criteria: list[Item] = []
    procurement_path: Text = ""
    typical_cycle: Text = ""


class Account(Section):
    """The customer account."""

    name: Text = ""
    segment: Segment | None = None
    overview: Text = ""
    profile: Profile = Profile()
    financial_health: FinancialHealth = FinancialHealth()
    priorities: list[Item] = []
    initiatives: Initiatives = Initiatives()
    annual_goals: list[Item] = []
    challenges: list[Item] = []
    culture: list[Item] = []
    decision_process: DecisionProcess = DecisionProcess()


class TeamMember(Section):
    """A member of our account team."""

    name: Required
    title: Text = ""
    role: Text = ""
    responsibilities: Text = ""
    photo: Text = ""


class ExecutiveSummary(Section):
    """What the executive summary says beyond the computed figures."""

    objectives: list[Item] = []
    success_factors: list[Item] = []


class Resource(Section):
    """A resource the plan needs: people, budget or support."""

    resource: Required
    type: ResourceType
    amount: Money | None = None
    owner: Text = ""
    notes: Text = ""


class RevenueStream(Section):
    """One revenue stream: this year's revenue and the target."""

    name: Required
    current: Money = 0
    target: Money = 0


class CurrentBusiness(Section):
    """What the customer buys from us today."""

    products: list[Item] = []
    annual_contract_value: Money | None = None
    contract_terms: Text = ""
    renewal_date: IsoDate | None = None
    usage: Text = ""
    expansion_potential: Text = ""
    switching_costs: Text = ""


class Interaction(Section):
    """One dated interaction and its outcome."""

    date: IsoDate
    outcome: Text = ""


class Stakeholder(Section):
    """A person at the customer."""

    name: Required
    title: Text = ""
    department: Text = ""
    reports_to: Text = ""
    buying_role: BuyingRole | None = None
    decision_role: DecisionRole = DecisionRole.NONE
    influence: Level = Level.MEDIUM
    interest: Level = Level.MEDIUM
    relationship: Score | None = None
    stance: Stance = Stance.NEUTRAL
    channel: Channel | None = None
    cadence: Cadence | None = None
    style: Text = ""
    motivators: Text = ""
    concerns: Text = ""
    engagement: Text = ""
    last_interaction: Interaction | None = None


class InteractionRecord(Section):
    """One entry of the relationship history."""

    date: IsoDate
    stakeholder: Required
    channel: Channel | None = None
    by: Text = ""
    outcome: Text = ""


class Swot(Section):
    """Strengths, weaknesses, opportunities and threats."""

    strengths: list[Item] = []
    weaknesses: list[Item] = []
    opportunities: list[Item] = []
    threats: list[Item] = []


class Competitor(Section):
    """A competitor at this account, seen from the customer's side."""

    name: Required
    strengths: Text = ""
    our_advantages: Text = ""
    customer_view: Text = ""
    threat: Level = Level.MEDIUM


class IndustryFactor(Section):
    """One factor of the industry analysis (PESTLE-style)."""

    factor: Factor
    trend: Required
    impact: Text = ""


class Goal(Section):
    """One of our goals for the account: measurable and time-bound."""

    goal: Required
    challenges: Text = ""
    measure: Text = ""
    target: Text = ""
    due: IsoDate | None = None


class Strategy(Section):
    """How a goal will be reached: the strategy and its tactics."""

    strategy: Required
    tactics: list[Item] = []


class Solution(Section):
    """A solution we propose to the account."""

    solution: Required
    value: Text = ""
    objections: Text = ""
    handling: Text = ""
    status: SolutionStatus = SolutionStatus.PRESENTED


class Opportunity(Section):
    """One opportunity of the pipeline."""

    name: Required
    value: Money
    probability: Percent
    quarter: Quarter = ""
    stage: Stage
    owner: Text = ""
    next_step: Text = ""


class Action(Section):
    """One action of the plan."""

    action: Required
    objective: Text = ""
    description: Text = ""
    owner: Text = ""
    stakeholders: list[Item] = []
    start: IsoDate | None = None
    due: IsoDate | None = None
    status: ActionStatus = ActionStatus.NOT_STARTED
    category: ActionCategory | None = None
    milestone: bool = False
    notes: Text = ""


class Kpi(Section):
    """One measure of account health, target against actual."""

    name: Required
    area: KpiArea
    unit: KpiUnit = KpiUnit.NUMBER
    target: Number
    actual: Number | None = None
    direction: Direction = Direction.HIGHER_IS_BETTER
    tolerance: Percent = 10


class Risk(Section):
    """One entry of the risk register."""

    risk: Required
    impact: Score
    probability: Score
    mitigation: Text = ""
    owner: Text = ""
    review: ReviewFrequency = ReviewFrequency.MONTHLY


class Review(Section):
    """What is reviewed at one frequency."""

    frequency: ReviewFrequency
    topics: list[Item] = []


class Collaboration(Section):
    """Who does what in one function of our company."""

    team: Team
    who: Text = ""
    responsibilities: Text = ""


class BrandColours(Section):
    """The seller's colours: primary for headings, header rows and title bars, accent for rules and series."""

    primary: Colour | None = None
    accent: Colour | None = None
    green: Colour | None = None  # status colours: on target / within tolerance / needs action
    amber: Colour | None = None
    red: Colour | None = None


class BrandFonts(Section):
    """The seller's fonts, by the name the system knows them under (fc-list)."""

    heading: Text = ""
    body: Text = ""


class Brand(Section):
    """The seller's company look: its name, logo, colours and fonts (all optional)."""

    company: Text = ""
    logo: Text = ""  # a PNG or JPEG next to the source (or the brand file)
    colors: BrandColours = BrandColours()
    fonts: BrandFonts = BrandFonts()

    @property
    def is_empty(self) -> bool:
        """Return True when the plan names no brand at all."""
        return self == Brand()


class AccountPlan(Section):
    """The whole account plan; an empty plan is the blank variant."""

    plan: PlanInfo = PlanInfo()
    account: Account = Account()
    team: list[TeamMember] = []
    executive_summary: ExecutiveSummary = ExecutiveSummary()
    resources: list[Resource] = []
    revenue_streams: list[RevenueStream] = []
    current_business: CurrentBusiness = CurrentBusiness()
    stakeholders: list[Stakeholder] = []
    interactions: list[InteractionRecord] = []
    relationship_expansion: list[Item] = []
    swot: Swot = Swot()
    competitors: list[Competitor] = []
    industry_analysis: list[IndustryFactor] = []
    goals: list[Goal] = []
    strategies: list[Strategy] = []
    solutions: list[Solution] = []
    opportunities: list[Opportunity] = []
    actions: list[Action] = []
    kpis: list[Kpi] = []
    risks: list[Risk] = []
    review_cadence: list[Review] = []
    collaboration: list[Collaboration] = []
    documentation_standards: list[Item] = []
    brand: Brand = Brand()

    _pictures: dict[str, bytes] = PrivateAttr(default_factory=dict)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> AccountPlan:
        """Return a copy of the plan with the fields in update replaced; its pictures are its own (pydantic's
        shallow copy shares them: keeping a picture in a copy would change the original too)."""
        copied = super().model_copy(update=update, deep=deep)
        copied._pictures = dict(self._pictures)
        return copied

    def keep_picture(self, name: str, data: bytes) -> None:
        """Keep the checked bytes of a picture the plan names, read once at load."""
        self._pictures[name] = data

    def picture(self, name: str) -> bytes | None:
        """Return the bytes of a picture the plan names, if they were read at load."""
        return self._pictures.get(name)

    @property
    def is_blank(self) -> bool:
        """Return True for the empty plan the blank variant is made from."""
        return not self.account.name

    def plan_date(self) -> date | None:
        """Return the date the plan is dated (the document date), if any."""
        return self.plan.date
