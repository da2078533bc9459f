"""Org chart layout: whole trees where they fit, branch pages where not; boxes inside the area, never overlapping."""

from __future__ import annotations

import pytest

from generator.document.people import Person
from generator.writers.pptx import orgchart

AREA = (0, 0, 11_000_000, 4_500_000)


def people(edges: dict[str, str]) -> list[Person]:
    """Return org chart boxes from name -> boss."""
    return [Person(name, "", boss, "BFBFBF", "262626", False, "") for name, boss in edges.items()]


def test_small_tree_is_one_page_with_levels() -> None:
    pages = orgchart.paginate(people({"ceo": "", "cfo": "ceo", "cio": "ceo", "arch": "cio"}))
    assert len(pages) == 1 and pages[0].levels == 3 and pages[0].columns == 2
    assert {n.name: n.parent for n in pages[0].nodes}["arch"] == "cio"


def test_wide_tree_splits_into_an_overview_and_branches() -> None:
    edges = {"ceo": ""} | {f"vp{i}": "ceo" for i in range(5)} | {f"m{i}": f"vp{i % 5}" for i in range(20)}
    pages = orgchart.paginate(people(edges))
    assert len(pages) > 1
    assert {n.name for n in pages[0].nodes} == {"ceo", *(f"vp{i}" for i in range(5))}
    shown = {n.name for page in pages for n in page.nodes}
    assert shown == set(edges)
    assert all(page.columns <= orgchart.MAX_COLUMNS and page.levels <= orgchart.MAX_LEVELS for page in pages)
    assert pages[1].context == "vp0"


@pytest.mark.parametrize("tallest", [False, True])
def test_boxes_stay_inside_the_area_and_never_overlap(tallest: bool) -> None:
    """Also at the tallest height a page's boxes may take to show long titles in full."""
    edges = {"ceo": ""} | {f"vp{i}": "ceo" for i in range(3)} | {f"m{i}": f"vp{i % 3}" for i in range(7)}
    for page in orgchart.paginate(people(edges)):
        tall = list(orgchart.box_heights(page, AREA))[-1] if tallest else 0
        assert tall <= orgchart.TALLEST_BOX
        boxes = [orgchart.box_of(node, page, AREA, tall) for node in page.nodes]
        for left, top, width, height in boxes:
            assert left >= AREA[0] and top >= AREA[1]
            assert left + width <= AREA[0] + AREA[2] and top + height <= AREA[1] + AREA[3]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                apart = a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0] or a[1] + a[3] <= b[1] or b[1] + b[3] <= a[1]
                assert apart


def test_people_without_a_known_boss_are_roots() -> None:
    pages = orgchart.paginate(people({"a": "", "b": "nobody"}))
    assert [n.level for n in pages[0].nodes] == [0, 0]


def test_a_connector_s_frame_is_the_one_python_pptx_gives_it() -> None:
    """Connectors are written as XML: their frame and flips (in order) are what python-pptx's setters make."""
    import random

    from pptx import Presentation
    from pptx.enum.shapes import MSO_CONNECTOR

    from generator.writers.pptx.orgchart import Span

    shapes = Presentation().slides.add_slide(Presentation().slide_layouts[6]).shapes
    rng = random.Random(3)
    points = [0, 5, 100, 100, 250, 900]
    for _ in range(300):
        begin, end = (rng.choice(points), rng.choice(points)), (rng.choice(points), rng.choice(points))
        connector = shapes.add_connector(MSO_CONNECTOR.ELBOW, 0, 0, 0, 0)
        connector.begin_x, connector.begin_y = begin
        connector.end_x, connector.end_y = end
        span = Span()
        span.move(begin, end)
        xfrm = connector._element.spPr.xfrm
        flips = [name for name in xfrm.attrib if name in ("flipH", "flipV")]
        assert (span.x, span.y, span.cx, span.cy, span.flips) == (
            xfrm.off.x,
            xfrm.off.y,
            xfrm.ext.cx,
            xfrm.ext.cy,
            flips,
        )
