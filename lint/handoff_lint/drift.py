"""Drift along the chain: where a later handoff says otherwise than an earlier one promised.

A context check (context.CHECKS): it runs after the cache on every result of the run and the
account handoffs loaded only as context, so a changed sales handoff is compared with an
unchanged implementation handoff, and the other way round. Each finding is on the line of the
later handoff and names the earlier one. Drift is a warning (`chain = "error"` in the
settings makes it an error, `"off"` silences it); acknowledged, it is an info line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from handoff_lint.chain import DELIVERY, ChainTable, Row, Step, binding, tables
from handoff_lint.context import Context
from handoff_lint.measures import terms
from handoff_lint.results import Diagnostic, FileResult, Severity
from handoff_lint.rules import RULES


@dataclass(frozen=True)
class Drift:
    code: str
    path: str  # the later handoff, where the finding is
    line: int
    what: str  # what differs, naming the earlier handoff
    fix: str  # what to do, in the writer's words
    row: Row
    acknowledged: str | None = None  # the reason given, when the writer explained it

    @property
    def message(self) -> str:
        if self.acknowledged:
            return f"{self.what}; acknowledged: “{self.acknowledged}”"
        return f"{self.what}: {self.fix}"


def check(results: Sequence[FileResult], context: Context) -> Mapping[str, list[Diagnostic]]:
    reported = {r.path for r in results}
    everything = [*results, *(r for r in context.others if r.path not in reported)]
    found: dict[str, list[Diagnostic]] = {}
    for chain in tables(everything):
        for drift in findings(chain):
            if drift.path not in reported:
                continue
            setting = context.workspace.settings_for(Path(drift.path).parent).chain
            if setting == "off":
                continue
            severity: Severity = "error" if setting == "error" else "warning"
            rule = RULES[drift.code]
            diagnostic = rule.diagnostic(
                drift.message, drift.line, severity="info" if drift.acknowledged else severity
            )
            found.setdefault(drift.path, []).append(diagnostic)
    return found


def findings(chain: ChainTable) -> list[Drift]:
    """Every drift of one account's chain, each acknowledged or not."""
    found: list[Drift] = []
    for row in chain.rows:
        found += RULES_BY_KIND[row.kind](chain.steps, row)
    return [_acknowledged(chain.steps, d) for d in found]


def _where(step: Step, line: int) -> str:
    return f"the {step.label} handoff ({step.path}, line {line})"


def _since(step: Step) -> str:
    return f"`Changed since {step.label.split(' → ')[0].lower()}:`"


def _pairs(steps: Sequence[Step], row: Row) -> Iterator[tuple[int, int]]:
    """Each value of the row with the one before it."""
    told = sorted(row.values)
    yield from pairwise(told)


def _milestone(steps: Sequence[Step], row: Row) -> Iterator[Drift]:
    for a, b in _pairs(steps, row):
        was, now = row.values[a], row.values[b]
        if not was.key.same(now.key):
            yield Drift(
                "HO503",
                steps[b].path,
                now.line,
                f"{row.label.capitalize()} moved from {was.shown} in "
                f"{_where(steps[a], was.line)} to {now.shown}",
                f"say why with a {_since(steps[a])} line, or fix the date",
                row,
            )


def _deal(steps: Sequence[Step], row: Row) -> Iterator[Drift]:
    for a, b in _pairs(steps, row):
        was, now = row.values[a], row.values[b]
        (amount, unit), (other, other_unit) = was.key, now.key
        if abs(amount - other) > 0.5 or (unit and other_unit and unit != other_unit):
            yield Drift(
                "HO504",
                steps[b].path,
                now.line,
                f"The {row.label} is {now.shown} here but {was.shown} in "
                f"{_where(steps[a], was.line)}",
                f"correct one of them, or say why it changed with a {_since(steps[a])} line",
                row,
            )


