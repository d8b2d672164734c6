"""`handoff new`: a handoff file started from its type's template, never over another file."""

from __future__ import annotations

import argparse
import datetime
import itertools
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

import yaml

from handoff_lint import project
from handoff_lint.fields import COMMON_FIELDS, Flag, common_flags, type_flags
from handoff_lint.project import Project
from handoff_lint.text import decode, slugify

# A file name is at most 255 bytes on most file systems; CJK letters take 3 bytes each.
_MAX_SLUG_BYTES = 120
_MAX_COPIES = 999


class NewHandoffError(Exception):
    pass


def main(argv: Sequence[str]) -> int:
    """`handoff new TYPE ...`: write the file, say where, and what is still to fill."""
    here = project.load(Path.cwd())
    type_name = _type_named(argv, here)
    if type_name is not None and type_name not in here.rubric.types:
        known = ", ".join(here.rubric.types)
        print(f"handoff: no handoff type {type_name!r}; use one of: {known}", file=sys.stderr)
        return 2
    flags = [*common_flags(here.schemas), *type_flags(here.schemas, type_name or "")]
    try:
        args = _parser(here, type_name, flags).parse_args(argv)
    except _BadUsage:
        return 2
    values = {flag.path: getattr(args, flag.dest) for flag in flags}
    try:
        if args.interactive:
            if sys.stdin is None or not sys.stdin.isatty():
                raise NewHandoffError("--interactive needs a terminal; give the values as flags")
            _ask(flags, values)
        path = create(here, args.type, values, flags, args.folder)
    except NewHandoffError as exc:
        print(f"handoff: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nhandoff: stopped; no file was written", file=sys.stderr)
        return 130
    print(f"Created {path}")
    print(f"Fill in each section, then run: handoff score {path}")
    missing = _missing(flags, values)
    if missing:
        print(f"still to fill: {', '.join(flag.hint for flag in missing)}", file=sys.stderr)
    return 0


def create(
    here: Project,
    type_name: str,
    values: Mapping[tuple[str, ...], Any],
    flags: Sequence[Flag],
    folder: str | None = None,
) -> Path:
    """Write the new handoff for `values` (by frontmatter path) and return where."""
    company = values[("company",)]
    name = _file_slug(company)
    if not name:
        raise NewHandoffError("--company needs at least one letter or digit")
    template = here.templates_dir / f"{type_name}.md"
    try:
        body = template.read_text(encoding="utf-8")
    except OSError as exc:
        raise NewHandoffError(f"cannot read the template {template}: {exc.strerror}") from exc
    body = body.replace("[Company Name]", company, 1)
    metadata = frontmatter_of(type_name, values, flags)
    text = f"---\n{_yaml(metadata)}---\n\n{body.lstrip()}"
    text = text if text.endswith("\n") else text + "\n"
    given = {path: value for path, value in values.items() if value not in (None, "")}
    given.setdefault(("date",), metadata["date"])
    where = Path(folder) if folder else (here.settings.handoffs or Path("handoffs"))
    stem = f"{metadata['date']}-{name}"
    return write_new(where / type_name, stem, text, lambda path: _same_handoff(path, given))


def frontmatter_of(
    type_name: str, values: Mapping[tuple[str, ...], Any], flags: Sequence[Flag]
) -> dict[str, Any]:
    """The frontmatter to write: every field `new` knows, the required ones empty if not given."""
    metadata: dict[str, Any] = {
        "type": type_name,
        "company": values[("company",)],
        "account": values[("account",)] or slugify(values[("company",)]),
        "date": values[("date",)] or datetime.date.today().isoformat(),
        "status": "draft",
        "from": {"name": "", "role": ""},
        "to": {"name": "", "role": ""},
    }
    if not metadata["account"]:
        del metadata["account"]  # no ASCII letters to make one: the linter derives its own
    for flag in flags:
        value = values.get(flag.path)
        if flag.path[0] in ("from", "to"):
            metadata[flag.path[0]][flag.path[1]] = "" if value is None else value
        elif flag.path[0] not in COMMON_FIELDS and (value is not None or flag.required):
            _put(metadata, flag.path, value, flags)
    return metadata


def _put(
    metadata: dict[str, Any], path: tuple[str, ...], value: Any, flags: Sequence[Flag]
) -> None:
    if len(path) == 1:
        metadata[path[0]] = value
        return
    # A money field: give both parts, so that the linter names the one left empty.
    parts = metadata.setdefault(path[0], {})
    for flag in flags:
        if flag.path[0] == path[0]:
            parts.setdefault(flag.path[1], None)
    parts[path[1]] = value


