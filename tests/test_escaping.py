"""Escaping as readers see it: code on the built site, and the job summary as GitHub renders it.

Every assertion is on rendered text (the HTML a browser shows), never on the Markdown source:
a value escaped for Markdown and then put in a backtick span looks right in the source and
shows `kestrel&#45;ridge` on the page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import REPO, Run, complete_text, drop_section, replace_section
from handoff_lint import rubric
from handoff_lint.reporters.github import render_markdown
from handoff_lint.results import (
    CategoryResult,
    FileResult,
    Finding,
    Report,
    SectionResult,
    UsageProblem,
)
from handoff_lint.rules import RULES
from handoff_lint.site.safety import Escaper, Privacy
from handoff_lint.text import slugify
from test_site import HANDOFFS, article, build, make_project

# One space between words: values are shown on one line with whitespace runs collapsed.
HOSTILE = "#!python x` ``y`` | <script>window.__pwned=20</script> &#45; \\| z"
HOSTILE_VALUES = [
    HOSTILE,
    "a | b",
    "`",
    "x``",
    "<img src=x onerror=window.__pwned=21>",
    "*not emphasis* [not](a-link) :warning: {: .not-an-attribute }",
    "&amp; &#45; \\",
]


class Rendered(HTMLParser):
    """HTML as a reader sees it: the tags, the text of each code element and of each cell."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.codes: list[str] = []
        self.rows: list[list[str]] = []
        self.text: list[str] = []
        self._code: list[str] | None = None
        self._cell: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "code":
            self._code = []
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "code" and self._code is not None:
            self.codes.append("".join(self._code))
            self._code = None
        elif tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for open_element in (self._code, self._cell):
            if open_element is not None:
                open_element.append(data)


# --- the site -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real `mkdocs build --strict` of two handoffs: one ordinary account id, one hostile."""
    root = tmp_path_factory.mktemp("escaping")
    text = (HANDOFFS / "sales-to-cs" / "2026-06-30-harbourline-ferries.md").read_text("utf-8")
    handoffs = root / "handoffs" / "sales-to-cs"
    handoffs.mkdir(parents=True)
    kestrel = text.replace("harbourline-ferries", "kestrel-ridge-logistics")
    kestrel = kestrel.replace("Harbourline Ferries", "Kestrel Ridge Logistics")
    (handoffs / "kestrel.md").write_text(kestrel, encoding="utf-8")
    hostile = text.replace("account: harbourline-ferries", f"account: {json.dumps(HOSTILE)}")
    (handoffs / "hostile.md").write_text(hostile, encoding="utf-8")
    project = make_project(root / "project", root / "handoffs")
    build(project)
    return project / "site"


def page(site: Path, url: str) -> Rendered:
    return Rendered(article((site / url / "index.html").read_text(encoding="utf-8")))


def test_the_account_page_shows_the_account_id_with_real_hyphens(site: Path) -> None:
    rendered = page(site, "accounts/kestrel-ridge-logistics")
    assert rendered.codes == ["kestrel-ridge-logistics"]
    assert "Account kestrel-ridge-logistics: its handoffs" in "".join(rendered.text)


def test_how_we_score_shows_each_type_as_written_in_frontmatter(site: Path) -> None:
    slugs = list(rubric.load().types)
    codes = page(site, "scoring").codes
    for slug in slugs:
        assert f"type: {slug}" in codes
    assert not [code for code in codes if "&#" in code]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = [
        code
        for entry in index["docs"]
        if entry["location"].startswith("scoring/")
        for code in Rendered(entry["text"]).codes
    ]
    assert [f"type: {slug}" for slug in slugs] == [c for c in indexed if c.startswith("type:")]


def test_a_hostile_account_id_is_shown_as_typed_and_nothing_more(site: Path) -> None:
    rendered = page(site, f"accounts/{slugify(HOSTILE)}")
    # All of it in one code element: no language taken from `#!python`, no tag, no entity
    # turned into its character, the backslash kept.
    assert rendered.codes == [HOSTILE]
    assert "script" not in rendered.tags
    assert f"Account {HOSTILE}: its handoffs in chain order" in "".join(rendered.text)
    for path in site.rglob("*.html"):
        assert "<script>window.__pwned=20" not in path.read_text(encoding="utf-8"), path


