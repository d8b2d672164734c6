"""A new user's first steps: any folder works, drafts are told early, no stray cache."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run, complete_text


def test_lint_from_a_subfolder_finds_the_projects_handoffs(
    cli: Callable[..., Run], handoff: Callable[..., Path], tmp_path: Path
) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    handoff("sales-to-cs")
    handoff("sdr-to-ae")
    result = cli("lint", "--no-cache", cwd=tmp_path / "handoffs" / "sales-to-cs")
    assert result.code == 0, result.out + result.err
    assert "2 handoffs checked" in result.out
    assert "../sdr-to-ae/example.md" in result.out  # paths as seen from where one stands


def test_no_cache_is_written_outside_a_project(cli: Callable[..., Run], tmp_path: Path) -> None:
    loose = tmp_path / "downloads" / "sales-to-cs"
    loose.mkdir(parents=True)
    (loose / "x.md").write_text(complete_text("sales-to-cs"), encoding="utf-8")
    assert cli("lint", "sales-to-cs/x.md", cwd=loose.parent).code == 0
    assert not list(tmp_path.rglob(".handoff_cache"))
    chosen = tmp_path / "cache"
    assert cli("lint", "--cache-dir", str(chosen), "sales-to-cs/x.md", cwd=loose.parent).code == 0
    assert list(chosen.rglob("*.json"))


def test_a_passing_draft_is_told_that_ci_will_refuse_it(
    cli: Callable[..., Run], handoff: Callable[..., Path]
) -> None:
    handoff("sales-to-cs", complete_text("sales-to-cs").replace("status: ready", "status: draft"))
    result = cli("lint", "--no-cache")
    assert result.code == 0
    assert "HO306" in result.out and "CI on the default branch refuses drafts" in result.out
    denied = cli("lint", "--no-cache", "--deny-drafts")
    assert denied.code == 1 and "HO305" in denied.out and "HO306" not in denied.out


def test_allow_and_deny_drafts_together_is_a_usage_error(cli: Callable[..., Run]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli("lint", "--allow-drafts", "--deny-drafts")
    assert stopped.value.code == 2


@pytest.mark.parametrize(
    ("line", "words", "where"),
    [
        ("company: Acme: Logistics", "put quotes around a value with a colon", ":3:"),
        ('company: "Acme Logistics', "a quote is opened and never closed", ":3:"),
        ("tags: [logistics, freight", "is not closed: end it with `]`", ":3:"),
        ("company: Acme\n\tdate: 2026-01-01", "indent with spaces", ":4:"),
    ],
)
def test_yaml_mistakes_are_explained_for_a_rep(
    cli: Callable[..., Run], handoff: Callable[..., Path], line: str, words: str, where: str
) -> None:
    text = complete_text("sales-to-cs")
    company = next(x for x in text.splitlines() if x.startswith("company:"))
    handoff("sales-to-cs", text.replace(company, line, 1))
    result = cli("lint", "--no-cache")
    assert result.code == 1
    [message] = [x for x in result.out.splitlines() if "HO103" in x]
    assert words in message and where in message  # the line of the mistake


def test_untouched_template_sections_are_one_line_and_quiet_shows_errors_only(
    cli: Callable[..., Run], handoff: Callable[..., Path], tmp_path: Path
) -> None:
    from conftest import REPO

    front = complete_text("sales-to-cs").split("\n---\n", 1)[0] + "\n---\n"
    template = (REPO / "lint/handoff_lint/templates/sales-to-cs.md").read_text()
    handoff("sales-to-cs", front + template)
    text = cli("lint", "--no-cache").out
    folded = [x for x in text.splitlines() if "still hold only the template" in x]
    assert len(folded) == 1 and "11 sections" in folded[0] and "Risk Flags (line" in folded[0]
    assert "still holds only the template" not in text
    quiet = cli("lint", "--no-cache", "--quiet").out
    assert "HO301" in quiet and "HO302" not in quiet and "✗ Customer context" not in quiet
    stats = cli("lint", "--no-cache", "--statistics").out
    assert "    11  HO302  section-missing" in stats and "     1  HO301" in stats
    # machine formats keep one diagnostic per finding
    machine = cli("lint", "--no-cache", "--format", "json").json()
    diagnostics = machine["files"][0]["diagnostics"]
    assert sum(d["code"] == "HO302" and d["severity"] == "warning" for d in diagnostics) == 11


def test_types_can_show_one_type(cli: Callable[..., Run]) -> None:
    one = cli("types", "cs-to-sales")
    assert one.code == 0 and one.out.startswith("cs-to-sales:") and "sdr-to-ae:" not in one.out
    assert cli("types", "nope").code == 2


def test_a_misspelt_heading_gets_did_you_mean_on_its_line(
    cli: Callable[..., Run], handoff: Callable[..., Path]
) -> None:
    front = complete_text("sdr-to-ae").split("\n---\n", 1)[0] + "\n---\n"
    text = front + "\n## Acton Itmes\n\nSomething here.\n"
    handoff("sdr-to-ae", text)
    result = cli("lint", "--no-cache")
    line = 1 + text.splitlines().index("## Acton Itmes")
    assert f":{line}:1: HO302 Action Items is missing: did you mean “Acton Itmes”" in result.out
