"""Where the packaged schemas, rubric and templates are, in a wheel and in a checkout alike."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
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


@lru_cache(maxsize=1)
def code_identity(package: Path = _PACKAGE) -> str:
    """A hash of the name, size and modification time of every module of the package.

    Cached results are keyed by it, so that code installed from another commit with the same
    version number (a pre-commit `rev:` moved to a newer SHA, an editable checkout being
    edited) never serves results the old code computed. Stat only: no file is read.
    """
    digest = hashlib.blake2b(digest_size=16)
    for folder, subfolders, files in sorted(os.walk(package)):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in sorted(files):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                where = os.path.relpath(os.path.join(folder, name), package)
                digest.update(f"{where}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()
