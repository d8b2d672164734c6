"""The document model: frontmatter with real key lines, sections with real line spans."""

from __future__ import annotations

from handoff_lint.document import parse
from handoff_lint.text import decode, heading_key

SOURCE = """---
type: sales-to-cs
company: Acme
date: 2026-11-24
from:
  name: Ana Ruiz
  role: AE
tags:
  - one
  - two
---
# Title

## 🚩 3. Success Criteria (Agreed with Customer)
1. First
2. Second
   - nested detail

| A | B |
|---|---|
| x | y |

**Owner:** Dana
"""


def test_dates_stay_text_and_every_key_has_its_line() -> None:
    doc = parse("x.md", SOURCE)
    assert doc.frontmatter is not None
    assert doc.frontmatter["date"] == "2026-11-24"
    assert doc.key_lines[("date",)] == 4
    assert doc.key_lines[("from", "role")] == 7
    assert doc.key_lines[("tags", 1)] == 10
    assert doc.line_of(("from", "email")) == 5  # a missing key points at its parent


def test_sections_lists_tables_and_lines() -> None:
    doc = parse("x.md", SOURCE)
    section = doc.section(frozenset({"success criteria"}))
    assert section is not None
    assert section.line == 14 and section.level == 2
    assert [(i.text, i.line) for i in section.items] == [
        ("First", 15),
        ("Second nested detail", 16),
    ]
    assert section.tables[0].header == ("A", "B")
    assert section.tables[0].rows == (("x", "y"),)
    assert section.tables[0].row_lines == (21,)
    assert [(p.text, p.line) for p in section.paragraphs] == [("**Owner:** Dana", 23)]


def test_bom_and_crlf_read_like_plain_utf8() -> None:
    raw = ("\ufeff" + SOURCE).replace("\n", "\r\n").encode("utf-8")
    doc = parse("x.md", decode(raw))
    assert doc.frontmatter is not None and doc.frontmatter["company"] == "Acme"
    assert doc.key_lines[("date",)] == 4
    assert doc.section(frozenset({"success criteria"})) is not None


def test_duplicate_keys_are_reported_with_both_lines() -> None:
    doc = parse("x.md", "---\ntype: sdr-to-ae\ncompany: A\ncompany: B\n---\n")
    assert doc.frontmatter is None
    [diagnostic] = doc.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("HO105", 4)
    assert "first on line 3" in diagnostic.message


def test_yaml_errors_point_at_their_line() -> None:
    doc = parse("x.md", "---\ntype: sdr-to-ae\ncompany: [unclosed\ndate: x\n---\n")
    [diagnostic] = doc.diagnostics
    assert diagnostic.code == "HO103"
    assert diagnostic.line is not None and diagnostic.line >= 3


def test_python_tags_are_refused_not_run() -> None:
    doc = parse("x.md", "---\ntype: !!python/object/apply:os.system ['echo hi']\n---\n")
    [diagnostic] = doc.diagnostics
    assert diagnostic.code == "HO103" and diagnostic.line == 2


def test_missing_and_unclosed_frontmatter() -> None:
    assert parse("x.md", "# Just a body\n").diagnostics[0].code == "HO102"
    unclosed = parse("x.md", "---\ntype: sdr-to-ae\n# body\n")
    assert unclosed.diagnostics[0].code == "HO102"
    assert "never closed" in unclosed.diagnostics[0].message


def test_frontmatter_that_is_not_a_mapping() -> None:
    assert parse("x.md", "---\n- a\n- b\n---\n").diagnostics[0].code == "HO104"
    assert parse("x.md", "---\n---\nbody\n").diagnostics[0].code == "HO104"


def test_alias_bombs_are_bounded() -> None:
    lines = ["---", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    doc = parse("x.md", "\n".join([*lines, "---", ""]))
    assert [d.code for d in doc.diagnostics] == ["HO108"]


def test_heading_keys_ignore_case_emoji_numbering_and_parenthetical() -> None:
    for heading in (
        "Success Criteria",
        "3. success criteria",
        "🎯 Success Criteria (agreed)",
        "2) **Success** Criteria:",
    ):
        assert heading_key(heading) == "success criteria"
    assert heading_key("Expectations & Success") == heading_key("Expectations and Success")
    assert heading_key("Security & Compliance") == heading_key("Security/Compliance")
