"""The Project: settings, rubric, schemas and templates loaded afresh for every run."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, Run
from handoff_lint import project, resources
from handoff_lint.gate import Options
from handoff_lint.project import Workspace
from handoff_lint.run import lint


def test_an_edited_schema_is_seen_by_the_next_run_in_the_same_process(
    cli: Callable[..., Run], handoff: Callable[..., Path], tmp_path: Path
) -> None:
    # `mkdocs serve` and an editor server run many lints in one process.
    schemas = tmp_path / "schemas"
    shutil.copytree(REPO / "schemas", schemas)
    (tmp_path / "handoff.toml").write_text('schemas = "schemas"\n')
    handoff("sales-to-cs")
    assert cli("lint", "--no-cache").code == 0
    path = schemas / "sales-to-cs.schema.json"
    custom = json.loads(path.read_text())
    custom["required"].append("renewal_owner")
    path.write_text(json.dumps(custom))
    second = cli("lint", "--no-cache")
    assert second.code == 1 and "`renewal_owner`" in second.out


def test_an_edited_rubric_and_template_are_seen_by_a_new_workspace(
    handoff: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text(resources.data_file("rubric.yaml").read_text())
    (tmp_path / "handoff.toml").write_text('rubric = "rubric.yaml"\nthreshold = 70\n')
    handoff("sales-to-cs")
    assert lint(["handoffs"], Options(), None, Workspace()).files[0].threshold == 70
    (tmp_path / "handoff.toml").write_text('rubric = "rubric.yaml"\nthreshold = 90\n')
    assert lint(["handoffs"], Options(), None, Workspace()).files[0].threshold == 90


def test_the_nearest_settings_file_wins_per_handoff(tmp_path: Path) -> None:
    inner = tmp_path / "team"
    inner.mkdir()
    (tmp_path / "handoff.toml").write_text("threshold = 60\n")
    (inner / "handoff.toml").write_text("threshold = 80\n")
    workspace = Workspace()
    assert workspace.project_for(tmp_path).threshold == 60
    assert workspace.project_for(inner).threshold == 80
    assert workspace.project_for(inner / "deeper") is workspace.project_for(inner)


def test_command_line_threshold_beats_settings_and_rubric(tmp_path: Path) -> None:
    from handoff_lint.gate import threshold

    (tmp_path / "handoff.toml").write_text("threshold = 60\n")
    here = project.load(tmp_path)
    assert threshold(here, Options()) == 60
    assert threshold(here, Options(threshold=85)) == 85
    assert threshold(project.load(Path("/")), Options()) == here.rubric.threshold == 70


@pytest.fixture
def edited_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the packaged data and templates, as a checkout whose rubric was edited."""
    package = tmp_path / "package"
    for folder in ("data", "templates"):
        shutil.copytree(resources.data_file("rubric.yaml").parent.parent / folder, package / folder)
    monkeypatch.setattr(resources, "_PACKAGE", package)
    return package / "data" / "rubric.yaml"


@pytest.mark.parametrize("command", [["lint"], ["types"], ["score", "handoffs/sdr-to-ae/x.md"]])
def test_an_unknown_criterion_kind_is_a_configuration_error(
    cli: Callable[..., Run],
    handoff: Callable[..., Path],
    edited_package: Path,
    command: list[str],
) -> None:
    text = edited_package.read_text().replace("kind: prose, min_words: 15", "kind: vibes", 1)
    edited_package.write_text(text)
    handoff("sdr-to-ae", name="x.md")
    result = cli(*command)
    assert result.code == 2
    assert "unknown kind 'vibes'" in result.err and "Why They Took the Meeting" in result.err
    assert "Traceback" not in result.out + result.err


def test_cached_results_are_keyed_by_the_code_not_only_its_version(tmp_path: Path) -> None:
    import os
    import shutil

    from handoff_lint import resources

    package = tmp_path / "handoff_lint"
    shutil.copytree(Path(resources.__file__).parent, package)
    identity = resources.code_identity.__wrapped__
    before = identity(package)
    assert identity(package) == before
    scoring = package / "scoring.py"
    scoring.write_text(scoring.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert identity(package) != before  # same version number, other code: other results
    edited = identity(package)
    (package / "data" / "rubric.yaml").write_text("not code\n", encoding="utf-8")
    assert identity(package) == edited  # data is in the fingerprint by content, not here
    os.utime(scoring, ns=(1, 1))
    assert identity(package) != edited
