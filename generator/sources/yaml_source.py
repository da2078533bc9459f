"""The YAML data source: read safely and bounded, with the line and column of every field; written back."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import Problem, SourceError
from generator.model.text import Loc, field_path
from generator.sources.locations import Locations, at_mark
from generator.sources.yaml_loaders import FastLoader, Loader, SourceFloat, SourceInt, scalar_tag

MAX_BYTES = 5_000_000
MAX_DEPTH = 40
MAX_EVENTS = 500_000
MAX_VALUES = 500_000
REPLAYED = 50_000  # values aliases may repeat in a document read from its events (more: composed first)
_TEXT = "tag:yaml.org,2002:str"


def read_yaml(path: Path) -> tuple[Any, Locations]:
    """Return the raw data of a YAML file and where each field is (found when first asked for: a valid source's
    places are never needed); SourceError if unreadable."""
    text = _read_text(path)
    try:
        return _read(text, path, FastLoader, noted=False)
    except SourceError:  # libyaml refuses a few texts PyYAML reads (escaped lone surrogates): PyYAML has the say
        return _read(text, path, Loader)


def _read(text: str, path: Path, loader: type[Loader], noted: bool = True) -> tuple[Any, Locations]:
    """Return the raw data of a YAML text read with a loader, and where each field is: built from the parser's
    events as they come, or from the composed document where it takes the composer's answer (see _Events). Read
    from its events without noting places (noted False), the text is read again for them when they are asked for."""
    built = _Events(path, loader, noted).read(text)
    if built is None:
        return _composed(text, path, loader)
    if not noted:
        built[1].noting = partial(_places, text, path, loader)
    return built


def _places(text: str, path: Path, loader: type[Loader]) -> dict[Loc, Any]:
    """Return where each field of a YAML text is, read again with every place noted."""
    return _read(text, path, loader)[1].places


def _composed(text: str, path: Path, loader: type[Loader]) -> tuple[Any, Locations]:
    """Return the raw data of a YAML text and where each field is, from its document composed into nodes."""
    aliases = _check_shape(text, path, loader)
    locations = Locations(str(path))
    node = _compose(text, path, loader)
    if node is None:
        return {}, locations
    builder = _Builder(path, locations, loader)
    if aliases:  # without aliases a text has no more values than events, which are bounded already
        builder.refuse_bombs(node)
    data = builder.build(node, (), 0)
    locations.problems.extend(builder.problems)
    return data, locations


class _Fallback(Exception):
    """A document the event reader leaves to the composer."""


_STR_TAGS = frozenset({None, "!"})  # a node's tag as written when none was: resolved from its value


class _Events:
    """Builds a document's data and locations from the parser's events in one pass, bounded as _check_shape bounds
    it, an alias replaying its anchor's events: what composing the document and building it from its nodes gives.
    Documents that need the composer's own answer (explicit tags, merge keys, keys that are not text or repeated,
    second documents, unknown aliases, aliases expanding past the limits) are left to it (None)."""

    def __init__(self, path: Path, loader: type[Loader], noted: bool = True) -> None:
        self.path, self.loader, self.noted = path, loader, noted  # noted: each field's place noted as it is read
        self.locations = Locations(str(path))
        self.constructor = loader("")
        self.stack: list[list[Any]] = []  # open collections: value, location, key awaited, anchor and where it began
        self.root: Any = _NOTHING
        self.values = 0  # nodes built: bounded when aliases repeat them
        self.events: list[Any] = []  # the parser's events within anchored collections (their aliases replay them)
        self.recording = 0  # how many anchored collections are open (their events kept)
        self.anchors: dict[str, list[Any]] = {}
        self.sizes: dict[str, int] = {}  # how many values an anchor's node builds at most
        self.replayed = 0  # how many values aliases repeat at most, so far
        self.nodes: dict[Any, ScalarNode] = {}  # a scalar's node, built once however often it is replayed

    def read(self, text: str) -> tuple[Any, Locations] | None:
        """Return the data and locations of a text, or None when the composer must read it."""
        parser = self.loader(text)
        try:
            self._parse(parser)
        except _Fallback:
            return None
        except yaml.MarkedYAMLError as error:
            raise _syntax(self.path, error) from None
        except yaml.YAMLError as error:
            raise _fail(self.path, f"not valid YAML: {error}") from None
        finally:
            parser.dispose()
        return ({} if self.root is _NOTHING else self.root), self.locations

    def _parse(self, parser: Any) -> None:
        """Build the single document from the parser's events, refusing what _check_shape refuses, where it does."""
        documents, count, kind = 0, 0, None
        while kind is not yaml.StreamEndEvent:
            event = parser.get_event()
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Fallback
            elif kind not in _FRAMING:
                if self.recording or (kind in _COLLECTIONS and event.anchor is not None):
                    self.events.append(event)
                self._feed(event, replayed=False)
            if count > MAX_EVENTS:  # counted from 0 with the stream's start, as _check_shape counts
                raise _fail(at_mark(self.path, event.start_mark), "too many values in one file")
            count += 1

    def _feed(self, event: Any, replayed: bool) -> None:
        """Build what one event says: a node starts, a collection ends, an alias repeats its anchor's node."""
        kind = type(event)
        if kind is yaml.ScalarEvent and self.stack:
            self._scalar_in(event, self.stack[-1], replayed)
            return
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            value, _, _, anchor, start = self.stack.pop()
            if anchor is not None and not replayed:
                self._anchor(anchor, self.events[start:])
                self.recording -= 1
            self._place(value)
            return
        if kind is yaml.AliasEvent:
            if event.anchor not in self.anchors:
                raise _Fallback  # the composer says it is not defined, where
            self.replayed += self.sizes[event.anchor]
            if self.replayed > REPLAYED:
                raise _Fallback  # many values repeated, maybe a bomb: the composer counts them first
            for repeated in self.anchors[event.anchor]:
                self._feed(repeated, replayed=True)
            return
        loc = self._slot(event)
        self.values += 1
        if self.values > MAX_VALUES:
            raise _Fallback  # an alias bomb: the composer's builder says where it stops
        if self.noted:
            self.locations.places.setdefault(loc, event.start_mark)
        if kind is yaml.ScalarEvent:  # the document is this one scalar
            if event.anchor is not None and not replayed:
                self._anchor(event.anchor, [event])
            self._place(self._scalar(event))
            return
        if event.tag is not None:
            raise _Fallback
        if len(self.stack) >= MAX_DEPTH:
            if replayed:
                raise _Fallback  # an alias nests deeper than the text: the builder's message
            raise _fail(at_mark(self.path, event.start_mark), f"nested deeper than {MAX_DEPTH} levels")
        value = {} if kind is yaml.MappingStartEvent else []
        self.stack.append([value, loc, _AWAITED, event.anchor, len(self.events) - 1])
        if event.anchor is not None and not replayed:
            self.recording += 1

    def _scalar_in(self, event: Any, top: list[Any], replayed: bool) -> None:
        """Build a scalar inside a collection: a list's item, a mapping's key (kept until its value comes: new text
        only, else the composer's answer) or a mapping's value (placed at its key)."""
        value, key = top[0], top[2]
        loc: Loc = ()
        tag = self._tag(event)
        if type(value) is list:
            if self.noted:
                loc = (*top[1], len(value))
        elif key is _AWAITED:
            if event.anchor is not None or tag == _MERGE:
                raise _Fallback  # an alias's anchor as a key, or a merge key
            name = event.value if tag == _TEXT else self._scalar(event)
            if not isinstance(name, str) or name in value:
                raise _Fallback  # reported by the composed document's builder (which skips the value)
            top[2] = (name, event.start_mark)  # a key awaiting its value, and where it was written
            return
        elif self.noted:
            loc = (*top[1], key[0])
            self.locations.places[loc] = key[1]
        self.values += 1
        if self.values > MAX_VALUES:
            raise _Fallback  # an alias bomb: the composer's builder says where it stops
        if self.noted:
            self.locations.places.setdefault(loc, event.start_mark)
        if event.anchor is not None and not replayed:
            self._anchor(event.anchor, [event])
        self._place(event.value if tag == _TEXT else self._scalar(event))

    def _anchor(self, name: str, events: list[Any]) -> None:
        """Remember an anchored node's events, and how many values at most they build (keys counted too)."""
        self.anchors[name] = events
        nodes = len([e for e in events if isinstance(e, _NODE_EVENTS)])
        repeated = [self.sizes.get(str(e.anchor), 0) for e in events if isinstance(e, yaml.AliasEvent)]
        self.sizes[name] = nodes + sum(repeated)

    def _slot(self, event: Any) -> Loc:
        """Return where a collection or the document's one scalar goes (placed at its key where it is a mapping's
        value); a collection as a mapping's key is the composer's to read."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        value, loc, key = top[0], top[1], top[2]
        if type(value) is list:
            return (*loc, len(value)) if self.noted else ()
        if key is _AWAITED:
            raise _Fallback  # a mapping or a list as a key
        if not self.noted:
            return ()
        child = (*loc, key[0])
        self.locations.places[child] = key[1]
        return child

    def _place(self, item: Any) -> None:
        """Put a finished node into its collection, or make it the document's root."""
        if not self.stack:
            self.root = item
            return
        top = self.stack[-1]
        if type(top[0]) is list:
            top[0].append(item)
        else:
            top[0][top[2][0]] = item
            top[2] = _AWAITED

    def _tag(self, event: Any) -> str:
        """Return a scalar's tag as the composer gives it."""
        if event.tag in _STR_TAGS:
            return scalar_tag(event.value, tuple(event.implicit))
        raise _Fallback

    def _scalar(self, event: Any) -> Any:
        """Return a scalar's value as _Builder._scalar does (a repeated scalar's node constructed once)."""
        tag = self._tag(event)
        if tag == _TEXT:
            return event.value
        node = self.nodes.get(event)
        if node is None:
            node = self.nodes[event] = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        return _Builder.scalar_value(self.constructor, node)


