"""The one palette: ink, accents, status and stance colours, box tints; every writer takes colours from here."""

from __future__ import annotations

NAVY, TEAL, WHITE, INK, BODY = "1F3864", "1A7F8E", "FFFFFF", "262626", "404040"
MUTED, SUBTLE, RULE = "7F7F7F", "595959", "D0D7E2"
BAND, GROUP_ROW, CONNECTOR = "EEF2F8", "D9E1EE", "8CA0BE"
TABLE_RULE = "B4BECF"
GREEN, AMBER, RED, GREY = "2E9E5B", "F2A900", "D64545", "BFBFBF"
LIGHT = {"green": "C6EFCE", "amber": "FFEB9C", "red": "FFC7CE"}
# status words sit on light fills in a dark shade of their own colour: contrast of 4.5:1 or more (WCAG AA)
RAG = dict(LIGHT)
NO_RAG = "EDEDED"
STANCE = {
    "champion": LIGHT["green"],
    "supporter": "E2EFDA",
    "neutral": NO_RAG,
    "sceptic": LIGHT["amber"],
    "blocker": LIGHT["red"],
}
_INK_ON = {LIGHT["green"]: "006100", "E2EFDA": "375623", LIGHT["amber"]: "7A4A00", LIGHT["red"]: "9C0006"}
ALERT_TEXT, DECISION_FILL = "9C0006", "FFE699"
FORMULA_FILL = "F2F2F2"  # workbook cells that compute: grey, so nobody types over them
TINT = {
    "green": "E3F1E8",
    "orange": "FBEFE3",
    "teal": "E1F0F2",
    "red": "F9E3E3",
    "blue": "E3EAF4",
    "yellow": "FDF3DC",
    "grey": "F2F2F2",
}
QUADRANT = {"champions": TINT["green"], "influencers": TINT["blue"], "users": TINT["teal"], "others": TINT["grey"]}
_DARK = {NAVY, GREEN, RED, TEAL}


def text_on(fill: str) -> str:
    """Return the colour text reads in on a fill: white on dark accents, a dark shade on status tints, else ink."""
    return WHITE if fill in _DARK else _INK_ON.get(fill, INK)


def contrast(a: str, b: str) -> float:
    """Return the WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: str, ratio: float = 4.5) -> str:
    """Return colour, darkened just enough for white text on it (and it on white) to reach ratio."""
    return darkened(colour, WHITE, ratio)


def darkened(colour: str, against: str, ratio: float = 4.5) -> str:
    """Return colour moved towards black in twentieths until it reads against the other colour at ratio."""
    shade = colour
    for step in range(1, 21):
        if contrast(shade, against) >= ratio:
            return shade
        shade = mix(colour, "000000", step / 20)
    return shade


def _luminance(colour: str) -> float:
    """Return the relative luminance of a colour given as RRGGBB."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def status_swaps(name: str, colour: str) -> tuple[tuple[str, str], ...]:
    """Return the house colours of one status (its strong colour, light fill and the ink on that fill) and the
    brand's replacements: a light tint of its colour and a shade of it that reads on the tint at 4.5:1."""
    tint = mix(colour, WHITE, 0.78)
    ink = darkened(colour, tint)
    house = {"green": GREEN, "amber": AMBER, "red": RED}[name]
    return ((house, colour), (LIGHT[name], tint), (_INK_ON[LIGHT[name]], ink))


def mix(colour: str, other: str, share: float) -> str:
    """Return colour moved share of the way towards other (RRGGBB)."""
    channels = (round(int(colour[i : i + 2], 16) * (1 - share) + int(other[i : i + 2], 16) * share) for i in (0, 2, 4))
    return "".join(f"{c:02X}" for c in channels)
