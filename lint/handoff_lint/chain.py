"""An account's handoffs in chain order, and each promise they track followed along it.

`tables(results)` is the one computation behind `handoff chain`, the drift findings of
`handoff lint` (drift.py) and what the site may show per account: a `ChainTable` of steps
(the handoffs, in order) and rows (one promise each, with its value at every step). A promise
is followed from one handoff to the next by meaning that can be said in a sentence: the same
milestone name, the same role, a criterion with the same unit and shared key terms, a scope
item with shared key terms; never by its position in a list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from handoff_lint.measures import Day, fold
from handoff_lint.results import FileResult

# SDR → AE → SE → Sales → CS/Implementation → CS → Sales: the order on one day.
ORDER = {
    "sdr-to-ae": 0,
    "ae-to-se": 1,
    "sales-to-cs": 2,
    "sales-to-implementation": 2,
    "cs-to-sales": 3,
}
# Where each kind of promise is binding: earlier handoffs plan, these commit.
DELIVERY = frozenset({"sales-to-cs", "sales-to-implementation"})
BINDING = {
    "criterion": frozenset({"ae-to-se", *DELIVERY}),
    "milestone": DELIVERY,
    "deal": frozenset({*DELIVERY, "cs-to-sales"}),
    "person": frozenset({"ae-to-se", *DELIVERY, "cs-to-sales"}),
    "scope": frozenset(ORDER),
}


@dataclass(frozen=True)
class Step:
    """One handoff of the chain."""

    path: str
    type: str
    label: str  # "Sales → CS"
    date: str
    facts: Mapping[str, Any]


@dataclass(frozen=True)
class Value:
    shown: str
    line: int
    key: Any  # what is compared: a Day, a number, a set of name words, "in"/"out"


@dataclass
class Row:
    """One promise followed along the chain: its value at each step that speaks of it."""

    kind: str  # criterion, milestone, deal, person, system, scope
    label: str
    values: dict[int, Value] = field(default_factory=dict)
    terms: frozenset[str] = frozenset()
    unit: str = ""

    def latest(self) -> Value:
        return self.values[max(self.values)]


@dataclass(frozen=True)
class ChainTable:
    account: str
    company: str
    steps: tuple[Step, ...]
    rows: tuple[Row, ...]


def tables(results: Iterable[FileResult]) -> list[ChainTable]:
    """One table per account with at least one scored handoff, accounts in name order."""
    accounts: dict[str, list[FileResult]] = {}
    for result in results:
        account = result.frontmatter.get("account")
        if result.type in ORDER and result.facts and isinstance(account, str):
            accounts.setdefault(account, []).append(result)
    return [table(accounts[name]) for name in sorted(accounts)]


def table(results: Sequence[FileResult]) -> ChainTable:
    """The chain of one account's handoffs and every promise it tracks (a pure function)."""
    ordered = sorted(
        results, key=lambda r: (str(r.frontmatter.get("date")), ORDER.get(r.type or "", 9), r.path)
    )
    steps = tuple(
        Step(
            r.path,
            r.type or "",
            r.facts.get("label", r.type),
            str(r.frontmatter.get("date")),
            r.facts,
        )
        for r in ordered
    )
    rows: list[Row] = []
    for build in (_milestones, _deal, _people, _criteria, _systems, _scope):
        rows += build(steps)
    first = ordered[0].frontmatter if ordered else {}
    return ChainTable(
        str(first.get("account", "")), str(first.get("company", "")), steps, tuple(rows)
    )


def binding(step: Step, kind: str) -> bool:
    return step.type in BINDING.get(kind, frozenset())


def _by_name(steps: Sequence[Step], kind: str, facts: str, name: str) -> list[Row]:
    """Rows for facts with a fixed name (go-live, champion): the first of each per step."""
    rows: dict[str, Row] = {}
    for n, step in enumerate(steps):
        if not binding(step, kind):
            continue
        for fact in step.facts.get(facts, []):
            row = rows.setdefault(fact[name], Row(kind, fact[name]))
            if n not in row.values:
                row.values[n] = _value(kind, fact)
    return list(rows.values())


