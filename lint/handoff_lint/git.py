"""Git: where a repository's root is, and which handoffs a branch changed."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from handoff_lint.errors import ConfigError


def repository_path(path: Path) -> str:
    """`path` relative to the root of the git repository holding it (as given outside one)."""
    real = _real_folder(path.parent) / path.name
    root = repository_root(real.parent)
    return real.relative_to(root).as_posix() if root else path.as_posix()


# Folders do not move during a run; these two answer thousands of times in a large one.
@cache
def _real_folder(folder: Path) -> Path:
    return Path(os.path.realpath(folder))


@cache
def repository_root(directory: Path) -> Path | None:
    if (directory / ".git").exists():
        return directory
    return None if directory.parent == directory else repository_root(directory.parent)


def run(*args: str, why: str) -> bytes:
    """git's output, or a ConfigError saying what `why` needed from it."""
    import subprocess

    try:
        done = subprocess.run(["git", *args], capture_output=True, check=True)
    except FileNotFoundError:
        raise ConfigError(f"{why} needs git, which is not installed") from None
    except subprocess.CalledProcessError as exc:
        said = exc.stderr.decode(errors="replace").strip().splitlines()
        raise ConfigError(f"{why}: git could not compare ({said[-1] if said else exc})") from None
    return done.stdout


def resolve(base: str) -> str:
    """The commit `base` names, or a ConfigError: never passed to git as an option."""
    why = f"--changed-since {base}"
    try:
        return (
            run(
                "rev-parse",
                "--verify",
                "--quiet",
                "--end-of-options",
                f"{base}^{{commit}}",
                why=why,
            )
            .decode()
            .strip()
        )
    except ConfigError:
        raise ConfigError(
            f"--changed-since {base}: no such commit or branch here (fetch it first, for "
            "example `git fetch origin main`)"
        ) from None


def changed_files(base: str) -> list[Path]:
    """Files added, copied, modified or renamed since `base` (deleted ones: nothing to lint)."""
    why = f"--changed-since {base}"
    commit = resolve(base)
    root = Path(run("rev-parse", "--show-toplevel", why=why).decode().strip())
    names = run(
        "diff", "--name-only", "-z", "--diff-filter=ACMR", f"{commit}...HEAD", "--", why=why
    )
    return [(root / name).resolve() for name in filter(None, names.decode().split("\0"))]


def fork_point(base: str) -> str:
    return run("merge-base", resolve(base), "HEAD", why=f"--changed-since {base}").decode().strip()


def show(revision: str, uri: str) -> bytes | None:
    """A file's bytes at `revision`, or None where it did not exist."""
    try:
        return run("show", f"{revision}:{uri}", why="comparing with the base branch")
    except ConfigError:
        return None
