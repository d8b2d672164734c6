"""Score a document's sections against its type's rubric: levels, categories, the 0-100 score."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

from handoff_lint.content import Content, Template
from handoff_lint.criteria import KINDS
from handoff_lint.document import Document, Section, parse_body
from handoff_lint.evidence import relevant
from handoff_lint.results import CategoryResult, Finding, Level, SectionResult
from handoff_lint.rubric import HandoffType, Rubric, SectionSpec
from handoff_lint.slots import assign, merge
from handoff_lint.text import clean, fingerprint, not_applicable_reason

_BRACKETS = re.compile(r"[\[\]]")


def template_text(path: Path) -> Template:
    """Every fragment of a template (labels, headers, hints), as text to ignore in a handoff."""
    if not path.is_file():
        return Template()
    raw = path.read_text(encoding="utf-8")
    sections = parse_body(raw, 1)
    fragments = {clean(s.heading) for s in sections}
    for section in sections:
        for line in section.lines():
            fragments.add(clean(line.text))
            fragments.add(clean(_BRACKETS.sub("", line.text)))  # the hint, brackets removed
        fragments.update(clean(h) for table in section.tables for h in table.header)
    return Template(
        frozenset(fingerprint(f) for f in fragments if f),
        frozenset(fingerprint(_BRACKETS.sub(" ", raw)).split()),
    )


def score_section(
    spec: SectionSpec, found: list[Section], around: Around, template: Template, rubric: Rubric
) -> SectionResult:
    """One section's level, from the sections that feed it, else from evidence around it."""
    if not found:
        return _from_pool(spec, around, template, rubric)
    section = merge(found)
    source = None if found[0].key in spec.keys else found[0].heading
    first = next((line.text for line in section.lines() if clean(line.text)), "")
    reason = not_applicable_reason(first)
    if reason:
        return SectionResult(
            spec.heading, spec.category, "complete", section.line, (), reason, source
        )
    content = Content(section, template, rubric.lexicon, around.text)
    if content.is_empty():
        finding = Finding(
            f"{spec.heading} still holds only the template: replace the [placeholders] with "
            "what you know, or write `Not applicable: <why>`",
            section.line,
        )
        return SectionResult(
            spec.heading, spec.category, "missing", section.line, (finding,), None, source
        )
    if spec.criterion is None:
        return SectionResult(
            spec.heading, spec.category, "complete", section.line, (), None, source
        )
    check = KINDS[spec.criterion.kind].check
    findings = tuple(check(content, spec.criterion.params, spec.heading))
    level: Level = "partial" if findings else "complete"
    return SectionResult(spec.heading, spec.category, level, section.line, findings, None, source)


@dataclass(frozen=True)
class Around:
    """What surrounds a section: the catch-all sections, those of its category, all the text."""

    pool: list[Section]
    kin: list[Section]
    text: str
    rest: list[Section]  # the sections that feed other categories: risks told under "Plan"


def _from_pool(
    spec: SectionSpec, around: Around, template: Template, rubric: Rubric
) -> SectionResult:
    """A section with no heading of its own, judged by what the rest of the handoff says."""
    also = f" (also accepted: {', '.join(spec.aliases)})" if spec.aliases else ""
    add = f"add a `## {spec.heading}` section{also}"
    message = (
        f"{spec.heading} is not told (optional): {add} if there is any"
        if spec.optional
        else f"{spec.heading} is missing: {add}"
    )
    close = _misspelt(spec, around.pool)
    if close is not None:
        message = (
            f"{spec.heading} is missing: did you mean “{close.heading}” (line {close.line})? "
            f"Correct the heading, or {add}"
        )
    absent = SectionResult(
        spec.heading,
        spec.category,
        "missing",
        close.line if close else None,
        (Finding(message, close.line if close else None),),
    )
    evidence = relevant(spec, around.pool, around.kin, around.rest)
    if spec.criterion is None or evidence is None:
        return absent
    content = Content(evidence, template, rubric.lexicon, around.text)
    if content.is_empty():
        return absent
    findings = tuple(KINDS[spec.criterion.kind].check(content, spec.criterion.params, spec.heading))
    # Around a section, only what speaks to it counts: no entry of its kind, or none of the
    # facts it asks for, is as good as absent.
    nothing = (
        len(findings) >= len(spec.criterion.params["fields"])
        if spec.kind == "fields"
        else findings and spec.kind != "prose" and not content.items()
    )
    if nothing:
        return absent
    source = evidence.heading or "the text before the first heading"
    level: Level = "partial" if findings else "complete"
    return SectionResult(spec.heading, spec.category, level, evidence.line, findings, None, source)


def _misspelt(spec: SectionSpec, pool: list[Section]) -> Section | None:
    """A heading that is nearly this section's ("Acton Items"), among those that fed nothing."""
    import difflib

    headings = {s.key: s for s in pool if s.key and s.level > 1}
    close = difflib.get_close_matches(spec.heading.lower(), list(headings), n=1, cutoff=0.8)
    return headings[close[0]] if close else None


def score(
    document: Document, handoff_type: HandoffType, rubric: Rubric, template: Template
) -> tuple[float, tuple[CategoryResult, ...], tuple[SectionResult, ...]]:
    """The score (0-100, one decimal), each category's result, and the unscored sections."""
    assignment = assign(document, handoff_type, rubric)
    body = Content(merge(list(document.sections)), template).evidence()
    results = []
    for index, spec in enumerate(handoff_type.sections):
        # A section with no heading of its own may be told in the catch-all sections or in
        # another section of its category ("Champion" under a MEDDPICC "Economic buyer").
        kin = [
            section
            for other, sibling in enumerate(handoff_type.sections)
            if other != index and sibling.category == spec.category
            for section in assignment.by_slot.get(other, [])
        ]
        found = assignment.by_slot.get(index, [])
        rest = [s for i, group in assignment.by_slot.items() if i != index for s in group]
        around = Around(assignment.pool, kin, body, [s for s in rest if s not in kin])
        results.append(score_section(spec, found, around, template, rubric))
    applicable = [c for c in rubric.categories if handoff_type.sections_for(c.id)]
    total = sum((c.weight for c in applicable), Fraction(0))
    categories = []
    earned_total = Fraction(0)
    for category in rubric.categories:
        sections = tuple(r for r in results if r.category == category.id)
        if not sections:
            categories.append(
                CategoryResult(category.id, category.name, float(category.weight), 0.0, 0.0, "n/a")
            )
            continue
        optional = {s.heading for s in handoff_type.sections if s.optional}
        told = [s for s in sections if s.heading not in optional or s.level != "missing"]
        level = _category_level([s.level for s in told or sections])
        weight = category.weight * 100 / total
        earned = weight * rubric.levels[level]
        earned_total += earned
        categories.append(
            CategoryResult(
                category.id,
                category.name,
                float(category.weight),
                float(weight),
                float(earned),
                level,
                sections,
            )
        )
    unscored = tuple(r for r in results if r.category is None)
    return round_score(earned_total), tuple(categories), unscored


def _category_level(levels: list[Level]) -> Level:
    if all(level == "complete" for level in levels):
        return "complete"
    if all(level == "missing" for level in levels):
        return "missing"
    return "partial"


def round_score(value: Fraction) -> float:
    """One decimal, halves rounded up, so 69.95 is 70.0 on every machine."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
