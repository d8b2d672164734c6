"""`handoff chain`: an account's handoffs in order, and every promise's value at each step."""

from __future__ import annotations

from handoff_lint.chain import ChainTable, tables
from handoff_lint.drift import Drift, findings
from handoff_lint.reporters.terminal import _inert
from handoff_lint.results import Report

_LABEL = 44  # the widest promise label shown; longer ones are cut with …
_CELL = 22
# What marks a value: it drifted from the step before, or drifted and was explained.
DRIFT, ACKNOWLEDGED = "⚠", "✓"


def render_chain(report: Report) -> str:
    """Every account of the report, one after the other (also `handoff lint --format chain`)."""
    out: list[str] = []
    for chain in tables(report.files):
        if out:
            out.append("")
        out += chain_lines(chain)
    return _inert(out or ["No handoffs with an account to follow."])


def chain_lines(chain: ChainTable) -> list[str]:
    drifts = findings(chain)
    out = [f"{chain.company} ({chain.account}): {len(chain.steps)} handoffs", ""]
    for n, step in enumerate(chain.steps, 1):
        out.append(f"  {n}. {step.date}  {step.label:<24} {step.path}")
    if not chain.rows:
        return [*out, "", "No promises to follow yet."]
    marks = {(id(d.row), d.path): ACKNOWLEDGED if d.acknowledged else DRIFT for d in drifts}
    header = f"  {'Promise':<{_LABEL}}" + "".join(
        f" {n:<{_CELL}}" for n in range(1, len(chain.steps) + 1)
    )
    out += ["", header.rstrip()]
    for row in chain.rows:
        cells = []
        for n, step in enumerate(chain.steps):
            value = row.values.get(n)
            shown = "·" if value is None else value.shown
            mark = marks.get((id(row), step.path))
            cells.append(_cut(f"{shown} {mark}" if mark else shown, _CELL))
        label = _cut(f"{row.kind}: {row.label}", _LABEL)
        out.append((f"  {label:<{_LABEL}}" + "".join(f" {c:<{_CELL}}" for c in cells)).rstrip())
    out += ["", *_drift_lines(drifts)]
    return out


def _drift_lines(drifts: list[Drift]) -> list[str]:
    if not drifts:
        return ["No drift: every promise holds along the chain."]
    open_ = sum(not d.acknowledged for d in drifts)
    lines = [f"Drift: {open_} open, {len(drifts) - open_} acknowledged"]
    for d in drifts:
        mark = ACKNOWLEDGED if d.acknowledged else DRIFT
        lines.append(f"  {mark} {d.path}:{d.line}: {d.code} {d.message}")
    return lines


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
