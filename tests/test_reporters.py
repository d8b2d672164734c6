"""Every view of one hand-built Report, compared with a golden file.

After a deliberate change of output, regenerate with `HANDOFF_REGENERATE=1 pytest
tests/test_reporters.py` and review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from handoff_lint import rubric
from handoff_lint.reporters import FORMATS, reporter
from handoff_lint.reporters.terminal import render_rubric, render_scorecards
from handoff_lint.results import (
    CategoryResult,
    Diagnostic,
    FileResult,
    Finding,
    Report,
    SectionResult,
    UsageProblem,
)
from handoff_lint.rules import RULES
from handoff_lint.site.library import Library
from handoff_lint.site.pages import scoring
from handoff_lint.site.safety import Escaper, Privacy
from handoff_lint.site.scorecard import handoff_markdown

GOLDEN = Path(__file__).parent / "golden"
RUBRIC = rubric.load()

FRONT = {
    "type": "sales-to-cs",
    "company": "Quarry & <Lane> Ltd",
    "account": "quarry-lane",
    "date": "2026-11-02",
    "from": {"name": "Ana Ruiz", "role": "AE"},
    "to": {"name": "Ben Cole", "role": "CSM"},
    "status": "ready",
}


def _category(id_: str, level: str, earned: float, *sections: SectionResult) -> CategoryResult:
    category = next(c for c in RUBRIC.categories if c.id == id_)
    weight = float(category.weight)
    return CategoryResult(id_, category.name, weight, weight, earned, level, sections)  # type: ignore[arg-type]


def _report() -> Report:
    risks = SectionResult(
        "Risk Flags",
        "risk-flags",
        "partial",
        40,
        (Finding("Risk Flags: risk 1 “SSO | pipe | slips” has no mitigation: say what", 42),),
        read_from="Gotchas",
    )
    actions = SectionResult(
        "Action Items",
        "action-items",
        "missing",
        None,
        (Finding("Action Items is missing: add a `## Action Items` section", None),),
    )
    technical = SectionResult(
        "Technical Context", "technical-requirements", "complete", 30, (), "pure services deal"
    )
    blocked = FileResult(
        "handoffs/sales-to-cs/quarry.md",
        "sales-to-cs",
        67.5,
        70.0,
        (
            _category("customer-context", "complete", 20.0),
            _category("expectations", "complete", 25.0),
            _category("risk-flags", "partial", 7.5, risks),
            _category("technical-requirements", "complete", 15.0, technical),
            _category("relationship-context", "complete", 15.0),
            _category("action-items", "missing", 0.0, actions),
        ),
        (
            RULES["HO201"].diagnostic("`deal.currency` is `usd`, which is not allowed", 9),
            RULES["HO303"].diagnostic(risks.findings[0].message, 42),
            RULES["HO302"].diagnostic(actions.findings[0].message),
            RULES["HO401"].diagnostic("Raw HTML `<b>` is dropped from the site", 50, 7),
            RULES["HO301"].diagnostic("This handoff scores 67.5/100 and needs 70"),
        ),
        (SectionResult("Expansion Opportunity", None, "missing", None),),
        FRONT,
        "handoffs/sales-to-cs/quarry.md",
    )
    passed = FileResult(
        "handoffs/sdr-to-ae/lead.md",
        "sdr-to-ae",
        100.0,
        70.0,
        tuple(
            _category(c.id, "complete", float(c.weight))
            if c.id != "technical-requirements"
            else CategoryResult(c.id, c.name, float(c.weight), 0.0, 0.0, "n/a")
            for c in RUBRIC.categories
        ),
        (),
        (),
        {**FRONT, "type": "sdr-to-ae", "status": "accepted"},
        "handoffs/sdr-to-ae/lead.md",
    )
    unreadable = FileResult(
        "handoffs/ae-to-se/broken.md",
        None,
        None,
        70.0,
        diagnostics=(Diagnostic("HO101", "unreadable-file", "error", "Saved as UTF-16"),),
        uri="handoffs/ae-to-se/broken.md",
    )
    return Report(
        (blocked, passed, unreadable),
        70.0,
        (UsageProblem("nowhere/: no such file or folder"),),
        {"handoffs/sales-to-cs/quarry.md": 72.5, "handoffs/sdr-to-ae/lead.md": None},
    )


def _site_scorecard(report: Report) -> str:
    library = Library.build([(report.files[0], "sales-to-cs/quarry.md")], RUBRIC, 70.0)
    return handoff_markdown(library.handoffs[0], "# Title\n\nBody text.\n", Escaper(Privacy()))


def _how_we_score(report: Report) -> str:
    return scoring(Library.build([], RUBRIC, 70.0), Escaper(Privacy())).markdown


VIEWS: dict[str, Callable[[Report], str]] = {
    **{f"lint-{name}": reporter(name) for name in FORMATS},
    "score": render_scorecards,
    "types": lambda report: render_rubric(RUBRIC),
    "site-scorecard": _site_scorecard,
    "site-how-we-score": _how_we_score,
}


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_view_matches_its_golden_file(name: str) -> None:
    output = VIEWS[name](_report())
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("HANDOFF_REGENERATE"):
        golden.write_text(output, encoding="utf-8")
    assert golden.is_file(), f"no {golden.name}: run with HANDOFF_REGENERATE=1 and review it"
    assert output == golden.read_text(encoding="utf-8")
