"""What every view shows of a result or of the rubric, worked out once.

The terminal, the job summary, the site's scorecards and "How we score", `handoff score` and
`handoff types` all format these; none computes points, marks or rubric rows on its own.
Nothing here escapes text: each output format escapes for itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from handoff_lint.criteria import describe
from handoff_lint.results import CategoryResult, FileResult, Level, SectionResult
from handoff_lint.rubric import Category, Criterion, HandoffType, Rubric

LEVEL_MARK: dict[Level, str] = {"complete": "✓", "partial": "◐", "missing": "✗", "n/a": "–"}


def points(category: CategoryResult) -> str:
    """`12.5/25.0`, or `–` for a category that does not apply."""
    return "–" if category.level == "n/a" else f"{category.earned:.1f}/{category.weight:.1f}"


def gain(category: CategoryResult) -> float:
    """The points a category still has to give: what completing it earns."""
    return 0.0 if category.level == "n/a" else round(category.weight - category.earned, 1)


def gains(categories: tuple[CategoryResult, ...]) -> str:
    """`+7.5 for Risk flags, +5 for Action items`: the biggest gains first."""
    short = sorted((c for c in categories if gain(c) > 0), key=lambda c: -gain(c))
    return ", ".join(f"+{gain(c):g} for {c.name}" for c in short)


def where(section: SectionResult) -> str:
    """` (read from “Gotchas”, line 40)` when a section was found under another heading."""
    if section.read_from is None:
        return ""
    line = f", line {section.line}" if section.line else ""
    return f" (read from “{section.read_from}”{line})"


def score(value: float | None) -> str:
    return "unscored" if value is None else f"{value:g}/100"


def verdict(result: FileResult) -> str:
    return "passed" if result.passed else "blocked"


def still_short(result: FileResult) -> list[str]:
    """`Risk flags (partial)` for each category that did not earn its whole weight."""
    return [f"{c.name} ({c.level})" for c in result.categories if c.level in ("partial", "missing")]


def unscored_sections(result: FileResult) -> list[tuple[str, str]]:
    """(heading, `present` or `not filled in`) of each section shown but not scored."""
    return [
        (s.heading, "present" if s.level == "complete" else "not filled in")
        for s in result.unscored
    ]


@dataclass(frozen=True)
class SectionRow:
    heading: str
    category: Category
    needs: str  # what complete means, in words
    also: tuple[str, ...] = ()  # other headings it is found under: aliases, then words


@dataclass(frozen=True)
class TypeRows:
    """One type's rubric as the views explain it."""

    type: HandoffType
    sections: tuple[SectionRow, ...]  # the scored sections, in the template's order
    not_applicable: tuple[Category, ...]
    unscored: tuple[str, ...]  # headings shown but not scored

    def sections_for(self, category: Category) -> list[SectionRow]:
        return [row for row in self.sections if row.category == category]


def rubric_rows(rubric: Rubric) -> list[TypeRows]:
    categories = {c.id: c for c in rubric.categories}
    explained = []
    for kind in rubric.types.values():
        scored = tuple(
            SectionRow(
                s.heading, categories[s.category], _needs(s.criterion), (*s.aliases, *s.words)
            )
            for s in kind.sections
            if s.category is not None and s.criterion is not None
        )
        explained.append(
            TypeRows(
                kind,
                scored,
                tuple(c for c in rubric.categories if not kind.sections_for(c.id)),
                tuple(s.heading for s in kind.sections if s.category is None),
            )
        )
    return explained


def _needs(criterion: Criterion) -> str:
    return describe(criterion.kind, criterion.params)
