"""The criteria a section can be held to, as a registry of small functions over its content."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from handoff_lint.document import Section
from handoff_lint.results import Finding
from handoff_lint.text import (
    clean,
    fingerprint,
    has_date,
    has_severity,
    heading_key,
    is_measurable,
    split_label,
    words,
)

_MITIGATION = re.compile(
    r"(?:mitigat\w*|plan|next steps?|response|action)\s*[:\-—–]\s*\S|(?:→|->|=>)\s*\S", re.I
)
_LABEL_PARTS = re.compile(r"\s*(?:/|,|;|\+|&|\band\b)\s*")
_OWNER = re.compile(r"@\w|\bowner\s*:\s*\S", re.I)


@dataclass(frozen=True)
class Item:
    """One entry of a list, a table row or a `**Label:** value` line, placeholders removed."""

    text: str
    line: int
    cells: Mapping[str, str]  # header key -> cleaned cell, for table rows

    def column(self, names: Iterable[str]) -> str | None:
        """The cell under the first header naming one of `names`; None when no such column."""
        for header, value in self.cells.items():
            words = {word.rstrip("s") for word in header.split()}
            if any(all(w.rstrip("s") in words for w in name.split()) for name in names):
                return value
        return None

    def snippet(self) -> str:
        text = self.text if len(self.text) <= 40 else self.text[:39].rstrip() + "…"
        return f"“{text}”"


class Content:
    """A section's content as the criteria see it: template text and placeholders gone."""

    def __init__(self, section: Section, template: frozenset[str]) -> None:
        self.section = section
        self.template = template

    def clean(self, text: str) -> str:
        text = clean(text)
        return "" if fingerprint(text) in self.template else text

    def text(self) -> str:
        return " ".join(filter(None, (self.clean(line.text) for line in self.section.lines())))

    def is_empty(self) -> bool:
        return not self.text()

    def fields(self) -> dict[str, tuple[str, int]]:
        """Label -> (value, line), from key/value tables, people tables and label lines."""
        found: dict[str, tuple[str, int]] = {}

        def add(label: str, value: str, line: int) -> None:
            # "Executive Sponsor / Economic Buyer" answers for both roles.
            for part in (label, *_LABEL_PARTS.split(label)):
                key = heading_key(part)
                if key and (key not in found or not found[key][0]):
                    found[key] = (value, line)

        for table in self.section.tables:
            for column, header in enumerate(table.header):
                if table.rows and column < len(table.rows[0]):
                    add(header, self.clean(table.rows[0][column]), table.row_lines[0])
            for row, line in zip(table.rows, table.row_lines, strict=True):
                for column, cell in enumerate(row):
                    others = (self.clean(c) for i, c in enumerate(row) if i != column)
                    add(cell, ", ".join(filter(None, others)), line)
        for entry in (*self.section.paragraphs, *self.section.items):
            pair = split_label(entry.text)
            if pair:
                add(pair[0], self.clean(pair[1]), entry.line)
        return found

    def items(self) -> list[Item]:
        """The entries of the section's lists, tables and label lines, in the file's order."""
        entries = []
        for table in self.section.tables:
            headers = [heading_key(h) for h in table.header]
            for row, line in zip(table.rows, table.row_lines, strict=True):
                cells = {h: self.clean(c) for h, c in zip(headers, row, strict=False)}
                text = " | ".join(filter(None, cells.values()))
                if text:
                    entries.append(Item(text, line, cells))
        for entry in self.section.items:
            text = self.clean(entry.text)
            if text:
                entries.append(Item(text, entry.line, {}))
        for entry in self.section.paragraphs:
            pair = split_label(entry.text)
            # "Two things to watch:" introduces a list; it is not an entry itself.
            if pair and self.clean(pair[1]):
                entries.append(Item(self.clean(entry.text), entry.line, {}))
        return sorted(entries, key=lambda item: item.line)


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


CRITERIA: dict[str, Check] = {
    "prose": prose,
    "fields": fields,
    **{kind: partial(entries, kind=kind) for kind in LIST_RULES},
}

# What each kind of criterion asks, for `handoff types` and the "How we score" page.
DESCRIPTIONS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "prose": lambda p: f"at least {p['min_words']} words of real content",
    "fields": lambda p: "filled in: " + ", ".join(_names(f)[0] for f in p["fields"]),
    "measurable": lambda p: f"at least {p['min_items']} items, each with a number, %, or date",
    "timeline": lambda p: f"at least {p['min_milestones']} milestones, each with a date",
    "risks": lambda p: f"at least {p['min_items']} risk(s), each with a severity and a mitigation",
    "actions": lambda p: (
        f"at least {p['min_items']} action item(s), each with an owner and a due date"
    ),
}
