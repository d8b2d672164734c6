"""The criteria a section can be held to, as a registry of small functions over its content."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
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
_SEVERITY_COLUMNS = ("severity", "priority", "impact", "level", "rag")
_MITIGATION_COLUMNS = ("mitigation", "plan", "response", "action", "next step", "what to do")
_OWNER_COLUMNS = ("owner", "who", "assignee", "assigned", "responsible", "dri", "lead")
_DUE_COLUMNS = ("due", "when", "date", "deadline", "by")


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


def _count(
    content: Content, items: list[Item], needed: int, noun: str, heading: str, extra: str
) -> list[Finding]:
    if len(items) >= needed:
        return []
    plural = noun if needed == 1 else {"criterion": "criteria"}.get(noun, f"{noun}s")
    if not items:
        return [
            Finding(
                f"{heading} has no {plural} written as a list or table: add at least {needed}"
                f"{extra}",
                content.section.line,
            )
        ]
    return [
        Finding(
            f"{heading} lists {len(items)} of the {needed} {plural} it needs: add "
            f"{needed - len(items)} more{extra}",
            content.section.line,
        )
    ]


def measurable(content: Content, params: Mapping[str, Any], heading: str) -> list[Finding]:
    items = content.items()
    noun = "criterion" if "criteri" in heading.lower() else "item"
    findings = [
        Finding(
            f"{heading}: {noun} {n} {item.snippet()} has no measurable target: "
            "add a number, %, or date",
            item.line,
        )
        for n, item in enumerate(items, 1)
        if not is_measurable(item.text)
    ]
    extra = ", each with a number, %, or date"
    return _count(content, items, params["min_items"], noun, heading, extra) + findings


def timeline(content: Content, params: Mapping[str, Any], heading: str) -> list[Finding]:
    items = content.items()
    findings = [
        Finding(
            f"{heading}: milestone {n} {item.snippet()} has no date: add when it is due", item.line
        )
        for n, item in enumerate(items, 1)
        if not has_date(item.text)
    ]
    extra = ", each with its date"
    return _count(content, items, params["min_milestones"], "milestone", heading, extra) + findings


def risks(content: Content, params: Mapping[str, Any], heading: str) -> list[Finding]:
    items = content.items()
    findings = []
    for n, item in enumerate(items, 1):
        severity = item.column(_SEVERITY_COLUMNS)
        if not has_severity(item.text if severity is None else severity):
            findings.append(
                Finding(
                    f"{heading}: risk {n} {item.snippet()} has no severity: "
                    "add 🔴, 🟠, 🟡 or 🟢 (or critical, high, medium, low)",
                    item.line,
                )
            )
        mitigation = item.column(_MITIGATION_COLUMNS)
        if not (mitigation if mitigation is not None else _MITIGATION.search(item.text)):
            findings.append(
                Finding(
                    f"{heading}: risk {n} {item.snippet()} has no mitigation: "
                    "say what the next team should do about it",
                    item.line,
                )
            )
    extra = ", each with a severity and a mitigation"
    return _count(content, items, params["min_items"], "risk", heading, extra) + findings


def actions(content: Content, params: Mapping[str, Any], heading: str) -> list[Finding]:
    items = content.items()
    findings = []
    for n, item in enumerate(items, 1):
        owner = item.column(_OWNER_COLUMNS)
        if not (owner if owner is not None else _OWNER.search(item.text)):
            findings.append(
                Finding(
                    f"{heading}: action item {n} {item.snippet()} has no owner: "
                    "add who does it (an Owner column, `@name` or `Owner: name`)",
                    item.line,
                )
            )
        due = item.column(_DUE_COLUMNS)
        if not has_date(item.text if due is None else due):
            findings.append(
                Finding(
                    f"{heading}: action item {n} {item.snippet()} has no due date: "
                    "add when it is due (a date like 2026-12-03, or a day like Friday)",
                    item.line,
                )
            )
    extra = ", each with an owner and a due date"
    return _count(content, items, params["min_items"], "action item", heading, extra) + findings


CRITERIA: dict[str, Check] = {
    "prose": prose,
    "fields": fields,
    "measurable": measurable,
    "timeline": timeline,
    "risks": risks,
    "actions": actions,
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
