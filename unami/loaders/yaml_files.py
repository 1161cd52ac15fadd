"""Strict YAML reading: UTF-8 only, no duplicate keys, no aliases, dates kept as text, decimal integers only."""

import re
from pathlib import Path

import yaml

from unami.loaders.errors import DataError, Problem
from unami.loaders.reading import read_capped

# Bigger than any curated file will be; a larger file is a mistake or an attack.
MAX_FILE_BYTES = 5 * 1024 * 1024


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys and aliases and never parses dates.

    PyYAML silently keeps the last of two equal keys; aliases allow
    'billion laughs' documents; implicit timestamps would turn 2003-08-14
    into a date object and lose the EDTF string.
    """

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.constructor.ConstructorError(
                None, None, "aliases (*name) are not allowed in data files", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        _refuse_duplicate_keys(self, node, deep)
        return super().construct_mapping(node, deep=deep)


def _refuse_duplicate_keys(loader, node, deep) -> None:
    seen = set()
    for key_node, _value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)


# Only plain decimal digits are an integer. YAML 1.1 reads 077 as octal 63, 1:17 as base 60 (77),
# 0x1F, 0b101 and 1_000 as numbers too: such a scalar stays the text it is, and a number field refuses it
# (see context.WholeNumber) instead of storing a number nobody wrote.
_DECIMAL = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")


def _resolver(tag: str, regexp: re.Pattern) -> tuple[str, re.Pattern]:
    return (tag, _DECIMAL) if tag == "tag:yaml.org,2002:int" else (tag, regexp)


StrictLoader.yaml_implicit_resolvers = {
    first: [_resolver(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_WITH_LIBYAML = getattr(yaml, "__with_libyaml__", False)

if _WITH_LIBYAML:

    class FastStrictLoader(yaml.CSafeLoader):
        """StrictLoader's rules on libyaml's C parser, about 10x faster on large files.

        The C parser composes nodes itself (no compose_node hook), so an alias shows up
        as one node reached twice in the composed tree, and is refused before anything
        is constructed. Any error is raised again by `_load` through the pure-Python
        StrictLoader, which stays the one source of error messages and positions.
        """

        yaml_implicit_resolvers = StrictLoader.yaml_implicit_resolvers
        may_alias = True  # set per document by `_load`

        def get_single_node(self):
            root = super().get_single_node()
            # No '*' anywhere means no alias: skip the walk (about a third of the parse time).
            seen, stack = set(), [root] if root is not None and self.may_alias else []
            while stack:
                node = stack.pop()
                if id(node) in seen:
                    raise yaml.composer.ComposerError(None, None, "aliases are not allowed", node.start_mark)
                seen.add(id(node))
                if isinstance(node, yaml.SequenceNode):
                    stack.extend(node.value)
                elif isinstance(node, yaml.MappingNode):
                    stack.extend(item for pair in node.value for item in pair)
            return root

        def construct_mapping(self, node, deep=False):
            _refuse_duplicate_keys(self, node, deep)
            return super().construct_mapping(node, deep=deep)

else:  # PyYAML built without libyaml
    # One name, whichever parser exists.
    FastStrictLoader = StrictLoader  # type: ignore[misc,assignment]


# Deeper nesting is a mistake or an attack: libyaml composes nodes recursively in C and a
# file of 100,000 '[' crashes the interpreter (no exception to catch), so depth is checked first.
MAX_DEPTH = 64
_OPENING = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSING = (yaml.SequenceEndEvent, yaml.MappingEndEvent)

# Depth is measured with the C parser when there is one (fast), else or when it refuses the
# document, with the pure-Python parser. PyYAML's own behaviour differs between the versions the
# project allows: 6.0.4's libyaml scanner refuses deep flow nesting itself ("exceeded maximum
# nesting depth") before any event is produced, 6.0.3's does not. The pure-Python parser yields
# events iteratively on both, so every version ends in the same TooDeep line, and the reference
# parse in `_load` never meets a document deeper than MAX_DEPTH (it composes recursively).
DEPTH_PARSERS: tuple[type, ...] = (yaml.CSafeLoader, yaml.SafeLoader) if _WITH_LIBYAML else (yaml.SafeLoader,)


class TooDeep(yaml.YAMLError):
    def __init__(self, mark):
        super().__init__(f"nested more than {MAX_DEPTH} levels deep")
        self.problem, self.problem_mark = str(self), mark


def _check_depth(content: str) -> None:
    """Raise TooDeep past MAX_DEPTH; a syntax error is left to the parse proper, which reports it."""
    for parser_class in DEPTH_PARSERS:
        try:
            _measure_depth(parser_class(content))
            return
        except TooDeep:
            raise
        except yaml.YAMLError:
            continue  # the next parser measures again; if none can, `_load` reports the error


def _measure_depth(parser) -> None:
    """Read parser events (iteratively, no nodes built) and raise TooDeep past MAX_DEPTH."""
    depth = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, _OPENING):
                depth += 1
                if depth > MAX_DEPTH:
                    raise TooDeep(event.start_mark)
            elif isinstance(event, _CLOSING):
                depth -= 1
    finally:
        parser.dispose()


def _load(content: str):
    _check_depth(content)
    loader = FastStrictLoader(content)
    loader.may_alias = "*" in content
    try:
        return loader.get_single_data()
    except yaml.YAMLError:
        # Parse again with the reference loader so messages and positions never depend on libyaml.
        return yaml.load(content, Loader=StrictLoader)  # noqa: S506 (StrictLoader is a SafeLoader)
    finally:
        loader.dispose()


def read_yaml(path: Path, label: str):
    """Return the parsed document of `path`, or raise DataError naming `label`."""
    raw = read_capped(path, label, MAX_FILE_BYTES, f"the file is over the {MAX_FILE_BYTES}-byte limit")
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(
            [Problem(label, "(file)", "(encoding)", f"not UTF-8: byte {raw[error.start]:#04x} at offset {error.start}")]
        ) from None
    if not content.strip():
        raise DataError([Problem(label, "(file)", "(content)", "file is empty; expected a YAML mapping")])
    try:
        document = _load(content)
    except ValueError as error:  # a scalar Python refuses, e.g. an integer of more than 4,300 digits
        reason = str(error).split(";")[0]
        raise DataError([Problem(label, "(file)", "(value)", f"invalid value: {reason}")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(unknown position)"
        reason = getattr(error, "problem", None) or str(error)
        raise DataError([Problem(label, where, "(syntax)", f"invalid YAML: {reason}")]) from None
    if document is None:  # only comments
        raise DataError(
            [Problem(label, "(file)", "(content)", "file is empty (only comments); expected a YAML mapping")]
        )
    if not isinstance(document, dict):
        raise DataError([Problem(label, "(file)", "(content)", "expected a YAML mapping at the top level")])
    return document
