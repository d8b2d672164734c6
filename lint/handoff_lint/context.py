"""Checks that read more than one handoff, git history or today's date: run after the cache.

Their findings are never cached with a file's result: an unchanged handoff can still drift
from a sibling that changed, or go stale as days pass. Each check is a function from every
result of the run (and the run's context) to extra diagnostics by file path; `CHECKS` names
them by module, so that a run imports only the ones it needs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from handoff_lint.gate import Options
from handoff_lint.project import Workspace
from handoff_lint.results import Diagnostic, FileResult


@dataclass(frozen=True)
class Context:
    """What a context check may read besides the results: settings, options, other files."""

    workspace: Workspace
    options: Options
    # Results of handoffs read only as context (an account's other handoffs under
    # --changed-since): checked against, never reported.
    others: tuple[FileResult, ...] = field(default=())


Check = Callable[[Sequence[FileResult], Context], Mapping[str, Sequence[Diagnostic]]]

# name -> "module:function"; imported when a run applies it.
CHECKS: dict[str, str] = {"chain": "handoff_lint.drift:check"}


def apply(results: Sequence[FileResult], context: Context) -> tuple[FileResult, ...]:
    """`results` with every context check's findings added to the files they are about."""
    extra: dict[str, list[Diagnostic]] = {}
    for target in CHECKS.values():
        module, _, name = target.partition(":")
        check: Check = getattr(importlib.import_module(module), name)
        for path, found in check(results, context).items():
            extra.setdefault(path, []).extend(found)
    return tuple(
        replace(r, diagnostics=(*r.diagnostics, *extra[r.path])) if r.path in extra else r
        for r in results
    )
