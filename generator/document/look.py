"""The seller's brand as the writers apply it (built from the plan's brand by the families)."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.document.records import picklable


@dataclass(frozen=True)
class Look:
    """The seller's brand as the writers apply it: company, logo (PNG bytes), colours kept readable under white
    text, and fonts ('' where the brand gives none: the house look)."""

    company: str = ""
    logo: bytes | None = field(default=None, repr=False)
    primary: str = ""
    accent: str = ""
    heading_font: str = ""
    body_font: str = ""
    status: tuple[tuple[str, str], ...] = ()  # house status colour -> the brand's (tints and inks derived)


picklable(globals(), __name__)
