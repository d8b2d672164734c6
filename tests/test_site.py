"""The handoff site, built by a real `mkdocs build --strict` in a copy of the project."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest

from handoff_lint import rubric
from handoff_lint.rules import RULES
from handoff_lint.site.safety import sanitize

REPO = Path(__file__).parent.parent
SITE_FIXTURES = Path(__file__).parent / "fixtures" / "site"
HANDOFFS = SITE_FIXTURES / "handoffs"
CHAIN = [
    "sdr-to-ae/2026-03-02-harbourline-ferries",
    "ae-to-se/2026-04-15-harbourline-ferries",
    "sales-to-cs/2026-06-30-harbourline-ferries",
    # Dated before the sales-to-cs handoff, but later in the chain.
    "sales-to-implementation/2026-06-20-harbourline-ferries",
    "cs-to-sales/2027-01-12-harbourline-ferries",
]
HOSTILE = "sales-to-cs/2026-09-09-hostile"
BLOCKED = "sales-to-cs/2026-08-01-copperleaf-bakeries"
GARBLED = "sales-to-cs/2026-10-01-garbled"
CONTACTS = ("maren.holt@harbourline.example", "+47 22 55 01 23", "(555) 010-4477")
SECRETS = ("AKIAIOSFODNN7EXAMPLE", "Tr0ub4dor-and-3-horses")


# --- building ------------------------------------------------------------------------------


def site_env(**extra: str) -> dict[str, str]:
    """The environment of a build: Material's end-of-life banner off, masking as given."""
    env = {k: v for k, v in os.environ.items() if k != "HANDOFF_MASK_CONTACTS"}
    return {**env, "NO_MKDOCS_2_WARNING": "1", **extra}


def make_project(root: Path, handoffs: Path | None = None) -> Path:
    """A copy of the site's own files (mkdocs.yml, hooks/) with the given handoffs folder."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    if handoffs is None:
        (root / "handoffs").mkdir()
    else:
        shutil.copytree(handoffs, root / "handoffs")
    return root


def build(
    project: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        cwd=project,
        env=env or site_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done


def snapshot(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*")}


@dataclass
class Built:
    project: Path
    log: str
    docs_before: dict[str, int]

    @property
    def site(self) -> Path:
        return self.project / "site"

    def page(self, url: str) -> str:
        path = self.site / url / "index.html" if not url.endswith(".html") else self.site / url
        return path.read_text(encoding="utf-8")

    def html_files(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))

    def search_index(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(
            (self.site / "search" / "search_index.json").read_text(encoding="utf-8")
        )
        return data


def build_fixture_project(root: Path, **env: str) -> Built:
    """The fixture handoffs plus one file that is not text, built with --strict."""
    project = make_project(root, HANDOFFS)
    garbled = project / "handoffs" / f"{GARBLED}.md"
    garbled.write_bytes(b"---\ntype: sales-to-cs\ncompany: Garbled\n---\n\xff\xfe\x00\x01 binary\n")
    before = snapshot(project / "handoffs")
    done = build(project, env=site_env(**env))
    return Built(project, done.stderr, before)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The fixture project built once for this module, with contacts masked."""
    return build_fixture_project(tmp_path_factory.mktemp("site"), HANDOFF_MASK_CONTACTS="true")


# --- reading HTML ---------------------------------------------------------------------------


