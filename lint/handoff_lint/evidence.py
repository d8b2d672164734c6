"""Evidence for a section that has no heading of its own, gathered from the rest of the body.

A rep who writes one "Context" section and a "Plan" still says who signs off, what success
looks like and who does what next; this finds those lines for the section that asks for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff_lint.document import Section, Table
from handoff_lint.rubric import SectionSpec
from handoff_lint.slots import merge
from handoff_lint.text import has_date, is_measurable

_OUTCOME = re.compile(
    r"\b(?:reduc|cut|increas|improv|grow|sav|lower|rais|fast|few|less|more|under|below|above"
    r"|at least|target|goal|kpi|success|within|down to|up to|from\b.*\bto\b|expect|want"
    r"|measur|achiev|hit|reach|deliver)",
    re.IGNORECASE,
)
_RISK = re.compile(
    r"\b(?:risk|if\b|could|might|may\b|slip|delay|concern|worr|blocker|competitor|churn"
    r"|threat|danger|fragile|skeptic|sceptic|resist|push ?back|objection|unless|watch)",
    re.IGNORECASE,
)
_MILESTONE = re.compile(
    r"\b(?:go[- ]?live|kick ?off|launch|rollout|roll-out|review|pilot|phase|milestone|start"
    r"|sign|training|cutover|uat|qbr|handover|onboarding|complete|deadline|renewal|live)",
    re.IGNORECASE,
)
_CHECKBOX = re.compile(r"^\s*\[[ xX]\]\s")
_OWNER_LINE = re.compile(
    r"^\s*(?:\[[ xX]\]\s*)?(?:\*\*)?(?:@\w+|[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+)?)(?:\*\*)?"
    r"\s*(?:to\b|will\b|:|—|–|-\s|\()",
)

# Which pool entries count for a list kind, besides those naming the section's own words.
_ENTRY: dict[str, Callable[[str], bool]] = {
    "measurable": lambda text: is_measurable(text) and bool(_OUTCOME.search(text)),
    "timeline": lambda text: has_date(text) and bool(_MILESTONE.search(text)),
    "risks": lambda text: bool(_RISK.search(text)),
    "actions": lambda text: bool(
        _CHECKBOX.match(text) or (_OWNER_LINE.match(text) and has_date(text))
    ),
}


def relevant(
    spec: SectionSpec, pool: list[Section], kin: list[Section], rest: list[Section]
) -> Section | None:
    """What speaks to `spec` in the catch-all `pool` and in the sections of its category
    (`kin`), as one section; None when nothing does. Risks, milestones, measures and action
    items say what they are, so they are also taken from every `rest` of the handoff."""
    if spec.criterion is None or not (pool or kin):
        return None
    kind = spec.criterion.kind
    pattern = spec.pattern
    mentions = pattern.search if pattern else (lambda text: None)
    if kind in ("prose", "fields"):
        # The topic must come up, in its category's other sections ("Champion" under "Who's
        # who") or in the catch-all ones; then everything around it is read, as a reader would.
        around = [*kin, *pool]
        lines = [line for section in around for line in section.lines()]
        if kind == "prose" and not any(mentions(line.text) for line in lines):
            return None
        return merge(around)
    pool = [*kin, *pool, *rest]
    wanted = _ENTRY[kind]

    def keep(text: str) -> bool:
        return wanted(text) or (bool(mentions(text)) and kind != "actions")

    chosen = []
    for section in pool:
        items = [line for line in section.items if keep(line.text)]
        # An action is a list entry or a row: a paragraph line is a header ("SDR: Kayla")
        paragraphs = [] if kind == "actions" else [p for p in section.paragraphs if keep(p.text)]
        tables = [_rows(table, keep) for table in section.tables]
        tables = [t for t in tables if t.rows]
        if items or paragraphs or tables:
            chosen.append(
                Section(
                    section.heading,
                    section.key,
                    section.level,
                    section.line,
                    paragraphs,
                    items,
                    tables,
                )
            )
    return merge(chosen) if chosen else None


def _rows(table: Table, keep: Callable[[str], bool]) -> Table:
    kept = [
        (row, n) for row, n in zip(table.rows, table.row_lines, strict=True) if keep(" ".join(row))
    ]
    return Table(table.header, tuple(r for r, _ in kept), tuple(n for _, n in kept), table.line)