_MERGE = "tag:yaml.org,2002:merge"
_FRAMING = frozenset({yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent})  # no node in them
_AWAITED, _NOTHING = object(), object()  # a mapping awaiting its next key; no document yet
_NODE_EVENTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
_COLLECTIONS = frozenset({yaml.MappingStartEvent, yaml.SequenceStartEvent})


def _read_text(path: Path) -> str:
    """Return the file's text, refusing oversized and non-UTF-8 files."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(path, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
        raw = path.read_bytes()
    except OSError as error:
        raise _fail(path, f"cannot read the file: {error.strerror or error}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise _fail(f"{path}:{line}", "the file is not UTF-8 text") from None


def _fail(where: Path | str, message: str) -> SourceError:
    """Return a SourceError with one problem."""
    return SourceError([Problem(str(where), "", message)])


def _check_shape(text: str, path: Path, loader: type[Loader]) -> bool:
    """Refuse documents nested too deeply or too large before composing them; return whether they use aliases."""
    depth, aliases = 0, False
    try:
        for count, event in enumerate(yaml.parse(text, Loader=loader)):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _fail(at_mark(path, event.start_mark), f"nested deeper than {MAX_DEPTH} levels")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                aliases = True
            if count > MAX_EVENTS:
                raise _fail(at_mark(path, event.start_mark), "too many values in one file")
    except yaml.MarkedYAMLError as error:
        raise _syntax(path, error) from None
    except yaml.YAMLError as error:
        raise _fail(path, f"not valid YAML: {error}") from None
    return aliases


def _syntax(path: Path, error: yaml.MarkedYAMLError) -> SourceError:
    """Return a SourceError for a YAML syntax error at its position."""
    mark = error.problem_mark or error.context_mark
    where = at_mark(path, mark) if mark else str(path)
    what = " ".join(x for x in (error.context, error.problem) if x)
    return _fail(where, f"YAML syntax error: {what}")


def _compose(text: str, path: Path, loader: type[Loader]) -> Node | None:
    """Return the single document's node graph (aliases shared, not expanded)."""
    try:
        return loader(text).get_single_node()
    except yaml.MarkedYAMLError as error:
        raise _syntax(path, error) from None
    except RecursionError:
        raise _fail(path, "nested too deeply") from None


