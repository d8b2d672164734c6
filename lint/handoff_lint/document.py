"""A handoff file read once: its frontmatter with key lines, and its body as sections."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, ClassVar

from markdown_it import MarkdownIt
from markdown_it.token import Token

from handoff_lint import frontmatter
from handoff_lint.results import Diagnostic
from handoff_lint.rules import RULES
from handoff_lint.text import heading_key


@dataclass(frozen=True)
class Line:
    """One line of content (raw inline Markdown) at its 1-based line in the file."""

    text: str
    line: int


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_lines: tuple[int, ...]
    line: int


@dataclass
class Section:
    """A heading and everything under it down to the next heading of any level."""

    heading: str
    key: str
    level: int
    line: int
    paragraphs: list[Line] = field(default_factory=list)
    items: list[Line] = field(default_factory=list)  # outermost list items, nested text joined
    tables: list[Table] = field(default_factory=list)
    code: list[Line] = field(default_factory=list)
    html: list[Line] = field(default_factory=list)

    def lines(self) -> list[Line]:
        """Every piece of content in the section, in reading order of kind."""
        cells = [
            Line(cell, line)
            for table in self.tables
            for row, line in zip(table.rows, table.row_lines, strict=True)
            for cell in row
        ]
        return [*self.paragraphs, *self.items, *cells, *self.code]


@dataclass(frozen=True)
class Document:
    path: str
    frontmatter: dict[str, Any] | None
    key_lines: dict[tuple[Any, ...], int]
    sections: tuple[Section, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    text: str = ""  # the whole file, decoded, for checks that read every line

    @property
    def type_slug(self) -> str | None:
        """The frontmatter's `type`, when it is text."""
        value = (self.frontmatter or {}).get("type")
        return value if isinstance(value, str) else None

    def section(self, keys: frozenset[str]) -> Section | None:
        """The first section whose heading matches one of `keys`."""
        return next((s for s in self.sections if s.key in keys), None)

    def line_of(self, path: tuple[Any, ...]) -> int | None:
        while path:
            if path in self.key_lines:
                return self.key_lines[path]
            path = path[:-1]
        return None


MAX_FRONTMATTER = 64 * 1024
# `[^<>]*`, not `[^>]*`: a tag's attributes stop at the next `<`, so a line of 100,000 `<a `
# is read in linear time, not tried to its end from every `<`.
_INLINE_HTML = re.compile(r"<(?:[A-Za-z][\w:-]*+(?:\s[^<>]*+)?/?|/[A-Za-z][\w:-]*+\s*+)>")
_CODE_SPAN = re.compile(r"(`+).+?\1")


@cache
def _parser() -> MarkdownIt:
    # Block structure is all the checks need: inline tokens keep their raw text in
    # `content`, so the inline pass (a third of the parse time) is switched off.
    return MarkdownIt("commonmark").enable("table").disable("inline")


def parse(path: str, text: str) -> Document:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        message = (
            "The file has no frontmatter: start it with `---`, the handoff's fields "
            "(type, company, date, from, to, status), then `---`"
        )
        diagnostic = RULES["HO102"].diagnostic(message, 1)
        return Document(path, None, {}, parse_body(text, 1), (diagnostic,), text)
    end = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in ("---", "...")), None)
    if end is None:
        message = "The frontmatter is never closed: add a line with `---` after the last field"
        diagnostic = RULES["HO102"].diagnostic(message, 1)
        return Document(path, None, {}, (), (diagnostic,), text)
    source = "\n".join(lines[1:end])
    if len(source) > MAX_FRONTMATTER:
        message = (
            f"The frontmatter is {len(source) // 1024} KiB; it may be at most "
            f"{MAX_FRONTMATTER // 1024} KiB: keep to the handoff's fields"
        )
        return Document(path, None, {}, (), (RULES["HO108"].diagnostic(message, 1),), text)
    loaded = frontmatter.load(source, 2)
    sections = parse_body("\n".join(lines[end + 1 :]), end + 2)
    return Document(path, loaded.data, loaded.lines, sections, loaded.diagnostics, text)


