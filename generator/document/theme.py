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
