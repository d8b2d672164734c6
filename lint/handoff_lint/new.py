"""`handoff new`: a handoff file started from its type's template, never over another file."""

from __future__ import annotations

import argparse
import datetime
import os
import tempfile
from pathlib import Path
from typing import Any

import frontmatter

from handoff_lint import project
from handoff_lint.text import slugify


class NewHandoffError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    new = argparse.ArgumentParser(
        prog="handoff new", description="Start a handoff from its type's template."
    )
    new.add_argument("type", metavar="TYPE")
    new.add_argument("--company", required=True, help="the customer's company name")
    new.add_argument("--date", help="the handoff's date, YYYY-MM-DD (default: today)")
    new.add_argument("--from-name", default="", help="who hands over")
    new.add_argument("--from-role", default="", help="their role, like AE")
    new.add_argument("--to-name", default="", help="who receives")
    new.add_argument("--to-role", default="", help="their role, like CSM")
    new.add_argument("--account", help="account id (default: from the company name)")
    new.add_argument("--folder", help="the handoffs folder (default: from settings, or handoffs/)")
    return new


def main(argv: list[str]) -> int:
    """`handoff new TYPE ...`: write the file, say where, and what to do next."""
    import sys

    args = _parser().parse_args(argv)
    try:
        path = create(args)
    except NewHandoffError as exc:
        print(f"handoff: {exc}", file=sys.stderr)
        return 2
    print(f"Created {path}")
    print(f"Fill in each section, then run: handoff score {path}")
    return 0


def create(args: argparse.Namespace) -> Path:
    here = project.load(Path.cwd())
    if args.type not in here.rubric.types:
        raise NewHandoffError(
            f"no handoff type {args.type!r}; use one of: {', '.join(here.rubric.types)}"
        )
    date = args.date or datetime.date.today().isoformat()
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise NewHandoffError(f"--date {date!r} is not a date: write it as YYYY-MM-DD") from None
    account = args.account or slugify(args.company)
    if not account:
        raise NewHandoffError("--company needs at least one letter or digit")
    template = here.templates_dir / f"{args.type}.md"
    try:
        body = template.read_text(encoding="utf-8")
    except OSError as exc:
        raise NewHandoffError(f"cannot read the template {template}: {exc.strerror}") from exc
    body = body.replace("[Company Name]", args.company, 1)
    metadata = {
        "type": args.type,
        "company": args.company,
        "account": account,
        "date": date,
        "status": "draft",
        "from": {"name": args.from_name, "role": args.from_role},
        "to": {"name": args.to_name, "role": args.to_role},
    }
    metadata.update(_type_fields(here.schemas.type_schema(args.type)))
    text = frontmatter.dumps(frontmatter.Post(body, **metadata), sort_keys=False) + "\n"
    folder = Path(args.folder) if args.folder else (here.settings.handoffs or Path("handoffs"))
    target = folder / args.type / f"{date}-{slugify(args.company)}.md"
    write_new(target, text)
    return Path(target)


def write_new(target: Path, text: str) -> None:
    """Write `text` to `target` whole or not at all, and never replace an existing file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".handoff-", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; a handoff is not
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temporary, target)  # fails if the target exists: nothing is overwritten
        except FileExistsError:
            raise NewHandoffError(
                f"{target} already exists; it was left as it is. Pick another --date or "
                "--company, or edit that file"
            ) from None
    finally:
        os.unlink(temporary)


def _type_fields(properties: dict[str, Any]) -> dict[str, Any]:
    """The type's own required fields, left empty so the linter asks for them by name."""
    fields: dict[str, Any] = {}
    for name in properties.get("required", []):
        spec = properties.get("properties", {}).get(name, {})
        if str(spec.get("$ref", "")).endswith("/money"):
            fields[name] = {"size": None, "currency": None}
        else:
            fields[name] = None
    return fields
