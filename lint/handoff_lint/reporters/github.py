"""GitHub Actions: workflow-command annotations, and a Markdown scorecard for the job summary."""

from __future__ import annotations

import re

from handoff_lint import views
from handoff_lint.reporters.terminal import render_text
from handoff_lint.results import Diagnostic, FileResult, Report

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
_LEVEL = {"complete": "✅ complete", "partial": "🟡 partial", "missing": "❌ missing", "n/a": "n/a"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(result: FileResult, d: Diagnostic) -> str:
    properties = [f"file={escape_property(result.uri or result.path)}"]
    # A finding about the whole file (the score, a missing section) goes on its first line,
    # so the pull request shows it in the diff and not only in the check's summary.
    properties += [f"line={d.line or 1}", f"col={d.column or 1}"]
    properties.append(f"title={escape_property(f'{d.code} {d.name}')}")
    return f"::{_COMMAND[d.severity]} {','.join(properties)}::{escape_data(d.message)}"


def render_github(report: Report) -> str:
    """One annotation per diagnostic, then the whole text report for the log.

    GitHub shows only the first ten error annotations of a step on the pull request,
    so the log (and the job summary, see render_markdown) carry everything.
    """
    lines = [annotation(r, d) for r in report.files for d in r.diagnostics]
    lines += [f"::error title=handoff lint::{escape_data(p.message)}" for p in report.problems]
    # The log's text may quote a handoff; no line of it may read as a workflow command.
    log = "".join(
        f" {line}" if line.startswith("::") else line
        for line in render_text(report).splitlines(keepends=True)
    )
    return "\n".join(lines) + ("\n" if lines else "") + log


# GitHub's Markdown (GFM) in a job summary or comment. Text outside code spans is escaped;
# a code span's text is shown as typed (a reference like `&lt;` would show as typed too),
# so it is kept raw, on one line, in a fence longer than any run of backticks in it.
_BACKTICKS = re.compile(r"`+")


def _text(text: str) -> str:
    """Text outside code spans, inert in a table cell: no tag, no cell border, no code span
    (a stray backtick could pair with one in the next reason of the cell)."""
    text = text.replace("\\", "\\\\").replace("`", "\\`").replace("|", "\\|")
    return " ".join(text.splitlines()).replace("<", "&lt;").replace(">", "&gt;")


def _code(text: str, *, in_table: bool) -> str:
    """`text` as a code span. In a table GFM splits cells at every unescaped `|`, code spans
    included, and unescapes `\\|` inside them; elsewhere `\\|` would show its backslash."""
    text = " ".join(text.splitlines())
    if not text:
        return ""
    if in_table:
        text = text.replace("|", "\\|")
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    # GFM strips one space each side, so padding keeps edge backticks off the fence.
    pad = " " if text[0] in "` " or text[-1] in "` " else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _message(text: str, *, in_table: bool) -> str:
    """A linter message with its `code` spans shown as code and the rest escaped."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: no code spans to show
        return _text(text)
    return "".join(
        _code(part, in_table=in_table) if n % 2 else _text(part) for n, part in enumerate(parts)
    )


def render_markdown(report: Report) -> str:
    """A scorecard table in Markdown, for $GITHUB_STEP_SUMMARY or a pull request comment.

    Each handoff with its score, the change since the base branch where it existed there,
    and the categories still short; then what blocks each blocked one.
    """
    s = report.summary()
    icon = "✅" if report.exit_code == 0 else "❌"
    out = [
        f"## {icon} Handoff check: {s['passed']} passed, {s['blocked']} blocked",
        "",
        f"Threshold {s['threshold']:g}/100.",
        "",
    ]
    if not report.files and not report.problems:
        out.append("No handoffs changed.")
    if report.files:
        out += [
            "| Handoff | Type | Score | Change | Result | Still short |",
            "|---|---|---|---|---|---|",
        ]
        for r in report.files:
            score = "–" if r.score is None else f"{r.score:g}"
            state = "passed" if r.passed else "**blocked**"
            short = ", ".join(views.still_short(r)) or "–"
            out.append(
                f"| {_code(r.path, in_table=True)} | {r.type or '?'} | {score} "
                f"| {_change(report, r)} | {state} | {_text(short)} |"
            )
    for r in report.files:
        if r.passed:
            continue
        out += ["", f"### {_code(r.path, in_table=False)}", ""]
        errors = [d for d in r.diagnostics if d.severity == "error"]
        out += [f"- **{d.code}** {_message(d.message, in_table=False)}" + _at(d) for d in errors]
        if r.categories:
            out += ["", "| Category | Points | Level | What to add |", "|---|---|---|---|"]
            for c in r.categories:
                todo = "<br>".join(_message(reason, in_table=True) for reason in c.reasons)
                out.append(f"| {c.name} | {views.points(c)} | {_LEVEL[c.level]} | {todo} |")
    out += _drift(report)
    out += [f"- ⚠️ {_message(p.message, in_table=False)}" for p in report.problems]
    return "\n".join(out) + "\n"


def _drift(report: Report) -> list[str]:
    """Open drift along an account's chain (HO5xx), which a passing handoff may still carry."""
    drift = [
        (r, d)
        for r in report.files
        for d in r.diagnostics
        if d.code.startswith("HO5") and d.severity != "info"
    ]
    if not drift:
        return []
    return [
        "",
        "### Drift along the chain",
        "",
        *(
            f"- {_code(r.path, in_table=False)}{_at(d)}: **{d.code}** "
            + _message(d.message, in_table=False)
            for r, d in drift
        ),
    ]


def _change(report: Report, result: FileResult) -> str:
    if result.path not in report.baseline:
        return "–"
    before = report.baseline[result.path]
    if before is None:
        return "new"
    after = "–" if result.score is None else f"{result.score:g}"
    return f"{before:g} → {after}"


def _at(d: Diagnostic) -> str:
    return f" (line {d.line})" if d.line is not None else ""