@pytest.fixture(scope="module")
def site_markdown() -> Callable[[str], str]:
    """The site's Markdown: Python-Markdown with the extensions mkdocs.yml enables."""
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"), site_dir="/nonexistent")

    def render(text: str) -> str:
        renderer = markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        )
        return renderer.convert(text)

    return render


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_a_code_value_cannot_leave_its_code_or_its_table_cell(
    value: str, site_markdown: Callable[[str], str]
) -> None:
    esc = Escaper(Privacy())
    in_text = Rendered(site_markdown(f"Account {esc.code(value)}: after."))
    assert in_text.codes == [value]
    assert "".join(in_text.text) == f"Account {value}: after."
    at_line_start = Rendered(site_markdown(f"{esc.code(value)}. After."))
    assert at_line_start.codes == [value]
    message = f"Add `{value.replace('`', '')}` here"
    table = Rendered(
        site_markdown(
            f"| Code | Message | Next |\n|---|---|---|\n| {esc.code(value)} "
            f"| {esc.message(message)} | after |\n"
        )
    )
    assert table.rows == [["Code", "Message", "Next"], [value, message.replace("`", ""), "after"]]
    assert set(table.tags) <= {"table", "thead", "tbody", "tr", "th", "td", "code"}


# --- the job summary ------------------------------------------------------------------------


def github(text: str) -> Rendered:
    return Rendered(MarkdownIt("commonmark").enable("table").render(text))


def test_the_summary_shows_a_code_span_as_typed(
    cli: Callable[..., Run], handoff: Callable[..., Path]
) -> None:
    text = complete_text("sales-to-cs")
    template = "| Risk | Severity | Mitigation |\n|---|---|---|\n"
    template += "| [Risk] | 🔴🟡🟢 | [What CS should do] |"  # the template's own row
    text = replace_section(text, "Risk Flags", template)
    handoff("sales-to-cs", drop_section(text, "Action Items"))
    summary = cli("lint", "--format", "markdown", "--threshold", "95", "--no-cache").out
    html = MarkdownIt("commonmark").enable("table").render(summary)
    assert "<code>Not applicable: &lt;why&gt;</code>" in html
    assert "&amp;lt;" not in html
    assert "Not applicable: <why>" in github(summary).codes


def _report(path: str, reason: str, *messages: str, problem: str = "nowhere/") -> Report:
    section = SectionResult("Risk Flags", "risk-flags", "partial", 40, (Finding(reason, 42),))
    category = CategoryResult("risk-flags", "Risk flags", 15.0, 15.0, 7.5, "partial", (section,))
    result = FileResult(
        path,
        "sales-to-cs",
        50.0,
        70.0,
        (category,),
        tuple(RULES["HO201"].diagnostic(message, 9) for message in messages),
    )
    return Report((result,), 70.0, (UsageProblem(problem),))


def test_a_pipe_in_a_message_does_not_split_its_table_cell() -> None:
    path = "handoffs/sales-to-cs/odd | `name`.md"
    reason = "Risk 1 “SSO | pipe” has no mitigation: add `a | b` to `Mitigation`, not <b>"
    paired = "`deal.size` is `1 | 2 <script>`"
    unpaired = "`deal.size` is `1`, a stray ` backtick"
    report = _report(path, reason, paired, unpaired, problem="`x|y/`: no such file")
    rendered = github(render_markdown(report))
    handoffs, categories = rendered.rows[:2], rendered.rows[2:]
    assert handoffs[1][0] == path and len(handoffs[1]) == len(handoffs[0]) == 6
    assert [len(row) for row in categories] == [4, 4]
    shown = "Risk 1 “SSO | pipe” has no mitigation: add a | b to Mitigation, not <b>"
    assert categories[1][3] == shown
    assert "a | b" in rendered.codes and "Mitigation" in rendered.codes
    # Outside a table (the heading, the list of errors) a code span keeps its `|` without a
    # backslash; a message with an unpaired backtick is all text.
    assert rendered.codes.count(path) == 2
    assert "1 | 2 <script>" in rendered.codes and "x|y/" in rendered.codes
    assert unpaired in "".join(rendered.text)
    assert not {"script", "b"} & set(rendered.tags)


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_a_summary_code_span_shows_any_value_as_typed(value: str) -> None:
    # A message's code spans end at the next backtick: only the path can hold backticks.
    code = value.replace("`", "")
    rendered = github(render_markdown(_report(value, f"add `{code}` here", f"`{code}`")))
    assert rendered.rows[1][0] == value
    assert [len(row) for row in rendered.rows] == [6, 6, 4, 4]
    # The path in the table and the heading, then the error's code and the reason's.
    assert rendered.codes == [value, value, *([code, code] if code else [])]
    assert rendered.rows[3][3] == f"add {code} here"
    assert not {"script", "img", "em", "a"} & set(rendered.tags)
