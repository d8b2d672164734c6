"""MkDocs hooks for the handoff site: delegation only, the work is in handoff_lint.site.events.

Kept this thin so that moving to another builder means replacing this file, not the site.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

try:
    from handoff_lint.site.events import SiteEvents
except ImportError as exc:  # only without the package or its `site` extra
    raise PluginError(
        f"the handoff site needs handoff-lint with its site extra: pip install -e '.[site]' ({exc})"
    ) from exc

_events = SiteEvents()

on_startup = _events.on_startup
on_config = _events.on_config
on_files = _events.on_files
on_page_markdown = _events.on_page_markdown
on_page_content = _events.on_page_content
on_page_context = _events.on_page_context
on_post_build = _events.on_post_build