def _person(steps: Sequence[Step], row: Row) -> Iterator[Drift]:
    for a, b in _pairs(steps, row):
        was, now = row.values[a], row.values[b]
        if not (was.key <= now.key or now.key <= was.key):
            yield Drift(
                "HO507",
                steps[b].path,
                now.line,
                f"The {row.label} is {now.shown} here but was {was.shown} in "
                f"{_where(steps[a], was.line)}",
                f"if {was.shown} is no longer the {row.label}, say so with a "
                f"{_since(steps[a])} line; otherwise correct the name",
                row,
            )
    first = min(row.values)
    for n in range(first + 1, len(steps)):
        step = steps[n]
        if n in row.values or not binding(step, "person"):
            continue
        earlier = max(i for i in row.values if i < n)
        was = row.values[earlier]
        words = set(step.facts.get("vocabulary", []))
        # Missing only when nobody who held the role before is named: after a change of
        # sponsor, naming the one before is not a second drift.
        if not any(v.key <= words for i, v in row.values.items() if i < n):
            line = step.facts.get("anchors", {}).get("people") or 1
            yield Drift(
                "HO508",
                step.path,
                line,
                f"{was.shown}, the {row.label} in {_where(steps[earlier], was.line)}, is not "
                "named anywhere in this handoff",
                f"name the {row.label} in the stakeholders, or say who it is now and why",
                row,
            )


def _criterion(steps: Sequence[Step], row: Row) -> Iterator[Drift]:
    for a, b in _pairs(steps, row):
        was, now = row.values[a], row.values[b]
        (target, by), (new_target, new_by) = was.key, now.key
        moved_target = target is not None and new_target is not None and target != new_target
        dated = steps[a].type in DELIVERY and steps[b].type in DELIVERY
        moved_day = dated and by is not None and new_by is not None and not by.same(new_by)
        if moved_target or moved_day:
            yield Drift(
                "HO501",
                steps[b].path,
                now.line,
                f"The success criterion “{_short(row.label)}” changed from {was.shown} in "
                f"{_where(steps[a], was.line)} to {now.shown}",
                f"say why with a {_since(steps[a])} line, or restore what was agreed",
                row,
            )
    promised = [n for n in row.values if steps[n].type in DELIVERY]
    for n in range(min(promised, default=len(steps)) + 1, len(steps)):
        step = steps[n]
        if n in row.values or step.type not in DELIVERY or not step.facts.get("criteria"):
            continue
        earlier = max(i for i in promised if i < n)
        was = row.values[earlier]
        line = step.facts.get("anchors", {}).get("criteria") or 1
        yield Drift(
            "HO502",
            step.path,
            line,
            f"The success criterion “{_short(row.label)}” ({was.shown}) of "
            f"{_where(steps[earlier], was.line)} is not among this handoff's success criteria",
            f"add it, or say why it was dropped with a {_since(steps[earlier])} line",
            row,
        )


def _system(steps: Sequence[Step], row: Row) -> Iterator[Drift]:
    named = min(row.values)
    for n, value in sorted(row.values.items()):
        if value.key is False:
            yield Drift(
                "HO506",
                steps[n].path,
                value.line,
                f"{row.label}, named in the technical environment of "
                f"{_where(steps[named], row.values[named].line)}, is not mentioned in this "
                "implementation handoff",
                f"add {row.label} to the technical requirements, or say it is out of scope",
                row,
            )


def _scope(steps: Sequence[Step], row: Row) -> Iterator[Drift]:
    for a, b in _pairs(steps, row):
        was, now = row.values[a], row.values[b]
        if was.key != now.key:
            yield Drift(
                "HO505",
                steps[b].path,
                now.line,
                f"“{_short(row.label)}” is {now.shown} here but {was.shown} in "
                f"{_where(steps[a], was.line)}",
                f"agree which it is, and say why it changed with a {_since(steps[a])} line",
                row,
            )


RULES_BY_KIND = {
    "milestone": _milestone,
    "deal": _deal,
    "person": _person,
    "criterion": _criterion,
    "system": _system,
    "scope": _scope,
}


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _acknowledged(steps: Sequence[Step], drift: Drift) -> Drift:
    """The drift with the writer's reason, when the later handoff explains it: a `Changed
    since …:` line near the changed line or naming the promise, or an `acknowledged` entry."""
    step = next(s for s in steps if s.path == drift.path)
    about = drift.row.terms | terms(drift.row.label)
    for ack in step.facts.get("acks", []):
        near = "start" in ack and (ack["start"] <= drift.line < ack["end"])
        near = near or ("start" in ack and abs(ack["line"] - drift.line) <= 3)
        if near or about & set(ack["terms"]):
            return Drift(
                drift.code, drift.path, drift.line, drift.what, drift.fix, drift.row, ack["reason"]
            )
    return drift
