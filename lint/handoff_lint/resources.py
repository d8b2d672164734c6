"""Where the packaged schemas, rubric and templates are, in a wheel and in a checkout alike."""

from __future__ import annotations

from pathlib import Path

from handoff_lint.errors import ConfigError

_PACKAGE = Path(__file__).resolve().parent


def schemas_dir() -> Path:
    """The schemas: copied into wheels at build time, read from the checkout otherwise.

    The top-level `schemas/` folder is their only source. A wheel carries them as
    `handoff_lint/schemas`; an editable install runs from the checkout, where they
    sit two folders up from this package.
    """
    for candidate in (_PACKAGE / "schemas", _PACKAGE.parent.parent / "schemas"):
        if (candidate / "handoff.schema.json").is_file():
            return candidate
    raise ConfigError("the packaged schemas are missing: reinstall handoff-lint")


def data_file(name: str) -> Path:
    return _PACKAGE / "data" / name


def templates_dir() -> Path:
    return _PACKAGE / "templates"
