"""Lint handoff files: find them, check each on its own, and gather one report."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handoff_lint import config, resources, rubric
from handoff_lint.cache import FOLDER, ResultCache
from handoff_lint.errors import ConfigError
from handoff_lint.results import Diagnostic, FileResult, Report, SectionResult, UsageProblem
from handoff_lint.rules import RULES
from handoff_lint.text import decode, slugify

if TYPE_CHECKING:
    from handoff_lint.document import Document

MAX_FILE_BYTES = 1024 * 1024
NOT_HANDOFFS = {"index.md", "readme.md"}


@dataclass(frozen=True)
class Options:
    threshold: float | None = None  # from the command line; beats every settings file
    allow_drafts: bool = False
    deny_drafts: bool = False
    jobs: int | None = None  # worker processes; None: one per core when there are many files


def lint(
    paths: Sequence[str], options: Options = Options(), cache_folder: Path | None = None
) -> Report:
    """Lint files and folders; an unusable path is a problem in the report, not an exception.

    With `cache_folder`, unchanged handoffs take their result from the cache. Many files are
    checked on every core; the results keep the order of a serial run.
    """
    found, problems = discover(paths)
    store = ResultCache(cache_folder) if cache_folder else None
    results: list[FileResult | None] = []
    pending: list[_Job] = []
    for display, path in found:
        uri = repository_path(path)
        raw: bytes | None = None
        if store:
            early, raw = _read(path, display, options)
            if early is not None:
                results.append(replace(early, uri=uri))
                continue
            salt = repr(replace(options, jobs=None))
            identity = f"{display}\0{uri}"
            key = store.key(config.settings_for(path.parent), salt, identity, raw)
            hit = store.get(key)
            if hit is not None:
                results.append(hit)
                continue
        # Without a cache the worker reads the file itself: no bytes pile up in this process.
        results.append(None)
        pending.append(_Job(len(results) - 1, path, display, uri, raw, key if store else ""))
    for job, result in zip(pending, _check_all(pending, options), strict=True):
        results[job.index] = result
        if store:
            store.put(job.key, result)
    default = _threshold(config.settings_for(Path.cwd()), options)
    return Report(tuple(r for r in results if r is not None), default, tuple(problems))


@dataclass(frozen=True)
class _Job:
    index: int
    path: Path
    display: str
    uri: str
    raw: bytes | None  # already read to compute the cache key, or None
    key: str


POOL_MIN_FILES = 64  # below this, starting worker processes costs more than it saves


def _check_all(jobs: list[_Job], options: Options) -> list[FileResult]:
    workers = options.jobs or min(os.cpu_count() or 1, 8)
    if workers < 2 or (options.jobs is None and len(jobs) < POOL_MIN_FILES):
        return [_check_job(job, options) for job in jobs]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from handoff_lint import schema, scoring  # noqa: F401  imported once, inherited by workers

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    chunk = max(1, min(64, len(jobs) // (workers * 4)))
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return list(pool.map(_check_job, jobs, [options] * len(jobs), chunksize=chunk))


def _check_job(job: _Job, options: Options) -> FileResult:
    raw = job.raw
    if raw is None:
        early, raw = _read(job.path, job.display, options)
        if early is not None:
            return replace(early, uri=job.uri)
    return replace(lint_bytes(raw, job.path, job.display, options), uri=job.uri)


def repository_path(path: Path) -> str:
    """`path` relative to the root of the git repository holding it (as given outside one)."""
    real = _real_folder(path.parent) / path.name
    root = _repository_root(real.parent)
    return real.relative_to(root).as_posix() if root else path.as_posix()


@cache
def _real_folder(folder: Path) -> Path:
    return Path(os.path.realpath(folder))


@cache
def _repository_root(directory: Path) -> Path | None:
    if (directory / ".git").exists():
        return directory
    return None if directory.parent == directory else _repository_root(directory.parent)


def _git(*args: str, why: str) -> bytes:
    import subprocess

    try:
        done = subprocess.run(["git", *args], capture_output=True, check=True)
    except FileNotFoundError:
        raise ConfigError(f"{why} needs git, which is not installed") from None
    except subprocess.CalledProcessError as exc:
        said = exc.stderr.decode(errors="replace").strip().splitlines()
        raise ConfigError(f"{why}: git could not compare ({said[-1] if said else exc})") from None
    return done.stdout


def changed_handoffs(base: str, paths: Sequence[str]) -> list[str]:
    """The handoffs under `paths` added, copied, modified or renamed since `base`.

    Deleted handoffs are left out: there is nothing to lint.
    """
    why = f"--changed-since {base}"
    root = Path(_git("rev-parse", "--show-toplevel", why=why).decode().strip())
    names = _git("diff", "--name-only", "-z", "--diff-filter=ACMR", f"{base}...HEAD", why=why)
    scopes = [Path(p).resolve() for p in paths]
    changed = []
    for name in filter(None, names.decode().split("\0")):
        path = (root / name).resolve()
        inside = any(path == s or s in path.parents for s in scopes)
        if inside and _is_handoff(path):
            changed.append(_display(path))
    return changed


def scores_at(
    base: str, results: Iterable[FileResult], options: Options
) -> dict[str, float | None]:
    """Each handoff's score where the branch left `base` (None: it did not exist there)."""
    why = f"--changed-since {base}"
    fork = _git("merge-base", base, "HEAD", why=why).decode().strip()
    scores: dict[str, float | None] = {}
    for result in results:
        try:
            raw = _git("show", f"{fork}:{result.uri}", why=why)
        except ConfigError:
            scores[result.path] = None  # added on the branch (or renamed: compared as new)
            continue
        scores[result.path] = lint_bytes(raw, Path(result.path), result.path, options).score
    return scores


