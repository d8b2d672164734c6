"""Formats for other tools: JSON, SARIF 2.1.0, JUnit XML and GitLab Code Quality."""

from __future__ import annotations

import json
from typing import Any

from handoff_lint import __version__
from handoff_lint.reporters.terminal import scorecard, verdict
from handoff_lint.results import Report
from handoff_lint.rules import RULES

_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render_json(report: Report) -> str:
    """One JSON document; built file by file so 10,000 results never sit in memory as dicts."""
    files = ",\n".join(
        "    " + json.dumps(result.to_dict(facts=False), ensure_ascii=False)
        for result in report.files
    )
    problems = json.dumps([problem.message for problem in report.problems], ensure_ascii=False)
    summary = json.dumps(report.summary())
    return (
        f'{{\n  "files": [\n{files}\n  ],\n  "problems": {problems},\n  "summary": {summary}\n}}\n'
    )


def render_sarif(report: Report) -> str:
    """SARIF 2.1.0 for code scanning: every rule described, URIs relative to the repository."""
    codes = list(RULES)
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.why},
            "help": {"text": rule.fix, "markdown": rule.explain()},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        }
        for rule in RULES.values()
    ]
    results: list[dict[str, Any]] = []
    for r in report.files:
        for d in r.diagnostics:
            physical: dict[str, Any] = {
                "artifactLocation": {"uri": r.uri or r.path, "uriBaseId": "SRCROOT"}
            }
            if d.line is not None:
                physical["region"] = {"startLine": d.line, "startColumn": d.column or 1}
            results.append(
                {
                    "ruleId": d.code,
                    "ruleIndex": codes.index(d.code),
                    "level": _SARIF_LEVEL[d.severity],
                    "message": {"text": d.message},
                    "locations": [{"physicalLocation": physical}],
                }
            )
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "handoff-lint",
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
                "columnKind": "unicodeCodePoints",
                "properties": {"summary": report.summary()},
            }
        ],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


def render_junit(report: Report) -> str:
    """JUnit XML: a test case per handoff, failed when it is blocked."""
    import xml.etree.ElementTree as ET

    s = report.summary()
    suites = ET.Element(
        "testsuites",
        name="handoff-lint",
        tests=str(s["files"]),
        failures=str(s["blocked"]),
        errors=str(len(report.problems)),
    )
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="handoffs",
        tests=str(s["files"]),
        failures=str(s["blocked"]),
        errors=str(len(report.problems)),
        skipped="0",
    )
    for r in report.files:
        case = ET.SubElement(
            suite, "testcase", name=r.path, classname=f"handoffs.{r.type}", file=r.uri or r.path
        )
        details = [f"{d.line or '-'}: {d.code} {d.message}" for d in r.diagnostics] + scorecard(
            r, sections=False
        )
        if not r.passed:
            failure = ET.SubElement(case, "failure", message=verdict(r), type="blocked")
            failure.text = "\n".join(details)
        elif details:
            ET.SubElement(case, "system-out").text = "\n".join(details)
    for problem in report.problems:
        case = ET.SubElement(suite, "testcase", name="usage", classname="handoffs")
        ET.SubElement(case, "error", message=problem.message, type="usage")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"


def render_gitlab(report: Report) -> str:
    """GitLab Code Quality: a JSON list of issues with stable fingerprints."""
    import hashlib

    issues = []
    for r in report.files:
        for d in r.diagnostics:
            path = r.uri or r.path
            key = f"{path}\0{d.code}\0{d.line}\0{d.message}".encode()
            issues.append(
                {
                    "description": d.message,
                    "check_name": f"{d.code} {d.name}",
                    "fingerprint": hashlib.sha256(key).hexdigest(),
                    "severity": _GITLAB_SEVERITY[d.severity],
                    "location": {"path": path, "lines": {"begin": d.line or 1}},
                }
            )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
