"""Emoji for pymdownx.emoji with nothing fetched at view time.

Material's `to_svg` inlines the SVG of the icons the theme ships (`:material-check:`,
`:octicons-alert-16:`, ...), but renders Unicode emoji shortcodes (`:warning:`) as `<img>`
tags pointing at a CDN, since the Twemoji SVGs are not installed. Here those become the
Unicode character itself, drawn by the reader's emoji font.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from material.extensions.emoji import to_svg as material_to_svg  # type: ignore[import-untyped]
from material.extensions.emoji import twemoji


def to_svg(
    index: str,
    shortname: str,
    alias: str,
    uc: str | None,
    alt: str,
    title: str,
    category: str,
    options: dict[str, Any],
    md: Any,
) -> Element:
    """The theme's icons as inline SVG; Unicode emoji as text, never a CDN image."""
    if not uc:
        icon: Element = material_to_svg(
            index, shortname, alias, uc, alt, title, category, options, md
        )
        return icon
    emoji = Element("span", {"class": "emoji", "title": title} if title else {"class": "emoji"})
    emoji.text = alt
    return emoji


__all__ = ["to_svg", "twemoji"]