class _Builder:
    """Turns a node graph into plain data, recording locations and bounding expansion."""

    def __init__(self, path: Path, locations: Locations, loader: type[Loader]) -> None:
        self.path = path
        self.locations = locations
        self.problems: list[Problem] = []
        self.values = 0
        self.loader = loader("")

    def refuse_bombs(self, root: Node) -> None:
        """Refuse a graph whose aliases expand past the value limit before building any of it, at the value where
        building would stop (an alias bomb of a few lines would otherwise be built half a million values deep)."""
        sizes: dict[int, int] = {}
        if self._size(root, sizes, 0) <= MAX_VALUES:
            return
        node, budget = root, MAX_VALUES
        while True:  # the node at which counting values in document order passes the limit
            budget -= 1
            for child in self._children(node) if budget >= 0 else []:
                size = sizes.get(id(child), MAX_VALUES + 1)  # not counted: below a level past the depth limit
                if size > budget:
                    node = child
                    break
                budget -= size
            else:
                raise _fail(at_mark(self.path, node.start_mark), "too many or too deeply nested values (aliases?)")

    def _size(self, node: Node, sizes: dict[int, int], depth: int) -> int:
        """Return how many values node expands to (past the limit: the limit plus one), each shared node counted
        once."""
        known = sizes.get(id(node))
        if known is not None:
            return known
        sizes[id(node)] = MAX_VALUES + 1  # met again while being counted: a recursive alias
        if depth > MAX_DEPTH:
            return MAX_VALUES + 1
        total = 1
        for child in self._children(node):
            total = min(total + self._size(child, sizes, depth + 1), MAX_VALUES + 1)
        sizes[id(node)] = total
        return total

    def _children(self, node: Node) -> list[Node]:
        """Return the value nodes under node, in document order (a mapping's merge keys flattened)."""
        if isinstance(node, MappingNode):
            self._flatten(node)
            return [value for _, value in node.value]
        return list(node.value) if isinstance(node, SequenceNode) else []

    def _flatten(self, node: MappingNode) -> None:
        """Merge a mapping's merge keys (<<: *base) into it; a merge of something else than mappings is refused
        where it is written."""
        try:
            self.loader.flatten_mapping(node)
        except yaml.MarkedYAMLError as error:
            raise _syntax(self.path, error) from None

    def build(self, node: Node, loc: Loc, depth: int) -> Any:
        """Return the value of node at loc."""
        self.values += 1
        if depth > MAX_DEPTH or self.values > MAX_VALUES:
            raise _fail(at_mark(self.path, node.start_mark), "too many or too deeply nested values (aliases?)")
        self.locations.places.setdefault(loc, node.start_mark)
        if isinstance(node, MappingNode):
            return self._mapping(node, loc, depth)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, loc)

    def _mapping(self, node: MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        """Return a mapping node as a dict, reporting duplicate and non-text keys."""
        self._flatten(node)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node, loc) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                self._problem(key_node, loc, "keys must be plain text")
                continue
            child = (*loc, key)
            if key in result:
                self._problem(key_node, child, f"duplicate key {key!r}")
                continue
            self.locations.places[child] = key_node.start_mark
            result[key] = self.build(value_node, child, depth + 1)
        return result

    def _scalar(self, node: Node, loc: Loc) -> Any:
        """Return a scalar's value; numbers keep the text they were written as."""
        if not isinstance(node, ScalarNode):
            return None
        if node.tag == _TEXT:
            return node.value  # most values: text as written, no constructor needed
        return self.scalar_value(self.loader, node)

    @staticmethod
    def scalar_value(loader: Any, node: ScalarNode) -> Any:
        """Return a scalar node's value constructed by a loader (text as written where it cannot be); numbers keep
        the text they were written as."""
        try:
            value = loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError):
            return node.value  # validation then says what was expected, at this place
        if isinstance(value, float):
            value = SourceFloat(value)
            value.source = node.value
        elif isinstance(value, int) and not isinstance(value, bool):
            value = SourceInt(value)
            value.source = node.value
        return value

    def _problem(self, node: Node, loc: Loc, message: str) -> None:
        """Record a problem at node."""
        self.problems.append(Problem(at_mark(self.path, node.start_mark), field_path(loc), message))
