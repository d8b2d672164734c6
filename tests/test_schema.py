"""Frontmatter schemas: valid JSON Schema, and every problem reported on its key's line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import REPO, TYPES, Run, complete_text

SCHEMAS = sorted((REPO / "schemas").glob("*.schema.json"))


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_schema_passes_the_metaschema(path: Path) -> None:
    Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_every_type_has_a_schema_and_a_template() -> None:
    for slug in TYPES:
        assert (REPO / "schemas" / f"{slug}.schema.json").is_file()
        assert (REPO / "lint" / "handoff_lint" / "templates" / f"{slug}.md").is_file()


def with_frontmatter(slug: str, old: str, new: str) -> str:
    text = complete_text(slug)
    assert old in text
    return text.replace(old, new, 1)


CASES = [
    # (type, old, new, line, words in the message)
    ("sales-to-cs", "date: 2026-10-14", "date: 2026-13-40", 5, "not a date"),
    ("sales-to-cs", "date: 2026-10-14", "date: next tuesday", 5, "YYYY-MM-DD"),
    ("sales-to-cs", "status: ready", "status: done", 8, "use one of: draft, ready, accepted"),
    ("sales-to-cs", "term_months: 24", "term_months: two years", 11, "whole number"),
    ("sales-to-cs", "term_months: 24\n", "", 1, "no `term_months`"),
    (
        "sales-to-cs",
        "to: {name: Tom Becker, role: CSM}",
        "to: {name: Tom Becker}",
        7,
        "no `to.role`",
    ),
    (
        "sales-to-cs",
        "company: Northwind Freight",
        "compnay: Northwind Freight",
        3,
        "did you mean `company`",
    ),
    ("sales-to-cs", "company: Northwind Freight", "company: <b>Northwind</b>", 3, "`<` or `>`"),
    (
        "sales-to-cs",
        "deal: {size: 96000, currency: USD}",
        "deal:\n  size: 96000\n  currency: dollars",
        11,
        "`deal.currency`",
    ),
    ("sdr-to-ae", "source: inbound", "source: cold call", 8, "inbound, outbound"),
    ("ae-to-se", "request: poc", "request: workshop", 8, "demo, poc, deep-dive"),
]


@pytest.mark.parametrize(("slug", "old", "new", "line", "words"), CASES)
def test_schema_errors_name_the_field_on_its_line(
    cli: Callable[..., Run],
    handoff: Callable[..., Path],
    slug: str,
    old: str,
    new: str,
    line: int,
    words: str,
) -> None:
    handoff(slug, with_frontmatter(slug, old, new))
    result = cli("lint", "--format", "json")
    assert result.code == 1
    [file] = result.json()["files"]
    schema_errors = [d for d in file["diagnostics"] if d["code"] == "HO201"]
    assert [d["line"] for d in schema_errors] == [line], schema_errors
    assert words in schema_errors[0]["message"]
    assert file["score"] == 100.0  # the body is still scored


def test_unquoted_yaml_dates_validate(
    cli: Callable[..., Run], handoff: Callable[..., Path]
) -> None:
    text = complete_text("sales-to-cs")
    assert "date: 2026-10-14\n" in text  # unquoted on purpose
    handoff("sales-to-cs", text.replace("date: 2026-10-14", "date: '2026-10-14'"), name="q.md")
    handoff("sales-to-cs")
    assert cli("lint").code == 0


def test_an_ae_to_se_handoff_needs_no_request_field(
    cli: Callable[..., Run], handoff: Callable[..., Path]
) -> None:
    # The request's kind and date are evidence in the body; the field is optional.
    text = with_frontmatter("ae-to-se", "request: poc\n", "")
    handoff("ae-to-se", text)
    result = cli("lint", "--format", "json")
    [file] = result.json()["files"]
    assert [d for d in file["diagnostics"] if d["code"] == "HO201"] == [] and file["passed"]
