"""Which files a run lints: files as named, folders searched for `<type>/*.md`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from handoff_lint import git
from handoff_lint.project import Workspace
from handoff_lint.results import UsageProblem

NOT_HANDOFFS = {"index.md", "readme.md"}


def is_handoff(path: Path, workspace: Workspace) -> bool:
    types = workspace.project_for(path.parent).rubric.types
    return (
        path.suffix == ".md" and path.parent.name in types and path.name.lower() not in NOT_HANDOFFS
    )


def display(path: Path) -> str:
    """`path` as the writer knows it: relative to the current folder (`../x.md` above it)."""
    try:
        return Path(os.path.relpath(path.resolve(), Path.cwd().resolve())).as_posix()
    except ValueError:  # another drive
        return path.as_posix()


def default_paths(workspace: Workspace) -> list[str]:
    """The project's handoffs folder, found from any folder inside the project."""
    here = Path.cwd()
    root = workspace.root(here)
    folder = workspace.settings_for(here).handoffs or (root or here) / "handoffs"
    return [display(folder)]


def changed_handoffs(base: str, paths: Sequence[str], workspace: Workspace) -> list[str]:
    """The handoffs under `paths` added, copied, modified or renamed since `base`."""
    scopes = [Path(p).resolve() for p in paths]
    return [
        display(path)
        for path in git.changed_files(base)
        if any(path == s or s in path.parents for s in scopes) and is_handoff(path, workspace)
    ]


def discover(
    paths: Iterable[str], workspace: Workspace
) -> tuple[list[tuple[str, Path]], list[UsageProblem]]:
    """Every handoff the paths name, as (shown as, path), and the paths that could not be used.

    A file reached twice (named twice, or through a link) is linted once.
    """
    found: dict[Path, tuple[str, Path]] = {}  # resolved path -> (as given, path)
    problems = []
    for given in paths:
        path = Path(given)
        if path.is_file():
            found.setdefault(path.resolve(), (path.as_posix(), path))
        elif path.is_dir():
            inside = sorted(_handoffs_in(path, workspace), key=lambda pair: str(pair[0]))
            if not inside:
                problems.append(
                    UsageProblem(
                        f"{given}: no handoff files here (looked for <type>/*.md, "
                        "with a type folder such as sales-to-cs/)"
                    )
                )
            for file, resolved in inside:
                found.setdefault(resolved, (file.as_posix(), file))
        elif path.exists() or path.is_symlink():
            problems.append(UsageProblem(f"{given}: not a file or folder that can be read"))
        else:
            problems.append(UsageProblem(f"{given}: no such file or folder"))
    return list(found.values()), problems


def _handoffs_in(folder: Path, workspace: Workspace) -> Iterable[tuple[Path, Path]]:
    """(path, resolved path) of each handoff below `folder`; folders are resolved once each."""
    for root, dirs, _ in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        real = Path(os.path.realpath(root))
        with os.scandir(root) as entries:
            for entry in entries:
                path = Path(root, entry.name)
                if entry.is_file() and is_handoff(path, workspace):
                    yield path, (path.resolve() if entry.is_symlink() else real / entry.name)


def hook_pattern(types: Iterable[str]) -> str:
    """The pre-commit `files:` pattern for handoffs: a .md file in a folder named after a type.

    `.pre-commit-hooks.yaml` holds it for the packaged rubric; a test keeps the two in step.
    """
    return rf"(^|/)({'|'.join(types)})/[^/]+\.md$"
