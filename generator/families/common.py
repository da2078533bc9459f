"""What every family builds the same way: the formatter, the meta data, covers, drop-down lists, composed lines."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from generator.catalog import Catalog, catalog
from generator.document import theme
from generator.document.blocks import (
    Block,
    Bullets,
    Cell,
    Choice,
    Cover,
    Field,
    Fields,
    Format,
    Highlight,
    Kind,
    Meta,
    Part,
    Raw,
    Row,
    Section,
    Table,
    is_empty,
)
from generator.document.format import EMPTY, Formatter
from generator.document.look import Look
from generator.model.enums import (
    ActionCategory,
    ActionStatus,
    BuyingRole,
    Cadence,
    Channel,
    DecisionRole,
    Direction,
    KpiArea,
    KpiUnit,
    Level,
    Quadrant,
    Rag,
    ResourceType,
    ReviewFrequency,
    SolutionStatus,
    Stage,
    Stance,
    Vocabulary,
)
from generator.model.plan import AccountPlan

CHECKED, UNCHECKED = "☑", "☐"
DECISION_MARK = "★"
SCORES = ("1", "2", "3", "4", "5")
_CHOICES: tuple[type[Vocabulary], ...] = (
    ActionStatus,
    ActionCategory,
    Stage,
    Stance,
    BuyingRole,
    DecisionRole,
    Level,
    Channel,
    Cadence,
    SolutionStatus,
    KpiArea,
    KpiUnit,
    Direction,
    ResourceType,
    ReviewFrequency,
    Rag,
    Quadrant,
)


def chosen(formats: Sequence[str], every: Sequence[str], made: Sequence[Callable[[], Part]]) -> tuple[Part, ...]:
    """Return the parts of the chosen formats, of every one a family is written in (in order) when none is chosen,
    each made only when chosen: a Word document alone pays for no deck and no workbook."""
    return tuple(make() for fmt, make in zip(every, made, strict=True) if not formats or fmt in formats)


def formatter(plan: AccountPlan) -> Formatter:
    """Return the formatter of a plan's language and currency."""
    return Formatter(catalog(plan.plan.language), plan.plan.currency, blank=plan.is_blank)


def meta(plan: AccountPlan, f: Formatter, family: str, title_key: str) -> Meta:
    """Return what every part of a family's document declares and shows in its header and footer."""
    info, L = plan.plan, f.cat.labels
    account = f.text(plan.account.name, "company_name")
    said = stamp(plan, f)
    title = family_title(plan, f, title_key)
    return Meta(
        family=family,
        title=f"{title} — {account}",
        account=account,
        author=f.text(info.prepared_by, "name_title"),
        when=info.date,
        language=f.cat.language,
        footer=" · ".join(part for part in (account, L[title_key], said["period"]) if part),
        header=f"{account} · {title}",
        page_footer=(_page_footer(said, L["page"]), f" {L['of']} "),
        blank=plan.is_blank,
        look=look(plan),
    )


def look(plan: AccountPlan) -> Look:
    """Return the plan's brand as the writers apply it: colours darkened where white text would not read."""
    brand = plan.brand
    colours = brand.colors
    return Look(
        company=brand.company,
        logo=plan.picture(brand.logo) if brand.logo else None,
        primary=theme.readable(colours.primary) if colours.primary else "",
        accent=theme.readable(colours.accent) if colours.accent else "",
        heading_font=brand.fonts.heading,
        body_font=brand.fonts.body,
        status=tuple(
            swap
            for name in ("green", "amber", "red")
            if getattr(colours, name)
            for swap in theme.status_swaps(name, getattr(colours, name))
        ),
    )


def stamp(plan: AccountPlan, f: Formatter) -> dict[str, str]:
    """Return the plan's period, author, date and version as covers and footers say them; what a filled plan
    leaves out is '' (not a dash composed into a sentence)."""
    info, L = plan.plan, f.cat.labels
    return {
        "period": f.given(info.period, f.text(info.period, "period")),
        "by": f.given(info.prepared_by, f"{L['prepared_by']}: {f.text(info.prepared_by, 'name_title')}"),
        "date": f.given(info.date, f.date(info.date)),
        "version": f.given(info.version, f"{L['version']} {f.text(info.version, 'version')}"),
    }


