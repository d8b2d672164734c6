"""Immutable result records: what a check found, per section, category, file and run."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
Level = Literal["complete", "partial", "missing", "n/a"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding in one file, at a 1-based line and column (None for the whole file)."""

    code: str
    name: str
    severity: Severity
    message: str
    line: int | None = None
    column: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Diagnostic:
        return cls(**data)


@dataclass(frozen=True, slots=True)
class Finding:
    """Why a section is not complete, in the writer's words, with the line it points at."""

    message: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class SectionResult:
    heading: str
    category: str | None
    level: Level
    line: int | None
    findings: tuple[Finding, ...] = ()
    not_applicable: str | None = None
    # The heading it was read from when that is not its own ("Gotchas" for Risk Flags).
    read_from: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "read_from": self.read_from,
            "heading": self.heading,
            "category": self.category,
            "level": self.level,
            "line": self.line,
            "reasons": [f.message for f in self.findings],
            "reason_lines": [f.line for f in self.findings],
            "not_applicable": self.not_applicable,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SectionResult:
        findings = tuple(
            Finding(m, n) for m, n in zip(data["reasons"], data["reason_lines"], strict=True)
        )
        return cls(
            data["heading"],
            data["category"],
            data["level"],
            data["line"],
            findings,
            data["not_applicable"],
            data["read_from"],
        )


@dataclass(frozen=True, slots=True)
class CategoryResult:
    id: str
    name: str
    base_weight: float
    weight: float
    earned: float
    level: Level
    sections: tuple[SectionResult, ...] = ()

    @property
    def reasons(self) -> list[str]:
        return [f.message for s in self.sections for f in s.findings] + [
            f"{s.heading}: not applicable: {s.not_applicable}"
            for s in self.sections
            if s.not_applicable
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "weight": round(self.weight, 1),
            "base_weight": self.base_weight,
            "earned": round(self.earned, 1),
            "level": self.level,
            "reasons": self.reasons,
            "sections": [s.to_dict() for s in self.sections],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CategoryResult:
        return cls(
            data["id"],
            data["name"],
            data["base_weight"],
            data["weight"],
            data["earned"],
            data["level"],
            tuple(SectionResult.from_dict(s) for s in data["sections"]),
        )


@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything known about one handoff file after every check ran."""

    path: str
    type: str | None
    score: float | None
    threshold: float
    categories: tuple[CategoryResult, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    # Sections the rubric shows but does not score (Expansion Opportunity, ...).
    unscored: tuple[SectionResult, ...] = ()
    # Frontmatter as loaded (dates kept as strings), for scorecards and site pages.
    frontmatter: Mapping[str, Any] = field(default_factory=dict)
    # The path relative to the repository root, POSIX separators (SARIF, annotations).
    uri: str = ""
    # The promises it makes, as plain data (promises.py), compared across an account later.
    facts: Mapping[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)

    @property
    def errors(self) -> int:
        return sum(d.severity == "error" for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity == "warning" for d in self.diagnostics)

    def to_dict(self, facts: bool = True) -> dict[str, Any]:
        """The result as JSON data; `facts=False` leaves out the chain's facts, which only the
        cache needs (they quote the body and would double the size of `--format json`)."""
        return {
            "path": self.path,
            "type": self.type,
            "score": self.score,
            "threshold": self.threshold,
            "passed": self.passed,
            "categories": [c.to_dict() for c in self.categories],
            "unscored": [s.to_dict() for s in self.unscored],
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "frontmatter": dict(self.frontmatter),
            "uri": self.uri,
            **({"facts": dict(self.facts)} if facts and self.facts else {}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FileResult:
        return cls(
            path=data["path"],
            type=data["type"],
            score=data["score"],
            threshold=data["threshold"],
            categories=tuple(CategoryResult.from_dict(c) for c in data["categories"]),
            diagnostics=tuple(Diagnostic.from_dict(d) for d in data["diagnostics"]),
            unscored=tuple(SectionResult.from_dict(s) for s in data["unscored"]),
            frontmatter=data["frontmatter"],
            uri=data.get("uri", ""),
            facts=data.get("facts", {}),
        )


@dataclass(frozen=True, slots=True)
class UsageProblem:
    """A path or setting the run could not use: exit status 2, the rest still reported."""

    message: str


@dataclass(frozen=True, slots=True)
class Report:
    files: tuple[FileResult, ...]
    threshold: float
    problems: tuple[UsageProblem, ...] = ()
    # With --changed-since: each handoff's score on the base branch (None: new there).
    baseline: Mapping[str, float | None] = field(default_factory=dict)

    @property
    def passed(self) -> int:
        return sum(f.passed for f in self.files)

    @property
    def blocked(self) -> int:
        return len(self.files) - self.passed

    @property
    def exit_code(self) -> int:
        if self.problems:
            return 2
        return 1 if self.blocked else 0

    def summary(self) -> dict[str, Any]:
        return {
            "files": len(self.files),
            "passed": self.passed,
            "blocked": self.blocked,
            "errors": sum(f.errors for f in self.files),
            "warnings": sum(f.warnings for f in self.files),
            "threshold": self.threshold,
        }
