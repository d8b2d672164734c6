"""Write the chain fixtures: account chains, consistent or with one planted drift each.

    .venv/bin/python tests/chains/generate.py

Each case is a folder `tests/chains/<case>/` holding `<type>/<file>.md` handoffs and
`expected.txt`: one line per finding the chain check must report, as
`CODE SEVERITY FILE :: text on the line` (the test finds the line by its text). A consistent
case has an empty `expected.txt`. The files are committed; rerun this after changing it and
review the diff. Companies and people are fictional.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Criterion:
    sold: str  # as the Sales → CS handoff words it
    carried: str  # as the implementation handoff rewords it


@dataclass(frozen=True)
class Chain:
    company: str
    account: str
    champion: str = "Dana Whitlock"
    sponsor: str = "Marcus Feld"
    deal: int = 120000
    term: int = 24
    kickoff: str = "2026-07-06"
    golive: str = "2026-09-14"
    golive_impl: str | None = None  # written another way in the implementation handoff
    systems: tuple[str, ...] = ("Ledgerline ERP", "Cargowise TMS")
    criteria: tuple[Criterion, ...] = (
        Criterion(
            "At least 92% field-level accuracy on invoices by 2026-10-30",
            "Field-level accuracy of 92% or better by 2026-10-30",
        ),
        Criterion(
            "Invoice cycle time down from 9 days to 3 days by 2026-11-30",
            "Cycle time per invoice at 3 days or less by 2026-11-30",
        ),
        Criterion(
            "Duplicate payments caught before payment run: 95% of audit sample",
            "95% of duplicate payments in the audit sample caught before the payment run",
        ),
    )
    in_scope: tuple[str, ...] = ("Capture for all domestic suppliers", "ERP posting over SFTP")
    out_scope: tuple[str, ...] = ("Canadian subsidiary", "customs documents")
    style: str = "tables"  # or "lists"
    impl_extra: str = ""  # a line added to the implementation's success criteria
    impl_front: str = ""  # lines added to the implementation's frontmatter
    cs_sales_champion: str | None = None
    cs_sales_term: int | None = None
    impl_deal: int | None = None
    impl_sponsor: str | None = None
    impl_systems: tuple[str, ...] | None = None
    impl_kickoff: str | None = None
    impl_criteria: tuple[str, ...] | None = None
    impl_in_scope: tuple[str, ...] | None = None
    impl_ack: str = ""  # a line after the implementation's timeline
    expected: list[str] = field(default_factory=list)


def sales_to_cs(c: Chain) -> str:
    criteria = "\n".join(f"{n}. {k.sold}." for n, k in enumerate(c.criteria, 1))
    if c.style == "tables":
        people = (
            "## Customer Overview\n| Field | Detail |\n|-------|--------|\n"
            f"| Company | {c.company}, 900 employees, two plants |\n"
            f"| Primary Contact | {c.champion}, Director of Finance Operations |\n"
            f"| Executive Sponsor | {c.sponsor}, CFO |\n"
            "| Technical Lead | Priya Anand, IT Manager |\n"
        )
        timeline = (
            "### Timeline Expectations\n| Milestone | Date |\n|---|---|\n"
            f"| Kickoff | {c.kickoff} |\n| Go-live | {c.golive} |\n"
        )
    else:
        people = (
            "## Customer Overview\n"
            f"- **Company:** {c.company}, 900 employees, two plants\n"
            f"- **Primary Contact:** {c.champion}, Director of Finance Operations\n"
            f"- **Executive Sponsor:** {c.sponsor} (CFO)\n"
            "- **Technical Lead:** Priya Anand, IT Manager\n"
        )
        timeline = f"### Key Dates\n- Kickoff: {c.kickoff}\n- Go-live: {c.golive}\n"
    return f"""---
type: sales-to-cs
company: {c.company}
account: {c.account}
date: 2026-06-01
from: {{name: Ana Ruiz, role: AE}}
to: {{name: Ben Cole, role: CSM}}
status: ready
deal: {{size: {c.deal}, currency: USD}}
contract_start: 2026-07-01
term_months: {c.term}
---

# Customer Handoff: {c.company}

{people}
## What They Bought and Why
Capture and Flow for supplier invoices, the ERP connector and a 10-week implementation. Eight
clerks key 20,000 invoices a month by hand and duplicates reach payment every quarter.

