"""The terminal report: `path:line:col: CODE message` lines, verdicts and scorecards."""

from __future__ import annotations

import re

from handoff_lint import views
from handoff_lint.results import FileResult, Report, Severity
from handoff_lint.rubric import Rubric
from handoff_lint.views import LEVEL_MARK

# Control characters (ESC sequences, a carriage return, a newline inside a value) never reach
# the terminal or a CI log raw: a handoff's text cannot move the cursor or forge a line.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _inert(lines: list[str]) -> str:
    return "".join(_CONTROL.sub("\N{REPLACEMENT CHARACTER}", line) + "\n" for line in lines)


def location(result: FileResult, line: int | None, column: int | None) -> str:
    if line is None:
        return result.path
    return f"{result.path}:{line}:{column or 1}"


def scorecard(result: FileResult, *, sections: bool = False) -> list[str]:
    """The category table of one handoff, indented, for the terminal."""
    lines = []
    for category in result.categories:
        if category.level == "n/a":
            lines.append(f"    {LEVEL_MARK['n/a']} {category.name:<34} not applicable")
            continue
        more = f"  (+{views.gain(category):g} when complete)" if views.gain(category) else ""
        lines.append(
            f"    {LEVEL_MARK[category.level]} {category.name:<34} "
            f"{views.points(category):>11}  {category.level}{more}"
        )
        if sections:
            for section in category.sections:
                mark = LEVEL_MARK[section.level]
                lines.append(f"        {mark} {section.heading}{views.where(section)}")
                if section.not_applicable:
                    lines.append(f"            not applicable: {section.not_applicable}")
                lines.extend(f"            {finding.message}" for finding in section.findings)
    return lines


def verdict(result: FileResult) -> str:
    state = "passed" if result.passed else "BLOCKED"
    kind = result.type or "unknown type"
    return (
        f"{result.path}: {views.score(result.score)} {state} "
        f"({kind}, threshold {result.threshold:g})"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


_TEMPLATE_ONLY = " still holds only the template: "


def _messages(result: FileResult, shown: tuple[Severity, ...]) -> list[str]:
    """One line a diagnostic; sections left as the template are folded into one line."""
    diagnostics = [d for d in result.diagnostics if d.severity in shown]
    untouched = [d for d in diagnostics if d.code == "HO302" and _TEMPLATE_ONLY in d.message]
    lines = []
    for d in diagnostics:
        if d in untouched and len(untouched) > 1:
            if d is untouched[0]:
                names = ", ".join(
                    f"{u.message.split(_TEMPLATE_ONLY)[0]} (line {u.line})" for u in untouched
                )
                lines.append(
                    f"{result.path}: HO302 {len(untouched)} sections still hold only the "
                    f"template: {names}: {d.message.split(_TEMPLATE_ONLY)[1]}"
                )
            continue
        lines.append(f"{location(result, d.line, d.column)}: {d.code} {d.message}")
    return lines


def render_text(report: Report, *, hook: bool = False, quiet: bool = False) -> str:
    """The report for a terminal; `quiet`: errors and the summary only."""
    out = []
    for result in report.files:
        out.extend(_messages(result, ("error",) if quiet else ("error", "warning")))
        if quiet and result.passed:
            continue
        out.append(verdict(result))
        if not result.passed and result.categories and not quiet:
            out.extend(scorecard(result))
    s = report.summary()
    noun = "handoff" if s["files"] == 1 else "handoffs"
    out.append("")
    out.append(
        f"{s['files']} {noun} checked: {s['passed']} passed, {s['blocked']} blocked "
        f"(threshold {s['threshold']:g}); {_count(s['errors'], 'error')}, "
        f"{_count(s['warnings'], 'warning')}."
    )
    if report.blocked:
        out.append(_next_step(report, hook))
    return _inert(out)


def render_statistics(report: Report) -> str:
    """`--statistics`: how often each code was found, the most frequent first (as Ruff does)."""
    counts: dict[tuple[str, str], int] = {}
    for result in report.files:
        for d in result.diagnostics:
            if d.severity != "info":
                counts[(d.code, d.name)] = counts.get((d.code, d.name), 0) + 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    lines = [f"{count:>6}  {code}  {name}" for (code, name), count in rows]
    s = report.summary()
    lines.append(f"{s['files']} checked: {s['passed']} passed, {s['blocked']} blocked")
    return _inert(lines)


def _next_step(report: Report, hook: bool) -> str:
    """A command the writer can run where they are: under pre-commit (`hook`) `handoff` may
    not be on the PATH, the hook having its own environment, so it says how to run it again."""
    if hook:
        blocked = " ".join(r.path for r in report.files if not r.passed)
        return (
            "Complete what the scorecard above lists, then check again with "
            f"`pre-commit run handoff-lint --files {blocked}`."
        )
    return "Run `handoff score FILE` for a whole scorecard, `handoff rule CODE` for a code."


def render_scorecards(report: Report) -> str:
    """`handoff score`: each handoff's whole scorecard, section by section."""
    out = []
    for result in report.files:
        out.append(verdict(result))
        out.extend(scorecard(result, sections=True))
        errors = [d for d in result.diagnostics if d.severity == "error"]
        if errors:
            out += ["", "  Blocking problems:"]
        for d in errors:
            out.append(f"    {location(result, d.line, d.column)}: {d.code} {d.message}")
        for heading, state in views.unscored_sections(result):
            out.append(f"    (not scored) {heading}: {state}")
    return _inert(out)


def render_rubric(rubric: Rubric, only: str | None = None) -> str:
    """`handoff types [TYPE]`: each type's categories, sections and what complete means."""
    out = []
    for rows in views.rubric_rows(rubric):
        if only and rows.type.slug != only:
            continue
        kind = rows.type
        out.append(f"{kind.slug}: {kind.name}, {kind.about}")
        for category in rubric.categories:
            weight = f"{float(category.weight):g}"
            if category in rows.not_applicable:
                out.append(f"  {category.name} ({weight}): not applicable")
                continue
            out.append(f"  {category.name} ({weight})")
            for row in rows.sections_for(category):
                out.append(f"    - {row.heading}: {row.needs}")
                if row.also:
                    out.append(f"      also found under: {', '.join(row.also)}")
        if rows.unscored:
            out.append(f"  Not scored: {', '.join(rows.unscored)}")
        out.append("")
    out.append(f"Threshold: {rubric.threshold:g}/100")
    return _inert(out)
