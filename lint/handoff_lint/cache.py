"""Results cache: a handoff whose bytes, settings and rules are unchanged is not checked again.

A cache is an optimisation, never an input. It lives outside the work tree (the user's cache
folder, one per project root), so a `.handoff_cache` committed in a pull request is never
read; every entry is signed with a key only this machine has (keyed BLAKE2b, the key stored
beside the entries with owner-only permissions), so a hand-edited entry is ignored; links
are never followed; and a stale, corrupt or foreign entry is simply checked again.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handoff_lint.results import FileResult

if TYPE_CHECKING:
    from handoff_lint.project import Project

FOLDER = ".handoff_cache"  # what `--cache-dir` inside a repository is usually called
_FORMAT = "3"  # bump when FileResult's JSON or the entry layout changes
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_KEY_BYTES = 32


def default_folder(root: Path) -> Path:
    """`$XDG_CACHE_HOME/handoff-lint/<project>-<hash of its path>` (else `~/.cache/...`)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    where = str(root.resolve())
    digest = hashlib.blake2b(where.encode(), digest_size=8).hexdigest()
    return base / "handoff-lint" / f"{root.name[:40] or 'root'}-{digest}"


class ResultCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._secret: bytes | None = None
        self._usable: bool | None = None

    def key(self, project: Project, options: str, identity: str, raw: bytes) -> str:
        salt = f"{_FORMAT}\0{options}\0{project.fingerprint}\0{identity}\0"
        digest = hashlib.blake2b(digest_size=20)
        for part in (salt.encode(), raw):
            digest.update(part)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"v{_FORMAT}" / key[:2] / f"{key}.json"

    def _sign(self, key: str, payload: bytes) -> str:
        assert self._secret is not None
        return hashlib.blake2b(key.encode() + b"\0" + payload, key=self._secret).hexdigest()

    def get(self, key: str) -> FileResult | None:
        if not self._ready(create=False):
            return None
        try:
            signature, _, payload = _read(self._path(key)).partition(b"\n")
            if signature.decode() != self._sign(key, payload):
                return None  # not written here: a copied, forged or foreign entry
            return _result(json.loads(payload))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing or corrupt: check the file again

    def put(self, key: str, result: FileResult) -> None:
        if not self._ready(create=True):
            return
        path = self._path(key)
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            payload = json.dumps(result.to_dict(), ensure_ascii=False).encode()
            import tempfile

            fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as stream:
                stream.write(self._sign(key, payload).encode() + b"\n" + payload)
            os.replace(temporary, path)
        except OSError:
            pass  # a read-only disk still lints; it just does not remember

    def _ready(self, *, create: bool) -> bool:
        """Whether the folder and its key can be trusted, creating them when asked."""
        if self._usable or (self._usable is False and not create):
            return bool(self._usable)
        try:
            if create:
                self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                _ignore_in_git(self.folder)
            if self.folder.is_symlink() or not self.folder.is_dir():
                self._usable = False
                return False
            self._secret = _key(self.folder / "key", create)
        except OSError:
            self._secret = None
        self._usable = self._secret is not None
        return self._usable


def _read(path: Path) -> bytes:
    """A regular file's bytes, never through a link."""
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise OSError("not a regular file")
        return stream.read()


def _key(path: Path, create: bool) -> bytes | None:
    """The cache's secret: owner-only, this user's, created once with O_EXCL."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except FileNotFoundError:
        if not create:
            return None
        secret = os.urandom(_KEY_BYTES)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        except FileExistsError:  # another run made it first
            return _key(path, create=False)
        with os.fdopen(fd, "wb") as stream:
            stream.write(secret)
        return secret
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(stream.fileno())
        mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        private = os.name == "nt" or not info.st_mode & 0o077
        secret = stream.read()
    return secret if mine and private and len(secret) == _KEY_BYTES else None


def _ignore_in_git(folder: Path) -> None:
    """A `--cache-dir` inside a repository holds a .gitignore of `*`: it is never committed."""
    ignore = folder / ".gitignore"
    if not ignore.exists() and not ignore.is_symlink():
        ignore.write_text("# Created by handoff-lint: the cache is never committed.\n*\n")


def _result(data: Any) -> FileResult:
    """A FileResult from an entry, its types checked: a bad shape is a corrupt entry."""
    result = FileResult.from_dict(data)
    numbers = (result.threshold, *(() if result.score is None else (result.score,)))
    if not all(isinstance(n, int | float) and not isinstance(n, bool) for n in numbers):
        raise TypeError("numbers of the wrong type")
    if not isinstance(result.path, str) or not all(
        isinstance(d.message, str) and isinstance(d.code, str) for d in result.diagnostics
    ):
        raise TypeError("text of the wrong type")
    return result
