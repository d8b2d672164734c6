"""Packaging: a wheel carries schemas, rubric and templates built from their one source."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO, complete_text


def test_wheel_ships_the_data_and_runs_from_it(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = (tmp_path / "dist").glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    schemas = sorted(p.name for p in (REPO / "schemas").glob("*.json"))
    assert {f"handoff_lint/schemas/{name}" for name in schemas} <= names
    assert "handoff_lint/data/rubric.yaml" in names
    assert "handoff_lint/templates/sales-to-cs.md" in names
    for name in schemas:  # the copies are the source, byte for byte
        copy = tmp_path / "site" / "handoff_lint" / "schemas" / name
        assert copy.read_bytes() == (REPO / "schemas" / name).read_bytes()

    handoff = tmp_path / "a.md"
    handoff.write_text(complete_text("sales-to-cs"), encoding="utf-8")
    code = (
        "import sys; from handoff_lint import resources; print(resources.schemas_dir()); "
        "from handoff_lint.cli import main; sys.exit(main(['lint', sys.argv[1]]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(handoff)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == str(tmp_path / "site" / "handoff_lint" / "schemas")
    assert "100/100 passed" in result.stdout
