"""Releases: the version has a changelog entry, and another repository adopts the hook exactly
as the README says, from the release commit the README pins."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import REPO, complete_text, drop_section
from handoff_lint import __version__

README = (REPO / "README.md").read_text(encoding="utf-8")
VERSION = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]


def snippet() -> dict[str, object]:
    """The `.pre-commit-config.yaml` the README tells another repository to write."""
    section = README[README.index("### In another repository") :]
    block = section[section.index("```yaml") + len("```yaml") : section.index("```\n", 8)]
    config: dict[str, object] = yaml.safe_load(block)
    return config


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_version_has_a_changelog_entry() -> None:
    assert __version__ == VERSION
    assert re.search(
        rf"^## {re.escape(VERSION)} \(\d{{4}}-\d{{2}}-\d{{2}}\)$",
        (REPO / "CHANGELOG.md").read_text(),
        re.M,
    )


def test_the_readme_pins_a_release_commit_that_carries_its_version() -> None:
    [repo] = snippet()["repos"]  # type: ignore[misc]
    rev = repo["rev"]
    assert re.fullmatch(r"[0-9a-f]{40}", rev), "pin the release commit's full SHA"
    said = re.search(rf"rev: {rev}\s+# v(\S+)", README)
    assert said, "say which version the pinned commit is"
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    released = tomllib.loads(git(REPO, "show", f"{rev}:pyproject.toml"))["project"]["version"]
    assert released == said.group(1)
    assert f"## {released} (" in (REPO / "CHANGELOG.md").read_text()
    # The CI snippet for other repositories installs the same release.
    assert f"handoff-lint@{rev}" in (REPO / "docs" / "ci.md").read_text()


@pytest.mark.skipif(not (REPO / ".git").exists(), reason="needs this checkout's history")
def test_another_repository_adopts_the_hook_as_the_readme_says(tmp_path: Path) -> None:
    config = snippet()
    [repo] = config["repos"]  # type: ignore[misc]
    repo["repo"] = str(REPO)  # the README's URL, served from this checkout
    adopter = tmp_path / "adopter"
    (adopter / "handoffs" / "sales-to-cs").mkdir(parents=True)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Rep",
        "GIT_AUTHOR_EMAIL": "rep@example.invalid",
        "GIT_COMMITTER_NAME": "Rep",
        "GIT_COMMITTER_EMAIL": "rep@example.invalid",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
    }
    run = lambda *args: subprocess.run(  # noqa: E731
        args, cwd=adopter, env=env, capture_output=True, text=True, check=False
    )
    run("git", "init", "-q", "-b", "main")
    (adopter / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    assert run(sys.executable, "-m", "pre_commit", "install").returncode == 0
    handoff = adopter / "handoffs" / "sales-to-cs" / "acme.md"
    weak = complete_text("sales-to-cs")
    for heading in ("Risk Flags", "Technical Context", "Customer Expectations", "Action Items"):
        weak = drop_section(weak, heading)
    handoff.write_text(weak, encoding="utf-8")
    run("git", "add", "-A")
    refused = run("git", "commit", "-q", "-m", "weak handoff")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0 and "BLOCKED" in output, output
    assert "pre-commit run handoff-lint --files handoffs/sales-to-cs/acme.md" in output
    handoff.write_text(complete_text("sales-to-cs"), encoding="utf-8")
    run("git", "add", "-A")
    accepted = run("git", "commit", "-q", "-m", "complete handoff")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