def write_new(folder: Path, stem: str, text: str, same: Callable[[Path], bool]) -> Path:
    """Write `text` whole or not at all as `stem.md`, else `stem-2.md`, ..., never over a file.

    `same(path)` says whether an existing file is already the handoff being started: running
    the same command twice is then refused rather than making a copy.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".handoff-", suffix=".tmp")
    except OSError as exc:
        raise NewHandoffError(f"cannot write in {folder}: {exc.strerror}") from exc
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; a handoff is not
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        for number in itertools.count(1):
            target = folder / (f"{stem}.md" if number == 1 else f"{stem}-{number}.md")
            if same(target):
                raise NewHandoffError(
                    f"{target} already exists for this company and day, and nothing you gave "
                    "sets the new one apart; it was left as it is. Edit that file, or, for a "
                    "second handoff, give what is different about it (like --to-name)"
                )
            if number > _MAX_COPIES:
                raise NewHandoffError(f"{folder} already has {_MAX_COPIES} files named {stem}")
            try:
                os.link(temporary, target)  # fails if the target exists: nothing is overwritten
            except FileExistsError:
                continue
            except OSError as exc:
                raise NewHandoffError(f"cannot write {target}: {exc.strerror}") from exc
            return target
    finally:
        os.unlink(temporary)
    raise AssertionError("unreachable")  # pragma: no cover - itertools.count never ends


def _same_handoff(path: Path, given: Mapping[tuple[str, ...], Any]) -> bool:
    """Whether the file at `path` has every value given on the command line."""
    from handoff_lint.document import parse  # only read when a file is in the way

    try:
        text = decode(path.read_bytes())
    except (OSError, UnicodeDecodeError):
        return False
    existing = parse(str(path), text).frontmatter
    return existing is not None and all(
        _value_at(existing, path) == value for path, value in given.items()
    )


def _value_at(data: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _file_slug(company: str) -> str:
    slug = slugify(company, keep_letters=True)
    while len(slug.encode("utf-8")) > _MAX_SLUG_BYTES:
        slug = slug[:-1]
    return slug.rstrip("-")


def _yaml(metadata: Mapping[str, Any]) -> str:
    # The pure-Python dumper: libyaml's writes emoji as `\U0001F680` even with allow_unicode.
    return yaml.dump(
        dict(metadata),
        Dumper=yaml.SafeDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,  # a long company name on one line, as the rep typed it
    )


# -- the command line ------------------------------------------------------------------------


class _NoType(Exception):
    pass


class _Lenient(argparse.ArgumentParser):
    """A parser that gives up quietly: the full parser says what is wrong."""

    def error(self, message: str) -> NoReturn:
        raise _NoType(message)


class _BadUsage(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """Says what is wrong like argparse, then lets `main` return 2 instead of exiting."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise _BadUsage(message)


def _type_named(argv: Sequence[str], here: Project) -> str | None:
    """TYPE, found first so that the parser can be given that type's flags."""
    first = _Lenient(add_help=False, allow_abbrev=False)
    first.add_argument("type", nargs="?")
    seen: set[str] = set()
    every_type = itertools.chain.from_iterable(
        type_flags(here.schemas, t) for t in here.rubric.types
    )
    for flag in [*common_flags(here.schemas), *every_type]:
        options = [o for o in (flag.option, *flag.aliases) if o not in seen]
        seen.update(options)
        if options:  # so that a flag's value before TYPE is not taken for it
            first.add_argument(*options, default=argparse.SUPPRESS)
    first.add_argument("--folder", default=argparse.SUPPRESS)
    try:
        known, _ = first.parse_known_args(argv)
    except _NoType:
        return None
    return known.type if isinstance(known.type, str) else None


def _parser(here: Project, type_name: str | None, flags: Sequence[Flag]) -> argparse.ArgumentParser:
    types = ", ".join(here.rubric.types)
    new = _Parser(
        prog="handoff new",
        description=(
            f"Start a {here.rubric.types[type_name].name} handoff from its template."
            if type_name
            else "Start a handoff from its type's template."
        ),
        epilog=f"Types: {types}. `handoff new TYPE --help` lists the fields of that type.",
    )
    new.add_argument("type", metavar="TYPE", help=f"the kind of handoff: {types}")
    own = [flag for flag in flags if flag.path[0] not in COMMON_FIELDS]
    for flag in flags:
        if flag not in own:
            _add(new, flag)
    if own:
        group = new.add_argument_group(
            f"{type_name} fields",
            "From the type's schema. Those needed to pass lint and not given here are left "
            "empty in the file, for you to fill in.",
        )
        for flag in own:
            _add(group, flag)
    new.add_argument("--folder", help="the handoffs folder (default: from settings, or handoffs/)")
    new.add_argument(
        "--interactive",
        action="store_true",
        help="ask, one by one, for each value needed to pass lint that was not given",
    )
    return new


def _add(parser: argparse.ArgumentParser | argparse._ArgumentGroup, flag: Flag) -> None:
    parser.add_argument(
        flag.option,
        *flag.aliases,
        dest=flag.dest,
        type=flag.parse,
        metavar=flag.metavar,
        required=flag.path == ("company",),
        help=flag.help + (" (needed to pass lint)" if flag.required else ""),
    )


# -- what is left to fill --------------------------------------------------------------------


def _missing(flags: Iterable[Flag], values: Mapping[tuple[str, ...], Any]) -> list[Flag]:
    return [flag for flag in flags if flag.required and values.get(flag.path) in (None, "")]


def _ask(flags: Sequence[Flag], values: dict[tuple[str, ...], Any]) -> None:
    """At a terminal, ask for each required value left out; Enter leaves it for later."""
    for flag in _missing(flags, values):
        while True:
            print(f"{flag.help} ({flag.hint}, Enter to skip): ", end="", file=sys.stderr)
            sys.stderr.flush()
            answer = sys.stdin.readline()
            if not answer.strip():
                if not answer:  # end of input: nothing more will come
                    return
                break
            try:
                values[flag.path] = flag.parse(answer.strip())
            except argparse.ArgumentTypeError as exc:
                print(f"  {exc}", file=sys.stderr)
                continue
            break