**In scope:** {"; ".join(c.in_scope)}

**Out of scope:** {"; ".join(c.out_scope)}

## Customer Expectations
The CFO wants the duplicate findings gone from the next audit letter and a shorter close.

### Success Criteria
{criteria}

{timeline}
### Internal Champion
{c.champion} ran the evaluation herself and presented it to the board.

## Technical Context
| Item | Detail |
|------|--------|
| Integration requirements | {", ".join(c.systems)} |
| Data migration | Six months of paid invoices |
| Technical constraints | Nightly ERP batch |
| Security/compliance | SSO, SOC 2 report shared |
"""


def ae_to_se(c: Chain) -> str:
    return f"""---
type: ae-to-se
company: {c.company}
account: {c.account}
date: 2026-04-02
from: {{name: Ana Ruiz, role: AE}}
to: {{name: Tom Reyes, role: SE}}
status: ready
---

# Technical Handoff: {c.company}

## Technical Environment
| Item | Detail |
|------|--------|
| Current Stack | {", ".join(c.systems)}, shared AP mailbox |
| Integrations | vendor-bill import by file, shipment lookup |
| Security/Compliance | SSO required in production |

## Attendees and Stakeholders
| Name | Role |
|------|------|
| {c.champion}, Director of Finance Operations | Champion |
| {c.sponsor}, CFO | Decision Maker |
"""


def sales_to_implementation(c: Chain) -> str:
    criteria = c.impl_criteria if c.impl_criteria is not None else [k.carried for k in c.criteria]
    lines = "\n".join(f"- {k}." for k in criteria) + (f"\n- {c.impl_extra}" if c.impl_extra else "")
    golive = c.golive_impl or c.golive
    kickoff = c.impl_kickoff or c.kickoff
    systems = c.impl_systems if c.impl_systems is not None else c.systems
    in_scope = c.impl_in_scope if c.impl_in_scope is not None else c.in_scope
    sponsor = c.impl_sponsor or c.sponsor
    ack = f"\n{c.impl_ack}\n" if c.impl_ack else ""
    front = f"\n{c.impl_front}" if c.impl_front else ""
    return f"""---
type: sales-to-implementation
company: {c.company}
account: {c.account}
date: 2026-06-03
from: {{name: Ana Ruiz, role: AE}}
to: {{name: Olu Bankole, role: Implementation Lead}}
status: ready
deal: {{size: {c.impl_deal or c.deal}, currency: USD}}{front}
---

# Implementation Handoff: {c.company}

## Scope

### In Scope
{chr(10).join(f"- {s}" for s in in_scope)}

### Out of Scope
{chr(10).join(f"- {s}" for s in c.out_scope)}

## Timeline and Milestones
| Milestone | Date |
|-----------|------|
| Kickoff | {kickoff} |
| Go-live | {golive} |
{ack}
## Customer Expectations and Success Criteria
{lines}

## Technical Requirements
| Item | Detail |
|------|--------|
| Integrations | {", ".join(systems) or "file import only"} |
| Environments | Sandbox, then production |

## Stakeholders
| Name | Role |
|------|------|
| {sponsor}, CFO | Executive Sponsor |
| {c.champion}, Director of Finance Operations | Project Lead |
"""


def cs_to_sales(c: Chain) -> str:
    champion = c.cs_sales_champion or c.champion
    term = c.cs_sales_term or c.term
    return f"""---
type: cs-to-sales
company: {c.company}
account: {c.account}
date: 2026-12-01
from: {{name: Ben Cole, role: CSM}}
to: {{name: Ana Ruiz, role: AE}}
status: ready
---

# Expansion Handoff: {c.company}

## Account Overview
| Field | Detail |
|-------|--------|
| Renewal Date | 2028-06-30 ({term}-month term) |

