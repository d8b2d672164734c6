"""Context checks run on every result, cached or not, and their findings are never cached."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

from conftest import Run
from handoff_lint import context
from handoff_lint.results import Diagnostic, FileResult

CALLS: list[int] = []


def probe(results: Sequence[FileResult], ctx: context.Context) -> Mapping[str, list[Diagnostic]]:
    CALLS.append(len(results))
    first = sorted(r.path for r in results)[0]
    message = f"seen with {len(results)} handoffs"
    return {first: [Diagnostic("HO999", "probe", "warning", message, 1)]}


def test_a_context_check_sees_every_result_even_from_the_cache(
    cli: Callable[..., Run],
    handoff: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setitem(context.CHECKS, "probe", f"{__name__}:probe")
    handoff("sales-to-cs", name="a.md")
    handoff("sales-to-cs", name="b.md")
    cache = str(tmp_path / "cache")
    CALLS.clear()
    first = cli("lint", "--format", "json", "--cache-dir", cache, "handoffs")
    handoff("sales-to-cs", name="c.md")  # a and b now come from the cache
    second = cli("lint", "--format", "json", "--cache-dir", cache, "handoffs")
    assert CALLS == [2, 3]
    found = {f["path"]: [d["message"] for d in f["diagnostics"]] for f in second.json()["files"]}
    assert found[str(Path("handoffs/sales-to-cs/a.md"))] == ["seen with 3 handoffs"]
    assert "seen with 2 handoffs" not in second.out and "seen with 2 handoffs" in first.out
