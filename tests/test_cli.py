"""The `handoff` command end to end on real files: exit codes, output shapes, subcommands."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, Run, complete_text, drop_section

CATEGORY_IDS = [
    "customer-context",
    "expectations",
    "risk-flags",
    "technical-requirements",
    "relationship-context",
    "action-items",
]


def blocked_text() -> str:
    text = complete_text("sales-to-cs")
    for heading in (
        "Risk Flags",
        "Technical Context",
        "Customer Expectations",
        "Success Criteria (Agreed with Customer)",
    ):
        text = drop_section(text, heading)
    return text


def test_json_shape(cli: Callable[..., Run], handoff: Callable[..., Path]) -> None:
    handoff("sales-to-cs")
    handoff("sales-to-cs", blocked_text(), name="weak.md")
    result = cli("lint", "--format", "json")
    assert result.code == 1
    data = result.json()
    assert [f["path"] for f in data["files"]] == [
        "handoffs/sales-to-cs/example.md",
        "handoffs/sales-to-cs/weak.md",
    ]
    good, weak = data["files"]
    assert good["passed"] is True and weak["passed"] is False
    assert isinstance(weak["score"], float) and weak["score"] < 70
    assert [c["id"] for c in good["categories"]] == CATEGORY_IDS
    for c in good["categories"]:
        assert set(c) >= {"id", "weight", "earned", "level", "reasons"}
        assert c["level"] in ("complete", "partial", "missing", "n/a")
    for d in weak["diagnostics"]:
        assert set(d) >= {"code", "name", "severity", "line", "column", "message"}
        assert d["severity"] in ("error", "warning", "info")
        assert (d["line"] is None) == (d["column"] is None)
    assert data["summary"] == {
        "files": 2,
        "passed": 1,
        "blocked": 1,
        "errors": 1,
        "warnings": weak["diagnostics"].__len__() - 1,
        "threshold": 70.0,
    }


def test_text_output_like_a_linter(cli: Callable[..., Run], handoff: Callable[..., Path]) -> None:
    handoff("sales-to-cs", blocked_text(), name="weak.md")
    result = cli("lint")
    assert result.code == 1
    lines = result.out.splitlines()
    assert (
        "handoffs/sales-to-cs/weak.md: HO302 Risk Flags is missing: add a `## Risk Flags` "
        "section (also accepted: Risks)" in lines
    )
    assert any(line.startswith("handoffs/sales-to-cs/weak.md: 65/100 BLOCKED") for line in lines)
    assert any("Technical requirements" in line and "missing" in line for line in lines)
    assert "1 handoff checked: 0 passed, 1 blocked (threshold 70)" in result.out


def test_exit_codes(cli: Callable[..., Run], handoff: Callable[..., Path]) -> None:
    good = handoff("sales-to-cs")
    assert cli("lint").code == 0
    weak = handoff("sales-to-cs", blocked_text(), name="weak.md")
    assert cli("lint").code == 1
    missing = cli("lint", str(good), "nowhere.md", "--format", "json")
    assert missing.code == 2  # usage beats a pass, and the readable file is still reported
    assert [f["path"] for f in missing.json()["files"]] == [str(good).replace(os.sep, "/")]
    assert "nowhere.md: no such file or folder" in missing.err
    both = cli("lint", str(weak), "nowhere.md")
    assert both.code == 2 and "BLOCKED" in both.out  # 2 wins over 1
    empty = Path(good.parent.parent.parent / "empty")
    empty.mkdir()
    result = cli("lint", "empty")
    assert result.code == 2 and "no handoff files here" in result.err


def test_folder_discovery_skips_index_readme_and_non_type_folders(
    cli: Callable[..., Run], handoff: Callable[..., Path], tmp_path: Path
) -> None:
    handoff("sdr-to-ae")
    handoff("sdr-to-ae", "# not a handoff", name="index.md")
    handoff("sdr-to-ae", "# not a handoff", name="README.md")
    handoff("sdr-to-ae", "# not a handoff", folder="archive")
    (tmp_path / "handoffs" / "notes.md").write_text("# notes\n")
    result = cli("lint", "--format", "json")
    assert [f["path"] for f in result.json()["files"]] == ["handoffs/sdr-to-ae/example.md"]
    named = cli("lint", "handoffs/sdr-to-ae/README.md")  # a file named explicitly is linted
    assert named.code == 1 and "HO102" in named.out


def test_type_folder_mismatch(cli: Callable[..., Run], handoff: Callable[..., Path]) -> None:
    handoff("sdr-to-ae", folder="sales-to-cs")
    result = cli("lint", "--format", "json")
    [file] = result.json()["files"]
    [mismatch] = [d for d in file["diagnostics"] if d["code"] == "HO107"]
    assert mismatch["line"] == 2 and "move it to sdr-to-ae/" in mismatch["message"]
    handoff("sdr-to-ae", folder="elsewhere")
    assert cli("lint", "handoffs/elsewhere/example.md").code == 0  # judged by its type alone


def test_unknown_type_is_unscored(cli: Callable[..., Run], handoff: Callable[..., Path]) -> None:
    text = complete_text("sdr-to-ae").replace("type: sdr-to-ae", "type: sdr-to-cs")
    handoff("sdr-to-ae", text)
    [file] = cli("lint", "--format", "json").json()["files"]
    assert file["score"] is None and file["type"] is None and not file["passed"]
    assert [(d["code"], d["line"]) for d in file["diagnostics"]] == [("HO106", 2)]


def test_allow_drafts(cli: Callable[..., Run], handoff: Callable[..., Path]) -> None:
    draft = blocked_text().replace("status: ready", "status: draft")
    handoff("sales-to-cs", draft)
    assert cli("lint").code == 1  # drafts are blocked by default
    allowed = cli("lint", "--allow-drafts", "--format", "json")
    assert allowed.code == 0
    [file] = allowed.json()["files"]
    assert "HO304" in [d["code"] for d in file["diagnostics"]]
    broken = draft.replace("status: draft", "status: draft\nstauts: x")
    handoff("sales-to-cs", broken)
    assert cli("lint", "--allow-drafts").code == 1  # schema errors still block


def test_score_shows_every_section(cli: Callable[..., Run], handoff: Callable[..., Path]) -> None:
    path = handoff("sales-to-cs", blocked_text())
    result = cli("score", str(path))
    assert result.code == 1
    assert "Risk Flags is missing" in result.out
    assert "✓ Internal Champion" in result.out
    assert "(not scored) Expansion Opportunity: present" in result.out


def test_new_fills_frontmatter_and_never_overwrites(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    args = (
        "new",
        "sales-to-cs",
        "--company",
        "Müller Präzisionstechnik GmbH",
        "--date",
        "2026-11-24",
        "--from-name",
        "Ana Ruiz",
        "--from-role",
        "AE",
        "--to-name",
        "Ben Cole",
        "--to-role",
        "CSM",
    )
    assert cli(*args).code == 0
    path = tmp_path / "handoffs/sales-to-cs/2026-11-24-muller-prazisionstechnik-gmbh.md"
    text = path.read_text(encoding="utf-8")
    assert "account: muller-prazisionstechnik-gmbh" in text
    assert "# Customer Handoff: Müller Präzisionstechnik GmbH" in text
    path.write_text(text + "\nmy notes\n", encoding="utf-8")
    again = cli(*args)
    assert again.code == 2 and "already exists" in again.err
    assert path.read_text(encoding="utf-8").endswith("my notes\n")
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary left behind
    lint = cli("lint", "--format", "json")
    [file] = lint.json()["files"]
    assert file["score"] == 0.0  # the untouched template
    missing = {d["message"].split("`")[1] for d in file["diagnostics"] if d["code"] == "HO201"}
    assert missing == {"deal.size", "deal.currency", "contract_start", "term_months"}


def test_new_rejects_unknown_type_and_bad_date(cli: Callable[..., Run]) -> None:
    assert cli("new", "sales-to-xx", "--company", "A").code == 2
    assert cli("new", "sdr-to-ae", "--company", "A", "--date", "24/11/2026").code == 2


def test_types_and_rule(cli: Callable[..., Run]) -> None:
    types = cli("types")
    assert types.code == 0
    assert "sdr-to-ae: SDR → AE" in types.out
    assert "Technical requirements (15): not applicable" in types.out
    assert "Success Criteria: at least 3 items, each with a number, %, or date" in types.out
    rule = cli("rule", "HO301")
    assert rule.code == 0 and "## Why it matters" in rule.out and "## How to fix it" in rule.out
    assert cli("rule", "HO999").code == 2
    assert "HO105  duplicate-field" in cli("rule", "--all").out


def test_settings_are_found_walking_up(
    cli: Callable[..., Run], handoff: Callable[..., Path], tmp_path: Path
) -> None:
    handoff("sales-to-cs", drop_section(complete_text("sales-to-cs"), "Risk Flags"))  # 92.5
    (tmp_path / "handoff.toml").write_text("threshold = 95\n")
    deep = tmp_path / "some" / "where"
    deep.mkdir(parents=True)
    result = cli("lint", str(tmp_path / "handoffs"), cwd=deep)
    assert result.code == 1 and "threshold 95" in result.out


def test_handoffs_folder_setting(cli: Callable[..., Run], tmp_path: Path) -> None:
    folder = tmp_path / "docs" / "gtm" / "sdr-to-ae"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text(complete_text("sdr-to-ae"))
    (tmp_path / "pyproject.toml").write_text('[tool.handoff]\nhandoffs = "docs/gtm"\n')
    result = cli("lint", "--format", "json")
    assert [f["path"] for f in result.json()["files"]] == ["docs/gtm/sdr-to-ae/a.md"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("threshold = 'high'\n", "threshold must be a number"),
        ("thresold = 80\n", "unknown setting thresold"),
        ('rubric = "missing.yaml"\n', "does not exist"),
        ("threshold = [\n", "cannot read the settings"),
    ],
)
def test_bad_settings_exit_2(
    cli: Callable[..., Run], handoff: Callable[..., Path], tmp_path: Path, content: str, words: str
) -> None:
    handoff("sdr-to-ae")
    (tmp_path / "handoff.toml").write_text(content)
    result = cli("lint")
    assert result.code == 2 and words in result.err and "Traceback" not in result.err


def test_bad_rubric_exits_2(
    cli: Callable[..., Run], handoff: Callable[..., Path], tmp_path: Path
) -> None:
    handoff("sdr-to-ae")
    (tmp_path / "rubric.yaml").write_text("version: 1\nthreshold: 170\n")
    (tmp_path / "handoff.toml").write_text('rubric = "rubric.yaml"\n')
    result = cli("lint")
    assert result.code == 2 and "does not match its schema" in result.err


def test_console_script_from_any_folder(tmp_path: Path) -> None:
    """The installed `handoff` works outside the checkout, on the packaged rubric and schemas."""
    target = tmp_path / "elsewhere.md"
    target.write_text(complete_text("ae-to-se"), encoding="utf-8")
    script = Path(sys.executable).with_name("handoff")
    result = subprocess.run(
        [str(script), "lint", str(target)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "100/100 passed" in result.stdout
    assert REPO.resolve() not in tmp_path.resolve().parents
