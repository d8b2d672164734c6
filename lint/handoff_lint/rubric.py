"""The rubric as data: categories, weights, each type's sections and their criteria."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

from handoff_lint import resources
from handoff_lint.criteria import KINDS
from handoff_lint.errors import ConfigError
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

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(heading_key(name) for name in (self.heading, *self.aliases))


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


def _build(path: Path, data: Mapping[str, Any]) -> Rubric:
    categories = tuple(
        Category(c["id"], c["name"], Fraction(str(c["weight"])), c.get("about", ""))
        for c in data["categories"]
    )
    known = {c.id for c in categories}
    types = {}
    for slug, spec in data["types"].items():
        sections = []
        for s in spec["sections"]:
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
            sections.append(
                SectionSpec(
                    s["heading"],
                    tuple(s.get("aliases", ())),
                    category,
                    Criterion(criterion["kind"], criterion) if criterion else None,
                )
            )
        types[slug] = HandoffType(
            slug, spec["name"], spec["title"], spec.get("about", ""), tuple(sections)
        )
    levels = {name: Fraction(str(value)) for name, value in data["levels"].items()}
    return Rubric(path, float(data["threshold"]), levels, categories, types)
