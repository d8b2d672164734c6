"""Shared fixtures: real handoff files written into tmp_path, and the CLI run in-process."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from handoff_lint.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
COMPLETE = FIXTURES / "complete"
REPO = Path(__file__).parent.parent
TYPES = sorted(p.stem for p in COMPLETE.glob("*.md"))


def complete_text(slug: str) -> str:
    return (COMPLETE / f"{slug}.md").read_text(encoding="utf-8")


def drop_section(text: str, heading: str) -> str:
    """The text without the section under `heading` (down to the next heading)."""
    pattern = rf"^#+ {re.escape(heading)}[^\n]*\n(?:(?!#).*\n?)*"
    result, count = re.subn(pattern, "", text, flags=re.MULTILINE)
    assert count == 1, f"no section {heading!r}"
    return result


def replace_section(text: str, heading: str, body: str) -> str:
    pattern = rf"(^#+ {re.escape(heading)}[^\n]*\n)(?:(?!#).*\n?)*"
    result, count = re.subn(
        pattern, lambda m: m.group(1) + body.rstrip("\n") + "\n\n", text, flags=re.MULTILINE
    )
    assert count == 1, f"no section {heading!r}"
    return result


class Run:
    """The CLI's exit status and output."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Callable[..., Run]:
    """Run `handoff ARGS` in-process from tmp_path (or `cwd`)."""

    def run(*args: str, cwd: Path | None = None) -> Run:
        monkeypatch.chdir(cwd or tmp_path)
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def handoff(tmp_path: Path) -> Callable[..., Path]:
    """Write a handoff file under tmp_path/handoffs/<type>/ and return its path."""

    def write(
        slug: str, text: str | None = None, name: str = "example.md", folder: str | None = None
    ) -> Path:
        path = tmp_path / "handoffs" / (folder or slug) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(complete_text(slug) if text is None else text, encoding="utf-8")
        return path

    return write
