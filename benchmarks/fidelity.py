"""How closely the scorer agrees with sales leaders on the fidelity corpus.

    .venv/bin/python benchmarks/fidelity.py [--cases DIR] [--grades DIR] [--list]

Each case in tests/fidelity/cases/ was written by someone who never saw the scorer and graded
by two others, alone, as a sales leader (../shared/fidelity/GRADING.md). Only cases where both
graders gave the same verdict are kept there. This prints verdict agreement, false blocks (the
graders pass it, the scorer blocks it), false passes, and category-level agreement with each
grader, as a Markdown table. `--cases` and `--grades` point at another set graded the same way.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from handoff_lint.gate import Options
from handoff_lint.project import Workspace
from handoff_lint.run import lint_file

FIDELITY = Path(__file__).resolve().parent.parent / "tests" / "fidelity"


@dataclass(frozen=True)
class Case:
    path: Path
    verdict: str  # both graders' verdict: "pass" or "block"
    levels: tuple[dict[str, str], ...]  # each grader's level per category


def load_cases(cases: Path, grades: Path) -> list[Case]:
    """The cases both graders agree on, with every grader's levels."""
    by_file: dict[str, list[dict[str, object]]] = {}
    for path in sorted(grades.glob("*.json")):
        for record in json.loads(path.read_text(encoding="utf-8")):
            by_file.setdefault(str(record["file"]), []).append(record)
    found = []
    for path in sorted(cases.glob("*.md")):
        records = by_file.get(path.name, [])
        verdicts = {r["verdict"] for r in records}
        if len(records) >= 2 and len(verdicts) == 1:
            levels = tuple(dict(r["levels"]) for r in records)  # type: ignore[call-overload]
            found.append(Case(path, str(verdicts.pop()), levels))
    return found


@dataclass(frozen=True)
class Outcome:
    case: Case
    verdict: str
    score: float | None
    levels: dict[str, str]


def score(cases: Sequence[Case]) -> list[Outcome]:
    workspace = Workspace()
    outcomes = []
    for case in cases:
        result = lint_file(case.path, case.path.name, Options(), workspace)
        levels = {c.id: c.level for c in result.categories}
        verdict = "pass" if result.passed else "block"
        outcomes.append(Outcome(case, verdict, result.score, levels))
    return outcomes


def table(outcomes: Sequence[Outcome]) -> str:
    total = len(outcomes)
    agree = sum(o.verdict == o.case.verdict for o in outcomes)
    false_blocks = sum(o.case.verdict == "pass" and o.verdict == "block" for o in outcomes)
    false_passes = sum(o.case.verdict == "block" and o.verdict == "pass" for o in outcomes)
    pairs = [
        (o.levels.get(key), level)
        for o in outcomes
        for grader in o.case.levels
        for key, level in grader.items()
    ]
    level_agree = sum(ours == theirs for ours, theirs in pairs)
    rows = [
        ("cases (both graders agree on the verdict)", f"{total}"),
        ("verdict agreement", f"{agree}/{total} ({100 * agree / total:.0f}%)"),
        ("false blocks (graders pass, scorer blocks)", f"{false_blocks}"),
        ("false passes (graders block, scorer passes)", f"{false_passes}"),
        ("category levels agreeing with each grader", f"{100 * level_agree / len(pairs):.0f}%"),
    ]
    return "| measure | result |\n|---|---|\n" + "".join(f"| {a} | {b} |\n" for a, b in rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=FIDELITY / "cases")
    parser.add_argument("--grades", type=Path, default=FIDELITY / "grades")
    parser.add_argument("--list", action="store_true", help="also list each disagreement")
    args = parser.parse_args(argv)
    outcomes = score(load_cases(args.cases, args.grades))
    if not outcomes:
        print("no graded cases found", file=sys.stderr)
        return 2
    sys.stdout.write(table(outcomes))
    if args.list:
        print("\n| case | graders | scorer | score |\n|---|---|---|---|")
        for o in outcomes:
            if o.verdict != o.case.verdict:
                print(f"| {o.case.path.name} | {o.case.verdict} | {o.verdict} | {o.score} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