def _is_handoff(path: Path) -> bool:
    types = rubric.load(config.settings_for(path.parent).rubric).types
    return (
        path.suffix == ".md" and path.parent.name in types and path.name.lower() not in NOT_HANDOFFS
    )


def cache_folder() -> Path:
    """`.handoff_cache` beside the settings file, else at the repository root, else here."""
    here = Path.cwd().resolve()
    source = config.settings_for(here).source
    root = source.parent if source else (_repository_root(here) or here)
    return root / FOLDER


def default_paths() -> list[str]:
    settings = config.settings_for(Path.cwd())
    folder = settings.handoffs or Path("handoffs")
    return [_display(folder)]


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Iterable[str]) -> tuple[list[tuple[str, Path]], list[UsageProblem]]:
    """Every handoff the paths name: files as given, folders as `<type>/*.md` below them.

    A file reached twice (named twice, or through a link) is linted once.
    """
    found: dict[Path, tuple[str, Path]] = {}  # resolved path -> (as given, path)
    problems = []
    for given in paths:
        path = Path(given)
        if path.is_file():
            found.setdefault(path.resolve(), (path.as_posix(), path))
        elif path.is_dir():
            inside = sorted(_handoffs_in(path), key=lambda pair: str(pair[0]))
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


def _handoffs_in(folder: Path) -> Iterable[tuple[Path, Path]]:
    """(path, resolved path) of each handoff below `folder`; folders are resolved once each."""
    for root, dirs, _ in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        real = Path(os.path.realpath(root))
        with os.scandir(root) as entries:
            for entry in entries:
                path = Path(root, entry.name)
                if entry.is_file() and _is_handoff(path):
                    yield path, (path.resolve() if entry.is_symlink() else real / entry.name)


def lint_file(path: Path, display: str, options: Options = Options()) -> FileResult:
    early, raw = _read(path, display, options)
    return early if early is not None else lint_bytes(raw, path, display, options)


def _threshold(settings: config.Settings, options: Options) -> float:
    default = rubric.load(settings.rubric).threshold
    return next(t for t in (options.threshold, settings.threshold, default) if t is not None)


def _read(path: Path, display: str, options: Options) -> tuple[FileResult | None, bytes]:
    """The file's bytes, or the result of a file that cannot be read at all."""
    refusal = _refuse(path)
    if refusal is None:
        try:
            return None, path.read_bytes()
        except OSError as exc:
            refusal = RULES["HO101"].diagnostic(f"The file cannot be read: {exc.strerror or exc}")
    threshold = _threshold(config.settings_for(path.parent), options)
    return _unscored(display, threshold, refusal), b""


def lint_bytes(raw: bytes, path: Path, display: str, options: Options = Options()) -> FileResult:
    settings = config.settings_for(path.parent)
    rules = rubric.load(settings.rubric)
    threshold = _threshold(settings, options)
    try:
        text = decode(raw)
    except UnicodeDecodeError as exc:
        return _unscored(display, threshold, _not_utf8(raw, exc))
    if "\0" in text:
        line = text.count("\n", 0, text.index("\0")) + 1
        return _unscored(
            display,
            threshold,
            RULES["HO101"].diagnostic(
                "The file holds binary data, not Markdown text: a handoff is a .md text file", line
            ),
        )
    from handoff_lint.document import parse

    return check(parse(display, text), path, settings, rules, threshold, options)


