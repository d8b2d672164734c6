"""Lint handoff files: find them, check each on its own, and gather one report."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handoff_lint import config, resources, rubric, schema, scoring
from handoff_lint.document import Document, decode, parse
from handoff_lint.errors import ConfigError
from handoff_lint.results import Diagnostic, FileResult, Report, SectionResult, UsageProblem
from handoff_lint.rules import RULES
from handoff_lint.text import slugify

MAX_FILE_BYTES = 1024 * 1024
NOT_HANDOFFS = {"index.md", "readme.md"}


@dataclass(frozen=True)
class Options:
    threshold: float | None = None  # from the command line; beats every settings file
    allow_drafts: bool = False


def lint(paths: Sequence[str], options: Options = Options()) -> Report:
    """Lint files and folders; an unusable path is a problem in the report, not an exception."""
    found, problems = discover(paths)
    files = tuple(lint_file(path, display, options) for display, path in found)
    default = options.threshold
    if default is None:
        settings = config.settings_for(Path.cwd())
        default = settings.threshold or rubric.load(settings.rubric).threshold
    return Report(files, default, tuple(problems))


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
    """Every handoff the paths name: files as given, folders as `<type>/*.md` below them."""
    found: dict[Path, str] = {}
    problems = []
    for given in paths:
        path = Path(given)
        if path.is_file():
            found.setdefault(path.resolve(), path.as_posix())
        elif path.is_dir():
            inside = sorted(_handoffs_in(path))
            if not inside:
                problems.append(
                    UsageProblem(
                        f"{given}: no handoff files here (looked for <type>/*.md, "
                        "with a type folder such as sales-to-cs/)"
                    )
                )
            for file in inside:
                found.setdefault(file.resolve(), file.as_posix())
        elif path.exists() or path.is_symlink():
            problems.append(UsageProblem(f"{given}: not a file or folder that can be read"))
        else:
            problems.append(UsageProblem(f"{given}: no such file or folder"))
    return [(display, path) for path, display in found.items()], problems


def _handoffs_in(folder: Path) -> Iterable[Path]:
    types = rubric.load(config.settings_for(folder).rubric).types
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if Path(root).name not in types:
            continue
        for name in files:
            if name.endswith(".md") and name.lower() not in NOT_HANDOFFS:
                yield Path(root, name)


def lint_file(path: Path, display: str, options: Options = Options()) -> FileResult:
    settings = config.settings_for(path.parent)
    rules = rubric.load(settings.rubric)
    threshold = next(
        t for t in (options.threshold, settings.threshold, rules.threshold) if t is not None
    )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return _unscored(
            display,
            threshold,
            RULES["HO101"].diagnostic(f"The file cannot be read: {exc.strerror or exc}"),
        )
    if len(raw) > MAX_FILE_BYTES:
        return _unscored(
            display,
            threshold,
            RULES["HO108"].diagnostic(
                f"The file is {len(raw) / 1024 / 1024:.1f} MiB; a handoff may be at most "
                f"{MAX_FILE_BYTES // 1024 // 1024} MiB: move attachments out and link to them"
            ),
        )
    try:
        text = decode(raw)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return _unscored(
            display,
            threshold,
            RULES["HO101"].diagnostic(
                "The file is not UTF-8 text (a byte it cannot read is on this line): "
                "save it as UTF-8",
                line,
            ),
        )
    return check(parse(display, text), path, settings, rules, threshold, options)


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
    diagnostics = list(document.diagnostics)
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


__all__ = ["ConfigError", "Options", "default_paths", "discover", "lint", "lint_file"]
