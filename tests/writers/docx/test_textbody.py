"""A bundled template's rendered body, headers and footers are written as text: byte for byte what parsing and writing
them with lxml gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator as lib
from generator import resources
from generator.families import FAMILIES
from generator.model.plan import AccountPlan
from generator.model.validation import validate_data
from generator.writers.docx import render, textbody
from tests.stress import stress_data

WORD = [name for name, family in FAMILIES.items() if "docx" in family.formats]
AWKWARD = ["Quote \" and 'apostrophe'", "A & B <c> d>e", "", "ends with a break\n", "tab\there", "  spaced  "]


def awkward(plan: AccountPlan) -> AccountPlan:
    """Return the plan with texts that escape, empty, break and space differently in every action."""
    actions = [
        a.model_copy(update={"action": AWKWARD[i % len(AWKWARD)] or "x", "description": AWKWARD[(i + 2) % 6]})
        for i, a in enumerate(plan.actions)
    ]
    account = plan.account.model_copy(update={"name": 'Müller & "Söhne" <GmbH>'})
    return plan.model_copy(update={"actions": actions, "account": account})


def plans() -> dict[str, AccountPlan]:
    """Return plans whose Word documents use every path of the text writing: quotes, empty values, breaks at the
    end of a text, rows tall enough to break, pictures, blank hints."""
    stress = validate_data(stress_data()).plan
    assert stress is not None
    example = lib.load_plan().plan
    return {"example": example, "awkward": awkward(example), "stress": stress, "blank": lib.blank_plan()}


@pytest.mark.parametrize("family", WORD)
def test_a_body_written_as_text_is_the_one_lxml_writes(family: str, monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[bool] = []
    as_text = textbody.as_text

    def spy(
        xml: str, empty: textbody.Emptied, grids: bool | None = None, pictured: bool = True
    ) -> textbody.TextBody | None:
        assert grids is None or grids == textbody.grids_fit(xml)  # the body's, known as its tables were fitted
        assert pictured or "<wp:docPr" not in xml  # known to hold no picture: it holds none
        found = as_text(xml, empty, grids, pictured)
        written.append(found is not None)
        return found

    monkeypatch.setattr(render, "as_text", spy)
    for name, plan in plans().items():
        as_written = lib.render(plan, family, "docx")
        monkeypatch.setattr(render.prepared(family), "bundled", False)
        assert lib.render(plan, family, "docx") == as_written, name
        monkeypatch.setattr(render.prepared(family), "bundled", True)
    assert written and all(written)  # every body, header and footer took the text way
    assert len(written) == 3 * len(plans())  # a body, a header and a footer a plan


def test_what_only_a_parse_writes_as_lxml_does_is_parsed() -> None:
    """Comments, processing instructions, character references, content controls and text boxes in a template,
    and a table whose grid docxtpl mends, take the parse."""
    for source in ("<w:p><!-- c --></w:p>", "<w:p>&#13;</w:p>", "<w:sdt/>", "<w:txbxContent/>", "<?x y?>"):
        assert textbody.emptied(source) is None, source
    empty = textbody.emptied("<w:t>{{ x }}</w:t><w:tab>{# a comment renders nothing #}</w:tab>")
    assert empty is not None
    assert textbody.as_text("<w:tab></w:tab>", empty) == textbody.TextBody("<w:tab/>")
    grid = '<w:tbl><w:tblGrid><w:gridCol w:w="1"/></w:tblGrid><w:tr><w:tc/><w:tc/></w:tr></w:tbl>'
    assert textbody.as_text(grid, empty) is None
    assert textbody.as_text('<w:p w:x="&#34;"/>', empty) is None
    assert textbody.as_text("<w:t>&#34;</w:t><w:t></w:t>", empty) == textbody.TextBody('<w:t>"</w:t><w:t/>')
    spaced = '<w:r><w:t xml:space="preserve"></w:t><w:tab></w:tab><w:tc><w:t>a</w:t></w:tc></w:r>'
    assert textbody.as_text(spaced, empty) == textbody.TextBody(
        '<w:r><w:t xml:space="preserve"/><w:tab/><w:tc><w:t>a</w:t></w:tc></w:r>'
    )


def test_a_template_of_the_user_s_own_is_parsed(tmp_path: Path) -> None:
    assert render.PreparedTemplate(resources.template("account-map.docx"), "x.docx").bundled is False


def test_quotes_are_found_wherever_a_body_holds_them() -> None:
    import random

    pick = random.Random(7)
    texts = ["&#34;", "#3", "&#3", "&#39;x", "#&#3", "a#b", "&#", "##3"]
    texts += ["".join(pick.choice("&#34;a") for _ in range(pick.randrange(8))) for _ in range(400)]
    for text in texts:
        assert textbody._quoted(text) == ("&#3" in text), text
