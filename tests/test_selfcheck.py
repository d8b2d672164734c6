"""Self-checks: the packaged rubric, schemas, templates and hooks agree with each other."""

from __future__ import annotations

import json
import os

import pytest
import yaml

from conftest import REPO
from handoff_lint import criteria, discovery, project, resources, rubric, schema
from handoff_lint.cli import main

PACKAGED = rubric.load()


def test_the_packaged_rubric_matches_its_schema() -> None:
    data = yaml.safe_load(resources.data_file("rubric.yaml").read_text(encoding="utf-8"))
    assert schema.packaged().check_data(data, "rubric") == []


def test_the_rubric_schema_knows_exactly_the_registered_kinds() -> None:
    # schemas/rubric.schema.json is the file teams read; the kinds come from criteria.KINDS.
    path = REPO / "schemas" / "rubric.schema.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    wanted = criteria.schema_fragments()
    if os.environ.get("HANDOFF_REGENERATE") and data["$defs"]["criterion"]["oneOf"] != wanted:
        data["$defs"]["criterion"]["oneOf"] = wanted
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert data["$defs"]["criterion"]["oneOf"] == wanted, "regenerate: HANDOFF_REGENERATE=1"


@pytest.mark.parametrize("slug", list(PACKAGED.types))
def test_every_type_has_a_schema_a_template_and_described_criteria(slug: str) -> None:
    here = project.load(REPO)
    assert here.schemas.type_schema(slug), f"no schemas/{slug}.schema.json"
    assert (here.templates_dir / f"{slug}.md").is_file()
    for section in PACKAGED.types[slug].sections:
        if section.criterion is not None:
            assert criteria.describe(section.criterion.kind, section.criterion.params)


def test_the_published_hook_matches_the_rubric_types() -> None:
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["files"] == discovery.hook_pattern(PACKAGED.types)


def test_the_repository_handoffs_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    assert main(["lint", "--no-cache", "handoffs"]) == 0
