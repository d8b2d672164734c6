"""Results cache: a handoff whose bytes, settings and rules are unchanged is not checked again.

Entries are JSON files named by a hash of everything the result depends on, so a stale or
foreign entry is simply never looked up; a corrupt one is ignored and rewritten.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from handoff_lint.results import FileResult

if TYPE_CHECKING:
    from handoff_lint.project import Project

FOLDER = ".handoff_cache"
_FORMAT = "2"  # bump when FileResult's JSON changes shape


class ResultCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._ready = False

    def key(self, project: Project, options: str, identity: str, raw: bytes) -> str:
        import hashlib

        salt = f"{_FORMAT}\0{options}\0{project.fingerprint}\0{identity}\0"
        digest = hashlib.blake2b(digest_size=20)
        for part in (salt.encode(), raw):
            digest.update(part)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"v{_FORMAT}" / key[:2] / f"{key}.json"

    def get(self, key: str) -> FileResult | None:
        try:
            data = json.loads(self._path(key).read_bytes())
            if data.get("key") != key:
                return None
            return FileResult.from_dict(data["result"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing, corrupt or foreign: check the file again

    def put(self, key: str, result: FileResult) -> None:
        path = self._path(key)
        try:
            self._prepare()
            path.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps({"key": key, "result": result.to_dict()}, ensure_ascii=False)
            import tempfile

            fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, path)
        except OSError:
            pass  # a read-only checkout still lints; it just does not remember

    def _prepare(self) -> None:
        """Create the folder with a .gitignore of `*`, so no repository ever commits it."""
        if self._ready:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Created by handoff-lint: the cache is never committed.\n*\n")
        self._ready = True
