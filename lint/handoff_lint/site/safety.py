"""What makes the published site safe: redaction, contact masking, escaping and sanitising.

Every value a page shows from a handoff's frontmatter goes through `Escaper`, every rendered
page through `sanitize`, and the search index through `clean_search_index`. Nothing else in
the site package writes a handoff's words into HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import nh3

from handoff_lint import secrets

EMAIL_MASK = "[e-mail hidden]"
PHONE_MASK = "[phone hidden]"

_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
# Phone numbers as people write them in handoffs: with a country code (+31 10 555 0123),
# North-American style ((555) 010-4477, 555-010-4477), or after a Phone/Tel/Mobile label.
# Dates (2026-12-01), amounts and versions do not match: each form needs a `+`, brackets,
# a 3-3-4 grouping or a label, and at least 7 digits.
_PHONE = re.compile(
    r"(?<![\w/+=.-])(?:"
    r"\+\d[\d ().-]{5,}\d"
    r"|\(\d{2,5}\) ?\d[\d .-]{4,}\d"
    r"|\d{3}[.-]\d{3}[.-]\d{4}"
    r")(?![\w-])"
    r"|(?i:\b(?:phone|tel|mobile|cell|fax)\b(?: number)?\s*[:.]?\s*)"
    r"(?P<labelled>\+?[\d(][\d ().-]{5,}\d)"
)
_MIN_PHONE_DIGITS = 7


@dataclass(frozen=True)
class Privacy:
    """What to hide on the published site: secrets always, contacts when `mask_contacts`."""

    mask_contacts: bool = False

    def clean(self, text: str) -> str:
        """`text` with credentials redacted and, when asked, e-mails and phones masked."""
        text = secrets.redact(text)
        return mask_contacts(text) if self.mask_contacts else text


def mask_contacts(text: str) -> str:
    """`text` with every e-mail address and phone number replaced by a marker."""
    text = _EMAIL.sub(EMAIL_MASK, text)
    return _PHONE.sub(_mask_phone, text)


def _mask_phone(match: re.Match[str]) -> str:
    number = match.group("labelled") or match.group(0)
    if sum(c.isdigit() for c in number) < _MIN_PHONE_DIGITS:
        return match.group(0)
    start = match.start("labelled") if match.group("labelled") else match.start()
    return match.group(0)[: start - match.start()] + PHONE_MASK


def as_text(value: Any) -> str:
    """A frontmatter value as one line of text (None is empty, whitespace runs are one space)."""
    if value is None:
        return ""
    return " ".join(str(value).split())


@dataclass(frozen=True)
class Escaper:
    """Turns frontmatter values into text that is inert where it is written.

    Values are cleaned (redacted, masked) before they are escaped, since a masked pattern
    no longer matches once escaped.
    """

    privacy: Privacy

    def plain(self, value: Any) -> str:
        """The cleaned value, not escaped: for computing, never for writing into a page."""
        return self.privacy.clean(as_text(value))

    def html(self, value: Any) -> str:
        """For HTML and for the theme's templates (`<title>`, nav, tag chips, meta)."""
        return html.escape(self.plain(value), quote=True)

    def markdown(self, value: Any) -> str:
        """For Markdown source: every ASCII punctuation mark becomes a numeric character
        reference, so no value can open emphasis, a link, a table cell, an emoji shortcode,
        an attribute list or an HTML tag, whatever the Markdown extensions."""
        return _markdown_escape(self.plain(value))

    def code(self, value: Any) -> str:
        """For a value shown as code in Markdown source, in a paragraph or a table cell.

        A `<code>` element holding the value escaped as for `markdown`, not a backtick
        span: inside a backtick span character references show as typed, so the value
        could only go in raw, and then Python-Markdown shows a cell's `\\|` with its
        backslash and pymdownx.inlinehilite reads a leading `#!lang` as a language. The
        element shows the value as typed in every builder and nothing in it is Markdown.
        """
        return _code(self.plain(value))

    def message(self, value: str) -> str:
        """A linter message, escaped like any value, its `code` spans shown as code."""
        parts = self.plain(value).split("`")
        if len(parts) % 2 == 0:  # an unpaired backtick: no code spans to show
            return self.markdown(value)
        return "".join(
            _code(part) if n % 2 else _markdown_escape(part) for n, part in enumerate(parts)
        )


def _code(text: str) -> str:
    return f"<code>{_markdown_escape(text)}</code>"


def _markdown_escape(text: str) -> str:
    return "".join(
        char if char.isalnum() or char == " " or ord(char) > 127 else f"&#{ord(char)};"
        for char in text
    )