def _page_footer(said: dict[str, str], page: str) -> str:
    """Return what a page footer says before the page number: version and date where the plan gives them."""
    return " · ".join(part for part in (said["version"], said["date"], f"{page} ") if part)


def family_title(plan: AccountPlan, f: Formatter, title_key: str) -> str:
    """Return what a family's document is called: the plan's own title for the strategic plan (it is that
    plan), the family's name for the others (a sales plan is not 'FY2027 Strategic Account Plan')."""
    if title_key == "strategic_account_plan" and plan.plan.title:
        return plan.plan.title
    return f.label(title_key)


def _title_and_period(title: str, period: str) -> str:
    """Return 'title · period', the period left out where the title already names it (FY2027 ... · FY2027)."""
    return title if set(period.split()[:1]) & set(title.split()) else f"{title} · {period}"


def identity(plan: AccountPlan, f: Formatter) -> Fields:
    """Return the plan's identity fields of a title page."""
    info = plan.plan
    return fields(
        f,
        ("prepared_by", f.text(info.prepared_by, "name_title")),
        ("date", f.date(info.date)),
        ("version", f.text(info.version, "version")),
        ("planning_period", f.text(info.period, "period")),
        ("last_reviewed", f.date(info.last_reviewed)),
    )


def fields(f: Formatter, *pairs: tuple[str, str] | tuple[str, str, tuple[str, ...]], title: str = "") -> Fields:
    """Return label / value fields from (label key, text) pairs; a third item makes the value a bullet list."""
    made = []
    for pair in pairs:
        key, text = pair[0], pair[1]
        if len(pair) == 3:
            listed: tuple[str, ...] = pair[2]
            made.append(Field(key, f.label(key), Cell("; ".join(listed), items=listed), Kind.BULLETS))
        else:
            made.append(Field(key, f.label(key), Cell(text)))
    return Fields(tuple(made), title)


def choices(cat: Catalog) -> tuple[Choice, ...]:
    """Return every drop-down list of the workbooks, as display labels."""
    made = [Choice(v.vocabulary(), tuple(cat.enum(v.vocabulary(), m.value) for m in v)) for v in _CHOICES]
    return (*made, Choice("score", SCORES), Choice("yes_no", (cat.label("yes"), cat.label("no"))))


def label_fills(cat: Catalog, vocabulary: str, colours: dict[str, str]) -> tuple[Highlight, ...]:
    """Return workbook highlights that colour a cell by the vocabulary label it holds."""
    return tuple(Highlight(colour, equals=cat.enum(vocabulary, value)) for value, colour in colours.items())


def lines(f: Formatter, table: Table, compose: Callable[[Row], str]) -> tuple[str, ...]:
    """Return one composed line per record; for an empty list, the hint line (blank plan) or a dash."""
    if table.rows:
        return tuple(compose(r) for r in table.rows)
    return (compose(table.placeholders[0]),) if f.blank else (EMPTY,)


def items(f: Formatter, values: Sequence[str], hint: str) -> tuple[str, ...]:
    """Return a list, or its one hint line when it is empty."""
    return tuple(f.items(values, hint))


def instructions(plan: AccountPlan, f: Formatter) -> tuple[str, ...]:
    """Return the instructions of a blank workbook (none for a filled plan)."""
    return tuple(f.label(f"instructions_{i}") for i in range(1, 7)) if plan.is_blank else ()


def section(f: Formatter, key: str, title: str, *blocks: Block, note: str = "", level: int = 1) -> Section:
    """Return a section; its speaker note comes from the catalogue."""
    return Section(key, title, blocks, f.cat.notes.get(note, "") if note else "", level)


def table_section(f: Formatter, note: str, table: Table, title_key: str = "") -> Section:
    """Return a table slide titled by its label (the note key, unless another title key is given)."""
    return section(f, note, f.label(title_key or note), table, note=note)