## Stakeholders
| Name | Role |
|------|------|
| {champion}, Director of Finance Operations | Champion |
| {c.sponsor}, CFO | Economic Buyer |
"""


WRITERS: dict[str, Callable[[Chain], str]] = {
    "ae-to-se": ae_to_se,
    "sales-to-cs": sales_to_cs,
    "sales-to-implementation": sales_to_implementation,
    "cs-to-sales": cs_to_sales,
}
IMPL = "sales-to-implementation/impl.md"
CSS = "cs-to-sales/expansion.md"
BASE = Chain("Placeholder Co", "placeholder")


def _chains() -> dict[str, Chain]:
    named = {
        "alder": ("Alder Freightways", {}),
        "birch": ("Birchmoor Foods", {"style": "lists"}),
        "cobalt": ("Cobalt Ridge Dental", {"golive": "14 Sep 2026", "golive_impl": "2026-09-14"}),
        "dune": ("Dunmore Clinics", {"golive": "September 14, 2026", "style": "lists"}),
        "elm": ("Elmstead Retail", {"golive": "14.09.2026", "golive_impl": "Sep 14, 2026"}),
        "fjord": ("Fjordline Energy", {"kickoff": "6 July 2026", "impl_kickoff": "2026-07-06"}),
        "garnet": ("Garnet Bay Insurance", {"champion": "José Núñez", "sponsor": "Lina Øberg"}),
        "heath": ("Heathrow Lane Labs", {"systems": ("Okta SSO", "NimbusBooks ERP")}),
        "iris": ("Iris Valley Health", {"style": "lists", "term": 36}),
        "jade": ("Jadewater Mobility", {"deal": 86500, "in_scope": ("Capture for EU suppliers",)}),
        "kiln": ("Kilnworth Studios", {"style": "lists", "golive": "2026-09"}),
    }
    chains = {
        f"ok-{key}": replace(BASE, company=company, account=f"{key}-account", **changes)  # type: ignore[arg-type]
        for key, (company, changes) in named.items()
    }
    chains["ok-kiln"] = replace(
        chains["ok-kiln"], golive="September 2026", golive_impl="2026-09-14"
    )

    def drift(name: str, base: str, expected: list[str], **changes: object) -> None:
        chains[name] = replace(
            chains[base], account=f"{name}-account", expected=expected, **changes
        )  # type: ignore[arg-type]

    drift("golive-iso", "ok-alder", [f"HO503 warning {IMPL} :: | Go-live | 2026-10-30 |"],
          golive_impl="2026-10-30")  # fmt: skip
    drift("golive-words", "ok-cobalt", [f"HO503 warning {IMPL} :: | Go-live | 31 Jan 2027 |"],
          golive_impl="31 Jan 2027")  # fmt: skip
    drift("golive-lists", "ok-birch", [f"HO503 warning {IMPL} :: | Go-live | 2026-11-02 |"],
          golive_impl="2026-11-02")  # fmt: skip
    drift("kickoff-moved", "ok-fjord", [f"HO503 warning {IMPL} :: | Kickoff | 2026-08-03 |"],
          impl_kickoff="2026-08-03")  # fmt: skip
    drift("golive-ack-line", "ok-alder", [f"HO503 info {IMPL} :: | Go-live | 2026-12-07 |"],
          golive_impl="2026-12-07",
          impl_ack="Changed since sales: go-live moved to December at the customer's "
          "request.")  # fmt: skip
    drift("golive-ack-front", "ok-elm", [f"HO503 info {IMPL} :: | Go-live | 2026-10-05 |"],
          golive_impl="2026-10-05",
          impl_front="acknowledged:\n"
          "  - {promise: go-live, reason: ERP upgrade moved to September}")  # fmt: skip
    crit = list(BASE.criteria)
    drift("target-changed", "ok-alder",
          [f"HO501 warning {IMPL} :: - Field-level accuracy of 85% or better by 2026-10-30."],
          impl_criteria=("Field-level accuracy of 85% or better by 2026-10-30",
                         crit[1].carried, crit[2].carried))  # fmt: skip
    drift("target-changed-lists", "ok-iris",
          [f"HO501 warning {IMPL} :: - 90% of duplicate payments in the audit sample"],
          impl_criteria=(crit[0].carried, crit[1].carried,
                         "90% of duplicate payments in the audit sample caught before "
                         "the payment run"))  # fmt: skip
    drift("date-changed", "ok-garnet",
          [f"HO501 warning {IMPL} :: - Cycle time per invoice at 3 days or less by 2027-01-31."],
          impl_criteria=(crit[0].carried, "Cycle time per invoice at 3 days or less by 2027-01-31",
                         crit[2].carried))  # fmt: skip
    drift("criterion-dropped", "ok-heath", [f"HO502 warning {IMPL} :: ## Customer Expectations"],
          impl_criteria=(crit[0].carried, crit[1].carried))  # fmt: skip
    drift("criterion-dropped-lists", "ok-dune",
          [f"HO502 warning {IMPL} :: ## Customer Expectations"],
          impl_criteria=(crit[1].carried, crit[2].carried))  # fmt: skip
    drift("deal-differs", "ok-jade", [f"HO504 warning {IMPL} :: deal: {{size: 68500"],
          impl_deal=68500)  # fmt: skip
    drift("term-differs", "ok-iris", [f"HO504 warning {CSS} :: | Renewal Date |"],
          cs_sales_term=12)  # fmt: skip
    drift("term-differs-tables", "ok-alder", [f"HO504 warning {CSS} :: | Renewal Date |"],
          cs_sales_term=36)  # fmt: skip
    drift("scope-flipped", "ok-alder", [f"HO505 warning {IMPL} :: - Customs documents"],
          impl_in_scope=("Capture for all domestic suppliers", "ERP posting over SFTP",
                         "Customs documents"))  # fmt: skip
    drift("scope-flipped-lists", "ok-birch",
          [f"HO505 warning {IMPL} :: - Canadian subsidiary invoices"],
          impl_in_scope=("Capture for all domestic suppliers",
                         "Canadian subsidiary invoices"))  # fmt: skip
    drift("system-dropped", "ok-heath", [f"HO506 warning {IMPL} :: ## Technical Requirements"],
          impl_systems=("Okta SSO",))  # fmt: skip
    drift("system-dropped-two", "ok-alder",
          [f"HO506 warning {IMPL} :: ## Technical Requirements"] * 2, impl_systems=())  # fmt: skip
    drift("champion-changed", "ok-alder",
          [f"HO507 warning {CSS} :: | Luis Ortega, Director of Finance Operations | Champion |"],
          cs_sales_champion="Luis Ortega")  # fmt: skip
    drift("champion-changed-accents", "ok-garnet",
          [f"HO507 warning {CSS} :: | Ingrid Sæther, Director of Finance Operations | Champion |"],
          cs_sales_champion="Ingrid Sæther")  # fmt: skip
    drift("sponsor-changed", "ok-cobalt",
          [f"HO507 warning {IMPL} :: | Helen Brandt, CFO | Executive Sponsor |"],
          impl_sponsor="Helen Brandt")  # fmt: skip
    drift("golive-and-target", "ok-kiln",
          [f"HO503 warning {IMPL} :: | Go-live | 2026-11-16 |",
           f"HO501 warning {IMPL} :: - Field-level accuracy of 80% or better by 2026-10-30."],
          golive_impl="2026-11-16",
          impl_criteria=("Field-level accuracy of 80% or better by 2026-10-30",
                         crit[1].carried, crit[2].carried))  # fmt: skip
    return chains


def _sponsor_missing(chains: dict[str, Chain]) -> dict[str, dict[str, str]]:
    """Cases a template cannot say by its fields: a later handoff that never names someone."""
    ok = chains["ok-alder"]
    text = sales_to_implementation(replace(ok, account="sponsor-missing-account"))
    text = text.replace(f"| {ok.sponsor}, CFO | Executive Sponsor |\n", "| Kim Aalto, CIO | IT |\n")
    return {"sponsor-missing": {IMPL: text}}


def _name(slug: str) -> str:
    names = {"sales-to-implementation": IMPL, "cs-to-sales": CSS}
    return names.get(slug, f"{slug}/handoff.md")


def write() -> None:
    for old in HERE.iterdir():
        if old.is_dir() and old.name != "__pycache__":
            shutil.rmtree(old)
    chains = _chains()
    special = _sponsor_missing(chains)
    for name, chain in chains.items():
        folder = HERE / name
        for slug, writer in WRITERS.items():
            target = folder / _name(slug)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(writer(chain), encoding="utf-8")
        (folder / "expected.txt").write_text("".join(f"{e}\n" for e in chain.expected))
    for name, files in special.items():
        base = chains["ok-alder"]
        folder = HERE / name
        for slug, writer in WRITERS.items():
            path = _name(slug)
            text = files.get(path) or writer(replace(base, account=f"{name}-account"))
            (folder / slug).mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(text, encoding="utf-8")
        (folder / "expected.txt").write_text(
            f"HO508 warning {IMPL} :: ## Stakeholders\n", encoding="utf-8"
        )


if __name__ == "__main__":
    write()
