"""Reporters: pure functions from a Report to text, one per output format."""

from __future__ import annotations

from collections.abc import Callable

from handoff_lint.reporters.github import render_github, render_markdown
from handoff_lint.reporters.machine import render_gitlab, render_json, render_junit, render_sarif
from handoff_lint.reporters.terminal import render_text
from handoff_lint.results import Report

REPORTERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "markdown": render_markdown,
    "sarif": render_sarif,
    "junit": render_junit,
    "gitlab": render_gitlab,
}