def shown(f: Formatter, sections: Sequence[Section]) -> tuple[Section, ...]:
    """Return the sections a deck shows: all in a blank plan, those with data in a filled one."""
    return tuple(s for s in sections if f.blank or not s.empty)


def chaptered(
    f: Formatter, chapters: Sequence[tuple[str, Sequence[Section]]], lead: Bullets | None = None
) -> tuple[Section, ...]:
    """Return an agenda slide (after a lead block, the plan's goal, where given), then per chapter a divider
    (a section without blocks) and its slides."""
    kept = [(title, shown(f, sections)) for title, sections in chapters]
    kept = [(title, sections) for title, sections in kept if sections]
    agenda = Bullets(tuple(t for t, _ in kept), f.label("contents") if lead else "", numbered=True)
    blocks = (lead, agenda) if lead and not is_empty(lead) else (agenda,)
    slides: list[Section] = [section(f, "agenda", f.label("agenda"), *blocks, note="agenda")]
    for number, (title, sections) in enumerate(kept, 1):
        slides += [section(f, f"chapter_{number}", title, note="chapter"), *sections]
    return tuple(slides)


def deck_cover(plan: AccountPlan, f: Formatter, title_key: str) -> Cover:
    """Return the title slide: the account, the plan's title and period, who prepared it and when."""
    said = stamp(plan, f)
    title = family_title(plan, f, title_key)
    subtitle = (
        _title_and_period(title, said["period"]) if said["period"] else title,
        " · ".join(said[k] for k in ("by", "date", "version") if said[k]),
    )
    return Cover(f.text(plan.account.name, "company_name"), subtitle, Fields(()), notes=f.cat.notes.get("title", ""))


def sheet(f: Formatter, key: str, block: Block) -> Section:
    """Return a worksheet: its localised name and its one block."""
    return Section(key, f.label(f"sheet_{key}"), (block,))


def workbook_start(plan: AccountPlan, f: Formatter) -> tuple[Section, ...]:
    """Return the sheets a workbook opens with: the instructions, in a blank plan only."""
    lines = instructions(plan, f)
    if not lines:
        return ()
    title = f.label("instructions")
    return (Section("instructions", title, (Bullets(lines, title),)),)


def workbook(plan: AccountPlan, f: Formatter, *sheets: Section) -> Part:
    """Return the workbook part: instructions (blank), the sheets, the drop-down lists, the money format."""
    return Part(Format.XLSX, (*workbook_start(plan, f), *sheets), choices=choices(f.cat), formats=f.workbook_formats())


def plan_date(plan: AccountPlan, f: Formatter) -> Field:
    """Return the plan date field every workbook names PlanDate (overdue actions count from it)."""
    return Field("date", f.label("date"), Cell(f.date(plan.plan.date), plan.plan.date), Kind.DATE, name="PlanDate")


def raw_field(f: Formatter, label_key: str, raw: Raw, kind: Kind = Kind.TEXT, formula: str = "") -> Field:
    """Return a workbook field holding a raw value (or a formula)."""
    return Field(label_key, f.label(label_key), Cell(raw if isinstance(raw, str) else "", raw), kind, formula)


_SHARED: ContextVar[dict[tuple[object, ...], Table] | None] = ContextVar("shared_tables", default=None)


@contextmanager
def sharing() -> Iterator[None]:
    """Within it, a table several families show (stakeholders, actions, KPIs) is built once per plan and language
    (tables are frozen: every family reads the same one)."""
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def shared(build: Callable[[AccountPlan, Formatter], Table]) -> Callable[[AccountPlan, Formatter], Table]:
    """Return build made to give the table it built before for the same plan, language, currency and blankness
    while sharing() is on."""

    @wraps(build)
    def once(plan: AccountPlan, f: Formatter) -> Table:
        made = _SHARED.get()
        if made is None:
            return build(plan, f)
        key = (build.__qualname__, build.__module__, id(plan), id(f.cat), f.currency, f.blank)
        if key not in made:
            made[key] = build(plan, f)
        return made[key]

    return once
