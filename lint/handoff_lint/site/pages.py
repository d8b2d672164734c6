"""The generated pages: dashboard, type indexes, accounts, owners, scoring and rule pages.

Each is Markdown with every handoff value escaped by `Escaper.markdown` and every link a
relative `.md` link, so MkDocs (or another builder) resolves and checks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from handoff_lint.criteria import DESCRIPTIONS
from handoff_lint.rubric import HandoffType, Rubric
from handoff_lint.rules import RULES
from handoff_lint.site import library as paths
from handoff_lint.site.chart import score_chart
from handoff_lint.site.library import Handoff, Library, link
from handoff_lint.site.safety import Escaper
from handoff_lint.site.scorecard import verdict

LIST_LIMIT = 20
STATUSES = ("draft", "ready", "accepted")


@dataclass(frozen=True)
class GeneratedPage:
    src: str  # relative to the docs folder
    title: str  # HTML-safe: escaped where it holds a handoff's value
    markdown: str
    in_nav: bool = False


def _score(handoff: Handoff) -> str:
    return "–" if handoff.score is None else f"{handoff.score:g}"


def _name(handoff: Handoff, source: str, esc: Escaper) -> str:
    return f"[{esc.markdown(handoff.title)}]({link(source, handoff.src)})"


def _people(handoff: Handoff, esc: Escaper) -> str:
    giver = esc.markdown(handoff.giver.name) if handoff.giver else "–"
    receiver = esc.markdown(handoff.receiver.name) if handoff.receiver else "–"
    return f"{giver} → {receiver}"


def handoff_table(
    handoffs: Sequence[Handoff], source: str, esc: Escaper, *, numbered: bool = False
) -> list[str]:
    """A table of handoffs with a link to each, for the page at `source`."""
    if not handoffs:
        return ["_None._", ""]
    header = "| Handoff | Type | Date | From → To | Status | Score | Verdict |"
    rule = "|---|---|---|---|---|---|---|"
    if numbered:
        header, rule = f"| Step {header}", f"|---{rule}"
    rows = [header, rule]
    for n, h in enumerate(handoffs, 1):
        step = f"| {n} " if numbered else ""
        rows.append(
            f"{step}| {_name(h, source, esc)} | {esc.markdown(h.type_name)} "
            f"| {esc.markdown(h.date) or '–'} | {_people(h, esc)} "
            f"| {esc.markdown(h.status) or '–'} | {_score(h)} | {verdict(h)} |"
        )
    return [*rows, ""]


def _limited(handoffs: Sequence[Handoff], source: str, esc: Escaper, where: str = "") -> list[str]:
    lines = handoff_table(handoffs[:LIST_LIMIT], source, esc)
    if len(handoffs) > LIST_LIMIT:
        lines += [f"Showing {LIST_LIMIT} of {len(handoffs)}{where}.", ""]
    return lines


def dashboard(library: Library, esc: Escaper) -> GeneratedPage:
    src = paths.DASHBOARD
    handoffs = library.handoffs
    passed = sum(h.passed for h in handoffs)
    scores = [h.score for h in handoffs if h.score is not None]
    average = f", average score {sum(scores) / len(scores):.1f}" if scores else ""
    lines = [
        "# Handoff dashboard",
        "",
        f"**{len(handoffs)} handoffs**: {passed} passed, {len(handoffs) - passed} blocked "
        f"(threshold {library.threshold:g}){average}.",
        "",
        "## By type and status",
        "",
    ]
    others = any(h.status not in STATUSES for h in handoffs)
    columns = [*(s.capitalize() for s in STATUSES), *(["Other"] if others else [])]
    lines += [
        f"| Type | {' | '.join(columns)} | Total | Blocked |",
        "|---" * (len(columns) + 3) + "|",
    ]
    groups: list[tuple[str, list[Handoff]]] = [
        (
            f"[{esc.markdown(t.title)}s ({esc.markdown(t.name)})]"
            f"({link(src, paths.type_page(t.slug))})",
            library.of_type(t.slug),
        )
        for t in library.rubric.types.values()
    ]
    unknown = [h for h in handoffs if h.kind is None]
    if unknown:
        groups.append(("Unknown type", unknown))
    for label, members in groups:
        counts = [sum(h.status == s for h in members) for s in STATUSES]
        if others:
            counts.append(sum(h.status not in STATUSES for h in members))
        blocked = sum(not h.passed for h in members)
        cells = " | ".join(str(c) for c in counts)
        lines.append(f"| {label} | {cells} | {len(members)} | {blocked} |")
    lines += [
        "",
        "## Score distribution",
        "",
        f'<div class="handoff-chart">{score_chart(scores, library.threshold)}</div>',
        "",
    ]
    unscored = library.unscored()
    if unscored:
        lines += [f"{len(unscored)} handoffs could not be scored (see below).", ""]
    lines += ["## Lowest scores", "", *handoff_table(library.lowest(10), src, esc)]
    if unscored:
        lines += ["## Not scored", "", *_limited(unscored, src, esc)]
    lines += ["## Most recent", "", *handoff_table(library.recent(10), src, esc)]
    lines += ["## Drafts", "", *_limited(library.with_status("draft"), src, esc, _BY_TYPE)]
    lines += [
        "## Awaiting acceptance",
        "",
        "Handed over (`status: ready`) but not yet accepted by the receiving team.",
        "",
        *_limited(library.with_status("ready"), src, esc, _BY_TYPE),
    ]
    return GeneratedPage(src, "Dashboard", "\n".join(lines), in_nav=True)


_BY_TYPE = "; each type's index lists them all"


def type_index(library: Library, slug: str, esc: Escaper) -> GeneratedPage:
    kind = library.rubric.types[slug]
    src = paths.type_page(slug)
    members = library.of_type(slug)
    title = type_title(kind, esc)
    lines = [
        f"# {esc.markdown(kind.title)}s ({esc.markdown(kind.name)})",
        "",
        f"{esc.markdown(kind.about)} {len(members)} handoffs, newest first.",
        "",
        *handoff_table(members, src, esc),
    ]
    return GeneratedPage(src, title, "\n".join(lines), in_nav=True)


def accounts_index(library: Library, esc: Escaper) -> GeneratedPage:
    src = paths.ACCOUNTS
    accounts = library.accounts()
    lines = ["# Accounts", "", "Every account with its handoffs in chain order.", ""]
    if accounts:
        lines += ["| Account | Company | Handoffs | Latest | Blocked |", "|---|---|---|---|---|"]
    for account in accounts:
        latest = max((h.date for h in account.handoffs), default="")
        blocked = sum(not h.passed for h in account.handoffs)
        slug = esc.markdown(account.handoffs[0].account)
        lines.append(
            f"| [{slug}]({link(src, account.src)}) | {esc.markdown(account.name)} "
            f"| {len(account.handoffs)} | {esc.markdown(latest) or '–'} | {blocked} |"
        )
    if not accounts:
        lines.append("_No accounts yet._")
    return GeneratedPage(src, "Accounts", "\n".join(lines) + "\n", in_nav=True)


def account_pages(library: Library, esc: Escaper) -> Iterable[GeneratedPage]:
    for account in library.accounts():
        lines = [
            f"# {esc.markdown(account.name)}",
            "",
            f"Account `{esc.markdown(account.handoffs[0].account)}`: its handoffs in chain "
            "order, from the first lead to the latest expansion.",
            "",
            *handoff_table(account.handoffs, account.src, esc, numbered=True),
        ]
        yield GeneratedPage(account.src, esc.html(account.name), "\n".join(lines))


def owners_index(library: Library, esc: Escaper) -> GeneratedPage:
    src = paths.OWNERS
    owners = library.owners()
    lines = ["# Owners", "", "Everyone who handed over or received a handoff.", ""]
    if owners:
        lines += ["| Owner | Handed over | Received |", "|---|---|---|"]
    for owner in owners:
        lines.append(
            f"| [{esc.markdown(owner.name)}]({link(src, owner.src)}) | {len(owner.given)} "
            f"| {len(owner.received)} |"
        )
    if not owners:
        lines.append("_No owners yet._")
    return GeneratedPage(src, "Owners", "\n".join(lines) + "\n", in_nav=True)


def owner_pages(library: Library, esc: Escaper) -> Iterable[GeneratedPage]:
    for owner in library.owners():
        lines = [
            f"# {esc.markdown(owner.name)}",
            "",
            "## Handed over",
            "",
            *handoff_table(owner.given, owner.src, esc),
            "## Received",
            "",
            *handoff_table(owner.received, owner.src, esc),
        ]
        yield GeneratedPage(owner.src, esc.html(owner.name), "\n".join(lines))


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
    names = {c.id: c.name for c in rubric.categories}
    for kind in rubric.types.values():
        lines += [
            "",
            f"## {esc.markdown(kind.title)} ({esc.markdown(kind.name)})",
            "",
            f"`type: {esc.markdown(kind.slug)}`. {esc.markdown(kind.about)}",
            "",
            "| Section | Category | What complete means |",
            "|---|---|---|",
        ]
        for spec in kind.sections:
            if spec.category is None or spec.criterion is None:
                continue
            needs = DESCRIPTIONS[spec.criterion.kind](spec.criterion.params)
            lines.append(
                f"| {esc.markdown(spec.heading)} | {esc.markdown(names[spec.category])} "
                f"| {esc.markdown(needs)} |"
            )
        unscored = [esc.markdown(s.heading) for s in kind.sections if s.category is None]
        missing = [esc.markdown(c.name) for c in rubric.categories if not kind.sections_for(c.id)]
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


def tags_page() -> GeneratedPage:
    # The tags plugin fills the listing in; without the plugin the page says what it is for.
    text = "# Tags\n\nHandoffs by type, account, status and owner.\n\n<!-- material/tags -->\n"
    return GeneratedPage(paths.TAGS, "Tags", text, in_nav=True)


def generate(library: Library, esc: Escaper) -> list[GeneratedPage]:
    """Every generated page of the site, navigation pages first."""
    return [
        dashboard(library, esc),
        *(type_index(library, slug, esc) for slug in library.rubric.types),
        accounts_index(library, esc),
        owners_index(library, esc),
        tags_page(),
        scoring(library, esc),
        rules_index(),
        *account_pages(library, esc),
        *owner_pages(library, esc),
        *rule_pages(),
    ]


def type_title(kind: HandoffType, esc: Escaper) -> str:
    return f"{esc.html(kind.title)}s ({esc.html(kind.name)})"


def navigation(rubric: Rubric, esc: Escaper) -> list[dict[str, Any]]:
    """The site's navigation: the generated indexes only, never one entry per handoff, so
    every page carries a navigation of the same size whatever the number of handoffs."""
    types = [{type_title(kind, esc): paths.type_page(kind.slug)} for kind in rubric.types.values()]
    return [
        {"Dashboard": paths.DASHBOARD},
        {"Handoffs by type": types},
        {"Accounts": paths.ACCOUNTS},
        {"Owners": paths.OWNERS},
        {"Tags": paths.TAGS},
        {"How we score": paths.SCORING},
        {"Diagnostic codes": paths.RULES},
    ]