# What Material and the enabled Markdown extensions render, and nothing that runs or loads:
# no script, style, iframe, object, form or event attribute, and no URL that is not http(s),
# mailto, tel or relative.
_TAGS = {
    *(f"h{n}" for n in range(1, 7)),
    *("p", "br", "hr", "div", "span", "blockquote", "pre", "code", "kbd", "samp", "var"),
    *("a", "img", "figure", "figcaption", "abbr", "cite", "q", "time", "small", "sub", "sup"),
    *("b", "strong", "i", "em", "u", "s", "del", "ins", "mark"),
    *("ul", "ol", "li", "dl", "dt", "dd", "details", "summary", "nav", "article", "section"),
    "aside",
    *("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"),
    # Tabs (pymdownx.tabbed) are radio inputs and labels; task lists are checkboxes.
    *("input", "label"),
    # Emoji and icons (pymdownx.emoji to_svg), and the dashboard's chart.
    *("svg", "path", "g", "rect", "circle", "line", "polyline", "polygon", "text", "title"),
}
_GLOBAL_ATTRIBUTES = {"class", "id", "title", "lang", "dir", "role", "aria-label", "aria-hidden"}
_SVG_ATTRIBUTES = {
    *("viewBox", "xmlns", "width", "height", "fill", "fill-rule", "clip-rule", "stroke"),
    *("stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "opacity"),
    *("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points"),
    *("text-anchor", "dominant-baseline", "font-size", "font-weight", "transform"),
}
_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GLOBAL_ATTRIBUTES,
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "checked", "disabled", "name"},
    "label": {"for"},
    "details": {"open"},
    "ol": {"start", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "th": {"align", "colspan", "rowspan", "scope", "style"},
    "td": {"align", "colspan", "rowspan", "style"},
    "div": {"data-tabs"},
    **{tag: _SVG_ATTRIBUTES for tag in ("svg", "path", "g", "rect", "circle", "line")},
    **{tag: _SVG_ATTRIBUTES for tag in ("polyline", "polygon", "text")},
}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Ids the Markdown extensions generate with a leading `__`; any other such id could shadow
# one of the theme's own elements (`__drawer`, `__search`, ...).
_OWN_IDS = ("__tabbed_", "__codelineno-", "__code_")
_REFERENCES = {"id", "for", "name"}
# Classes the theme's JavaScript answers by loading code from a CDN (`pre.mermaid` makes
# Material fetch Mermaid from unpkg.com).
_FETCHING_CLASSES = {"mermaid"}


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "class":
        return " ".join(c for c in value.split() if c not in _FETCHING_CLASSES) or None
    if attribute == "src":
        # Only images shipped with the site: an external one would be fetched by every reader.
        external = value.startswith("//") or ":" in value.split("/", 1)[0]
        return None if external else value
    if attribute in _REFERENCES and value.startswith("__") and not value.startswith(_OWN_IDS):
        return None
    return value


@cache
def _cleaner(inline: bool) -> nh3.Cleaner:
    if inline:
        return nh3.Cleaner(tags=set(), attributes={}, link_rel=None)
    return nh3.Cleaner(
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes=_URL_SCHEMES,
        filter_style_properties={"text-align"},
        link_rel=None,
        strip_comments=True,
    )


def sanitize(page_html: str) -> str:
    """A rendered page's content with everything that could run or load removed."""
    return _cleaner(False).clean(page_html)


def sanitize_inline(text_html: str) -> str:
    """Text with every tag removed and the rest escaped: for headings in the contents list."""
    return _cleaner(True).clean(text_html)


# The content of a built page: Material (and Zensical's classic theme) put it in the one
# <article> of the page. Greedy to the last </article>, so that a `</article>` written in a
# handoff cannot end the region early and leave what follows it unsanitised.
_ARTICLE = re.compile(r"(<article\b[^>]*>)(.*)(</article>)", re.DOTALL | re.IGNORECASE)


def sanitize_built_page(page_html: str) -> str:
    """A whole built page with its content (its <article>) sanitised, the theme left as is."""
    return _ARTICLE.sub(lambda m: m.group(1) + sanitize(m.group(2)) + m.group(3), page_html, 1)


def clean_search_index(index: Mapping[str, Any], privacy: Privacy) -> dict[str, Any]:
    """The search index with the same redaction, masking and sanitising as the pages."""
    docs = []
    for entry in index.get("docs", []):
        entry = dict(entry)
        for key in ("title", "text"):
            if isinstance(entry.get(key), str):
                entry[key] = sanitize(privacy.clean(entry[key]))
        if isinstance(entry.get("tags"), list):
            entry["tags"] = [
                sanitize_inline(privacy.clean(tag)) for tag in entry["tags"] if isinstance(tag, str)
            ]
        docs.append(entry)
    return {**index, "docs": docs}
