"""Promises along the chain: planted drifts are found on the right lines, consistent chains
are quiet, and the findings reach every place a user sees them (lint, chain, CI)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, Run

CHAINS = Path(__file__).parent / "chains"
CASES = sorted(p.name for p in CHAINS.iterdir() if (p / "expected.txt").is_file())


def drift_found(run: Run, folder: Path) -> list[str]:
    """Each chain finding as `CODE SEVERITY FILE :: the line it points at`."""
    found = []
    for result in run.json()["files"]:
        lines = (folder / result["path"]).read_text(encoding="utf-8").split("\n")
        for d in result["diagnostics"]:
            if d["code"].startswith("HO5"):
                at = lines[d["line"] - 1]
                found.append(
                    f"{d['code']} {d['severity']} {Path(result['path']).as_posix()} :: {at}"
                )
    return sorted(found)


def test_the_fixture_set_is_big_enough() -> None:
    planted = [c for c in CASES if (CHAINS / c / "expected.txt").read_text().strip()]
    consistent = [c for c in CASES if c not in planted]
    assert len(planted) >= 20 and len(consistent) >= 10
    codes = {line.split()[0] for c in planted for line in (CHAINS / c / "expected.txt").open()}
    assert codes == {f"HO50{n}" for n in range(1, 9)}


@pytest.mark.parametrize("case", CASES)
def test_every_planted_drift_is_found_on_its_line_and_nothing_else(
    case: str, cli: Callable[..., Run], tmp_path: Path
) -> None:
    folder = tmp_path / case
    shutil.copytree(CHAINS / case, folder)
    run = cli("lint", "--no-cache", "--format", "json", ".", cwd=folder)
    found = drift_found(run, folder)
    expected = sorted((folder / "expected.txt").read_text(encoding="utf-8").splitlines())
    assert len(found) == len(expected), found
    for got, want in zip(found, expected, strict=True):
        where, text = want.split(" :: ")
        assert got.startswith(f"{where} :: ") and text in got.split(" :: ", 1)[1], (got, want)


def test_a_drift_names_the_earlier_handoff_and_what_to_do(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    folder = tmp_path / "case"
    shutil.copytree(CHAINS / "golive-iso", folder)
    run = cli("lint", "--no-cache", "--threshold", "0", ".", cwd=folder)
    assert run.code == 0  # a warning never blocks by default (the score is not at stake here)
    assert (
        "sales-to-implementation/impl.md:28:1: HO503 Go-live moved from 14 Sep 2026 in the "
        "Sales → CS handoff (sales-to-cs/handoff.md, line 44) to 30 Oct 2026: say why with a "
        "`Changed since sales:` line, or fix the date"
    ) in run.out


def test_chain_error_in_the_settings_blocks_and_off_silences(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    folder = tmp_path / "case"
    shutil.copytree(CHAINS / "golive-iso", folder)
    (folder / "handoff.toml").write_text('chain = "error"\n', encoding="utf-8")
    blocked = cli("lint", "--no-cache", "--threshold", "0", ".", cwd=folder)
    assert blocked.code == 1 and "HO503" in blocked.out and "1 error" in blocked.out
    (folder / "handoff.toml").write_text('chain = "off"\n', encoding="utf-8")
    assert "HO503" not in cli("lint", "--no-cache", ".", cwd=folder).out
    (folder / "handoff.toml").write_text('chain = "loud"\n', encoding="utf-8")
    bad = cli("lint", "--no-cache", ".", cwd=folder)
    assert bad.code == 2 and "chain must be one of 'warning', 'error', 'off'" in bad.err


def test_an_acknowledged_drift_stays_info_even_when_chain_is_an_error(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    folder = tmp_path / "case"
    shutil.copytree(CHAINS / "golive-ack-front", folder)
    (folder / "handoff.toml").write_text('chain = "error"\n', encoding="utf-8")
    run = cli("lint", "--no-cache", "--threshold", "0", "--format", "json", ".", cwd=folder)
    assert run.code == 0
    [finding] = [d for f in run.json()["files"] for d in f["diagnostics"] if d["code"] == "HO503"]
    assert finding["severity"] == "info"
    assert finding["message"].endswith("acknowledged: “ERP upgrade moved to September”")
    assert not [d for f in run.json()["files"] for d in f["diagnostics"] if d["code"] == "HO201"]


def test_drift_follows_an_edit_of_the_earlier_handoff_through_the_cache(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    folder = tmp_path / "case"
    shutil.copytree(CHAINS / "ok-alder", folder)
    cache = str(tmp_path / "cache")
    assert "HO503" not in cli("lint", "--cache-dir", cache, ".", cwd=folder).out
    sales = folder / "sales-to-cs" / "handoff.md"
    sales.write_text(
        sales.read_text().replace("| Go-live | 2026-09-14 |", "| Go-live | 2026-08-31 |")
    )
    # The implementation handoff did not change and comes from the cache; its drift is new.
    run = cli("lint", "--cache-dir", cache, ".", cwd=folder)
    assert "impl.md:28:1: HO503 Go-live moved from 31 Aug 2026" in run.out


def test_handoff_chain_prints_the_steps_the_promises_and_the_drift(
    cli: Callable[..., Run],
) -> None:
    run = cli("chain", "brunnerwerk-prazisionsteile-gmbh", cwd=REPO)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert (
        lines[0]
        == "Brünnerwerk Präzisionsteile GmbH (brunnerwerk-prazisionsteile-gmbh): 4 handoffs"
    )
    assert "  3. 2026-07-06  Sales → Implementation" in run.out
    [golive] = [line for line in lines if line.startswith("  milestone: go-live")]
    assert golive.split()[-5:] == ["12", "Oct", "2026", "19", "Oct"] or "19 Oct 2026 ✓" in golive
    assert "Drift: 0 open, 1 acknowledged" in run.out
    by_company = cli("chain", "Kestrel Ridge Logistics", cwd=REPO)
    assert "No drift: every promise holds along the chain." in by_company.out
    unknown = cli("chain", "nobody-at-all", cwd=REPO)
    assert unknown.code == 2 and "known accounts: brunnerwerk" in unknown.err


def test_the_shipped_examples_have_no_open_drift(cli: Callable[..., Run]) -> None:
    run = cli("lint", "--no-cache", "--format", "json", "handoffs", cwd=REPO)
    drift = [
        (f["path"], d["severity"])
        for f in run.json()["files"]
        for d in f["diagnostics"]
        if d["code"].startswith("HO5")
    ]
    assert drift == [
        (str(Path("handoffs/sales-to-cs/2026-07-08-brunnerwerk-prazisionsteile-gmbh.md")), "info")
    ]


def test_every_chain_rule_is_explained(cli: Callable[..., Run]) -> None:
    for n in range(1, 9):
        run = cli("rule", f"HO50{n}")
        assert run.code == 0 and "## Why it matters" in run.out and "## How to fix it" in run.out


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=folder, check=True, capture_output=True, text=True
    ).stdout


def test_a_pull_request_adding_a_moved_go_live_gets_the_annotation(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    source = CHAINS / "golive-iso"
    for slug in ("ae-to-se", "sales-to-cs"):
        (repo / "handoffs" / slug).mkdir(parents=True)
        shutil.copy(source / slug / "handoff.md", repo / "handoffs" / slug / "handoff.md")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "add", ".")
    _git(repo, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-qm", "sales")
    _git(repo, "checkout", "-q", "-b", "implementation")
    (repo / "handoffs" / "sales-to-implementation").mkdir()
    shutil.copy(source / "sales-to-implementation" / "impl.md",
                repo / "handoffs" / "sales-to-implementation" / "impl.md")  # fmt: skip
    _git(repo, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "add", ".")
    _git(repo, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-qm", "impl")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run = cli(
        "lint",
        "--format",
        "github",
        "--changed-since",
        "main",
        "--no-cache",
        "--threshold",
        "0",
        cwd=repo,
    )
    assert run.code == 0
    annotations = [line for line in run.out.splitlines() if line.startswith("::warning")]
    [drift] = [a for a in annotations if "HO503" in a]
    assert "file=handoffs/sales-to-implementation/impl.md,line=28" in drift
    assert "handoffs/sales-to-cs/handoff.md, line 44" in drift
    # Only the changed handoff is reported; the sales handoff was read as context.
    assert "handoffs/sales-to-cs/handoff.md:" not in run.out.replace(", line 44", "")
    assert "HO503" in summary.read_text(encoding="utf-8")


def test_the_chain_table_is_a_pure_function_of_the_results(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from handoff_lint.chain import tables
    from handoff_lint.drift import findings
    from handoff_lint.run import lint

    folder = tmp_path / "case"
    shutil.copytree(CHAINS / "golive-words", folder)
    monkeypatch.chdir(folder)
    [chain] = tables(lint(["."]).files)
    assert [s.label for s in chain.steps] == [
        "AE → SE", "Sales → CS", "Sales → Implementation", "CS → Sales"
    ]  # fmt: skip
    golive = next(r for r in chain.rows if r.kind == "milestone" and r.label == "go-live")
    assert {n: v.shown for n, v in golive.values.items()} == {1: "14 Sep 2026", 2: "31 Jan 2027"}
    [drift] = findings(chain)
    assert drift.code == "HO503" and drift.row is golive and drift.acknowledged is None
