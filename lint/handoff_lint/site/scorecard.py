"""A handoff's page: its title, its scorecard from the lint result, then its own body."""

from __future__ import annotations

import re

from handoff_lint import views
from handoff_lint.site.library import Handoff, Person, account_page, link, owner_page, rule_page
from handoff_lint.site.safety import Escaper

# Codes whose findings the category rows already show.
_SHOWN_IN_CATEGORIES = {"HO302", "HO303"}
_ATX_H1 = re.compile(r"^ {0,3}#(?:[ \t]|$)")
_SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")


def _indent(lines: list[str]) -> list[str]:
    return [f"    {line}" if line else "" for line in lines]


def _person(person: Person | None, handoff: Handoff, esc: Escaper) -> str:
    if person is None:
        return "–"
    name = f"[{esc.markdown(person.name)}]({link(handoff.src, owner_page(person.slug))})"
    return f"{name} ({esc.markdown(person.role)})" if person.role else name


def scorecard(handoff: Handoff, esc: Escaper) -> str:
    """The scorecard as Markdown: an admonition with the facts, categories and problems."""
    result = handoff.result
    kind = "success" if handoff.passed else "failure"
    title = (
        f"Scorecard: {views.score(result.score)}, {views.verdict(result)} "
        f"(threshold {result.threshold:g})"
    )
    account = "–"
    if handoff.account_slug:
        target = link(handoff.src, account_page(handoff.account_slug))
        account = f"[{esc.markdown(handoff.account)}]({target})"
    body = [
        "| Type | Account | From | To | Date | Status |",
        "|---|---|---|---|---|---|",
        f"| {esc.markdown(handoff.type_name)} | {account} "
        f"| {_person(handoff.giver, handoff, esc)} | {_person(handoff.receiver, handoff, esc)} "
        f"| {esc.markdown(handoff.date) or '–'} | {esc.markdown(handoff.status) or '–'} |",
        "",
    ]
    if result.categories:
        body += ["| Category | Level | Points | What to add |", "|---|---|---|---|"]
        for category in result.categories:
            reasons = "<br>".join(esc.message(reason) for reason in category.reasons)
            body.append(
                f"| {esc.markdown(category.name)} | {views.LEVEL_MARK[category.level]} "
                f"{category.level} | {views.points(category)} | {reasons} |"
            )
        body.append("")
    unscored = [
        f"{esc.markdown(heading)} ({state})" for heading, state in views.unscored_sections(result)
    ]
    if unscored:
        body += [f"Not scored: {', '.join(unscored)}", ""]
    problems = [d for d in result.diagnostics if d.code not in _SHOWN_IN_CATEGORIES]
    if problems:
        body += ["**Problems the linter found**", ""]
        for d in problems:
            where = f" (line {d.line})" if d.line else ""
            code = f"[{d.code}]({link(handoff.src, rule_page(d.code))})"
            body.append(f"- {code} {d.severity}: {esc.message(d.message)}{where}")
        body.append("")
    return "\n".join([f'!!! {kind} handoff-scorecard "{title}"', "", *_indent(body)])


def without_title(body: str) -> str:
    """The body without its leading H1: the page's own title replaces it."""
    lines = body.split("\n")
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return body
    if _ATX_H1.match(lines[first]):
        return "\n".join(lines[first + 1 :])
    if first + 1 < len(lines) and _SETEXT_H1.match(lines[first + 1]):
        return "\n".join(lines[first + 2 :])
    return body


def handoff_markdown(handoff: Handoff, body: str, esc: Escaper) -> str:
    """The whole page: an H1 from the escaped title, the scorecard, the cleaned body."""
    cleaned = esc.privacy.clean(without_title(body))
    return f"# {esc.markdown(handoff.title)}\n\n{scorecard(handoff, esc)}\n\n{cleaned.lstrip()}"


def unpublishable_markdown(handoff: Handoff, esc: Escaper) -> str:
    """The page of a handoff that cannot be read or is too large to publish."""
    return (
        f"# {esc.markdown(handoff.title)}\n\n{scorecard(handoff, esc)}\n\n"
        "This handoff is not published: the linter could not read it (see the problems "
        "above). Fix the file and it will appear here.\n"
    )


def page_meta(handoff: Handoff, esc: Escaper) -> dict[str, object]:
    """The only frontmatter the theme sees: the escaped title, description and tags."""
    description = f"{handoff.type_name} handoff for {handoff.company}: {views.score(handoff.score)}"
    return {
        "title": esc.html(handoff.title),
        "description": esc.html(f"{description}, {views.verdict(handoff.result)}"),
        "tags": list(dict.fromkeys(esc.html(tag) for tag in handoff.tags)),
    }
