"""Which of a handoff's sections feed which section of its type: by heading, words and shape.

A rep's "Gotchas" is the type's Risk Flags, a checklist of `- [ ] Ana to send the SOW by Fri`
is its Action Items whatever the heading, and a TL;DR or pasted call notes are searched for
the evidence of every section that has no heading of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from handoff_lint.document import Document, Line, Section, Table
from handoff_lint.lexicon import phrases
from handoff_lint.rubric import HandoffType, Rubric
from handoff_lint.text import has_date, has_severity, heading_key

_CHECKBOX = re.compile(r"^\s*\[[ xX]\]\s")
_RISK_COLUMNS = {"severity", "likelihood", "impact", "mitigation", "probability", "rag"}
_ACTION_COLUMNS = {"owner", "who", "assignee", "dri", "responsible"}
_DUE_COLUMNS = {"due", "when", "by", "deadline", "date"}
_MILESTONE_COLUMNS = {"milestone", "phase", "step", "stage", "date", "when", "target"}


@dataclass
class Assignment:
    """The body's sections, grouped by the type's section (by index) they feed."""

    by_slot: dict[int, list[Section]] = field(default_factory=dict)
    pool: list[Section] = field(default_factory=list)  # searched for every slot's evidence


def assign(document: Document, kind: HandoffType, rubric: Rubric) -> Assignment:
    assignment = Assignment()
    for section in document.sections:
        parent = _slots_of(section, kind, rubric)
        for n, part in enumerate(lead_ins(section)):
            # A lead-in that names nothing of its own stays with its section.
            slots = (_slots_of(part, kind, rubric) or parent) if n else parent
            for index in slots:
                assignment.by_slot.setdefault(index, []).append(part)
            if not slots:
                assignment.pool.append(part)
    return assignment


_LEAD_IN = re.compile(r"^\s*(?:\*\*|__)([^*_]{2,80}?)(?::\s*)?(?:\*\*|__)\s*:?")


def lead_ins(section: Section) -> list[Section]:
    """The section cut at its bold lead-ins (`**In scope**`, `**Budget:** ...`), as sub-sections.

    What comes before the first lead-in stays the section itself.
    """
    starts = [
        (line.line, m.group(1)) for line in section.paragraphs if (m := _LEAD_IN.match(line.text))
    ]
    if not starts:
        return [section]
    bounds = [section.line, *(line for line, _ in starts), 1 << 30]
    headings = [section.heading, *(text for _, text in starts)]
    parts = []
    for n, heading in enumerate(headings):
        span = range(bounds[n], bounds[n + 1])
        part = Section(
            heading,
            section.key if n == 0 else heading_key(heading),
            section.level if n == 0 else section.level + 1,
            bounds[n],
            [x for x in section.paragraphs if x.line in span],
            [x for x in section.items if x.line in span],
            [t for t in section.tables if t.line in span],
            [x for x in section.code if x.line in span],
        )
        parts.append(part)
    return parts


def _slots_of(section: Section, kind: HandoffType, rubric: Rubric) -> list[int]:
    if section.level <= 1 or not section.key:  # the title and what precedes any heading
        return []
    exact = [i for i, spec in enumerate(kind.sections) if section.key in spec.keys]
    if exact:
        return exact[:1]
    by_words = [i for i, spec in enumerate(kind.sections) if spec.matches(section.key)]
    if by_words:
        return by_words
    catch_all = phrases(rubric.catch_all)
    if catch_all and catch_all.search(section.key):
        return []
    shape = shape_of(section)
    if shape is None:
        return []
    return [i for i, spec in enumerate(kind.sections) if spec.kind == shape][:1]


def shape_of(section: Section) -> str | None:
    """The list kind a section's content looks like, whatever its heading: risks, actions..."""
    for table in section.tables:
        columns = {word for header in table.header for word in heading_key(header).split()}
        if columns & _RISK_COLUMNS:
            return "risks"
        if columns & _ACTION_COLUMNS and columns & _DUE_COLUMNS:
            return "actions"
        if columns & _MILESTONE_COLUMNS and any(has_date(" ".join(r)) for r in table.rows):
            return "timeline"
    items = [item.text for item in section.items]
    if items and sum(bool(_CHECKBOX.match(text)) for text in items) * 2 >= len(items):
        return "actions"
    if len(items) >= 2 and sum(has_severity(text) for text in items) * 2 >= len(items):
        return "risks"
    short_and_dated = sum(has_date(text) and len(text.split()) <= 12 for text in items)
    if len(items) >= 2 and short_and_dated == len(items):
        return "timeline"
    return None


def merge(sections: list[Section]) -> Section:
    """Several sections read as one, under the first one's heading and line."""
    first = sections[0]
    if len(sections) == 1:
        return first
    paragraphs: list[Line] = []
    items: list[Line] = []
    tables: list[Table] = []
    code: list[Line] = []
    for section in sections:
        paragraphs += section.paragraphs
        items += section.items
        tables += section.tables
        code += section.code
    return Section(
        first.heading, first.key, first.level, first.line, paragraphs, items, tables, code
    )