def parse_body(body: str, first_line: int) -> tuple[Section, ...]:
    """Split the Markdown body into sections; `first_line` is the body's line in the file."""
    tokens = _parser().parse(body)
    sections = [Section("", "", 0, first_line)]
    _Walker(sections, first_line).walk(tokens)
    return tuple(sections)


class _Walker:
    """Walks markdown-it's flat token stream once, filling sections as it goes."""

    def __init__(self, sections: list[Section], first_line: int) -> None:
        self.sections = sections
        self.offset = first_line  # token maps are 0-based within the body
        self.list_depth = 0
        self.item: list[str] | None = None
        self.item_line = 0
        self.row: list[str] | None = None
        self.header: tuple[str, ...] = ()
        self.rows: list[tuple[str, ...]] = []
        self.row_lines: list[int] = []
        self.table_line = 0
        self.in_heading = False

    def line(self, token: Token) -> int:
        return (token.map[0] if token.map else 0) + self.offset

    def walk(self, tokens: list[Token]) -> None:
        for token in tokens:
            handler = self.HANDLERS.get(token.type)
            if handler:
                handler(self, token)

    def heading_open(self, token: Token) -> None:
        self.in_heading = True
        self.sections.append(Section("", "", int(token.tag[1]), self.line(token)))

    def inline(self, token: Token) -> None:
        section = self.sections[-1]
        for number, text in enumerate(token.content.split("\n")):
            if "<" in text and _INLINE_HTML.search(_CODE_SPAN.sub("", text)):
                section.html.append(Line(text, self.line(token) + number))
        if self.in_heading:
            section.heading = token.content.strip()
            section.key = heading_key(token.content)
            self.in_heading = False
        elif self.row is not None:
            self.row.append(token.content.strip())
        elif self.item is not None:
            self.item.append(token.content)
        else:
            start = self.line(token)
            section.paragraphs.extend(
                Line(text, start + n) for n, text in enumerate(token.content.split("\n"))
            )

    def list_open(self, token: Token) -> None:
        self.list_depth += 1

    def list_close(self, token: Token) -> None:
        self.list_depth -= 1

    def item_open(self, token: Token) -> None:
        if self.list_depth == 1:
            self.item, self.item_line = [], self.line(token)

    def item_close(self, token: Token) -> None:
        if self.list_depth == 1 and self.item is not None:
            text = " ".join(" ".join(self.item).split())
            self.sections[-1].items.append(Line(text, self.item_line))
            self.item = None

    def table_open(self, token: Token) -> None:
        self.header, self.rows, self.row_lines = (), [], []
        self.table_line = self.line(token)

    def row_open(self, token: Token) -> None:
        self.row = []
        self.row_lines.append(self.line(token))

    def row_close(self, token: Token) -> None:
        if self.row is not None:
            if not self.header and not self.rows and len(self.row_lines) == 1:
                self.header = tuple(self.row)
                self.row_lines.pop()
            else:
                self.rows.append(tuple(self.row))
        self.row = None

    def table_close(self, token: Token) -> None:
        self.sections[-1].tables.append(
            Table(self.header, tuple(self.rows), tuple(self.row_lines), self.table_line)
        )

    def code(self, token: Token) -> None:
        start = self.line(token) + (1 if token.type == "fence" else 0)
        self.sections[-1].code.extend(
            Line(text, start + n) for n, text in enumerate(token.content.rstrip("\n").split("\n"))
        )

    def html_block(self, token: Token) -> None:
        self.sections[-1].html.append(Line(token.content, self.line(token)))

    HANDLERS: ClassVar[dict[str, Callable[[_Walker, Token], None]]] = {
        "heading_open": heading_open,
        "inline": inline,
        "bullet_list_open": list_open,
        "ordered_list_open": list_open,
        "bullet_list_close": list_close,
        "ordered_list_close": list_close,
        "list_item_open": item_open,
        "list_item_close": item_close,
        "table_open": table_open,
        "tr_open": row_open,
        "tr_close": row_close,
        "table_close": table_close,
        "fence": code,
        "code_block": code,
        "html_block": html_block,
    }
