"""The kinds of criterion a section can be held to: one registry of small functions."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from handoff_lint.content import Content
from handoff_lint.results import Finding
from handoff_lint.text import (
    has_date,
    has_severity,
    heading_key,
    is_measurable,
    words,
)

_MITIGATION = re.compile(
    r"(?:mitigat\w*|plan|next steps?|response|action)\s*[:\-—–]\s*\S|(?:→|->|=>)\s*\S", re.I
)
_OWNER = re.compile(r"@\w|\bowner\s*:\s*\S", re.I)


Check = Callable[[Content, Mapping[str, Any], str], list[Finding]]


def prose(content: Content, params: Mapping[str, Any], heading: str) -> list[Finding]:
    count, needed = words(content.text()), params["min_words"]
    if count >= needed:
        return []
    return [
        Finding(
            f"{heading} has {count} word{'s' * (count != 1)}: write at least {needed}, "
            "with the specifics the next team will need",
            content.section.line,
        )
    ]


def _names(entry: str | list[str]) -> list[str]:
    return [entry] if isinstance(entry, str) else list(entry)


def fields(content: Content, params: Mapping[str, Any], heading: str) -> list[Finding]:
    found = content.fields()
    findings = []
    for entry in params["fields"]:
        names = _names(entry)
        hit = next((found[k] for k in map(heading_key, names) if k in found), None)
        if hit is None:
            findings.append(
                Finding(
                    f"{heading} has no {names[0]}: add a line `**{names[0]}:** …` or a table row "
                    f"`| {names[0]} | … |`",
                    content.section.line,
                )
            )
        elif not hit[0]:
            findings.append(Finding(f"{heading}: {names[0]} is still empty: fill it in", hit[1]))
    return findings


@dataclass(frozen=True)
class Part:
    """Something every entry of a list must have: a date, an owner, a severity..."""

    name: str  # "due date", as in "has no due date"
    fix: str  # what to add, in the writer's words
    columns: tuple[str, ...]  # table columns that hold it; without one, the entry's text
    in_cell: Callable[[str], object]
    in_text: Callable[[str], object]


@dataclass(frozen=True)
class ListRule:
    """A list criterion: at least `minimum` entries (named `noun`), each with every part."""

    noun: str
    minimum: str  # the rubric parameter holding the minimum
    parts: tuple[Part, ...]


_SEVERITY = Part(
    "severity",
    "add 🔴, 🟠, 🟡 or 🟢 (or critical, high, medium, low)",
    ("severity", "priority", "impact", "level", "rag"),
    has_severity,
    has_severity,
)
_MITIGATION_PART = Part(
    "mitigation",
    "say what the next team should do about it",
    ("mitigation", "plan", "response", "action", "next step", "what to do"),
    bool,
    _MITIGATION.search,
)
_OWNER_PART = Part(
    "owner",
    "add who does it (an Owner column, `@name` or `Owner: name`)",
    ("owner", "who", "assignee", "assigned", "responsible", "dri", "lead"),
    bool,
    _OWNER.search,
)
_DUE = Part(
    "due date",
    "add when it is due (a date like 2026-12-03, or a day like Friday)",
    ("due", "when", "date", "deadline", "by"),
    has_date,
    has_date,
)
_TARGET = Part("measurable target", "add a number, %, or date", (), is_measurable, is_measurable)
_DATE_PART = Part("date", "add when it is due", (), has_date, has_date)

LIST_RULES = {
    "measurable": ListRule("item", "min_items", (_TARGET,)),
    "timeline": ListRule("milestone", "min_milestones", (_DATE_PART,)),
    "risks": ListRule("risk", "min_items", (_SEVERITY, _MITIGATION_PART)),
    "actions": ListRule("action item", "min_items", (_OWNER_PART, _DUE)),
}
_PLURAL = {"criterion": "criteria"}


def entries(content: Content, params: Mapping[str, Any], heading: str, kind: str) -> list[Finding]:
    """Each entry of the section's lists and tables checked for every part its kind needs."""
    rule = LIST_RULES[kind]
    noun = "criterion" if kind == "measurable" and "criteri" in heading.lower() else rule.noun
    items = content.items()
    findings = []
    for n, item in enumerate(items, 1):
        for part in rule.parts:
            cell = item.column(part.columns)
            if not (part.in_text(item.text) if cell is None else part.in_cell(cell)):
                findings.append(
                    Finding(
                        f"{heading}: {noun} {n} {item.snippet()} has no {part.name}: {part.fix}",
                        item.line,
                    )
                )
    needed = int(params[rule.minimum])
    if len(items) >= needed:
        return findings
    plural = noun if needed == 1 else _PLURAL.get(noun, f"{noun}s")
    each = " and ".join(
        f"{'an' if part.name[0] in 'aeiou' else 'a'} {part.name}" for part in rule.parts
    )
    if not items:
        message = f"{heading} has no {plural} written as a list or table: add at least {needed}"
    else:
        message = (
            f"{heading} lists {len(items)} of the {needed} {plural} it needs: "
            f"add {needed - len(items)} more"
        )
    return [Finding(f"{message}, each with {each}", content.section.line), *findings]


@dataclass(frozen=True)
class Kind:
    """A kind of criterion: its check, what it asks in words, and its rubric parameters."""

    check: Check
    describe: Callable[[Mapping[str, Any]], str]  # for `handoff types` and "How we score"
    parameters: Mapping[str, Any]  # JSON Schema of each parameter besides `kind`, all required

    def schema(self, name: str) -> dict[str, Any]:
        """The JSON Schema of a criterion of this kind, as `rubric.schema.json` holds it."""
        return {
            "properties": {"kind": {"const": name}, **self.parameters},
            "required": ["kind", *self.parameters],
            "additionalProperties": False,
        }


_COUNT = {"type": "integer", "minimum": 1}
_FIELDS = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/names"}}

# The one registry of criterion kinds: the rubric's schema, the scorer and the descriptions
# all come from it (a test checks that schemas/rubric.schema.json agrees).
KINDS: dict[str, Kind] = {
    "prose": Kind(
        prose, lambda p: f"at least {p['min_words']} words of real content", {"min_words": _COUNT}
    ),
    "fields": Kind(
        fields,
        lambda p: "filled in: " + ", ".join(_names(f)[0] for f in p["fields"]),
        {"fields": _FIELDS},
    ),
    "measurable": Kind(
        partial(entries, kind="measurable"),
        lambda p: f"at least {p['min_items']} items, each with a number, %, or date",
        {"min_items": _COUNT},
    ),
    "timeline": Kind(
        partial(entries, kind="timeline"),
        lambda p: f"at least {p['min_milestones']} milestones, each with a date",
        {"min_milestones": _COUNT},
    ),
    "risks": Kind(
        partial(entries, kind="risks"),
        lambda p: f"at least {p['min_items']} risk(s), each with a severity and a mitigation",
        {"min_items": _COUNT},
    ),
    "actions": Kind(
        partial(entries, kind="actions"),
        lambda p: f"at least {p['min_items']} action item(s), each with an owner and a due date",
        {"min_items": _COUNT},
    ),
}


def describe(kind: str, params: Mapping[str, Any]) -> str:
    return KINDS[kind].describe(params)


def schema_fragments() -> list[dict[str, Any]]:
    return [kind.schema(name) for name, kind in KINDS.items()]
