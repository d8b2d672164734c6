"""Write N synthetic but realistic handoffs of every type, with a spread of completeness.

    python benchmarks/generate.py OUT_DIR N [--seed 7]

The same seed gives the same files. Each handoff is built from its type's sections in the
packaged rubric, filled with plausible content; some sections are left out, cut short or
left as template text, so scores range from blocked to 100.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from handoff_lint import rubric

FIRST = [
    "Ana",
    "Ben",
    "Chloé",
    "Dev",
    "Elif",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kofi",
    "Lena",
    "Marta",
    "Nikhil",
    "Olga",
    "Priya",
    "Quinn",
    "Rosa",
    "Sven",
    "Tomás",
    "Uma",
]
LAST = [
    "Ruiz",
    "Cole",
    "Okafor",
    "Nair",
    "Demir",
    "Haddad",
    "Liu",
    "Tanaka",
    "Vos",
    "Weber",
    "Mensah",
    "Costa",
    "Ferreira",
    "Kowalski",
    "Larsen",
    "Moreau",
    "Novak",
    "Osei",
    "Park",
]
STEM = [
    "Northwind",
    "Bluepeak",
    "Cedar",
    "Driftwood",
    "Ember",
    "Foxglove",
    "Granite",
    "Harbor",
    "Ironbark",
    "Juniper",
    "Kestrel",
    "Lumen",
    "Meridian",
    "Nimbus",
    "Orchard",
    "Pinecrest",
]
KIND = [
    "Freight",
    "Dental Group",
    "Analytics",
    "Foods",
    "Health",
    "Logistics",
    "Robotics",
    "Insurance",
    "Retail",
    "Energy",
    "Labs",
    "Bank",
    "Studios",
    "Mobility",
]
SENTENCES = [
    "They lose about {n} hours a week reconciling orders by hand across three spreadsheets.",
    "The operations lead said the current tool 'breaks every month-end close'.",
    "Finance wants a payback within {n} months and asked for a reference customer.",
    "Their board approved the budget in the last planning cycle, with {n}% held back.",
    "IT insists on SSO through Okta and a security review before any pilot data moves.",
    "The champion ran the evaluation and presented the business case to the leadership team.",
    "A competitor offered a discount of {n}% but lacked the carrier integration they need.",
    "The team in the second region joins after the first rollout proves adoption.",
    "They expect weekly check-ins during onboarding and a named contact for escalations.",
    "Data lives in a legacy ERP; exports run nightly and are often {n} hours late.",
]
OWNER_ROLES = {
    "sdr-to-ae": ("SDR", "AE"),
    "ae-to-se": ("AE", "SE"),
    "sales-to-cs": ("AE", "CSM"),
    "sales-to-implementation": ("AE", "Implementation Lead"),
    "cs-to-sales": ("CSM", "AE"),
}


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def prose(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES).format(n=rng.randint(2, 60)) for _ in range(sentences))


def date(rng: random.Random, year: int = 2026) -> str:
    return f"{year}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"


def section_body(kind: str, params: dict[str, object], rng: random.Random, weak: bool) -> str:
    if kind == "prose":
        return prose(rng, 1 if weak else rng.randint(2, 5))
    if kind == "fields":
        labels = [f if isinstance(f, str) else f[0] for f in params["fields"]]  # type: ignore[attr-defined]
        if weak:
            labels = labels[:-1]
        rows = [f"| {label} | {person(rng)}, {prose(rng, 1)[:60]} |" for label in labels]
        return "| Field | Detail |\n|---|---|\n" + "\n".join(rows)
    if kind == "measurable":
        count = int(params["min_items"]) + rng.randint(0, 2)  # type: ignore[call-overload]
        items = [f"{n}. {prose(rng, 1)[:70]} by {date(rng, 2027)}" for n in range(1, count + 1)]
        if weak:
            items[-1] = f"{count}. Happier users across the team"
        return "\n".join(items)
    if kind == "timeline":
        rows = [f"| {m} | {date(rng, 2027)} |" for m in ("Kickoff", "Go-live", "Full rollout")]
        return "| Milestone | Date |\n|---|---|\n" + "\n".join(rows[: 1 if weak else 3])
    if kind == "risks":
        rows = [
            f"| {prose(rng, 1)[:50]} | {rng.choice(['🔴', '🟡', '🟢', 'High', 'Low'])} | "
            f"{'' if weak else prose(rng, 1)[:60]} |"
            for _ in range(rng.randint(1, 3))
        ]
        return "| Risk | Severity | Mitigation |\n|---|---|---|\n" + "\n".join(rows)
    if kind == "actions":
        items = [
            f"- [ ] {prose(rng, 1)[:50]} — @{rng.choice(FIRST).lower()} — "
            f"{'' if weak else 'due ' + date(rng, 2027)}"
            for _ in range(rng.randint(1, 4))
        ]
        return "\n".join(items)
    raise ValueError(kind)


def handoff(slug: str, n: int, rng: random.Random) -> str:
    spec = rubric.load().types[slug]
    company = f"{rng.choice(STEM)} {rng.choice(KIND)} {n}"
    giver, taker = OWNER_ROLES[slug]
    front = [
        "---",
        f"type: {slug}",
        f"company: {company}",
        f"date: {date(rng)}",
        f"from: {{name: {person(rng)}, role: {giver}}}",
        f"to: {{name: {person(rng)}, role: {taker}}}",
        f"status: {rng.choice(['draft', 'ready', 'ready', 'accepted'])}",
    ]
    if slug == "sales-to-cs":
        front += [
            f"deal: {{size: {rng.randint(10, 400) * 1000}, currency: USD}}",
            f"contract_start: {date(rng)}",
            f"term_months: {rng.choice([12, 24, 36])}",
        ]
    if slug == "ae-to-se":
        front.append(f"request: {rng.choice(['demo', 'poc', 'deep-dive'])}")
    completeness = rng.random()  # the share of sections written in full
    body = [f"# {spec.title}: {company}", ""]
    for section in spec.sections:
        roll = rng.random()
        if roll > completeness + 0.35:
            continue  # left out
        body += [f"## {section.heading}", ""]
        if section.criterion is None:
            body.append(prose(rng, 2))
        elif roll > completeness + 0.2:
            body.append("[To be filled in]")
        else:
            weak = roll > completeness
            body.append(
                section_body(section.criterion.kind, dict(section.criterion.params), rng, weak)
            )
        body.append("")
    return "\n".join([*front, "---", *body])


def generate(out: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    slugs = list(rubric.load().types)
    paths = []
    for n in range(count):
        slug = slugs[n % len(slugs)]
        path = out / slug / f"2026-{n:05}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(handoff(slug, n, rng), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)
