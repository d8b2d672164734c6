"""The command-line flags of `handoff new`, one per frontmatter field, read from the schemas.

Each flag checks its value as the schema would (choices, dates, numbers and their limits,
lengths, patterns), so that a bad value is refused before a file is written.
"""

from __future__ import annotations

import argparse
import datetime
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from handoff_lint.schema import Schemas

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_MONEY_PARTS = ("size", "currency")
# The fields every handoff type shares; the rest are the type's own.
COMMON_FIELDS = ("company", "account", "date", "from", "to")

Parse = Callable[[str], Any]


@dataclass(frozen=True)
class Flag:
    """One command-line option and the frontmatter value it fills."""

    option: str  # --deal-size
    path: tuple[str, ...]  # ("deal", "size")
    help: str
    parse: Parse
    metavar: str
    required: bool = False  # the schema needs a value: said when it is left empty
    aliases: tuple[str, ...] = ()

    @property
    def dest(self) -> str:
        return "_".join(self.path)

    @property
    def hint(self) -> str:
        """The option a rep is told to use (the shortest of its names)."""
        return min((self.option, *self.aliases), key=len)


def common_flags(schemas: Schemas) -> list[Flag]:
    """The flags every type has, checked against the fields every handoff shares."""

    def field(path: tuple[str, ...], help: str, required: bool = False) -> Flag:
        # Only --company cannot be left empty: the file is named after it.
        parse, metavar = _leaf(schemas.field("handoff", path), help, blank=path != ("company",))
        option = "--" + "-".join(path).replace("_", "-")
        return Flag(option, path, help, parse, metavar, required)

    return [
        field(("company",), "the customer's company name"),
        field(("date",), "the handoff's date, YYYY-MM-DD (default: today)"),
        field(("from", "name"), "who hands over", required=True),
        field(("from", "role"), "their role, like AE", required=True),
        field(("to", "name"), "who receives", required=True),
        field(("to", "role"), "their role, like CSM", required=True),
        field(("account",), "account id, like acme-logistics (default: from the company name)"),
    ]


def type_flags(schemas: Schemas, type_name: str) -> list[Flag]:
    """A flag for each field of the type's own schema: `--NAME`, or `--NAME-size` and
    `--NAME-currency` for an amount of money."""
    schema = schemas.type_schema(type_name)
    required = set(schema.get("required", []))
    flags: list[Flag] = []
    for name, spec in schema.get("properties", {}).items():
        if name == "type" or not isinstance(spec, dict):
            continue
        about = spec.get("description") or schemas.describe(type_name, (name,)) or name
        option = "--" + name.replace("_", "-")
        if str(spec.get("$ref", "")).endswith("/money"):
            flags += _money_flags(schemas, type_name, name, about, name in required)
            continue
        node = schemas.field(type_name, (name,))
        if node.get("type") in ("object", "array"):
            continue  # no value a rep could type on one line: filled in the file
        parse, metavar = _leaf(node, about)
        flags.append(Flag(option, (name,), about, parse, metavar, name in required))
    return flags


def _money_flags(
    schemas: Schemas, type_name: str, name: str, about: str, required: bool
) -> list[Flag]:
    flags = []
    for part in _MONEY_PARTS:
        node = schemas.field(type_name, (name, part))
        said = node.get("description", part)
        parse, metavar = _leaf(node, said, upper=part == "currency")  # `usd` is USD
        metavar = "CODE" if part == "currency" else metavar
        aliases = ("--currency",) if (name, part) == ("deal", "currency") else ()
        option = f"--{name.replace('_', '-')}-{part}"
        flags.append(
            Flag(option, (name, part), f"{about}: {said}", parse, metavar, required, aliases)
        )
    return flags


# -- values checked as the schema checks them ------------------------------------------------


def _leaf(
    node: Mapping[str, Any], about: str, blank: bool = True, upper: bool = False
) -> tuple[Parse, str]:
    """How to read a value for a field with schema `node`, and what to call it in help.

    With `blank`, an empty value is no value: the field is left for the rep to fill.
    With `upper`, the value is read in capitals.
    """
    read: Parse = str
    metavar = "TEXT"
    if "enum" in node:
        choices = [str(choice) for choice in node["enum"]]
        read, metavar = _one_of(choices), "|".join(choices)
    elif node.get("format") == "date":
        read, metavar = _date, "YYYY-MM-DD"
    elif node.get("type") == "integer":
        read, metavar = _whole_number, "N"
    elif node.get("type") == "number":
        read, metavar = _number, "AMOUNT"
    return _checked(read, node, about, blank, upper), metavar


def _checked(read: Parse, node: Mapping[str, Any], about: str, blank: bool, upper: bool) -> Parse:
    def parse(value: str) -> Any:
        if blank and not value.strip():
            return None
        typed = read(value.strip().upper() if upper else value)
        problem = _problem(typed, node)
        if problem:
            raise argparse.ArgumentTypeError(f"{value!r} {problem}: it should be {about}")
        return typed

    return parse


def _problem(value: Any, node: Mapping[str, Any]) -> str | None:
    """What is wrong with `value` against the schema's limits, if anything."""
    low, high = node.get("minimum"), node.get("maximum")
    if isinstance(value, int | float):
        if low is not None and value < low:
            return f"is less than {low}"
        if high is not None and value > high:
            return f"is more than {high}"
        return None
    if not isinstance(value, str):
        return None
    pattern = node.get("pattern")
    if len(value) > node.get("maxLength", math.inf):
        return f"is longer than {node['maxLength']} characters"
    if len(value) < node.get("minLength", 0) or not value.strip():
        return "is empty"
    if pattern and not re.search(pattern, value):
        return "contains `<` or `>`" if "<>" in pattern else "is not allowed"
    return None


def _one_of(choices: Sequence[str]) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in choices:
            raise argparse.ArgumentTypeError(f"{value!r} is not one of: {', '.join(choices)}")
        return value

    return parse


def _date(value: str) -> str:
    try:
        if _DATE.match(value):
            datetime.date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{value!r} is not a date: write it as YYYY-MM-DD")


def _whole_number(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number, like 12") from None


def _number(value: str) -> int | float:
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a number: write it without symbols or commas, like 84000"
        )
    return int(number) if number.is_integer() else number
