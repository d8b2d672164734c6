"""A run: find the handoffs, take unchanged ones from the cache, check the rest, one Report.

Many files are checked on every core; the results keep the order of a serial run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from handoff_lint import context, discovery, git, reading
from handoff_lint.cache import ResultCache, default_folder
from handoff_lint.gate import Options, threshold
from handoff_lint.project import Project, Workspace
from handoff_lint.results import Diagnostic, FileResult, Report

POOL_MIN_FILES = 64  # below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class _Job:
    index: int
    path: Path
    display: str
    uri: str
    raw: bytes | None  # already read to compute the cache key, or None
    key: str


def lint(
    paths: Sequence[str],
    options: Options = Options(),
    cache_folder: Path | None = None,
    workspace: Workspace | None = None,
    context_paths: Sequence[str] = (),
) -> Report:
    """Lint files and folders; an unusable path is a problem in the report, not an exception.

    With `cache_folder`, unchanged handoffs take their result from the cache. The handoffs
    under `context_paths` that share an account with a linted one are read as context for
    the checks across handoffs, and not reported.
    """
    workspace = workspace or Workspace()
    found, problems = discovery.discover(paths, workspace)
    store = ResultCache(cache_folder) if cache_folder else None
    salt = repr(replace(options, jobs=None))
    results: list[FileResult | None] = []
    pending: list[_Job] = []
    for display, path in found:
        uri = git.repository_path(path)
        raw: bytes | None = None
        key = ""
        if store:
            project = workspace.project_for(path.parent)
            read = reading.read(path)
            if isinstance(read, Diagnostic):
                results.append(replace(_unread(display, project, options, read), uri=uri))
                continue
            raw = read
            key = store.key(project, salt, f"{display}\0{uri}", raw)
            hit = store.get(key)
            if hit is not None:
                results.append(hit)
                continue
        # Without a cache the worker reads the file itself: no bytes pile up in this process.
        results.append(None)
        pending.append(_Job(len(results) - 1, path, display, uri, raw, key))
    for job, result in zip(pending, _check_all(pending, options, workspace), strict=True):
        results[job.index] = result
        if store:
            store.put(job.key, result)
    checked = [r for r in results if r is not None]
    # After the cache: what depends on other files, history or the date is never cached.
    others: tuple[FileResult, ...] = ()
    if context_paths:
        from handoff_lint import siblings

        wanted = siblings.of(checked, context_paths, workspace)
        others = lint(wanted, options, cache_folder, workspace).files if wanted else ()
    every = context.apply(checked, context.Context(workspace, options, others))
    default = threshold(workspace.here(), options)
    return Report(every, default, tuple(problems))


# A worker process's workspace: given once when the pool starts (inherited by fork), not
# sent with each of thousands of jobs.
_WORKER: Workspace | None = None


def _start_worker(workspace: Workspace) -> None:
    global _WORKER
    _WORKER = workspace
    _end_with_parent()


def _end_with_parent() -> None:
    """Ask the kernel to end this worker when the run that started it dies (even by SIGKILL),
    so no worker is left behind; where that cannot be asked (not Linux), nothing changes."""
    import ctypes
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(1)


def _check_all(jobs: list[_Job], options: Options, workspace: Workspace) -> list[FileResult]:
    workers = options.jobs or min(os.cpu_count() or 1, 8)
    if workers < 2 or (options.jobs is None and len(jobs) < POOL_MIN_FILES):
        return [_check_job(job, options, workspace) for job in jobs]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from handoff_lint import checks, scoring  # noqa: F401  imported once, inherited by workers

    for job in jobs:  # build each project (rubric, validators) once, before the fork
        project = workspace.project_for(job.path.parent)
        _ = project.schemas
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    chunk = max(1, min(64, len(jobs) // (workers * 4)))
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(workspace,)
    ) as pool:
        return list(pool.map(_check_in_worker, jobs, [options] * len(jobs), chunksize=chunk))


def _check_in_worker(job: _Job, options: Options) -> FileResult:
    assert _WORKER is not None, "the pool starts every worker with a workspace"
    return _check_job(job, options, _WORKER)


def _check_job(job: _Job, options: Options, workspace: Workspace) -> FileResult:
    project = workspace.project_for(job.path.parent)
    raw = reading.read(job.path) if job.raw is None else job.raw
    if isinstance(raw, Diagnostic):
        return replace(_unread(job.display, project, options, raw), uri=job.uri)
    return replace(lint_bytes(raw, job.display, project, options), uri=job.uri)


def lint_file(
    path: Path, display: str, options: Options = Options(), workspace: Workspace | None = None
) -> FileResult:
    project = (workspace or Workspace()).project_for(path.parent)
    raw = reading.read(path)
    if isinstance(raw, Diagnostic):
        return _unread(display, project, options, raw)
    return lint_bytes(raw, display, project, options)


def lint_bytes(raw: bytes, display: str, project: Project, options: Options) -> FileResult:
    """The result of one handoff's bytes, checked with `project`."""
    from handoff_lint import checks

    document = reading.parse(raw, display)
    if isinstance(document, Diagnostic):
        return _unread(display, project, options, document)
    return checks.check(document, project, options)


def _unread(display: str, project: Project, options: Options, why: Diagnostic) -> FileResult:
    return FileResult(display, None, None, threshold(project, options), diagnostics=(why,))


def scores_at(
    base: str, results: Iterable[FileResult], options: Options, workspace: Workspace
) -> dict[str, float | None]:
    """Each handoff's score where the branch left `base` (None: it did not exist there)."""
    fork = git.fork_point(base)
    scores: dict[str, float | None] = {}
    for result in results:
        raw = git.show(fork, result.uri)  # None: added on the branch (or renamed: new)
        project = workspace.project_for(Path(result.path).parent)
        scores[result.path] = (
            None if raw is None else lint_bytes(raw, result.path, project, options).score
        )
    return scores


def cache_folder(workspace: Workspace) -> Path | None:
    """The project's cache, in the user's cache folder; None outside any project and under
    CI (a CI machine starts clean, and a cache restored there is an input nobody checked)."""
    root = workspace.root(Path.cwd())
    if root is None or os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        return None
    return default_folder(root)