def _refuse(path: Path) -> Diagnostic | None:
    """Why `path` is not read at all: a link out of the repository, or a file too large."""
    if path.is_symlink():
        target = path.resolve()
        root = _repository_root(path.absolute().parent) or Path.cwd().resolve()
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
    return RULES["HO101"].diagnostic(
        "The file is not UTF-8 text (a byte on this line cannot be read): save it as UTF-8",
        line,
        raw[: exc.start].rsplit(b"\n", 1)[-1].decode("utf-8", "replace").__len__() + 1,
    )


def _unscored(display: str, threshold: float, *diagnostics: Diagnostic) -> FileResult:
    return FileResult(display, None, None, threshold, diagnostics=diagnostics)


def check(
    document: Document,
    path: Path,
    settings: config.Settings,
    rules: rubric.Rubric,
    threshold: float,
    options: Options,
) -> FileResult:
    """Every check on one parsed document, in order: frontmatter, type, schema, rubric."""
    from handoff_lint import safety, schema, scoring  # not needed when every result is cached

    diagnostics = [*document.diagnostics, *safety.check(document)]
    data = document.frontmatter
    if data is None:
        return _unscored(document.path, threshold, *diagnostics)
    front = _with_account(data)
    slug = data.get("type")
    if not isinstance(slug, str) or slug not in rules.types:
        known = ", ".join(rules.types)
        said = "no `type`" if slug is None else f"`type: {slug}`, which is not a handoff type"
        diagnostics.append(
            RULES["HO106"].diagnostic(
                f"The frontmatter has {said}: use one of {known}",
                document.line_of(("type",)) or 1,
            )
        )
        return FileResult(document.path, None, None, threshold, (), tuple(diagnostics), (), front)
    folder = path.parent.name
    if folder in rules.types and folder != slug:
        diagnostics.append(
            RULES["HO107"].diagnostic(
                f"This file is in the {folder}/ folder but says `type: {slug}`: move it to "
                f"{slug}/ or correct the type",
                document.line_of(("type",)),
            )
        )
    diagnostics += schema.check_frontmatter(data, slug, document.line_of, settings.schemas)
    handoff_type = rules.types[slug]
    template_dir = settings.templates or resources.templates_dir()
    template = scoring.template_text(template_dir / f"{slug}.md")
    score, categories, unscored = scoring.score(document, handoff_type, rules, template)
    for category in categories:
        for section in category.sections:
            diagnostics += _section_diagnostics(section)
    if options.deny_drafts and data.get("status") == "draft":
        diagnostics.append(
            RULES["HO305"].diagnostic(
                "This handoff is still `status: draft`: finish it and set `status: ready` before "
                "it is merged",
                document.line_of(("status",)),
            )
        )
    if score < threshold:
        needed = f"{threshold:g}"
        if options.allow_drafts and data.get("status") == "draft":
            diagnostics.append(
                RULES["HO304"].diagnostic(
                    f"This draft scores {score:g}/100; it needs {needed} before it is ready"
                )
            )
        else:
            diagnostics.append(
                RULES["HO301"].diagnostic(
                    f"This handoff scores {score:g}/100 and needs {needed} to be handed over: "
                    "complete the sections named in the other messages"
                )
            )
    diagnostics.sort(key=lambda d: (d.line or 0, d.column or 0))
    return FileResult(
        document.path, slug, score, threshold, categories, tuple(diagnostics), unscored, front
    )


def _section_diagnostics(section: SectionResult) -> list[Diagnostic]:
    if section.level == "missing":
        return [RULES["HO302"].diagnostic(f.message, f.line) for f in section.findings]
    return [RULES["HO303"].diagnostic(f.message, f.line) for f in section.findings]


def _with_account(data: dict[str, Any]) -> dict[str, Any]:
    front = dict(data)
    if not front.get("account") and isinstance(front.get("company"), str):
        front["account"] = slugify(front["company"])
    return front


def require_config() -> None:
    """Load the settings and rubric of the current folder, so a bad one fails early (exit 2)."""
    settings = config.settings_for(Path.cwd())
    rubric.load(settings.rubric)
