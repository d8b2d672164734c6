"""Measure the chain check: precision and recall on tests/chains, and its cost on 10,000 handoffs.

    .venv/bin/python benchmarks/chain.py [--quick] [--runs 3]

Precision and recall count findings (code, file and line) against each case's
`expected.txt`. The cost compares one in-process lint of generated handoffs, grouped five to an
account (one of each type), with chain checks on and off; "off" is the linter without this
feature: no facts read per file and no check across files. Runs alternate on and off, so
both see the same machine; the ratio of the medians is the figure (target: at most 1.15).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate
from handoff_lint import context, promises
from handoff_lint.gate import Options
from handoff_lint.project import Workspace
from handoff_lint.run import lint

REPO = Path(__file__).resolve().parent.parent
CHAINS = REPO / "tests" / "chains"


def fixture_scores() -> tuple[int, int, int]:
    """(found and expected, found but not expected, expected but not found) over every case."""
    import os

    hits = false_alarms = misses = 0
    here = Path.cwd()
    for case in sorted(p for p in CHAINS.iterdir() if (p / "expected.txt").is_file()):
        os.chdir(case)  # paths in findings are shown relative to the current folder
        try:
            report = lint(["."], Options(threshold=0), None, Workspace())
        finally:
            os.chdir(here)
        found = []
        for result in report.files:
            lines = (case / result.path).read_text(encoding="utf-8").split("\n")
            for d in result.diagnostics:
                if d.code.startswith("HO5") and d.line:
                    found.append((d.code, Path(result.path).as_posix(), lines[d.line - 1]))
        expected = []
        for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
            where, text = line.split(" :: ")
            code, _, path = where.split()
            expected.append((code, path, text))
        for want in expected:
            match = next((f for f in found if f[:2] == want[:2] and want[2] in f[2]), None)
            if match is None:
                misses += 1
            else:
                hits += 1
                found.remove(match)
        false_alarms += len(found)
    return hits, false_alarms, misses


def accounts(folder: Path, size: int) -> None:
    """Give the generated handoffs accounts of `size` handoffs each, so there are chains."""
    for n, path in enumerate(sorted(folder.rglob("*.md"))):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^company: .*$", rf"\g<0>\naccount: account-{n // size}", text, count=1,
                      flags=re.MULTILINE)  # fmt: skip
        path.write_text(text, encoding="utf-8")


def timed(folder: Path, chain: bool) -> float:
    saved_extract, saved_checks = promises.extract, dict(context.CHECKS)
    if not chain:
        promises.extract = _no_facts  # type: ignore[assignment]
        context.CHECKS.clear()
    try:
        start = time.perf_counter()
        report = lint([str(folder)], Options(), None, Workspace())
        elapsed = time.perf_counter() - start
    finally:
        promises.extract = saved_extract  # type: ignore[assignment]
        context.CHECKS.update(saved_checks)
    assert len(report.files) > 0
    return elapsed


def _no_facts(*_: Any) -> dict[str, Any]:
    return {}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 handoffs instead of 10,000")
    parser.add_argument("--runs", type=int, default=3, help="runs of each (default 3)")
    args = parser.parse_args(argv)
    hits, false_alarms, misses = fixture_scores()
    precision = hits / (hits + false_alarms) if hits + false_alarms else 1.0
    recall = hits / (hits + misses) if hits + misses else 1.0
    print(f"fixture set: {hits} found, {false_alarms} false, {misses} missed: "
          f"precision {precision:.2f}, recall {recall:.2f}")  # fmt: skip
    size = 1000 if args.quick else 10_000
    with tempfile.TemporaryDirectory(prefix="handoff-chain-") as work:
        folder = Path(work) / "handoffs"
        generate(folder, size)
        accounts(folder, 5)
        timed(folder, True)  # warm the imports and the file system cache
        on, off = [], []
        for _ in range(args.runs):
            on.append(timed(folder, True))
            off.append(timed(folder, False))
    t_on, t_off = statistics.median(on), statistics.median(off)
    print(f"{size:,} handoffs, accounts of 5: chain checks on {t_on:.2f} s, off {t_off:.2f} s: "
          f"{t_on / t_off:.3f}× (target ≤ 1.15)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
