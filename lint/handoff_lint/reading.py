"""Reading a handoff: bytes from disk, refused when unsafe, decoded and parsed into a Document."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from handoff_lint import git
from handoff_lint.results import Diagnostic
from handoff_lint.rules import RULES
from handoff_lint.text import decode

if TYPE_CHECKING:
    from handoff_lint.document import Document

MAX_FILE_BYTES = 1024 * 1024


def read(path: Path) -> bytes | Diagnostic:
    """The file's bytes, or why it cannot or must not be read."""
    refusal = _refuse(path)
    if refusal is not None:
        return refusal
    try:
        return path.read_bytes()
    except OSError as exc:
        return RULES["HO101"].diagnostic(f"The file cannot be read: {exc.strerror or exc}")


def parse(raw: bytes, display: str) -> Document | Diagnostic:
    """The parsed document, or why the bytes are not Markdown text."""
    try:
        text = decode(raw)
    except UnicodeDecodeError as exc:
        return _not_utf8(raw, exc)
    if "\0" in text:
        line = text.count("\n", 0, text.index("\0")) + 1
        return RULES["HO101"].diagnostic(
            "The file holds binary data, not Markdown text: a handoff is a .md text file", line
        )
    from handoff_lint.document import parse  # markdown-it: not needed when results are cached

    return parse(display, text)


def _refuse(path: Path) -> Diagnostic | None:
    """Why `path` is not read at all: a link out of the repository, or a file too large."""
    if path.is_symlink():
        target = path.resolve()
        root = git.repository_root(path.absolute().parent) or Path.cwd().resolve()
        if root not in target.parents:
            return RULES["HO109"].diagnostic(
                "This file is a link to something outside the repository; it was not read"
            )
    try:
        size = path.stat().st_size
    except OSError as exc:
        return RULES["HO101"].diagnostic(f"The file cannot be read: {exc.strerror or exc}")
    if size > MAX_FILE_BYTES:
        return RULES["HO108"].diagnostic(
            f"The file is {size / 1024 / 1024:.1f} MiB; a handoff may be at most "
            f"{MAX_FILE_BYTES // 1024 // 1024} MiB: move attachments out and link to them"
        )
    return None


def _not_utf8(raw: bytes, exc: UnicodeDecodeError) -> Diagnostic:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return RULES["HO101"].diagnostic(
            "The file is saved as UTF-16: save it again as UTF-8 (in most editors: "
            "Save As, Encoding, UTF-8)"
        )
    line = raw[: exc.start].count(b"\n") + 1
    column = len(raw[: exc.start].rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
    return RULES["HO101"].diagnostic(
        "The file is not UTF-8 text (a byte on this line cannot be read): save it as UTF-8",
        line,
        column,
    )
