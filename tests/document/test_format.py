"""Numbers, money, dates and quarters read as a native reader of each language expects (Babel's locale data)."""

from __future__ import annotations

from datetime import date

import pytest

from generator.catalog import catalog
from generator.document.format import Formatter

NBSP, NNBSP = "\u00a0", "\u202f"

# language: money, compact money, signed percent, date, quarter, number, a decimal, workbook money format
EXPECTED = {
    "en": ("€1,250,000", "€1.3M", "+58.5%", "15 Jan 2027", "Q3 2027", "9,400", "2.5", '"€"#,##0'),
    "de": (
        f"1.250.000{NBSP}€",
        f"1,3{NBSP}Mio.{NBSP}€",
        f"+58,5{NBSP}%",
        "15.01.2027",
        "Q3 2027",
        "9.400",
        "2,5",
        f'[$-407]#,##0"{NBSP}€"',
    ),
    "fr": (
        f"1{NNBSP}250{NNBSP}000{NBSP}€",
        f"1,3{NBSP}M{NBSP}€",
        f"+58,5{NBSP}%",
        "15 janv. 2027",
        "T3 2027",
        f"9{NNBSP}400",
        "2,5",
        f'[$-40C]#,##0"{NBSP}€"',
    ),
    "ru": (
        f"1{NBSP}250{NBSP}000{NBSP}€",
        f"1,3{NBSP}млн{NBSP}€",
        f"+58,5{NBSP}%",
        "15.01.2027",
        "3-й кв. 2027",
        f"9{NBSP}400",
        "2,5",
        f'[$-419]#,##0"{NBSP}€"',
    ),
}


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_each_language_formats_in_its_locale(language: str) -> None:
    f = Formatter(catalog(language), "EUR", blank=False)
    shown = (
        f.money(1_250_000),
        f.money_short(1_260_000),
        f.percent(58.5, signed=True),
        f.date(date(2027, 1, 15)),
        f.quarter("Q3 2027"),
        f.number(9400, "employees"),
        f.number(2.5, "employees"),
        f.money_format(),
    )
    assert shown == EXPECTED[language]


def test_a_currency_code_without_a_symbol_stands_apart_from_the_digits() -> None:
    assert Formatter(catalog("en"), "CHF", blank=False).money(1_250_000) == f"CHF{NBSP}1,250,000"
    assert Formatter(catalog("de"), "CHF", blank=False).money(1_250_000) == f"1.250.000{NBSP}CHF"
    assert Formatter(catalog("de"), "CHF", blank=False).money_format() == f'[$-407]#,##0"{NBSP}CHF"'


def test_german_thousands_stay_whole_where_the_locale_has_no_short_form() -> None:
    assert Formatter(catalog("de"), "EUR", blank=False).money_short(250_000) == f"250.000{NBSP}€"
    assert Formatter(catalog("ru"), "EUR", blank=False).money_short(250_000) == f"250{NBSP}тыс.{NBSP}€"


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_workbook_chart_labels_abbreviate_in_the_language(language: str) -> None:
    short = Formatter(catalog(language), "EUR", blank=False).money_format(short=True)
    formats = catalog(language).formats
    sections = short.split(";")
    assert len(sections) == 3
    assert formats["compact_million"] in sections[0] and formats["compact_thousand"] in sections[1]
    assert all(s.startswith(formats["excel_locale"]) for s in sections)  # 1,4 Mio. €, not 1.4 Mio. €
    assert all(s.startswith(formats["excel_locale"] + "[>=") for s in sections[:2])


@pytest.mark.parametrize(
    ("language", "amounts"),
    [
        ("en", ["€1.4M", "€589K", "€900"]),
        ("de", ["1,4 Mio. €", "589 Tsd. €", "900 €"]),
    ],
)
def test_a_chart_label_is_measured_as_the_short_format_shows_it(language: str, amounts: list[str]) -> None:
    f = Formatter(catalog(language), "EUR", blank=False)
    assert [f.money_label(v).replace(NBSP, " ") for v in (1_400_000, 589_000, 900)] == amounts


def test_a_blank_plan_shows_the_hint_in_its_language() -> None:
    assert Formatter(catalog("de"), "EUR").quarter("") == "[Q1 2027]"
    assert Formatter(catalog("fr"), "EUR").money(None) == "[Montant]"


def test_workbook_numbers_carry_the_language_for_their_separators() -> None:
    german = Formatter(catalog("de"), "EUR", blank=False).workbook_formats()
    assert german.locale == "[$-407]" and german.money.startswith("[$-407]") and german.date == "dd.mm.yyyy"
    assert Formatter(catalog("en"), "EUR", blank=False).workbook_formats().locale == ""


def test_a_figure_formatted_once_is_never_shown_in_another_language_or_currency() -> None:
    """Babel's formatting is remembered per figure, locale, currency and pattern: one amount, share and date
    formatted in turn for each language and currency comes out in each one's own shape."""
    shown = {
        (language, currency): (f.money(1_340_000), f.money_short(1_340_000), f.percent(58.5), f.date(date(2027, 1, 15)))
        for language in ("en", "de", "en", "fr", "ru")
        for currency in ("EUR", "CHF", "EUR")
        for f in [Formatter(catalog(language), currency)]
    }
    assert shown[("en", "EUR")] == ("€1,340,000", "€1.3M", "58.5%", "15 Jan 2027")
    assert shown[("de", "EUR")][0] == f"1.340.000{NBSP}€" and shown[("de", "CHF")][0] == f"1.340.000{NBSP}CHF"
    assert shown[("en", "CHF")][0] == f"CHF{NBSP}1,340,000"
    assert len({s[0] for s in shown.values()}) == 8  # four languages, two currencies
