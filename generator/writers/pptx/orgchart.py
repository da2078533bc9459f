"""Org chart layout: the 'reports to' tree cut into slide-sized pages, boxes placed on a grid."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.document.people import Person

MAX_COLUMNS = 7
MAX_LEVELS = 4
EMU_PER_INCH = 914400
MAX_BOX_WIDTH = int(2.3 * EMU_PER_INCH)
MAX_BOX_HEIGHT = int(0.95 * EMU_PER_INCH)
TALLEST_BOX = int(1.6 * EMU_PER_INCH)  # a page whose names and titles need it gets boxes up to this tall
H_GAP = int(0.15 * EMU_PER_INCH)
V_GAP = int(0.3 * EMU_PER_INCH)


@dataclass
class Node:
    """One box on a page: who, under whom, on which level, at which horizontal slot (centre)."""

    name: str
    parent: str
    person: Person
    level: int = 0
    slot: float = 0.0


@dataclass
class Page:
    """One slide of the org chart."""

    nodes: list[Node] = field(default_factory=list)
    columns: int = 1
    levels: int = 1
    context: str = ""


class Tree:
    """The hierarchy of the stakeholders, from the view's people rows."""

    def __init__(self, people: list[Person], columns: int = MAX_COLUMNS) -> None:
        self.columns = columns  # the most boxes a page holds side by side
        self.people = {p.name: p for p in people}
        self.children: dict[str, list[str]] = {name: [] for name in self.people}
        self.roots: list[str] = []
        for person in people:
            boss = person.reports_to
            if boss in self.people and boss != person.name:
                self.children[boss].append(person.name)
            else:
                self.roots.append(person.name)

    def depth(self, name: str, limit: int = 99) -> int:
        """Return how many levels the subtree of name has (at most limit)."""
        if limit == 1 or not self.children[name]:
            return 1
        return 1 + max(self.depth(child, limit - 1) for child in self.children[name])

    def leaves(self, name: str, limit: int = 99) -> int:
        """Return how many columns the subtree of name needs down to limit levels."""
        if limit == 1 or not self.children[name]:
            return 1
        return sum(self.leaves(child, limit - 1) for child in self.children[name])


def paginate(people: list[Person], columns: int = MAX_COLUMNS) -> list[Page]:
    """Return the pages of the org chart, at most columns boxes wide: whole subtrees where they fit, else branch by
    branch."""
    tree = Tree(people, columns)
    pages: list[Page] = []
    _pages_for(tree, tree.roots, "", pages)
    return pages or [Page()]


def columns_for(word: float, width: int) -> int:
    """Return how many boxes a level of this width holds side by side (at most MAX_COLUMNS) when each box must
    hold a word this wide (EMU, insets included); a word no box could hold does not count: it breaks anyway."""
    if word > MAX_BOX_WIDTH:
        return MAX_COLUMNS
    fitting = [n for n in range(1, MAX_COLUMNS + 1) if min(width / n - H_GAP, MAX_BOX_WIDTH) >= word]
    return max(fitting, default=1)


def _fits(tree: Tree, names: list[str]) -> bool:
    """Return True when these subtrees fit one page side by side."""
    return sum(tree.leaves(n) for n in names) <= tree.columns and max(tree.depth(n) for n in names) <= MAX_LEVELS


def _pages_for(tree: Tree, names: list[str], context: str, pages: list[Page]) -> None:
    """Append pages showing the subtrees of names (siblings packed together when they fit); a subtree too big
    for a page gets an overview and then its branches, depth first, with an explicit stack (any depth)."""
    stack: list[tuple[Iterator[str], str, list[str]]] = [(iter(names), context, [])]
    while stack:
        todo, where, chunk = stack[-1]
        name = next(todo, None)
        if name is None:
            if chunk:
                pages.append(_page(tree, chunk, MAX_LEVELS, _context(chunk, where)))
            stack.pop()
        elif _fits(tree, [*chunk, name]):
            chunk.append(name)
        else:
            if chunk:
                pages.append(_page(tree, chunk, MAX_LEVELS, _context(chunk, where)))
                chunk.clear()
            if _fits(tree, [name]):
                chunk.append(name)
            else:
                stack.append((iter(_overview(tree, name, pages)), name, []))


def _context(roots: list[str], parent: str) -> str:
    """Return what a branch page shows: its roots, when the page is part of a split chart."""
    return " · ".join(roots) if parent else ""