class Parsed(HTMLParser):
    """Every element with its attributes, every script's text, and the article's links."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.article_links: list[str] = []
        self._in_script = False
        self._article = 0
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.elements.append((tag, values))
        self._in_script = tag == "script"
        if tag == "article":
            self._article += 1
        if tag == "a" and self._article and "href" in values:
            self.article_links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False
        if tag == "article":
            self._article -= 1

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def article(page: str) -> str:
    start = page.index('<article class="md-content__inner')
    return page[start : page.index("</article>", start)]


def title_of(page: str) -> str:
    found = re.search(r"<title>(.*?)</title>", page, re.DOTALL)
    assert found
    return found.group(1)


# --- pages ----------------------------------------------------------------------------------


def test_every_handoff_page_opens_with_its_scorecard(site: Built) -> None:
    for url in [*CHAIN, BLOCKED, HOSTILE, GARBLED]:
        page = article(site.page(url))
        card = page.index("handoff-scorecard")
        assert page.index("<h1") < card, url
        # The scorecard comes before the handoff's own first section.
        first_section = page.find("<h2")
        assert first_section == -1 or card < first_section, url

    page = article(site.page(CHAIN[2]))
    assert "Scorecard: 100/100, passed (threshold 70)" in page
    assert 'class="admonition success handoff-scorecard"' in page
    for fact in ("Felix Hartmann", "(AE)", "Grace Okoye", "(CSM)", "2026-06-30", "ready"):
        assert fact in page
    assert '<a href="../../accounts/harbourline-ferries/">harbourline-ferries</a>' in page
    for category in rubric.load().categories:
        assert category.name.replace("&", "&amp;") in page
    # The page title comes from the type and the company; the body's own H1 is replaced.
    assert title_of(site.page(CHAIN[2])) == "Customer Handoff: Harbourline Ferries - GTM handoffs"
    assert page.count("<h1") == 1


def test_a_partial_category_shows_what_to_add(site: Built) -> None:
    page = article(site.page(CHAIN[3]))
    assert "92.5/100, passed" in page
    assert "◐ partial" in page
    assert "Data Migration is still empty: fill it in" in page


def test_a_blocked_handoff_still_has_its_page_marked_blocked(site: Built) -> None:
    page = article(site.page(BLOCKED))
    assert 'class="admonition failure handoff-scorecard"' in page
    assert "Scorecard: 17.5/100, blocked (threshold 70)" in page
    assert '<a href="../../rules/HO301/">HO301</a> error' in page
    assert "Ovens." in page  # its body is still published


def test_a_file_that_is_not_text_gets_a_notice_page_instead_of_breaking_the_build(
    site: Built,
) -> None:
    page = article(site.page(GARBLED))
    assert "Scorecard: unscored, blocked" in page
    assert "This handoff is not published" in page
    assert '<a href="../../rules/HO101/">HO101</a>' in page


def test_the_dashboard_counts_charts_and_lists(site: Built) -> None:
    page = article(site.page(""))
    assert "<strong>8 handoffs</strong>: 5 passed, 3 blocked (threshold 70)" in page
    chart = re.search(r'<div class="handoff-chart"><svg class="handoff-chart".*?</svg>', page)
    assert chart, "no inline SVG chart"
    assert chart.group(0).count("<rect") == 10
    assert "<title>90-100: 5 handoffs</title>" in chart.group(0)
    for heading in ("By type and status", "Lowest scores", "Most recent", "Drafts"):
        assert f">{heading}<" in page
    assert "Awaiting acceptance" in page
    drafts = page[page.index('id="drafts"') : page.index('id="awaiting-acceptance"')]
    assert f'href="{BLOCKED}/"' in drafts
    awaiting = page[page.index('id="awaiting-acceptance"') :]
    assert f'href="{CHAIN[2]}/"' in awaiting and f'href="{CHAIN[4]}/"' in awaiting
    assert f'href="{CHAIN[0]}/"' not in awaiting  # accepted
    lowest = page[page.index('id="lowest-scores"') : page.index('id="not-scored"')]
    assert lowest.index(HOSTILE) < lowest.index(BLOCKED)  # 10 before 17.5
    # By type and status: draft, ready, accepted, other (the unreadable file has no status,
    # nor a type), total, blocked.
    row = re.search(r"Customer Handoffs \(Sales → CS\)</a></td>(.*?)</tr>", page, re.DOTALL)
    assert row
    assert re.findall(r"<td>(\d+)</td>", row.group(1)) == ["1", "2", "0", "0", "3", "2"]
    unknown = re.search(r"<td>Unknown type</td>(.*?)</tr>", page, re.DOTALL)
    assert unknown
    assert re.findall(r"<td>(\d+)</td>", unknown.group(1)) == ["0", "0", "0", "1", "1", "1"]


def test_one_index_per_type_lists_its_handoffs(site: Built) -> None:
    for kind in rubric.load().types.values():
        page = article(site.page(kind.slug))
        assert f"{kind.title}s ({kind.name})" in page
    sales = Parsed(site.page("sales-to-cs")).article_links
    assert "2026-09-09-hostile/" in sales and "2026-06-30-harbourline-ferries/" in sales


def test_the_account_page_lists_the_chain_in_order_with_links(site: Built) -> None:
    page = site.page("accounts/harbourline-ferries")
    assert title_of(page) == "Harbourline Ferries - GTM handoffs"
    links = [link for link in Parsed(page).article_links if link.startswith("../../")]
    assert links == [f"../../{url}/" for url in CHAIN]
    for url in CHAIN:
        assert (site.site / url / "index.html").is_file()
    accounts = Parsed(site.page("accounts")).article_links
    assert "harbourline-ferries/" in accounts and "copperleaf-bakeries/" in accounts


def test_owner_pages_list_what_each_person_handed_over_and_received(site: Built) -> None:
    page = article(site.page("owners/felix-hartmann"))
    given = page[page.index('id="handed-over"') : page.index('id="received"')]
    received = page[page.index('id="received"') :]
    assert given.count("<tr>") - 1 == 4  # header row excluded
    assert received.count("<tr>") - 1 == 2
    assert f"../../{CHAIN[0]}/" in received and f"../../{CHAIN[4]}/" in received
    assert "felix-hartmann/" in Parsed(site.page("owners")).article_links


def test_how_we_score_is_rendered_from_the_rubric_data(site: Built) -> None:
    page = article(site.page("scoring"))
    rules = rubric.load()
    for category in rules.categories:
        name = category.name.replace("&", "&amp;")
        assert re.search(rf"<td>{re.escape(name)}</td>\s*<td>{float(category.weight):g}</td>", page)
    for kind in rules.types.values():
        for section in kind.sections:
            assert section.heading.replace("&", "&amp;") in page
    assert f"<strong>{rules.threshold:g}</strong>" in page


def test_every_rule_has_its_page(site: Built) -> None:
    index = Parsed(site.page("rules")).article_links
    for code, rule in RULES.items():
        assert f"{code}/" in index
        page = article(site.page(f"rules/{code}"))
        assert f"{code} {rule.name}" in page
        assert "What it means" in page and "How to fix it" in page


def test_the_navigation_lists_the_indexes_not_the_handoffs(site: Built) -> None:
    page = site.page(CHAIN[2])
    primary = page[page.index("md-nav--primary") : page.index("md-nav--secondary")]
    assert not re.search(r"\d{4}-\d{2}-\d{2}-", primary)
    for entry in ("Dashboard", "Accounts", "Owners", "Tags", "How we score", "Diagnostic codes"):
        assert entry in primary


def test_tags_come_from_type_account_status_and_owners(site: Built) -> None:
    page = site.page(CHAIN[2])
    chips = re.findall(r'class="md-tag">([^<]*)</a>', page)
    assert set(chips) == {
        "Sales → CS",
        "harbourline-ferries",
        "ready",
        "Felix Hartmann",
        "Grace Okoye",
        "maritime",
    }
    assert 'id="tag:harbourline-ferries"' in site.page("tags")


def test_nothing_is_written_into_the_docs_folder(site: Built) -> None:
    assert snapshot(site.project / "handoffs") == site.docs_before


def test_the_site_loads_nothing_from_outside(site: Built) -> None:
    external = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
    for path in site.html_files():
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text
        for tag, attrs in Parsed(text).elements:
            if tag == "link":
                assert not external.match(attrs.get("href", "")), (path, attrs)
            for attribute in ("src", "srcset", "data", "poster", "background"):
                assert not external.match(attrs.get(attribute, "")), (path, tag, attrs)
            assert "url(" not in attrs.get("style", ""), (path, attrs)
            # Material's JavaScript fetches Mermaid from a CDN for any `pre.mermaid`.
            assert "mermaid" not in attrs.get("class", "").split(), (path, attrs)
    for css in site.site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text)
        assert not [u for u in urls if external.match(u)], css
        assert "@import" not in text, css


# --- safety ---------------------------------------------------------------------------------


def assert_nothing_can_run(pages: list[Path]) -> None:
    """No handler, script, frame or active URL in any page; hostile links are only links."""
    for path in pages:
        parsed = Parsed(path.read_text(encoding="utf-8"))
        for tag, attrs in parsed.elements:
            assert not [a for a in attrs if a.startswith("on")], (path, tag, attrs)
            for name in ("href", "src", "action", "data"):
                value = attrs.get(name, "").strip().lower()
                assert not value.startswith(("javascript:", "vbscript:", "data:")), (path, attrs)
            assert tag not in {"iframe", "object", "embed", "frame", "base", "image"}, path
            assert attrs.get("id") != "__pwned", path
            if "evil.example" in " ".join(attrs.values()):
                assert tag == "a" and "evil.example" in attrs["href"], (path, tag, attrs)
        assert not [s for s in parsed.scripts if "__pwned" in s], path


def test_a_hostile_handoff_is_escaped_and_sanitised_everywhere(site: Built) -> None:
    assert_nothing_can_run(site.html_files())
    page = site.page(HOSTILE)
    assert title_of(page) == "&lt;img src=x onerror=window.__pwned=2&gt; - GTM handoffs"
    assert '<meta name="description" content="Sales → CS handoff for Evil &lt;img' in page
    chips = re.findall(r'class="md-tag">([^<]*)</a>', page)
    assert "&lt;/title&gt;&lt;script&gt;window.__pwned=6&lt;/script&gt;" in chips
    assert "Mallory &lt;svg onload=window.__pwned=4&gt;" in chips
    body = article(page)
    assert "&lt;script&gt;window.__pwned=3&lt;/script&gt;" in body  # a name, as text
    assert '<a href="../../accounts/b-evil-b/">&lt;b&gt;evil&lt;/b&gt;</a>' in body
    assert "<a>click me</a>" in body  # the javascript: link lost its href
    assert "<style" not in body and "<script" not in body
    # Generated pages show the same values escaped.
    assert "<h1" in site.page("accounts/b-evil-b")
    assert title_of(site.page("accounts/b-evil-b")).startswith("Evil &lt;img src=x onerror=")
    assert "Mallory &lt;svg onload=window.__pwned=4&gt;" in site.page("owners")
    assert "&lt;img src=x onerror=window.__pwned=5&gt;" in site.page("tags")


def test_the_search_index_holds_no_markup_that_could_run(site: Built) -> None:
    for entry in site.search_index()["docs"]:
        for key in ("title", "text"):
            parsed = Parsed(entry.get(key, ""))
            for tag, attrs in parsed.elements:
                assert tag not in {"script", "img", "svg", "iframe", "style"}, entry["location"]
                assert not [a for a in attrs if a.startswith("on")], entry["location"]
        for tag in entry.get("tags", []):
            assert "<" not in tag, entry["location"]


def test_the_sanitiser_keeps_everything_material_renders() -> None:
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"), site_dir="/nonexistent")
    renderer = markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )
    rendered = renderer.convert((SITE_FIXTURES / "features.md").read_text(encoding="utf-8"))
    for feature in ("tabbed-set", "<details", "twemoji", "task-list", "footnote", "headerlink"):
        assert feature in rendered, feature
    assert canonical(sanitize(rendered)) == canonical(rendered)


class _Canonical(HTMLParser):
    """An HTML fragment as events, ignoring how the serialiser spells the same tree."""

    VOID: ClassVar[set[str]] = {"br", "hr", "img", "input", "col", "wbr", "meta", "link"}
    BOOLEAN: ClassVar[set[str]] = {"checked", "disabled", "open", "selected"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[Any, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = []
        for name, value in attrs:
            value = "" if name in self.BOOLEAN else (value or "")
            if name == "style":
                value = value.replace(" ", "").rstrip(";")
            values.append((name, value))
        self.events.append(("start", tag, tuple(sorted(values))))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID:
            self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.events.append(("text", " ".join(data.split())))


def canonical(fragment: str) -> list[tuple[Any, ...]]:
    parser = _Canonical()
    parser.feed(fragment)
    return parser.events


# --- privacy --------------------------------------------------------------------------------


def test_masking_hides_contacts_in_pages_titles_and_the_search_index(site: Built) -> None:
    everything = [p.read_text(encoding="utf-8") for p in site.html_files()]
    everything.append(json.dumps(site.search_index(), ensure_ascii=False))
    for contact in CONTACTS:
        assert not [text for text in everything if contact in text], contact
    page = site.page(CHAIN[2])
    assert "Maren Holt, [e-mail hidden], [phone hidden]" in page
    assert "Ida Berg, IT Lead, phone [phone hidden]" in page
    blocked = site.page(BLOCKED)
    assert title_of(blocked).startswith("Copperleaf Bakeries (ask for Dee, [e-mail hidden])")
    assert "dee@copperleaf.example" not in json.dumps(site.search_index())


def test_secrets_are_redacted_on_pages_and_in_the_search_index(site: Built) -> None:
    for path in [*site.site.rglob("*.html"), *site.site.rglob("*.json"), *site.site.rglob("*.xml")]:
        text = path.read_text(encoding="utf-8")
        for secret in SECRETS:
            assert secret not in text, (path, secret)
    page = article(site.page(BLOCKED))
    assert "password: [password redacted]" in page
    assert "[AWS access key redacted]" in page
    texts = " ".join(entry["text"] for entry in site.search_index()["docs"])
    assert "[AWS access key redacted]" in texts


def test_without_masking_contacts_show_and_dates_come_from_git(tmp_path: Path) -> None:
    """Inside git a page's date is its last commit's; contacts are shown unless masked."""
    project = make_project(tmp_path / "project")
    target = project / "handoffs" / f"{CHAIN[2]}.md"
    target.parent.mkdir(parents=True)
    shutil.copy(HANDOFFS / f"{CHAIN[2]}.md", target)
    when = {"GIT_AUTHOR_DATE": "2024-02-03T10:00:00+00:00"}
    git = {**site_env(), **when, "GIT_COMMITTER_DATE": when["GIT_AUTHOR_DATE"]}
    for command in (
        ["init", "-q"],
        ["-c", "user.name=Site Test", "-c", "user.email=site@test.invalid", "add", "."],
        ["-c", "user.name=Site Test", "-c", "user.email=site@test.invalid", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", *command], cwd=project, env=git, check=True)
    build(project)
    page = (project / "site" / CHAIN[2] / "index.html").read_text(encoding="utf-8")
    assert "February 3, 2024" in page
    for contact in CONTACTS:
        assert contact in page


def test_outside_git_the_strict_build_passes_with_the_build_date(site: Built) -> None:
    # The fixture project is not in a git repository: the plugin falls back quietly.
    assert "Falling back to build date" in site.log
    assert "WARNING" not in site.log
    assert "git-revision-date-localized-plugin-date" in site.page(CHAIN[2])


# --- scale ----------------------------------------------------------------------------------


def many_handoffs(folder: Path, count: int) -> Path:
    """`count` distinct handoffs (own company, account and owners) from one fixture."""
    text = (HANDOFFS / f"{CHAIN[2]}.md").read_text(encoding="utf-8")
    for n in range(count):
        company = f"Company {n:03d} Shipping"
        handoff = (
            text.replace("Harbourline Ferries", company)
            .replace("harbourline-ferries", f"company-{n:03d}-shipping")
            .replace("Felix Hartmann", f"Seller {n:03d}")
            .replace("Grace Okoye", f"Receiver {n:03d}")
            .replace("2026-06-30", f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}")
        )
        path = folder / "sales-to-cs" / f"handoff-{n:03d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(handoff, encoding="utf-8")
    return folder


def test_the_output_per_handoff_stays_flat(tmp_path: Path) -> None:
    sizes = {}
    for count in (10, 40):
        project = make_project(tmp_path / f"p{count}", many_handoffs(tmp_path / f"h{count}", count))
        build(project)
        pages = list((project / "site" / "sales-to-cs").glob("handoff-*/index.html"))
        assert len(pages) == count
        every = sum(p.stat().st_size for p in (project / "site").rglob("*.html"))
        sizes[count] = (sum(p.stat().st_size for p in pages) / count, every / count)
    page_ratio = sizes[40][0] / sizes[10][0]
    assert 1 / 1.3 <= page_ratio <= 1.3, sizes  # no page carries every handoff in its nav
    assert sizes[40][1] <= 1.3 * sizes[10][1], sizes  # the whole site grows linearly


def test_the_repository_handoffs_build_with_strict(tmp_path: Path) -> None:
    build(REPO, "--config-file", str(REPO / "mkdocs.yml"), "--site-dir", str(tmp_path / "site"))
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "scoring" / "index.html").is_file()


# --- the other ways in ----------------------------------------------------------------------


def test_handoff_site_pages_writes_the_pages_without_mkdocs(
    tmp_path: Path, cli: Callable[..., Any]
) -> None:
    docs = shutil.copytree(HANDOFFS, tmp_path / "handoffs")
    before = snapshot(docs)
    result = cli("site", "pages", "out", "--docs", "handoffs", "--mask-contacts")
    assert result.code == 0, result.err
    assert "Wrote 7 handoff pages" in result.out
    out = tmp_path / "out"
    for page in ("index.md", "scoring.md", "accounts/harbourline-ferries.md", "rules/HO101.md"):
        assert (out / page).is_file(), page
    account = (out / "accounts/harbourline-ferries.md").read_text(encoding="utf-8")
    assert [f"../{url}.md" for url in CHAIN] == re.findall(
        r"\]\((\.\./[^)]*harbourline[^)]*)\)", account
    )
    handoff = (out / f"{CHAIN[2]}.md").read_text(encoding="utf-8")
    assert handoff.startswith('---\ntitle: "Customer Handoff: Harbourline Ferries"\n')
    assert '!!! success handoff-scorecard "Scorecard: 100/100, passed' in handoff
    assert "[e-mail hidden]" in handoff and CONTACTS[0] not in handoff
    assert snapshot(docs) == before
    # Run again: the folder it wrote is replaced; a folder it did not write is refused.
    assert cli("site", "pages", "out", "--docs", "handoffs").code == 0
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    refused = cli("site", "pages", "mine", "--docs", "handoffs")
    assert refused.code == 2 and "was not written by `handoff site pages`" in refused.err
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"
    inside = cli("site", "pages", "handoffs/site", "--docs", "handoffs")
    assert inside.code == 2 and "outside the handoffs folder" in inside.err


def test_a_builder_without_hooks_gets_the_same_safety_from_pages_and_clean(
    tmp_path: Path, cli: Callable[..., Any]
) -> None:
    """MkDocs with the hooks removed stands in for a builder that ignores `hooks:`."""
    shutil.copytree(HANDOFFS, tmp_path / "handoffs")
    assert cli("site", "pages", "docs", "--docs", "handoffs").code == 0
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: handoffs", "docs_dir: docs")
    config = re.sub(r"^hooks:\n(?:  - .*\n)+", "", config, flags=re.MULTILINE)
    assert not re.search(r"^hooks:", config, flags=re.MULTILINE)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet"],
        cwd=tmp_path,
        env=site_env(),
        check=True,
        capture_output=True,
    )
    site_dir = tmp_path / "site"
    raw = (site_dir / HOSTILE / "index.html").read_text(encoding="utf-8")
    assert 'onerror="' in raw  # what the builder alone publishes
    cleaned = cli("site", "clean", "site")
    assert cleaned.code == 0, cleaned.err
    assert_nothing_can_run(sorted(site_dir.rglob("*.html")))
    page = (site_dir / CHAIN[2] / "index.html").read_text(encoding="utf-8")
    assert "Scorecard: 100/100, passed" in page
    assert '<span class="emoji" title=":warning:">' in page and "headerlink" in page
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    for entry in index["docs"]:
        assert not [
            a for _, attrs in Parsed(entry["text"]).elements for a in attrs if a.startswith("on")
        ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            text: str = response.read().decode("utf-8")
            return text
    except (urllib.error.URLError, ConnectionError):
        return ""


def _wait_for(url: str, needle: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = _fetch(url)
        if needle in text:
            return text
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} never appeared at {url}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    project = make_project(tmp_path / "project")
    target = project / "handoffs" / f"{BLOCKED}.md"
    target.parent.mkdir(parents=True)
    shutil.copy(HANDOFFS / f"{BLOCKED}.md", target)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=site_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield target, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_mkdocs_serve_rebuilds_a_handoff_while_its_writer_edits_it(
    served: tuple[Path, str],
) -> None:
    target, base = served
    url = f"{base}/{BLOCKED}/"
    _wait_for(url, "Scorecard: 17.5/100, blocked")
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("Ovens.", "Ovens, mixers and a new proving room."))
    page = _wait_for(url, "a new proving room")
    assert "handoff-scorecard" in page


def test_only_handoffs_and_images_are_published(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", REPO / "tests" / "fixtures" / "site" / "handoffs")
    docs = project / "handoffs"
    (docs / "evil.html").write_text("<script>alert(1)</script>")
    (docs / "evil.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    bundle = docs / "assets" / "javascripts" / "bundle.0123abcd.min.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text("alert('replaced the theme')")
    (docs / "sales-to-cs" / "diagram.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    build(project)
    published = {p.relative_to(project / "site").as_posix() for p in (project / "site").rglob("*")}
    assert "evil.html" not in published and "evil.svg" not in published
    assert "sales-to-cs/diagram.png" in published
    scripts = [p for p in (project / "site" / "assets" / "javascripts").rglob("*.js")]
    assert scripts and all("replaced the theme" not in p.read_text() for p in scripts)
