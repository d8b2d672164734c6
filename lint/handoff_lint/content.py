"""A section's content as the criteria see it: entries, fields and text, template text gone."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from handoff_lint.lexicon import Lexicon
from handoff_lint.text import clean, fingerprint, heading_key, split_label

if TYPE_CHECKING:
    from handoff_lint.document import Section

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Template:
    """A type's template as text to ignore: its fragments, and every word it uses."""

    fragments: frozenset[str] = frozenset()  # fingerprints, with and without [brackets]
    vocabulary: frozenset[str] = frozenset()
    # Answers so far: the same cells and lines are asked about by several sections.
    _seen: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def holds(self, text: str) -> bool:
        """Template text: a fragment of it, or a near copy of its hints (brackets removed)."""
        if text not in self._seen:
            self._seen[text] = self._holds(text)
        return self._seen[text]

    def _holds(self, text: str) -> bool:
        key = fingerprint(text)
        if key in self.fragments:
            return True
        words = key.split()
        if len(words) < 4 or _DIGIT.search(text):
            return False
        return sum(w in self.vocabulary for w in words) >= 0.9 * len(words)


_LABEL_PARTS = re.compile(r"\s*(?:/|,|;|\+|&|\band\b)\s*")


@dataclass(frozen=True)
class Item:
    """One entry of a list, a table row or a `**Label:** value` line, placeholders removed."""

    text: str
    line: int
    cells: Mapping[str, str]  # header key -> cleaned cell, for table rows

    def column(self, names: Iterable[str]) -> str | None:
        """The cell under the first header naming one of `names`; None when no such column."""
        for header, value in self.cells.items():
            words = {word.rstrip("s") for word in header.split()}
            if any(all(w.rstrip("s") in words for w in name.split()) for name in names):
                return value
        return None

    def snippet(self) -> str:
        text = self.text if len(self.text) <= 40 else self.text[:39].rstrip() + "…"
        return f"“{text}”"


class Content:
    """A section's content as the criteria see it: template text and placeholders gone."""

    def __init__(
        self,
        section: Section,
        template: Template = Template(),
        lexicon: Lexicon | None = None,
        elsewhere: str = "",
    ) -> None:
        self.section = section
        self.template = template
        self.lexicon = lexicon or Lexicon()
        self.elsewhere = elsewhere  # the rest of the handoff, where a fact may be said in passing

    def clean(self, text: str) -> str:
        text = clean(text)
        return "" if text and self.template.holds(text) else text

    def text(self) -> str:
        return " ".join(filter(None, (self.clean(line.text) for line in self.section.lines())))

    def evidence(self) -> str:
        """The text facts may be read from: values, sentences and whole rows, not bare labels.

        A template row `| Executive Sponsor | see CRM |` says nothing of the sponsor.
        """
        parts = []
        for line in (*self.section.paragraphs, *self.section.items):
            pair = split_label(line.text)
            parts.append(self.clean(pair[1] if pair else line.text))
        for table in self.section.tables:
            for row in table.rows:
                cells = [self.clean(cell) for cell in row]
                if all(cells):
                    parts.append(" | ".join(cells))
        return " ".join(filter(None, parts))

    def is_empty(self) -> bool:
        return not self.text()

    def fields(self) -> dict[str, tuple[str, int]]:
        """Label -> (value, line), from key/value tables, people tables and label lines."""
        found: dict[str, tuple[str, int]] = {}

        def add(label: str, value: str, line: int) -> None:
            # "Executive Sponsor / Economic Buyer" answers for both roles.
            for part in (label, *_LABEL_PARTS.split(label)):
                key = heading_key(part)
                if key and (key not in found or not found[key][0]):
                    found[key] = (value, line)

        for table in self.section.tables:
            for column, header in enumerate(table.header):
                if table.rows and column < len(table.rows[0]):
                    add(header, self.clean(table.rows[0][column]), table.row_lines[0])
            for row, line in zip(table.rows, table.row_lines, strict=True):
                for column, cell in enumerate(row):
                    others = (self.clean(c) for i, c in enumerate(row) if i != column)
                    add(cell, ", ".join(filter(None, others)), line)
        for entry in (*self.section.paragraphs, *self.section.items):
            pair = split_label(entry.text)
            if pair:
                add(pair[0], self.clean(pair[1]), entry.line)
        return found

    def items(self) -> list[Item]:
        """The entries of the section's lists, tables and label lines, in the file's order."""
        entries = []
        for table in self.section.tables:
            headers = [heading_key(h) for h in table.header]
            for row, line in zip(table.rows, table.row_lines, strict=True):
                cells = {h: self.clean(c) for h, c in zip(headers, row, strict=False)}
                text = " | ".join(filter(None, cells.values()))
                if text:
                    entries.append(Item(text, line, cells))
        for entry in self.section.items:
            text = self.clean(entry.text)
            if text:
                entries.append(Item(text, entry.line, {}))
        for entry in self.section.paragraphs:
            pair = split_label(entry.text)
            # "Two things to watch:" introduces a list; it is not an entry itself.
            if pair and self.clean(pair[1]):
                entries.append(Item(self.clean(entry.text), entry.line, {}))
        return sorted(entries, key=lambda item: item.line)
