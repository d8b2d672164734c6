"""A repository's own settings, found by walking up from each handoff like Ruff does."""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from handoff_lint.errors import ConfigError

_KEYS = {"threshold", "handoffs", "rubric", "schemas", "templates", "chain"}
CHAIN_LEVELS = ("warning", "error", "off")  # what drift along an account's chain is


@dataclass(frozen=True)
class Settings:
    """Where the handoffs, rubric, schemas and templates are, and the passing threshold.

    `None` means the packaged default. `source` is the file the settings came from.
    """

    source: Path | None = None
    threshold: float | None = None
    handoffs: Path | None = None
    rubric: Path | None = None
    schemas: Path | None = None
    templates: Path | None = None
    chain: str = "warning"


def find(directory: Path, seen: MutableMapping[Path, Settings] | None = None) -> Settings:
    """The settings of the nearest `handoff.toml` or `pyproject.toml` with `[tool.handoff]`.

    `seen` remembers the answer for every folder walked through, so one run (a Workspace)
    reads each settings file once; a new run passes a new mapping and sees every edit.
    """
    seen = {} if seen is None else seen
    walked = []
    settings = Settings()
    resolved = directory.resolve()
    for folder in (resolved, *resolved.parents):
        if folder in seen:
            settings = seen[folder]
            break
        walked.append(folder)
        found = _in_folder(folder)
        if found is not None:
            settings = found
            break
    for folder in walked:
        seen[folder] = settings
    return settings


def _in_folder(folder: Path) -> Settings | None:
    for candidate in (folder / "handoff.toml", folder / "pyproject.toml"):
        if _is_file(candidate):
            table = _read(candidate)
            if table is not None:
                return _parse(candidate, table)
    return None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a folder we may not look into holds no settings for us
        return False


def _read(path: Path) -> dict[str, Any] | None:
    import tomllib  # only repositories with a settings file pay for it

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the settings: {exc}") from exc
    if path.name == "handoff.toml":
        return data
    table = data.get("tool", {}).get("handoff")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.handoff] must be a table")
    return table


def _parse(path: Path, table: dict[str, Any]) -> Settings:
    unknown = set(table) - _KEYS
    if unknown:
        raise ConfigError(
            f"{path}: unknown setting {', '.join(sorted(unknown))} "
            f"(known: {', '.join(sorted(_KEYS))})"
        )
    settings = Settings(source=path)
    threshold = table.get("threshold")
    if threshold is not None:
        if (
            isinstance(threshold, bool)
            or not isinstance(threshold, int | float)
            or not (0 <= threshold <= 100)
        ):
            raise ConfigError(f"{path}: threshold must be a number from 0 to 100")
        settings = replace(settings, threshold=float(threshold))
    chain = table.get("chain", "warning")
    if chain not in CHAIN_LEVELS:
        raise ConfigError(f"{path}: chain must be one of {', '.join(map(repr, CHAIN_LEVELS))}")
    settings = replace(settings, chain=chain)
    for key in ("handoffs", "rubric", "schemas", "templates"):
        value = table.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ConfigError(f"{path}: {key} must be a path, as text")
        location = (path.parent / value).resolve()
        if key != "handoffs" and not location.exists():
            raise ConfigError(f"{path}: {key} = {value!r}: {location} does not exist")
        settings = replace(settings, **{key: location})  # type: ignore[arg-type]
    return settings
