"""The fidelity corpus: the scorer's verdict on each case against two sales leaders' verdict.

Cases the scorer still gets wrong are listed in tests/fidelity/known-wrong.txt and expected
to fail (strictly: a fixed case must leave the list). `benchmarks/fidelity.py` prints the
agreement figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from fidelity import FIDELITY, load_cases, score

CASES = load_cases(FIDELITY / "cases", FIDELITY / "grades")
KNOWN_WRONG = {
    line.strip()
    for line in (FIDELITY / "known-wrong.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


def test_the_corpus_is_what_the_scoring_issue_asks_for() -> None:
    assert len(CASES) >= 60
    names = [case.path.name.split("-", 2)[2] for case in CASES]  # w1-01-TYPE-company.md
    for slug in ("sdr-to-ae", "ae-to-se", "sales-to-cs", "sales-to-implementation", "cs-to-sales"):
        assert sum(n.startswith(f"{slug}-") for n in names) >= 3, slug
    assert {case.path.name for case in CASES} >= KNOWN_WRONG


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="known wrong"))
        if c.path.name in KNOWN_WRONG
        else c
        for c in CASES
    ],
    ids=lambda c: Path(c.path).stem,
)
def test_the_scorer_gives_the_graders_verdict(case: object) -> None:
    [outcome] = score([case])  # type: ignore[list-item]
    assert outcome.verdict == outcome.case.verdict, f"scored {outcome.score}"
