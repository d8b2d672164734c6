"""Read the YAML frontmatter safely, keeping dates as text and the line of every key."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import yaml

from handoff_lint.results import Diagnostic
from handoff_lint.rules import RULES

try:  # libyaml is several times faster; the pure-Python loader gives the same results.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

# Limits that no real handoff comes near; past them the frontmatter is refused, not parsed.
MAX_NODES = 5_000
MAX_DEPTH = 20

Path = tuple[Hashable, ...]


class _Loader(_BaseLoader):
    """A safe loader that leaves `2026-11-24` a string: JSON Schema checks it as a date."""


# Values JSON Schema cannot hold (dates, bytes, sets, ordered pairs) are refused by tag, like
# any other tag a handoff never needs, instead of reaching the validator and crashing it.
_JSON_ONLY = {
    f"tag:yaml.org,2002:{name}" for name in ("timestamp", "binary", "set", "omap", "pairs")
}
_Loader.yaml_constructors = {
    tag: make for tag, make in _BaseLoader.yaml_constructors.items() if tag not in _JSON_ONLY
}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Frontmatter:
    data: dict[str, Any] | None
    lines: dict[Path, int]
    diagnostics: tuple[Diagnostic, ...]


def load(source: str, first_line: int) -> Frontmatter:
    """Parse frontmatter text whose first line is line `first_line` of the file."""
    loader = _Loader(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return Frontmatter(None, {}, (_not_mapping("is empty", first_line),))
        lines: dict[Path, int] = {}
        duplicates: list[Diagnostic] = []
        _walk(node, (), lines, duplicates, first_line, [0], 0)
        if duplicates:
            return Frontmatter(None, lines, tuple(duplicates))
        data = loader.construct_document(node)
    except _TooComplex as exc:
        return Frontmatter(None, {}, (RULES["HO108"].diagnostic(str(exc), first_line - 1),))
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote or list is reported where the file ends; point at where it opened.
        unclosed = ("while scanning a quoted", "while parsing a flow")
        opened = any(words in (exc.context or "") for words in unclosed)
        mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        column = mark.column + 1 if mark else None
        message = f"The frontmatter is not valid YAML: {_explain(exc)}"
        return Frontmatter(None, {}, (RULES["HO103"].diagnostic(message, line, column),))
    except yaml.YAMLError as exc:
        return Frontmatter(None, {}, (RULES["HO103"].diagnostic(f"{exc}", first_line),))
    except ValueError:  # Python refuses integers of more than 4,300 digits
        message = "The frontmatter has a number thousands of digits long: write a real value"
        return Frontmatter(None, {}, (RULES["HO103"].diagnostic(message, first_line),))
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        return Frontmatter(None, {}, (_not_mapping(f"is {kind}", first_line),))
    return Frontmatter({str(k): v for k, v in data.items()}, lines, ())


class _TooComplex(Exception):
    pass


# YAML's own words for the mistakes reps make, and what to do instead.
_FIXES = (
    ("could not determine a constructor", "it uses a YAML tag (`!!...`) that handoffs never need"),
    (
        "mapping values are not allowed",
        "a value holds a colon, or a line is indented too far: put quotes around a value "
        'with a colon (`company: "Acme: Logistics"`) and line up the fields of a group',
    ),
    ("tab character", "a tab is used for indenting: indent with spaces"),
    (
        "while scanning a quoted scalar",
        "a quote is opened and never closed: close it on the same line",
    ),
    (
        "did not find expected ',' or ']'",
        "a list in `[...]` is not closed: end it with `]` on the same line",
    ),
    (
        "did not find expected ',' or '}'",
        "a group in `{...}` is not closed: end it with `}` on the same line",
    ),
    ("did not find expected key", "a line is indented differently from the fields around it"),
    (
        "could not find expected ':'",
        "a line has no `:` between the field and its value: write `field: value`",
    ),
)


def _explain(error: yaml.MarkedYAMLError) -> str:
    said = f"{error.context or ''} {error.problem or ''}"
    fix = next((fix for words, fix in _FIXES if words in said), None)
    return fix or error.problem or error.context or "unreadable"


def _walk(
    node: yaml.Node,
    path: Path,
    lines: dict[Path, int],
    duplicates: list[Diagnostic],
    first_line: int,
    count: list[int],
    depth: int,
) -> None:
    """Record the line of every key and item, find duplicate keys, and bound the size."""
    count[0] += 1
    if count[0] > MAX_NODES:
        raise _TooComplex(f"The frontmatter has more than {MAX_NODES} values (aliases included).")
    if depth > MAX_DEPTH:
        raise _TooComplex(f"The frontmatter is nested more than {MAX_DEPTH} levels deep.")
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = first_line + key_node.start_mark.line
            if key in seen:
                where = ".".join(str(p) for p in (*path, key))
                duplicates.append(
                    RULES["HO105"].diagnostic(
                        f"`{where}` is written twice (first on line {seen[key]}): keep one of them",
                        line,
                        key_node.start_mark.column + 1,
                    )
                )
            seen.setdefault(key, line)
            lines.setdefault((*path, key), line)
            _walk(value_node, (*path, key), lines, duplicates, first_line, count, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines.setdefault((*path, index), first_line + item.start_mark.line)
            _walk(item, (*path, index), lines, duplicates, first_line, count, depth + 1)


def _not_mapping(what: str, line: int) -> Diagnostic:
    return RULES["HO104"].diagnostic(
        f"The frontmatter {what}: write one `field: value` per line between the `---` lines",
        line - 1,
    )