def _overview(tree: Tree, name: str, pages: list[Page]) -> list[str]:
    """Append an overview of name (a narrow, deep subtree: its first levels; else: its direct reports); return
    the branches below the overview, to page next."""
    if tree.leaves(name, MAX_LEVELS) <= tree.columns:
        page = _page(tree, [name], MAX_LEVELS, "")
        pages.append(page)
        return [n.name for n in page.nodes if n.level == MAX_LEVELS - 1 and tree.children[n.name]]
    children = tree.children[name]
    for start in range(0, len(children), tree.columns):
        part = children[start : start + tree.columns]
        pages.append(_page(tree, [name], 2, "", only=set(part)))
    return [child for child in children if tree.children[child]]


def _page(tree: Tree, roots: list[str], limit: int, context: str, only: set[str] | None = None) -> Page:
    """Return a page with these subtrees down to limit levels (first-level children filtered by only)."""
    page = Page(context=context)
    cursor = [0.0]
    for root in roots:
        _place(tree, root, tree.people[root].reports_to, 0, limit, page, cursor, only)
    page.columns = max(int(cursor[0]), 1)
    page.levels = max(n.level for n in page.nodes) + 1
    return page


def _place(
    tree: Tree, name: str, parent: str, level: int, limit: int, page: Page, cursor: list[float], only: set[str] | None
) -> float:
    """Place name and its subtree; return name's slot (centre, in columns)."""
    node = Node(name, parent, tree.people[name], level)
    page.nodes.append(node)
    children = tree.children[name] if level + 1 < limit else []
    if level == 0 and only is not None:
        children = [c for c in children if c in only]
    if not children:
        node.slot = cursor[0]
        cursor[0] += 1
        return node.slot
    slots = [_place(tree, child, name, level + 1, limit, page, cursor, None) for child in children]
    node.slot = (slots[0] + slots[-1]) / 2
    return node.slot


def box_of(node: Node, page: Page, area: tuple[int, int, int, int], tall: int = 0) -> tuple[int, int, int, int]:
    """Return the box (left, top, width, height) of a node in the drawing area: as tall as the usual box, or as
    tall as asked (up to the room a level has)."""
    left, top, width, height = area
    column = width / page.columns
    row = height / page.levels
    box_w = int(min(column - H_GAP, MAX_BOX_WIDTH))
    box_h = int(min(row - V_GAP, max(MAX_BOX_HEIGHT, tall)))
    centre = left + (node.slot + 0.5) * column
    return int(centre - box_w / 2), int(top + node.level * row), box_w, box_h


def box_heights(page: Page, area: tuple[int, int, int, int]) -> Iterator[int]:
    """Yield the heights a page's boxes may take, shortest first: the usual one, then taller in tenths of an inch
    up to the tallest box (or the room a level has)."""
    row = area[3] / page.levels
    tallest = int(min(row - V_GAP, TALLEST_BOX))
    height = min(MAX_BOX_HEIGHT, tallest)
    while True:
        yield height
        if height >= tallest:
            return
        height = min(height + EMU_PER_INCH // 10, tallest)


@dataclass
class Span:
    """A connector's frame as python-pptx keeps it while its ends are moved: position, extent and which flips
    are set, in the order they were set (the order its XML attributes take)."""

    x: int = 0
    y: int = 0
    cx: int = 0
    cy: int = 0
    flips: list[str] = field(default_factory=list)

    def move(self, begin: tuple[int, int], end: tuple[int, int]) -> None:
        """Move the begin point, then the end point, axis by axis, as python-pptx's setters do."""
        self.x, self.cx = self._end(self.x, self.cx, "flipH", begin[0], True)
        self.y, self.cy = self._end(self.y, self.cy, "flipV", begin[1], True)
        self.x, self.cx = self._end(self.x, self.cx, "flipH", end[0], False)
        self.y, self.cy = self._end(self.y, self.cy, "flipV", end[1], False)

    def _end(self, at: int, size: int, flip: str, new: int, begin: bool) -> tuple[int, int]:
        """Return the axis's position and extent once one end moves to new (python-pptx's begin_x/end_x)."""
        far = (flip in self.flips) == begin  # the moving end is at at + size
        old = at + size if far else at
        step = abs(new - old)
        if (new >= old) if far else (new <= old):  # moving outwards: the frame grows
            return (at, size + step) if far else (new, size + step)
        if step <= size:  # moving inwards within the frame
            return (at, size - step) if far else (new, size - step)
        self._flip(flip)  # moving past the other end: the frame flips
        return (new, step - size) if far else (at + size, step - size)

    def _flip(self, flip: str) -> None:
        """Set or clear a flip (a cleared attribute goes; a set one comes last)."""
        if flip in self.flips:
            self.flips.remove(flip)
        else:
            self.flips.append(flip)
