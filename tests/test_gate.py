"""The gate in a real git repository: --changed-since, and the pre-commit hook at `git commit`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import REPO, Run, complete_text, drop_section

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=check
    )


def weak_text() -> str:
    text = complete_text("sales-to-cs")
    for heading in ("Risk Flags", "Technical Context", "Customer Expectations"):
        text = drop_section(text, heading)
    return text


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    for slug in ("sdr-to-ae", "sales-to-cs", "ae-to-se"):
        path = tmp_path / "handoffs" / slug / "a.md"
        path.parent.mkdir(parents=True)
        path.write_text(complete_text(slug), encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def test_changed_since_lints_added_and_modified_only(cli: Callable[..., Run], repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "topic")
    (repo / "handoffs/sales-to-cs/a.md").write_text(weak_text(), encoding="utf-8")
    (repo / "handoffs/cs-to-sales").mkdir()
    (repo / "handoffs/cs-to-sales/new.md").write_text(complete_text("cs-to-sales"))
    (repo / "handoffs/sdr-to-ae/a.md").unlink()
    (repo / "handoffs/ae-to-se/index.md").write_text("# Index\n")
    (repo / "notes.md").write_text("# notes\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")
    result = cli("lint", "--changed-since", "main", "--format", "json")
    assert [f["path"] for f in result.json()["files"]] == [
        "handoffs/cs-to-sales/new.md",
        "handoffs/sales-to-cs/a.md",
    ]
    assert result.code == 1
    inside = cli("lint", "--changed-since", "main", "handoffs/cs-to-sales")
    assert inside.code == 0 and "1 handoff checked" in inside.out


def test_changed_since_from_a_subfolder_still_sees_the_change(
    cli: Callable[..., Run], repo: Path
) -> None:
    git(repo, "checkout", "-q", "-b", "topic")
    (repo / "handoffs/sales-to-cs/a.md").write_text(weak_text(), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "weaker")
    result = cli("lint", "--changed-since", "main", cwd=repo / "handoffs" / "ae-to-se")
    assert result.code == 1 and "../sales-to-cs/a.md" in result.out


@pytest.mark.parametrize("base", ["nosuchrev", "--output=OUT"])
def test_a_bad_base_revision_is_one_sentence_and_never_an_option(
    cli: Callable[..., Run], repo: Path, tmp_path: Path, base: str
) -> None:
    base = base.replace("OUT", str(tmp_path / "written"))
    result = cli("lint", f"--changed-since={base}")
    assert result.code == 2
    assert "no such commit or branch here" in result.err and "usage" not in result.err
    assert not (tmp_path / "written").exists()


def test_changed_since_with_no_handoff_changes(cli: Callable[..., Run], repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "docs")
    (repo / "README.md").write_text("# readme\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "docs")
    result = cli("lint", "--changed-since", "main")
    assert result.code == 0 and "No handoffs changed since main." in result.out
    as_json = cli("lint", "--changed-since", "main", "--format", "json")
    assert as_json.json()["files"] == [] and "No handoffs changed" in as_json.err


def test_deny_drafts(cli: Callable[..., Run], repo: Path) -> None:
    path = repo / "handoffs/sales-to-cs/a.md"
    path.write_text(complete_text("sales-to-cs").replace("status: ready", "status: draft"))
    assert cli("lint").code == 0
    result = cli("lint", "--deny-drafts")
    assert result.code == 1 and "HO305" in result.out


def snapshot_of_checkout(target: Path) -> str:
    """This checkout's working tree (uncommitted changes too) as a repository pre-commit can use."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "snapshot")
    return git(target, "rev-parse", "HEAD").stdout.strip()


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_blocks_a_weak_handoff_until_it_is_fixed(tmp_path: Path, repo: Path) -> None:
    hook_repo = tmp_path.parent / f"{tmp_path.name}-hook"
    hook_repo.mkdir()
    revision = snapshot_of_checkout(hook_repo)
    config = {
        "repos": [{"repo": str(hook_repo), "rev": revision, "hooks": [{"id": "handoff-lint"}]}]
    }
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path.parent / "pre-commit-home")}
    pre_commit = [sys.executable, "-m", "pre_commit"]
    subprocess.run([*pre_commit, "install"], cwd=repo, env=env, check=True, capture_output=True)
    git(repo, "add", ".pre-commit-config.yaml")

    handoff = repo / "handoffs/sales-to-cs/b.md"
    handoff.write_text(weak_text(), encoding="utf-8")
    git(repo, "add", "-A")
    refused = subprocess.run(
        ["git", "commit", "-m", "weak handoff"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "handoff lint" in output and "Failed" in output
    assert "handoffs/sales-to-cs/b.md: 65/100 BLOCKED" in output
    assert "Risk Flags is missing" in output
    assert "Technical requirements" in output  # the scorecard
    assert "handoffs/sales-to-cs/a.md" not in output  # only the staged handoff is linted
    # a command that works in the adopting repository, where `handoff` is not on the PATH
    assert "pre-commit run handoff-lint --files handoffs/sales-to-cs/b.md" in output
    assert "handoff score FILE" not in output
    assert git(repo, "log", "--oneline").stdout.count("\n") == 1

    handoff.write_text(complete_text("sales-to-cs"), encoding="utf-8")
    git(repo, "add", "-A")
    accepted = subprocess.run(
        ["git", "commit", "-m", "complete handoff"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "handoff lint" in accepted.stderr + accepted.stdout
    assert "Passed" in accepted.stderr + accepted.stdout


def test_published_hooks_are_documented_and_real() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    scripts = (REPO / "pyproject.toml").read_text()
    readme = (REPO / "README.md").read_text()
    for hook in hooks:
        command = hook["entry"].split()[0]
        assert f'{command} = "handoff_lint.cli:main"' in scripts
        assert f"id: {hook['id']}" in readme
    own = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    [local] = [r for r in own["repos"] if r["repo"] == "local"]
    assert local["hooks"][0]["id"] == "handoff-lint"
    assert own["minimum_pre_commit_version"] >= "4.4.0"


def test_step_summary_shows_the_change_since_the_base(
    cli: Callable[..., Run], repo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (repo / "handoffs/sales-to-cs/a.md").write_text(weak_text(), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "a weak handoff on main")
    git(repo, "checkout", "-q", "-b", "improve")
    (repo / "handoffs/sales-to-cs/a.md").write_text(complete_text("sales-to-cs"))
    partial = drop_section(complete_text("cs-to-sales"), "Risks")
    (repo / "handoffs/cs-to-sales").mkdir()
    (repo / "handoffs/cs-to-sales/b.md").write_text(partial, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "improve")
    summary = tmp_path.parent / f"{tmp_path.name}-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = cli("lint", "--changed-since", "main", "--format", "text")
    assert result.code == 0
    text = summary.read_text(encoding="utf-8")
    assert "| `handoffs/sales-to-cs/a.md` | sales-to-cs | 100 | 65 → 100 | passed | – |" in text
    assert (
        "| `handoffs/cs-to-sales/b.md` | cs-to-sales | 85 | new | passed | Risk flags "
        "(missing) |" in text
    )
