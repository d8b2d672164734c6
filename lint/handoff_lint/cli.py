"""The `handoff` command: parse arguments, delegate, print, return the exit status."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from handoff_lint import __version__
from handoff_lint.errors import ConfigError


def _parser() -> argparse.ArgumentParser:
    # Long, but only declarations: one place lists every command and option, as `--help` does.
    parser = argparse.ArgumentParser(
        prog="handoff", description="Check, score and create GTM handoff documents."
    )
    parser.add_argument("--version", action="version", version=f"handoff {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    lint = commands.add_parser("lint", help="check handoffs and block those under the threshold")
    lint.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: handoffs/)"
    )
    lint.add_argument(
        "--format",
        choices=_formats(),
        help="output format (default: text; github when GITHUB_ACTIONS=true)",
    )
    lint.add_argument(
        "--changed-since",
        metavar="REV",
        help="lint only the handoffs added or modified since REV (e.g. origin/main)",
    )
    lint.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="worker processes (default: one per core when there are many files)",
    )
    lint.add_argument(
        "--no-cache",
        action="store_true",
        help="check every file again instead of reusing results of unchanged ones",
    )
    lint.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="keep the results cache here (default: the user's cache folder, one per project; "
        "none outside a project or under CI)",
    )
    lint.add_argument("--threshold", type=_threshold, help="minimum passing score (0-100)")
    lint.add_argument(
        "--quiet", "-q", action="store_true", help="show only errors and the summary (text)"
    )
    lint.add_argument(
        "--statistics",
        action="store_true",
        help="show how often each code was found instead of each finding (text)",
    )
    drafts = lint.add_mutually_exclusive_group()
    drafts.add_argument(
        "--deny-drafts",
        action="store_true",
        help="block every `status: draft` handoff, whatever its score (for protected branches)",
    )
    drafts.add_argument(
        "--allow-drafts",
        action="store_true",
        help="let `status: draft` handoffs under the threshold pass with a warning",
    )

    score = commands.add_parser("score", help="show one handoff's scorecard")
    score.add_argument("path", metavar="PATH")
    score.add_argument("--threshold", type=_threshold, help="minimum passing score (0-100)")

    # `new` builds its own options from the type's schema (`handoff new TYPE --help`).
    new = commands.add_parser(
        "new", help="start a handoff from its type's template", add_help=False
    )
    new.add_argument("new_args", nargs=argparse.REMAINDER)

    types = commands.add_parser("types", help="list the handoff types, their sections and weights")
    types.add_argument("type", nargs="?", metavar="TYPE", help="only this type")

    site = commands.add_parser(
        "site",
        help="write the handoff site's pages without MkDocs (see `handoff site pages --help`)",
        add_help=False,
    )
    site.add_argument("site_args", nargs=argparse.REMAINDER)

    chain = commands.add_parser(
        "chain", help="show an account's handoffs in order and what each promised"
    )
    chain.add_argument("account", metavar="ACCOUNT", help="the account (or company) name")
    chain.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: handoffs/)"
    )

    rule = commands.add_parser("rule", help="explain a diagnostic code")
    rule.add_argument("code", nargs="?", metavar="CODE")
    rule.add_argument("--all", action="store_true", help="list every code")
    return parser


def _formats() -> list[str]:
    from handoff_lint.reporters import FORMATS

    return sorted(FORMATS)


def _threshold(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 <= number <= 100:
        raise argparse.ArgumentTypeError("the threshold is a score from 0 to 100")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if args.command in ("site", "new"):  # their own options pass through
        setattr(args, f"{args.command}_args", [*extra, *getattr(args, f"{args.command}_args")])
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return int(COMMANDS[args.command](args))
    except ConfigError as exc:
        print(f"handoff: configuration error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `handoff lint | head`: the reader left; nothing more to say
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  keeps Python's exit flush quiet
        return 1


def run_lint(args: argparse.Namespace) -> int:
    import os
    from dataclasses import replace

    from handoff_lint.discovery import changed_handoffs, default_paths
    from handoff_lint.gate import Options
    from handoff_lint.project import Workspace
    from handoff_lint.reporters import reporter
    from handoff_lint.run import cache_folder, lint, scores_at

    workspace = Workspace()
    workspace.here()  # a bad settings file or rubric fails here, before any handoff (exit 2)
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    output = args.format or ("github" if in_actions else "text")
    options = Options(args.threshold, args.allow_drafts, args.deny_drafts, args.jobs)
    paths = args.paths or default_paths(workspace)
    scope: list[str] = []  # under --changed-since: where the changed ones' accounts are read
    if args.changed_since:
        scope, paths = paths, changed_handoffs(args.changed_since, paths, workspace)
        if not paths:  # said on stdout only where it cannot break a machine-read format
            stream = sys.stdout if output in ("text", "github") else sys.stderr
            print(f"No handoffs changed since {args.changed_since}.", file=stream)
    store = None if args.no_cache else (args.cache_dir or cache_folder(workspace))
    report = lint(paths, options, store, workspace, scope if paths else [])
    render = reporter(output)
    if output == "text":
        from handoff_lint.reporters.terminal import render_statistics, render_text

        hook = os.environ.get("PRE_COMMIT") == "1"  # set by pre-commit for its hooks
        render = partial(render_text, hook=hook, quiet=args.quiet)
        if args.statistics:
            render = render_statistics
    sys.stdout.write(render(report))
    for problem in report.problems:  # errors on stderr, results on stdout, in every format
        print(f"handoff: {problem.message}", file=sys.stderr)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        if args.changed_since:
            baseline = scores_at(args.changed_since, report.files, options, workspace)
            report = replace(report, baseline=baseline)
        with open(summary, "a", encoding="utf-8") as stream:
            stream.write(reporter("markdown")(report))
    return report.exit_code


def run_score(args: argparse.Namespace) -> int:
    from handoff_lint.gate import Options
    from handoff_lint.reporters.terminal import render_scorecards
    from handoff_lint.run import lint

    report = lint([args.path], Options(args.threshold))
    for problem in report.problems:
        print(f"handoff: {problem.message}", file=sys.stderr)
    sys.stdout.write(render_scorecards(report))
    return report.exit_code


def run_new(args: argparse.Namespace) -> int:
    from handoff_lint.new import main as new_main

    return new_main(args.new_args)


def run_types(args: argparse.Namespace) -> int:
    from handoff_lint import project
    from handoff_lint.reporters.terminal import render_rubric

    rubric = project.load(Path.cwd()).rubric
    if args.type and args.type not in rubric.types:
        print(
            f"handoff: no handoff type {args.type!r}; use one of: {', '.join(rubric.types)}",
            file=sys.stderr,
        )
        return 2
    sys.stdout.write(render_rubric(rubric, only=args.type))
    return 0


def run_rule(args: argparse.Namespace) -> int:
    from handoff_lint.rules import RULES

    if args.all or not args.code:
        for rule in RULES.values():
            print(f"{rule.code}  {rule.name:<26} {rule.severity:<8} {rule.summary}")
        return 0
    found = RULES.get(args.code.upper())
    if found is None:
        print(f"handoff: no rule {args.code}; `handoff rule --all` lists them", file=sys.stderr)
        return 2
    print(found.explain(), end="")
    return 0


def run_chain(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from handoff_lint.discovery import default_paths
    from handoff_lint.project import Workspace
    from handoff_lint.reporters.chain import render_chain
    from handoff_lint.run import cache_folder, lint
    from handoff_lint.text import slugify

    workspace = Workspace()
    workspace.here()
    report = lint(args.paths or default_paths(workspace), cache_folder=cache_folder(workspace))
    for problem in report.problems:
        print(f"handoff: {problem.message}", file=sys.stderr)
    wanted = {args.account, slugify(args.account)}
    files = tuple(f for f in report.files if f.frontmatter.get("account") in wanted)
    if not files:
        known = sorted({str(f.frontmatter.get("account")) for f in report.files} - {"None"})
        print(
            f"handoff: no handoffs of the account {args.account!r}; "
            f"known accounts: {', '.join(known) or 'none'}",
            file=sys.stderr,
        )
        return 2
    sys.stdout.write(render_chain(replace(report, files=files)))
    return 2 if report.problems else 0


def run_site(args: argparse.Namespace) -> int:
    from handoff_lint.site.command import main as site_main

    return site_main(args.site_args)


COMMANDS = {
    "site": run_site,
    "lint": run_lint,
    "score": run_score,
    "new": run_new,
    "types": run_types,
    "rule": run_rule,
    "chain": run_chain,
}

if __name__ == "__main__":
    raise SystemExit(main())
