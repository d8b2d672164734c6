"""The generated pages: dashboard, type indexes, accounts, owners, scoring and rule pages.

Each is Markdown with every handoff value escaped by `Escaper.markdown` (`Escaper.code` when
it is shown as code) and every link a relative `.md` link, so MkDocs (or another builder)
resolves and checks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from handoff_lint import views
from handoff_lint.rubric import HandoffType, Rubric
from handoff_lint.site import library as paths
from handoff_lint.site.chart import score_chart
from handoff_lint.site.explain import rule_pages, rules_index, scoring
from handoff_lint.site.library import GeneratedPage, Handoff, Library, link
from handoff_lint.site.safety import Escaper

LIST_LIMIT = 20
STATUSES = ("draft", "ready", "accepted")


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
            f"| {esc.markdown(h.status) or '–'} | {_score(h)} | {views.verdict(h.result)} |"
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
            f"Account {esc.code(account.handoffs[0].account)}: its handoffs in chain "
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