def _value(kind: str, fact: Mapping[str, Any]) -> Value:
    if kind == "milestone":
        day = Day(fact["day"])
        return Value(str(day), fact["line"], day)
    if kind == "person":
        return Value(fact["name"], fact["line"], frozenset(fold(fact["name"]).split()))
    amount = fact["value"]
    unit = fact.get("unit") or ""
    shown = f"{amount:,.0f} {unit}".strip() if fact["what"] != "term" else f"{amount:g} months"
    return Value(shown, fact["line"], (amount, unit))


def _milestones(steps: Sequence[Step]) -> list[Row]:
    return _by_name(steps, "milestone", "milestones", "kind")


def _deal(steps: Sequence[Step]) -> list[Row]:
    return _by_name(steps, "deal", "deal", "what")


def _people(steps: Sequence[Step]) -> list[Row]:
    return _by_name(steps, "person", "people", "role")


def matches(row: Row, fact: Mapping[str, Any], terms: frozenset[str]) -> int:
    """How strongly a criterion is the row's: 0 for not at all, else its shared key terms.

    Same unit, and two shared key terms, or one with the same target or the same day."""
    if fact["unit"] != row.unit:
        return 0
    shared = len(row.terms & terms)
    last = row.latest().key
    same = fact["target"] is not None and fact["target"] == last[0]
    same_day = fact["by"] is not None and last[1] is not None and Day(fact["by"]).same(last[1])
    return shared if shared >= 2 or (shared == 1 and (same or same_day)) else 0


def _criteria(steps: Sequence[Step]) -> list[Row]:
    facts = [
        fact for step in steps if binding(step, "criterion") for fact in step.facts["criteria"]
    ]
    # A word most criteria of the account share ("invoices") says nothing of which one it is.
    counts = Counter(term for fact in facts for term in fact["terms"])
    common = {term for term, n in counts.items() if n > max(2, len(facts) * 0.3)}
    rows: list[Row] = []
    for n, step in enumerate(steps):
        if not binding(step, "criterion"):
            continue
        taken: set[int] = set()
        for fact in step.facts.get("criteria", []):
            terms = frozenset(fact["terms"]) - common
            scored = [(matches(r, fact, terms), i) for i, r in enumerate(rows) if i not in taken]
            best = max(scored, default=(0, -1))
            by = Day(fact["by"]) if fact["by"] else None
            shown = " by ".join(x for x in (fact["shown"], str(by) if by else "") if x)
            value = Value(shown, fact["line"], (fact["target"], by))
            if best[0] and n not in rows[best[1]].values:
                row = rows[best[1]]
                row.terms |= terms
            else:
                row = Row("criterion", fact["text"], terms=terms, unit=fact["unit"])
                rows.append(row)
            taken.add(next(i for i, r in enumerate(rows) if r is row))
            row.values[n] = value
    return rows


def _systems(steps: Sequence[Step]) -> list[Row]:
    """Each system the AE → SE technical environment names, and whether later
    implementation handoffs mention it anywhere."""
    rows: dict[str, Row] = {}
    for n, step in enumerate(steps):
        if step.type == "ae-to-se":
            for fact in step.facts.get("systems", []):
                row = rows.setdefault(fold(fact["name"]), Row("system", fact["name"]))
                row.values.setdefault(n, Value("named", fact["line"], True))
        elif step.type == "sales-to-implementation":
            words = set(step.facts.get("vocabulary", []))
            line = step.facts.get("anchors", {}).get("technical") or 1
            for key, row in rows.items():
                told = key in words
                row.values[n] = Value("named" if told else "not mentioned", line, told)
    return list(rows.values())


def _scope(steps: Sequence[Step]) -> list[Row]:
    rows: list[Row] = []
    for n, step in enumerate(steps):
        for fact in step.facts.get("scope", []):
            terms = frozenset(fact["terms"])
            row = next((r for r in rows if _same_item(r.terms, terms) and n not in r.values), None)
            if row is None:
                row = Row("scope", fact["text"], terms=terms)
                rows.append(row)
            row.values[n] = Value(f"{fact['side']} scope", fact["line"], fact["side"])
    return [r for r in rows if len(r.values) > 1]


def _same_item(one: frozenset[str], other: frozenset[str]) -> bool:
    """Two scope items are one when they share two key terms, or all of a one-term item."""
    shared = len(one & other)
    return shared >= 2 or (shared == 1 and min(len(one), len(other)) == 1)
