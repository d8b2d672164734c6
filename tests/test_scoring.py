"""The rubric: levels per criterion kind, categories, renormalisation, threshold, placeholders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, TYPES, Run, complete_text, drop_section, replace_section


def score(
    cli: Callable[..., Run], handoff: Callable[..., Path], slug: str, text: str
) -> dict[str, Any]:
    handoff(slug, text)
    result = cli("lint", "--format", "json")
    [file] = result.json()["files"]
    file["exit"] = result.code
    return file  # type: ignore[no-any-return]


def category(file: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in file["categories"] if c["id"] == cid)  # type: ignore[no-any-return]


@pytest.mark.parametrize("slug", TYPES)
def test_complete_handoffs_score_100(
    cli: Callable[..., Run], handoff: Callable[..., Path], slug: str
) -> None:
    file = score(cli, handoff, slug, complete_text(slug))
    assert file["score"] == 100.0 and file["passed"] and file["exit"] == 0
    assert [d for d in file["diagnostics"] if d["severity"] != "info"] == []


@pytest.mark.parametrize("slug", TYPES)
def test_a_template_copied_unchanged_scores_zero(
    cli: Callable[..., Run], handoff: Callable[..., Path], slug: str
) -> None:
    template = (REPO / "lint" / "handoff_lint" / "templates" / f"{slug}.md").read_text()
    front = complete_text(slug).split("\n---\n", 1)[0] + "\n---\n"
    file = score(cli, handoff, slug, front + template)
    assert file["score"] == 0.0 and not file["passed"]
    assert {c["level"] for c in file["categories"]} <= {"missing", "n/a"}
    assert any(d["code"] == "HO301" for d in file["diagnostics"])


@pytest.mark.parametrize("slug", TYPES)
def test_a_template_with_only_its_brackets_removed_scores_at_most_10(
    cli: Callable[..., Run], handoff: Callable[..., Path], slug: str
) -> None:
    # "[Specific, measurable outcome they expect]" left as hint text is still the template.
    template = (REPO / "lint" / "handoff_lint" / "templates" / f"{slug}.md").read_text()
    front = complete_text(slug).split("\n---\n", 1)[0] + "\n---\n"
    unbracketed = template.replace("[", "").replace("]", "")
    file = score(cli, handoff, slug, front + unbracketed)
    assert file["score"] <= 10 and not file["passed"]


def test_sdr_to_ae_renormalises_without_technical_requirements(
    cli: Callable[..., Run], handoff: Callable[..., Path]
) -> None:
    text = drop_section(complete_text("sdr-to-ae"), "Red Flags")
    file = score(cli, handoff, "sdr-to-ae", text)
    technical = category(file, "technical-requirements")
    assert technical["level"] == "n/a" and technical["earned"] == 0
    risk = category(file, "risk-flags")
    assert risk["level"] == "missing" and risk["weight"] == pytest.approx(17.6)
    assert file["score"] == 82.4  # 70 of the 85 applicable points


def test_partial_and_missing_sections_make_partial_categories(
    cli: Callable[..., Run], handoff: Callable[..., Path]
) -> None:
    text = replace_section(
        complete_text("sales-to-cs"),
        "Success Criteria",
        "1. Happier dispatchers\n2. Faster tenders by 50%\n",
    )
    text = drop_section(text, "Potential Blocker")
    file = score(cli, handoff, "sales-to-cs", text)
    expectations = category(file, "expectations")
    assert expectations["level"] == "partial" and expectations["earned"] == 12.5
    assert (
        "Success Criteria: criterion 1 “Happier dispatchers” has no measurable target: "
        "add a number, %, or date" in expectations["reasons"]
    )
    assert (
        "Success Criteria lists 2 of the 3 criteria it needs: add 1 more, each with a measurable "
        "target" in expectations["reasons"]
    )
    relationship = category(file, "relationship-context")
    assert relationship["level"] == "partial"
    assert (
        "Potential Blocker is missing: add a `## Potential Blocker` section (also accepted: "
        "Potential Blockers, Blockers, Detractors)" in relationship["reasons"]
    )
    assert file["score"] == 80.0  # 20 + 12.5 + 15 + 15 + 7.5 + 10


CRITERIA_CASES = [
    # (type, section, new body, expected level, words in a reason)
    ("sales-to-cs", "What They Bought and Why", "Platform licence.", "partial", "has 2 words"),
    (
        "sales-to-cs",
        "Customer Overview",
        "| Field | Detail |\n|---|---|\n| Company | Northwind |\n| Executive Sponsor | |\n",
        "partial",
        "has no Primary Contact",
    ),
    (
        "sales-to-cs",
        "Customer Overview",
        "**Company:** Northwind\n**Primary Contact:** Lena\n"
        "**Executive Sponsor:** Marc\n**Technical Lead:** Ahmed\n",
        "complete",
        None,
    ),
    (
        "sales-to-cs",
        "Timeline Expectations",
        "- Go-live: 2026-12-01\n- Full rollout: later\n",
        "partial",
        "milestone 2 “Full rollout: later” has no date",
    ),
    (
        "sales-to-cs",
        "Timeline Expectations",
        "| Milestone | Date |\n|---|---|\n| Go-live / first value | 2026-12-01 |\n",
        "partial",
        "1 of the 2 milestones",
    ),
    (
        "sales-to-cs",
        "Risk Flags",
        "| Risk | Severity | Mitigation |\n|---|---|---|\n| Data is messy | 🔴🟡🟢 | |\n",
        "partial",
        "has no severity",
    ),
    (
        "sales-to-cs",
        "Risk Flags",
        "| Risk | Severity | Mitigation |\n|---|---|---|\n| Data is messy | 🔴 | |\n",
        "partial",
        "has no mitigation",
    ),
    (
        "sales-to-cs",
        "Risk Flags",
        "- Data is messy (high) → weekly data review\n",
        "complete",
        None,
    ),
    ("sales-to-cs", "Action Items", "- Send the deck by 2026-11-01\n", "partial", "has no owner"),
    ("sales-to-cs", "Action Items", "- [ ] Send the deck @tom\n", "partial", "has no due date"),
    ("sales-to-cs", "Action Items", "**Send the deck:** @tom, due Friday\n", "complete", None),
    (
        "sales-to-cs",
        "Action Items",
        "Agreed on the call:\n\n- Send the deck @tom 2026-11-03\n",
        "complete",
        None,
    ),
    (
        "sales-to-cs",
        "Action Items",
        "| Task | Assigned to | When |\n|---|---|---|\n| Send the deck | Tom | 2026-11-03 |\n",
        "complete",
        None,
    ),
    (
        "sales-to-cs",
        "Risk Flags",
        "| Risk | Severity | Next steps |\n|---|---|---|\n"
        "| Data is messy | 🟠 | Weekly data review |\n",
        "complete",
        None,
    ),
    (
        "sales-to-cs",
        "Technical Context",
        "- **Integrations:** TMS\n- **Data migration:** 2,400 "
        "carriers\n- **Technical constraints:** EU only\n- **Security & Compliance:** SSO\n",
        "complete",
        None,
    ),
    (
        "sales-to-cs",
        "Success Criteria",
        "1. Zero duplicate payments\n2. Invoices paid by "
        "17.08.2026\n3. Support 24/7 with answers in under an hour\n",
        "complete",
        None,
    ),
    (
        "sales-to-cs",
        "Timeline Expectations",
        "- Go-live: Oktober 2026\n- Support: 24/7\n",
        "partial",
        "milestone 2 “Support: 24/7” has no date",
    ),
    (
        "sales-to-cs",
        "Technical Context",
        "Not applicable: pure services deal, nothing to integrate",
        "complete",
        None,
    ),
    ("sales-to-cs", "Risk Flags", "TBD", "missing", "only the template"),
    (
        "sales-to-cs",
        "Risk Flags",
        "<!-- fill in later -->\n- [Risk]\n- N/A\n",
        "missing",
        "only the template",
    ),
    ("sales-to-cs", "Risk Flags", "Lorem ipsum dolor sit amet", "missing", "only the template"),
    (
        "ae-to-se",
        "Attendees and Stakeholders",
        "| Name | Role |\n|---|---|\n"
        "| Rafael Costa, VP Eng | Decision Maker |\n| [Name, title] | Champion |\n",
        "partial",
        "Champion is still empty",
    ),
]


@pytest.mark.parametrize(("slug", "heading", "body", "level", "words"), CRITERIA_CASES)
def test_each_criterion_kind(
    cli: Callable[..., Run],
    handoff: Callable[..., Path],
    slug: str,
    heading: str,
    body: str,
    level: str,
    words: str | None,
) -> None:
    file = score(cli, handoff, slug, replace_section(complete_text(slug), heading, body))
    sections = [s for c in file["categories"] for s in c["sections"]]
    [section] = [s for s in sections if s["heading"] == heading]
    assert section["level"] == level, section
    if words:
        assert any(words in reason for reason in section["reasons"]), section["reasons"]
    else:
        assert section["reasons"] == []
    if level == "complete" and "Not applicable" in body:
        assert section["not_applicable"] == "pure services deal, nothing to integrate"


def test_reasons_become_warnings_on_their_lines(
    cli: Callable[..., Run], handoff: Callable[..., Path]
) -> None:
    text = replace_section(
        complete_text("sales-to-cs"),
        "Action Items",
        "| Action | Owner | Due |\n|---|---|---|\n| Kickoff | Tom | soon |\n",
    )
    path = handoff("sales-to-cs", text)
    line = path.read_text().splitlines().index("| Kickoff | Tom | soon |") + 1
    result = cli("lint")
    assert f"example.md:{line}:1: HO303 Action Items: action item 1" in result.out


def test_headings_match_with_emoji_numbers_and_aliases(
    cli: Callable[..., Run], handoff: Callable[..., Path]
) -> None:
    text = complete_text("sales-to-cs").replace("## Risk Flags", "## 🚩 7. RISKS (as of today)")
    text = text.replace("### Success Criteria (Agreed with Customer)", "#### Success criteria:")
    assert score(cli, handoff, "sales-to-cs", text)["score"] == 100.0


def custom_rubric(tmp_path: Path, weights: tuple[int, int]) -> None:
    """A two-category rubric: first category complete, second missing, in the handoff below."""
    (tmp_path / "rubric.yaml").write_text(f"""
