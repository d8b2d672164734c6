"""Validate frontmatter against the type's JSON Schema and say what to fix, on the key's line."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError
from jsonschema.exceptions import SchemaError
from referencing import Registry, Resource

from handoff_lint import resources
from handoff_lint.errors import ConfigError
from handoff_lint.results import Diagnostic
from handoff_lint.rules import RULES

_KINDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "object": "a group of fields on indented lines below it",
    "array": "a list",
    "boolean": "yes or no",
    "null": "empty",
}
_QUOTED = re.compile(r"'([^']+)'")


@cache
def _registry(folder: Path) -> tuple[Registry, dict[str, dict[str, Any]]]:
    schemas = {}
    registry: Registry = Registry()
    for path in sorted(folder.glob("*.schema.json")):
        try:
            schema = json.loads(path.read_text(encoding="utf-8"))
            if folder != resources.schemas_dir():  # the packaged ones are checked by the tests
                Draft202012Validator.check_schema(schema)
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot read the schema {path}: {exc}") from exc
        except SchemaError as exc:
            raise ConfigError(f"the schema {path} is not valid JSON Schema: {exc.message}") from exc
        name = path.name.removesuffix(".schema.json")
        schemas[name] = schema
        registry = registry.with_resource(schema["$id"], Resource.from_contents(schema))
    return registry, schemas


@cache
def validator(name: str, folder: Path | None = None) -> Draft202012Validator:
    registry, schemas = _registry(folder or resources.schemas_dir())
    if name not in schemas:
        raise ConfigError(f"no schema named {name}.schema.json in {folder or 'the package'}")
    return Draft202012Validator(
        schemas[name], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def known_fields(name: str, folder: Path | None = None) -> list[str]:
    _, schemas = _registry(folder or resources.schemas_dir())
    base = schemas.get("handoff", {}).get("properties", {})
    return sorted({*base, *schemas.get(name, {}).get("properties", {})})


def type_schema(name: str, folder: Path | None = None) -> dict[str, Any]:
    return _registry(folder or resources.schemas_dir())[1].get(name, {})


def check_data(data: Any, schema_file: str) -> list[str]:
    """Plain-text problems of `data` against a packaged schema (used for the rubric)."""
    check = validator(schema_file.removesuffix(".schema.json"))
    return [
        f"{'/'.join(str(p) for p in e.absolute_path) or '(top)'}: {e.message}"
        for e in sorted(check.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    ]


def check_frontmatter(
    frontmatter: Mapping[str, Any], type_slug: str, line_of: Any, folder: Path | None = None
) -> list[Diagnostic]:
    """One diagnostic per problem, each on the line of the key it is about."""
    name = type_slug if type_slug in _registry(folder or resources.schemas_dir())[1] else "handoff"
    check = validator(name, folder)
    fields = known_fields(name, folder)
    seen: set[tuple[Any, ...]] = set()
    diagnostics = []
    for error in sorted(check.iter_errors(frontmatter), key=_order):

        def about(path: tuple[Any, ...]) -> str | None:
            return describe(name, path, folder)

        for path, message in _explain(error, type_slug, fields, about):
            if path in seen:
                continue  # one message per field: a bad date fails both format and pattern
            seen.add(path)
            line = line_of(path) or 1
            diagnostics.append(RULES["HO201"].diagnostic(message, line))
    return diagnostics


def _order(error: ValidationError) -> tuple[int, list[str]]:
    # Specific messages first, so they win over the generic ones for the same field.
    specific = error.validator in ("required", "format", "enum", "type", "unevaluatedProperties")
    return (0 if specific else 1, [str(p) for p in error.absolute_path])


def describe(name: str, path: tuple[Any, ...], folder: Path | None = None) -> str | None:
    """The `description` the schema gives the field at `path`, following `$ref`s."""
    registry, schemas = _registry(folder or resources.schemas_dir())
    node: Any = schemas.get(name, {})
    resolver = registry.resolver(base_uri=node.get("$id", ""))
    description = None
    for part in path:
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            node, resolver = _property(node, resolver, part)
        if not isinstance(node, dict):
            return None
        description = node.get("description") or _follow(node, resolver)[0].get("description")
    return description


def _follow(node: dict[str, Any], resolver: Any) -> tuple[dict[str, Any], Any]:
    while isinstance(node, dict) and "$ref" in node:
        resolved = resolver.lookup(node["$ref"])
        node, resolver = resolved.contents, resolved.resolver
    return node, resolver


def _property(node: dict[str, Any], resolver: Any, name: str) -> tuple[Any, Any]:
    """A property's schema from `node` or the schemas it `$ref`s, the nearest first."""
    while isinstance(node, dict):
        if name in node.get("properties", {}):
            return node["properties"][name], resolver
        if "$ref" not in node:
            break
        resolved = resolver.lookup(node["$ref"])
        node, resolver = resolved.contents, resolved.resolver
    return None, resolver


def _explain(
    error: ValidationError,
    type_slug: str,
    fields: list[str],
    about: Callable[[tuple[Any, ...]], str | None],
) -> Iterator[tuple[tuple[Any, ...], str]]:
    path = tuple(error.absolute_path)
    where = ".".join(str(p) for p in path)
    value = error.instance
    import difflib

    kind = error.validator
    expected: Any = error.validator_value
    description = about(path)
    if kind == "required":
        for field in expected:
            if not isinstance(value, dict) or field in value:
                continue
            strangers = [str(k) for k in value if k not in fields]
            if difflib.get_close_matches(field, strangers, n=1):
                continue  # a misspelt key: the unknown-field message says "did you mean"
            full = f"{where}.{field}" if where else field
            said = about((*path, field))
            hint = f": {said}" if said else ""
            yield (*path, field), f"The frontmatter has no `{full}`; add it{hint}"
    elif kind in ("unevaluatedProperties", "additionalProperties"):
        for field in _QUOTED.findall(error.message):
            close = difflib.get_close_matches(field, fields, n=1)
            hint = (
                f": did you mean `{close[0]}`?" if close else f"; known fields: {', '.join(fields)}"
            )
            full = f"{where}.{field}" if where else field
            yield (*path, field), f"`{full}` is not a field of a {type_slug} handoff{hint}"
    elif kind == "enum":
        choices = ", ".join(str(c) for c in expected)
        yield path, f"`{where}` is `{value}`; use one of: {choices}"
    elif (kind == "format" and expected == "date") or (
        kind == "pattern" and "[0-9]{4}" in str(expected)
    ):
        yield path, f"`{where}` is `{value}`, which is not a date: write it as YYYY-MM-DD"
    elif value is None or value == "":
        hint = f": {description}" if description else ""
        yield path, f"`{where}` is empty; fill it in{hint}"
    elif kind == "type":
        yield path, f"`{where}` should be {_KINDS.get(str(expected), expected)}, not `{value}`"
    elif kind == "pattern" and "<>" in str(expected):
        yield path, f"`{where}` is empty or contains `<` or `>`: write plain text"
    elif kind in ("minLength", "pattern", "minimum", "maximum", "maxLength", "format", "const"):
        hint = f": it should be {description}" if description else ""
        yield path, f"`{where}` is `{value}`, which is not allowed{hint}"
    else:
        yield path, f"`{where or 'frontmatter'}`: {error.message}"
