"""Score a document's sections against its type's rubric: levels, categories, the 0-100 score."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

from handoff_lint.content import Content
from handoff_lint.criteria import KINDS
from handoff_lint.document import Document, parse_body
from handoff_lint.results import CategoryResult, Finding, Level, SectionResult
from handoff_lint.rubric import HandoffType, Rubric, SectionSpec
from handoff_lint.text import clean, fingerprint, not_applicable_reason


def template_text(path: Path) -> frozenset[str]:
    """Every fragment of a template (labels, headers, legends), as text to ignore in a handoff."""
    if not path.is_file():
        return frozenset()
    sections = parse_body(path.read_text(encoding="utf-8"), 1)
    fragments = {clean(s.heading) for s in sections}
    for section in sections:
        fragments.update(clean(line.text) for line in section.lines())
        fragments.update(clean(h) for table in section.tables for h in table.header)
    return frozenset(fingerprint(f) for f in fragments if f)


def score_section(document: Document, spec: SectionSpec, template: frozenset[str]) -> SectionResult:
    section = document.section(spec.keys)
    if section is None:
        also = f" (also accepted: {', '.join(spec.aliases)})" if spec.aliases else ""
        finding = Finding(f"{spec.heading} is missing: add a `## {spec.heading}` section{also}")
        return SectionResult(spec.heading, spec.category, "missing", None, (finding,))
    first = next((line.text for line in section.lines() if clean(line.text)), "")
    reason = not_applicable_reason(first)
    if reason:
        return SectionResult(spec.heading, spec.category, "complete", section.line, (), reason)
    content = Content(section, template)
    if content.is_empty():
        finding = Finding(
            f"{spec.heading} still holds only the template: replace the [placeholders] with "
            "what you know, or write `Not applicable: <why>`",
            section.line,
        )
        return SectionResult(spec.heading, spec.category, "missing", section.line, (finding,))
    if spec.criterion is None:
        return SectionResult(spec.heading, spec.category, "complete", section.line)
    check = KINDS[spec.criterion.kind].check
    findings = tuple(check(content, spec.criterion.params, spec.heading))
    level: Level = "partial" if findings else "complete"
    return SectionResult(spec.heading, spec.category, level, section.line, findings)


def score(
    document: Document, handoff_type: HandoffType, rubric: Rubric, template: frozenset[str]
) -> tuple[float, tuple[CategoryResult, ...], tuple[SectionResult, ...]]:
    """The score (0-100, one decimal), each category's result, and the unscored sections."""
    applicable = [c for c in rubric.categories if handoff_type.sections_for(c.id)]
    total = sum((c.weight for c in applicable), Fraction(0))
    categories = []
    earned_total = Fraction(0)
    for category in rubric.categories:
        specs = handoff_type.sections_for(category.id)
        if not specs:
            categories.append(
                CategoryResult(category.id, category.name, float(category.weight), 0.0, 0.0, "n/a")
            )
            continue
        sections = tuple(score_section(document, spec, template) for spec in specs)
        level = _category_level([s.level for s in sections])
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
    unscored = tuple(
        score_section(document, spec, template)
        for spec in handoff_type.sections
        if spec.category is None
    )
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