version: 1
threshold: 70
levels: {{complete: 1, partial: 0.5, missing: 0}}
categories:
  - {{id: context, name: Context, weight: {weights[0]}}}
  - {{id: risks, name: Risks, weight: {weights[1]}}}
types:
  sdr-to-ae:
    name: SDR to AE
    title: Lead
    sections:
      - {{heading: Why They Took the Meeting, category: context,
          criterion: {{kind: prose, min_words: 3}}}}
      - {{heading: Red Flags, category: risks, criterion: {{kind: prose, min_words: 3}}}}
""")
    (tmp_path / "handoff.toml").write_text('rubric = "rubric.yaml"\n')


@pytest.mark.parametrize(
    ("weights", "expected", "code"),
    [
        ((699, 301), 69.9, 1),
        ((700, 300), 70.0, 0),
        ((6995, 3005), 70.0, 0),
        ((6994, 3006), 69.9, 1),
    ],
)
def test_threshold_edge_compares_the_rounded_score(
    cli: Callable[..., Run],
    handoff: Callable[..., Path],
    tmp_path: Path,
    weights: tuple[int, int],
    expected: float,
    code: int,
) -> None:
    custom_rubric(tmp_path, weights)
    text = drop_section(complete_text("sdr-to-ae"), "Red Flags")
    file = score(cli, handoff, "sdr-to-ae", text)
    assert (file["score"], file["exit"]) == (expected, code)


def test_threshold_from_settings_and_command_line(
    cli: Callable[..., Run], handoff: Callable[..., Path], tmp_path: Path
) -> None:
    handoff("sales-to-cs", drop_section(complete_text("sales-to-cs"), "Risk Flags"))  # 92.5
    assert cli("lint").code == 0
    (tmp_path / "pyproject.toml").write_text("[tool.handoff]\nthreshold = 95\n")
    assert cli("lint").code == 1
    assert cli("lint", "--threshold", "90").code == 0
