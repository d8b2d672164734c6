"""Reporters: pure functions from a Report to text, one per output format."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from handoff_lint.results import Report

# Format name -> "module:function"; only the chosen format's module is imported.
FORMATS = {
    "text": "terminal:render_text",
    "json": "machine:render_json",
    "github": "github:render_github",
    "markdown": "github:render_markdown",
    "sarif": "machine:render_sarif",
    "junit": "machine:render_junit",
    "gitlab": "machine:render_gitlab",
    "chain": "chain:render_chain",
}


def reporter(name: str) -> Callable[[Report], str]:
    module, function = FORMATS[name].split(":")
    render: Callable[[Report], str] = getattr(
        import_module(f"handoff_lint.reporters.{module}"), function
    )
    return render
