"""The MkDocs side of the site: what each build event does, for the thin `hooks/` file.

Order within a build: `on_config` reads the options and sets the navigation; `on_files`
lints every handoff once and adds the generated pages as virtual files; `on_page_markdown`
gives each handoff its scorecard and safe metadata before any other plugin reads it;
`on_page_context` sanitises every page's content before search indexes it; `on_post_build`
cleans the search index the search plugin wrote.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils.templates import TemplateContext

from handoff_lint import project
from handoff_lint.errors import ConfigError
from handoff_lint.project import Workspace
from handoff_lint.run import cache_folder
from handoff_lint.site import safety
from handoff_lint.site.build import Site, inside
from handoff_lint.site.pages import navigation
from handoff_lint.site.safety import Escaper, Privacy

log = logging.getLogger("mkdocs.handoff_site")

# Where the options live in mkdocs.yml: `extra: {handoff: {mask_contacts: true}}`.
OPTIONS_KEY = "handoff"
_OPTIONS = {"mask_contacts"}
_REPLACED_BY_DASHBOARD = {"README.md", "index.md"}


def privacy_from(config: MkDocsConfig) -> Privacy:
    options = config.extra.get(OPTIONS_KEY) or {}
    if not isinstance(options, dict):
        raise PluginError(f"extra.{OPTIONS_KEY} in mkdocs.yml must be a mapping of options")
    unknown = set(options) - _OPTIONS
    if unknown:
        raise PluginError(
            f"extra.{OPTIONS_KEY}: unknown option {', '.join(sorted(unknown))} "
            f"(known: {', '.join(sorted(_OPTIONS))})"
        )
    mask = options.get("mask_contacts", False)
    if not isinstance(mask, bool):
        raise PluginError(f"extra.{OPTIONS_KEY}.mask_contacts must be true or false")
    return Privacy(mask_contacts=mask)


def _toc(items: Iterable[AnchorLink]) -> Iterable[AnchorLink]:
    for item in items:
        yield item
        yield from _toc(item.children)


# What the handoffs folder may publish besides handoff Markdown: images that cannot run script.
_MEDIA = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"}
_THEME_FOLDERS = ("assets/", "search/", "stylesheets/", "javascripts/")


def _publishable(file: File) -> bool:
    if file.src_uri.startswith(_THEME_FOLDERS):
        return False
    return file.is_documentation_page() or Path(file.src_uri).suffix.lower() in _MEDIA


def _keep_only_publishable(files: Files, docs: Path) -> None:
    """Drop the docs folder's files that leave it through a link or may not be published."""
    for file in list(files):
        # Files of the docs folder only (the theme's own files live elsewhere).
        from_docs = file.src_dir is not None and Path(file.src_dir) == docs
        if from_docs and file.abs_src_path and not inside(Path(file.abs_src_path), docs):
            log.warning(f"{file.src_uri} leaves the docs folder through a link: not published")
            files.remove(file)
        elif from_docs and not _publishable(file):
            # evil.html or an .svg would run script on the site's own origin, and a file at
            # assets/javascripts/... would replace the theme's.
            log.info(f"{file.src_uri}: not published (only handoffs and images are)")
            files.remove(file)


class SiteEvents:
    """The handoff site's MkDocs events; one instance per hooks module."""

    def __init__(self) -> None:
        self.privacy = Privacy()
        self.site: Site | None = None
        self.serving = False

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def _site(self) -> Site:
        if self.site is None:
            raise PluginError("the handoff site was not loaded: on_files did not run")
        return self.site

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # A rebuild under `mkdocs serve` loads the project again: edits are seen.
        self.site = None
        self.privacy = privacy_from(config)
        if config.nav is None:
            try:
                rules = project.load(Path(config.docs_dir)).rubric
            except ConfigError as exc:
                raise PluginError(f"handoff site: {exc}") from exc
            config.nav = navigation(rules, Escaper(self.privacy))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        docs = Path(config.docs_dir)
        _keep_only_publishable(files, docs)

        def published(src: str) -> bool:
            file = files.get_file_from_path(src)
            return file is not None and file.is_documentation_page()

        # Under `mkdocs serve` a rebuild re-lints only the handoffs that changed, and in this
        # process: the server's threads and a forked worker pool do not mix.
        cache = cache_folder(Workspace()) if self.serving else None  # None: no project
        jobs = 1 if self.serving else None
        try:
            site = Site.load(docs, self.privacy, published, jobs=jobs, cache=cache)
        except ConfigError as exc:
            raise PluginError(f"handoff site: {exc}") from exc
        self.site = site
        for handoff in site.library.handoffs:
            own = files.get_file_from_path(handoff.src)
            if own is not None and not site.publishable(handoff):
                # Never let the builder read it: it is not text, or too large.
                files.remove(own)
                own = File.generated(config, handoff.src, content="")
                files.append(own)
            if own is not None:
                own.inclusion = InclusionLevel.NOT_IN_NAV
        for src in _REPLACED_BY_DASHBOARD:
            own = files.get_file_from_path(src)
            if own is not None and site.handoff(src) is None:
                log.info(f"{src} in the docs folder is left out: the dashboard is the home page")
                files.remove(own)
        for page in site.generated:
            existing = files.get_file_from_path(page.src)
            if existing is not None:
                log.warning(f"{page.src} in the docs folder is replaced by a generated page")
                files.remove(existing)
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(
                File.generated(config, page.src, content=page.markdown, inclusion=inclusion)
            )
        return files

    # Before the tags plugin reads the tags and git-revision-date adds its dates to the meta.
    @event_priority(100)
    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        site = self._site()
        src = page.file.src_uri
        handoff = site.handoff(src)
        if handoff is not None:
            page.meta = site.handoff_meta(handoff)
            return site.handoff_markdown(handoff, markdown)
        generated = site.page(src)
        if generated is not None:
            page.meta = site.page_meta(generated)
            return markdown
        # Any other page in the docs folder: only its title survives, escaped.
        title = page.meta.get("title")
        page.meta = {"title": site.escaper.html(title)} if title else {}
        return self.privacy.clean(markdown)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # A title taken from the page's first heading is shown unescaped by the theme too.
        if "title" not in page.meta:
            page.meta["title"] = safety.sanitize_inline(page.title or "")
        return html

    # Before the search plugin indexes the content (priority 0), after the tags plugin
    # filled its listings in (on_env): the one place every page's content is sanitised.
    @event_priority(100)
    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        page.content = safety.sanitize(page.content or "")
        for item in _toc(page.toc):
            item.title = safety.sanitize_inline(item.title)
        return context

    # After the search plugin wrote its index.
    @event_priority(-100)
    def on_post_build(self, config: MkDocsConfig) -> None:
        path = Path(config.site_dir, "search", "search_index.json")
        if not path.is_file():
            return
        index: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        cleaned = safety.clean_search_index(index, self.privacy)
        path.write_text(json.dumps(cleaned, ensure_ascii=False, separators=(",", ":")), "utf-8")


__all__ = ["SiteEvents", "privacy_from"]
