"""The rubric as data: categories, weights, each type's sections and their criteria."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

from handoff_lint import resources
from handoff_lint.criteria import KINDS
from handoff_lint.errors import ConfigError
from handoff_lint.lexicon import Fact, Lexicon, phrases
from handoff_lint.text import heading_key


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    weight: Fraction
    about: str


@dataclass(frozen=True)
class Criterion:
    kind: str
    params: Mapping[str, Any]


@dataclass(frozen=True)
class SectionSpec:
    heading: str
    aliases: tuple[str, ...]
    category: str | None
    criterion: Criterion | None
    keys: frozenset[str]  # the heading and its aliases, as heading keys
    words: tuple[str, ...] = ()  # words that make another heading this section's
    optional: bool = False  # counts when told; its absence does not lower the category

    @property
    def kind(self) -> str | None:
        return self.criterion.kind if self.criterion else None

    @property
    def pattern(self) -> re.Pattern[str] | None:
        return phrases(self.words)

    def matches(self, key: str) -> bool:
        """Whether a heading (as its key) is this section's: exactly, or by its words."""
        pattern = phrases(self.words)
        return key in self.keys or bool(pattern and pattern.search(key))


@dataclass(frozen=True)
class HandoffType:
    slug: str
    name: str
    title: str
    about: str
    sections: tuple[SectionSpec, ...]

    def sections_for(self, category: str) -> tuple[SectionSpec, ...]:
        return tuple(s for s in self.sections if s.category == category)


@dataclass(frozen=True)
class Rubric:
    source: Path
    threshold: float
    levels: Mapping[str, Fraction]
    categories: tuple[Category, ...]
    types: Mapping[str, HandoffType]
    catch_all: tuple[str, ...] = ()  # heading words of sections searched for every section
    lexicon: Lexicon = field(default_factory=Lexicon)


def load(path: Path | None = None) -> Rubric:
    """The rubric at `path` (the packaged one by default), validated.

    A `Project` loads it once; nothing here remembers it, so a new project sees every edit.
    """
    resolved = (path or resources.data_file("rubric.yaml")).resolve()
    return _build(resolved, _read(resolved))


def _read(path: Path) -> Any:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except OSError as exc:
        raise ConfigError(f"cannot read the rubric {path}: {exc.strerror}") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"the rubric {path} is not valid YAML: {exc}") from exc
    if path == resources.data_file("rubric.yaml").resolve():
        return data  # the packaged rubric is validated by the test suite, not on every run
    from handoff_lint import schema

    problems = schema.packaged().check_data(data, "rubric")
    if problems:
        raise ConfigError(
            f"the rubric {path} does not match its schema:\n  " + "\n  ".join(problems)
        )
    return data


def _section(path: Path, slug: str, s: Mapping[str, Any], known: set[str]) -> SectionSpec:
    """One section of a type, its category and criterion kind checked against the rubric."""
    category = s.get("category")
    if category is not None and category not in known:
        raise ConfigError(
            f"the rubric {path}: section {s['heading']!r} of {slug} feeds an unknown "
            f"category {category!r} (known: {', '.join(sorted(known))})"
        )
    criterion = s.get("criterion")
    if criterion and criterion.get("kind") not in KINDS:
        raise ConfigError(
            f"the rubric {path}: section {s['heading']!r} of {slug} has a criterion of "
            f"unknown kind {criterion.get('kind')!r} (known: {', '.join(KINDS)})"
        )
    aliases = tuple(s.get("aliases", ()))
    return SectionSpec(
        s["heading"],
        aliases,
        category,
        Criterion(criterion["kind"], criterion) if criterion else None,
        frozenset(heading_key(name) for name in (s["heading"], *aliases)),
        tuple(s.get("words", ())),
        bool(s.get("optional", False)),
    )


def _build(path: Path, data: Mapping[str, Any]) -> Rubric:
    categories = tuple(
        Category(c["id"], c["name"], Fraction(str(c["weight"])), c.get("about", ""))
        for c in data["categories"]
    )
    known = {c.id for c in categories}
    types = {
        slug: HandoffType(
            slug,
            spec["name"],
            spec["title"],
            spec.get("about", ""),
            tuple(_section(path, slug, s, known) for s in spec["sections"]),
        )
        for slug, spec in data["types"].items()
    }
    levels = {name: Fraction(str(value)) for name, value in data["levels"].items()}
    facts = {
        heading_key(name): Fact(tuple(f.get("words", ())), tuple(f.get("kinds", ())))
        for name, f in data.get("facts", {}).items()
    }
    return Rubric(
        path,
        float(data["threshold"]),
        levels,
        categories,
        types,
        tuple(data.get("catch_all", ())),
        Lexicon(facts, frozenset(heading_key(v) for v in data.get("vague", ()))),
    )
