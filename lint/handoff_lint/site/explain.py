"""The site's explanations: "How we score" from the rubric, and a page per diagnostic code."""

from __future__ import annotations

from collections.abc import Iterable

from handoff_lint import views
from handoff_lint.rules import RULES
from handoff_lint.site import library as paths
from handoff_lint.site.library import GeneratedPage, Library, link
from handoff_lint.site.safety import Escaper


def scoring(library: Library, esc: Escaper) -> GeneratedPage:
    """ "How we score", from the same rubric data the linter scores with."""
    rubric = library.rubric
    levels = ", ".join(
        f"{esc.markdown(name)} earns {float(share) * 100:g}%"
        for name, share in rubric.levels.items()
    )
    lines = [
        "# How we score",
        "",
        f"Every handoff is scored out of 100 and blocked under **{library.threshold:g}**, or "
        "when it has an error (a missing or invalid frontmatter field, an unknown type). "
        "The body is split into sections by heading; each section feeds one category and "
        f"is complete, partial or missing. Within its category, {levels} of the weight.",
        "",
        "A category that a type has no section for is not applicable to it, and the other "
        "categories are scaled up so that the total stays 100.",
        "",
        "Headings are read by meaning, not spelling: a section counts under a heading that "
        "contains one of its words (any case, numbering and emoji ignored), a bold lead-in "
        "such as `**In scope**` starts a section of its own, and a table of risks or a "
        "checklist of `- [ ] Ana to send the SOW by Fri` is read as risks or action items "
        "whatever its heading. A section with no heading of its own is looked for in the "
        "rest of the handoff: a TL;DR, a summary, pasted call notes. Template text, "
        'placeholders and pointers such as "see CRM" or "ask me" never count, and a value '
        'that is only "Soon" or "Their ERP" is partial at best.',
        "",
        "## Categories",
        "",
        "| Category | Weight | What it covers |",
        "|---|---|---|",
    ]
    for category in rubric.categories:
        lines.append(
            f"| {esc.markdown(category.name)} | {float(category.weight):g} "
            f"| {esc.markdown(category.about)} |"
        )
    for rows in views.rubric_rows(rubric):
        kind = rows.type
        lines += [
            "",
            f"## {esc.markdown(kind.title)} ({esc.markdown(kind.name)})",
            "",
            f"{esc.code(f'type: {kind.slug}')}. {esc.markdown(kind.about)}",
            "",
            "| Section | Category | What complete means | Also found under |",
            "|---|---|---|---|",
        ]
        for row in rows.sections:
            also = ", ".join(esc.markdown(word) for word in row.also)
            lines.append(
                f"| {esc.markdown(row.heading)} | {esc.markdown(row.category.name)} "
                f"| {esc.markdown(row.needs)} | {also or '–'} |"
            )
        unscored = [esc.markdown(heading) for heading in rows.unscored]
        missing = [esc.markdown(c.name) for c in rows.not_applicable]
        lines.append("")
        if unscored:
            lines.append(f"Shown but not scored: {', '.join(unscored)}.")
        if missing:
            lines.append(f"Not applicable (the others are scaled up): {', '.join(missing)}.")
    return GeneratedPage(paths.SCORING, "How we score", "\n".join(lines) + "\n", in_nav=True)


def rules_index() -> GeneratedPage:
    src = paths.RULES
    lines = [
        "# Diagnostic codes",
        "",
        "What each code in `handoff lint` output means: the same text as `handoff rule CODE`.",
        "",
        "| Code | Name | Severity | Meaning |",
        "|---|---|---|---|",
    ]
    for rule in RULES.values():
        lines.append(
            f"| [{rule.code}]({link(src, paths.rule_page(rule.code))}) | {rule.name} "
            f"| {rule.severity} | {rule.summary} |"
        )
    return GeneratedPage(src, "Diagnostic codes", "\n".join(lines) + "\n", in_nav=True)


def rule_pages() -> Iterable[GeneratedPage]:
    for rule in RULES.values():
        yield GeneratedPage(paths.rule_page(rule.code), f"{rule.code} {rule.name}", rule.explain())
