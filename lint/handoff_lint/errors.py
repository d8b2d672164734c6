"""The one exception the CLI expects: a problem with settings, rubric or schemas (exit 2)."""

from __future__ import annotations


class ConfigError(Exception):
    pass
