"""The other handoffs of the accounts a run lints, found by a glance at their frontmatter.

Under `--changed-since` only the changed handoffs are linted; their accounts' other handoffs
are read as context, so a new implementation handoff is compared with the sales handoff
already on the base branch. Only each file's `account:` and `company:` lines are looked at
here; the files of those accounts are then linted (through the cache) like any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from handoff_lint import discovery, reading
from handoff_lint.project import Workspace
from handoff_lint.results import FileResult
from handoff_lint.text import decode, slugify

_ACCOUNT = re.compile(r"^account:[ \t]*['\"]?([^'\"\s#]+)", re.MULTILINE)
_COMPANY = re.compile(r"^company:[ \t]*['\"]?(.*?)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)
_HEAD = 64 * 1024  # a frontmatter is at most this long (document.MAX_FRONTMATTER)


def of(results: Iterable[FileResult], scope: Sequence[str], workspace: Workspace) -> list[str]:
    """Handoffs under `scope` of the same accounts as `results`, not among them."""
    done = {Path(r.path).resolve() for r in results}
    accounts = {a for r in results if isinstance(a := r.frontmatter.get("account"), str)}
    if not accounts:
        return []
    found, _ = discovery.discover(scope, workspace)
    return [
        shown for shown, path in found if path.resolve() not in done and account(path) in accounts
    ]


def account(path: Path) -> str | None:
    """The file's account as the linter reads it (`account`, else from `company`)."""
    raw = reading.read(path)
    if not isinstance(raw, bytes):
        return None
    try:
        text = decode(raw[:_HEAD])
    except UnicodeDecodeError:
        return None
    head = text.split("\n---", 2)[0] if text.startswith("---") else ""
    match = _ACCOUNT.search(head)
    if match:
        return match[1]
    company = _COMPANY.search(head)
    return slugify(company[1]) if company and company[1] else None
