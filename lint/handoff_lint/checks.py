"""Every check of one parsed handoff, run in one place, and the FileResult they make.

A check is a small function `(document, project) -> Iterable[Diagnostic]` in CHECKS; the
rubric's score and the gate's rules follow them. Checks over a whole Report (across an
account's handoffs) belong after the run, in `run.lint`, not here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from handoff_lint import gate, safety, secrets, views
from handoff_lint.document import Document
from handoff_lint.gate import Options
from handoff_lint.project import Project
from handoff_lint.results import Diagnostic, FileResult, SectionResult, Severity
from handoff_lint.rules import RULES
from handoff_lint.text import slugify

Check = Callable[[Document, Project], Iterable[Diagnostic]]


def folder(document: Document, project: Project) -> Iterable[Diagnostic]:
    """A handoff in another type's folder is filed where its reader will not look."""
    name, slug = Path(document.path).parent.name, document.type_slug
    if name in project.rubric.types and name != slug:
        yield RULES["HO107"].diagnostic(
            f"This file is in the {name}/ folder but says `type: {slug}`: move it to "
            f"{slug}/ or correct the type",
            document.line_of(("type",)),
        )


def frontmatter_schema(document: Document, project: Project) -> Iterable[Diagnostic]:
    assert document.frontmatter is not None and document.type_slug is not None
    return project.schemas.check_frontmatter(
        document.frontmatter, document.type_slug, document.line_of
    )


# Run in this order on every handoff with a known type.
CHECKS: tuple[Check, ...] = (folder, frontmatter_schema)


def unscored(display: str, threshold: float, *diagnostics: Diagnostic) -> FileResult:
    """The result of a file that could not be scored: its problems, no score."""
    return FileResult(display, None, None, threshold, diagnostics=diagnostics)


def check(document: Document, project: Project, options: Options) -> FileResult:
    """Every check on one parsed document, in order: safety, type, CHECKS, rubric, gate."""
    from handoff_lint import promises, scoring  # not needed when every result is cached

    needed = gate.threshold(project, options)
    diagnostics = [*document.diagnostics, *safety.check(document)]
    data = document.frontmatter
    if data is None:
        return unscored(document.path, needed, *diagnostics)
    front = _with_account(data)
    slug = document.type_slug
    if slug is None or slug not in project.rubric.types:
        diagnostics.append(_unknown_type(document, project))
        return FileResult(document.path, None, None, needed, (), tuple(diagnostics), (), front)
    for run in CHECKS:
        diagnostics += run(document, project)
    score, categories, not_scored = scoring.score(
        document, project.rubric.types[slug], project.rubric, project.template(slug)
    )
    optional = {s.heading for s in project.rubric.types[slug].sections if s.optional}
    for category in categories:
        for section in category.sections:
            diagnostics += _section_diagnostics(section, section.heading in optional)
    diagnostics += gate.rules(document, score, needed, options, views.gains(categories))
    # A message may quote the handoff ("risk 1 “password: …” has no mitigation"): no output
    # format ever shows a credential, whatever the message.
    diagnostics = [_masked(d) for d in diagnostics]
    diagnostics.sort(key=lambda d: (d.line or 0, d.column or 0))
    # Read here, once, so they are cached; compared across the account after the run.
    facts = promises.extract(document, project.rubric.types[slug], project.rubric)
    return FileResult(
        document.path,
        slug,
        score,
        needed,
        categories,
        tuple(diagnostics),
        not_scored,
        front,
        facts=facts,
    )


def _masked(diagnostic: Diagnostic) -> Diagnostic:
    clean = secrets.redact(diagnostic.message)
    return diagnostic if clean == diagnostic.message else replace(diagnostic, message=clean)


def _unknown_type(document: Document, project: Project) -> Diagnostic:
    slug = (document.frontmatter or {}).get("type")
    known = ", ".join(project.rubric.types)
    said = "no `type`" if slug is None else f"`type: {slug}`, which is not a handoff type"
    return RULES["HO106"].diagnostic(
        f"The frontmatter has {said}: use one of {known}", document.line_of(("type",)) or 1
    )


def _section_diagnostics(section: SectionResult, optional: bool) -> list[Diagnostic]:
    """HO302 for a missing section, HO303 for a partial one; a missing optional one is info."""
    rule = RULES["HO302"] if section.level == "missing" else RULES["HO303"]
    quiet: Severity | None = "info" if optional and section.level == "missing" else None
    return [rule.diagnostic(f.message, f.line, severity=quiet) for f in section.findings]


def _with_account(data: dict[str, Any]) -> dict[str, Any]:
    front = dict(data)
    if not front.get("account") and isinstance(front.get("company"), str):
        front["account"] = slugify(front["company"])
    return front
