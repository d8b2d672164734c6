"""`handoff site pages OUT` and `handoff site clean SITE`: the site without MkDocs hooks.

For builders that ignore `hooks:` (Zensical, or anything reading a folder of Markdown):
`pages` writes a docs folder holding the generated pages, every handoff with its scorecard
and safe frontmatter, and the handoffs folder's other files; after the builder ran, `clean`
does to its output what the hooks do during a MkDocs build: sanitise every page's content
and the search index.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from handoff_lint.errors import ConfigError
from handoff_lint.site.build import Site, inside
from handoff_lint.site.safety import Privacy, clean_search_index, sanitize_built_page

# A folder holding this file was written by `handoff site` and may be replaced by it.
MARKER = ".handoff-site"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handoff site",
        description="The handoff site for builders without MkDocs hooks (Zensical, ...). "
        "`mkdocs build` and `mkdocs serve` need neither command.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    pages = commands.add_parser(
        "pages",
        help="write the site's pages as Markdown to a folder, to build from",
        description="Write the dashboard, indexes, accounts, owners, scoring and rule pages, "
        "and every handoff with its scorecard, as Markdown to OUT.",
    )
    pages.add_argument("out", metavar="OUT", help="the folder to write (replaced if it exists)")
    pages.add_argument(
        "--docs", metavar="DIR", help="the handoffs folder (default: from settings, or handoffs/)"
    )
    clean = commands.add_parser(
        "clean",
        help="sanitise a site built from those pages, and its search index",
        description="Sanitise the content of every HTML page under SITE and its search "
        "index, as the MkDocs hooks do during a build.",
    )
    clean.add_argument("site", metavar="SITE", help="the built site's folder")
    for command in (pages, clean):
        command.add_argument(
            "--mask-contacts",
            action="store_true",
            help="mask e-mail addresses and phone numbers (secrets are always redacted)",
        )
    return parser


def _frontmatter(meta: dict[str, object]) -> str:
    # JSON strings and lists are valid YAML, and quote everything that needs it.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def write(site: Site, out: Path) -> tuple[int, int]:
    """Write every page of `site` under `out`; returns (handoff pages, generated pages)."""
    for page in site.generated:
        target = out / page.src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_frontmatter(site.page_meta(page)) + page.markdown, encoding="utf-8")
    for handoff in site.library.handoffs:
        body = ""
        if site.publishable(handoff):
            # Universal newlines and a dropped BOM, as the linter read it.
            body = (site.docs / handoff.src).read_text(encoding="utf-8-sig")
        target = out / handoff.src
        target.parent.mkdir(parents=True, exist_ok=True)
        text = _frontmatter(site.handoff_meta(handoff)) + site.handoff_markdown(handoff, body)
        target.write_text(text, encoding="utf-8")
    written = {handoff.src for handoff in site.library.handoffs} | {p.src for p in site.generated}
    for path in sorted(site.docs.rglob("*")):
        src = path.relative_to(site.docs).as_posix()
        hidden = any(part.startswith(".") for part in Path(src).parts)
        if hidden or src in written or not path.is_file() or not inside(path, site.docs):
            continue
        if path.suffix == ".md":
            # Only handoffs and generated pages are made safe here; other Markdown is left out.
            continue
        (out / src).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, out / src)
    return len(site.library.handoffs), len(site.generated)


def clean(site_dir: Path, privacy: Privacy) -> tuple[int, int]:
    """Sanitise every built page's content and every search index under `site_dir`."""
    pages = indexes = 0
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        cleaned = sanitize_built_page(text)
        if cleaned != text:
            path.write_text(cleaned, encoding="utf-8")
        pages += 1
    for path in sorted(site_dir.rglob("search_index.json")):
        index = json.loads(path.read_text(encoding="utf-8"))
        cleaned_index = clean_search_index(index, privacy)
        path.write_text(json.dumps(cleaned_index, ensure_ascii=False), encoding="utf-8")
        indexes += 1
    return pages, indexes


def main(argv: Sequence[str]) -> int:
    args = _parser().parse_args(list(argv))
    privacy = Privacy(mask_contacts=args.mask_contacts)
    if args.command == "clean":
        site_dir = Path(args.site)
        if not site_dir.is_dir():
            print(f"handoff site: {args.site}: no such folder", file=sys.stderr)
            return 2
        pages, indexes = clean(site_dir, privacy)
        print(f"Sanitised {pages} pages and {indexes} search indexes in {args.site}")
        return 0
    return write_pages(args.out, args.docs, privacy)


def write_pages(given_out: str, given_docs: str | None, privacy: Privacy) -> int:
    from handoff_lint.discovery import default_paths
    from handoff_lint.project import Workspace

    docs = Path(given_docs or default_paths(Workspace())[0]).absolute()
    out = Path(given_out).absolute()
    if not docs.is_dir():
        print(f"handoff site: {given_docs or docs}: no such folder", file=sys.stderr)
        return 2
    if inside(out, docs) or inside(docs, out):
        print(
            f"handoff site: {given_out} must be outside the handoffs folder {docs} "
            "(generated pages are never written among the handoffs)",
            file=sys.stderr,
        )
        return 2
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        print(
            f"handoff site: {given_out} exists and was not written by `handoff site pages`: "
            "choose a new or empty folder",
            file=sys.stderr,
        )
        return 2
    try:
        site = Site.load(docs, privacy)
    except ConfigError as exc:
        print(f"handoff: configuration error: {exc}", file=sys.stderr)
        return 2
    # Write next to OUT, then swap it in: an interrupted run leaves the old folder whole.
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp's 0700 would hide the folder from a web server
    try:
        handoffs, generated = write(site, staging)
        (staging / MARKER).write_text("written by `handoff site pages`; replaced on each run\n")
        if out.exists():
            old = out.with_name(f".{out.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(out, old)
            os.replace(staging, out)
            shutil.rmtree(old)
        else:
            os.replace(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"Wrote {handoffs} handoff pages and {generated} generated pages to {given_out}")
    return 0
