"""`handoff new`: names any rep can type, flags from the type's schema, files that lint clean."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO, Run

DATE = "2026-12-02"
PEOPLE = ("--from-name", "Ana Ruiz", "--from-role", "AE")
PEOPLE += ("--to-name", "Ben Cole", "--to-role", "CSM")
# Every field of each type's own schema, as a rep would give it.
TYPE_FLAGS = {
    "sdr-to-ae": {"--source": "referral", "--meeting-date": "2026-12-09"},
    "ae-to-se": {
        "--request": "poc",
        "--request-date": "2027-01-15",
        "--deal-size": "120000",
        "--currency": "EUR",
    },
    "sales-to-cs": {
        "--deal-size": "84000",
        "--currency": "usd",
        "--contract-start": "2026-12-01",
        "--term-months": "12",
    },
    "sales-to-implementation": {
        "--deal-size": "84000.50",
        "--deal-currency": "USD",
        "--contract-start": "2026-12-01",
        "--go-live": "2027-02-01",
    },
    "cs-to-sales": {
        "--arr-size": "50000",
        "--arr-currency": "GBP",
        "--expansion-size": "20000",
        "--expansion-currency": "GBP",
        "--renewal-date": "2027-06-30",
    },
}

# What those flags put in the frontmatter, besides the fields every handoff has.
SHARED = {"type", "company", "account", "date", "status", "from", "to"}
WRITTEN: dict[str, dict[str, Any]] = {
    "sdr-to-ae": {"source": "referral", "meeting_date": "2026-12-09"},
    "ae-to-se": {
        "request": "poc",
        "request_date": "2027-01-15",
        "deal": {"size": 120000, "currency": "EUR"},
    },
    "sales-to-cs": {
        "deal": {"size": 84000, "currency": "USD"},  # `usd` as the schema wants it
        "contract_start": "2026-12-01",
        "term_months": 12,
    },
    "sales-to-implementation": {
        "deal": {"size": 84000.5, "currency": "USD"},
        "contract_start": "2026-12-01",
        "go_live": "2027-02-01",
    },
    "cs-to-sales": {
        "arr": {"size": 50000, "currency": "GBP"},
        "expansion": {"size": 20000, "currency": "GBP"},
        "renewal_date": "2027-06-30",
    },
}


def flags_of(kind: str) -> list[str]:
    return [part for flag, value in TYPE_FLAGS[kind].items() for part in (flag, value)]


def new(cli: Callable[..., Run], company: str, *args: str, kind: str = "sales-to-cs") -> Run:
    return cli("new", kind, "--company", company, "--date", DATE, *args)


def written(run: Run) -> Path:
    """The file `handoff new` says it created (relative to the tmp_path it ran in)."""
    assert run.code == 0, run.err
    first, second = run.out.splitlines()
    assert first.startswith("Created ")
    path = first.removeprefix("Created ")
    assert second == f"Fill in each section, then run: handoff score {path}"
    return Path(path)


def frontmatter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    data = yaml.safe_load(text.split("---\n")[1])
    assert isinstance(data, dict)
    return data


def lint_codes(cli: Callable[..., Run], path: Path) -> list[tuple[str, str]]:
    """Each diagnostic of `handoff lint` on the file, as (code, message)."""
    [file] = cli("lint", "--format", "json", str(path)).json()["files"]
    assert file["type"] is not None  # the linter read the frontmatter back
    return [(d["code"], d["message"]) for d in file["diagnostics"]]


@pytest.mark.parametrize(
    ("company", "name", "account"),
    [
        ("東京物産", "東京物産", None),  # no ASCII letters: no account, the linter makes one
        (
            "Müller Präzisionstechnik GmbH",
            "muller-prazisionstechnik-gmbh",
            "muller-prazisionstechnik-gmbh",
        ),
        ("Café Rocket", "cafe-rocket", "cafe-rocket"),
        ("Ørsted ÆON", "orsted-aeon", "rsted-on"),  # the account as the linter derives it
        ("Straße & Co", "strasse-co", "strae-co"),
        ("東京 Corp", "東京-corp", "corp"),
        ("삼성전자", "삼성전자", None),
        ("हिन्दी कंपनी", "हिन्दी-कंपनी", None),
        ("ＡＢＣ株式会社", "abc株式会社", "abc"),
        ("Москва Ltd", "москва-ltd", "ltd"),
    ],
)
def test_file_name_and_account_from_any_company_name(
    cli: Callable[..., Run], tmp_path: Path, company: str, name: str, account: str | None
) -> None:
    path = written(new(cli, company, *PEOPLE))
    assert path == Path(f"handoffs/sales-to-cs/{DATE}-{name}.md")
    data = frontmatter(tmp_path / path)
    assert data["company"] == company
    assert data.get("account") == account
    assert f"# Customer Handoff: {company}" in (tmp_path / path).read_text(encoding="utf-8")
    problems = lint_codes(cli, path)
    assert not [m for code, m in problems if code == "HO201" and "account" in m]
    assert not [code for code, _ in problems if code in ("HO102", "HO103")]


def test_yaml_keeps_emoji_and_accents_as_they_are(cli: Callable[..., Run], tmp_path: Path) -> None:
    company = "Café 🚀 Rocket"
    path = tmp_path / written(new(cli, company, "--to-name", "Zoë Ångström", "--to-role", "CSM"))
    text = path.read_text(encoding="utf-8")
    assert "company: Café 🚀 Rocket\n" in text and "name: Zoë Ångström\n" in text
    assert "\\U" not in text and "\\x" not in text
    assert frontmatter(path)["company"] == company
    assert path.name == f"{DATE}-cafe-rocket.md"
    assert not [code for code, _ in lint_codes(cli, path) if code in ("HO102", "HO103")]


def test_a_second_handoff_the_same_day_gets_a_suffix(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    first = tmp_path / written(new(cli, "Acme", "--to-name", "Ben Cole"))
    first.write_text(first.read_text(encoding="utf-8") + "my notes\n", encoding="utf-8")
    second = written(new(cli, "Acme", "--to-name", "Carla Diaz"))
    third = written(new(cli, "ACME", "--to-name", "Carla Diaz"))  # another name, same slug
    assert [second.name, third.name] == [f"{DATE}-acme-2.md", f"{DATE}-acme-3.md"]
    assert first.read_text(encoding="utf-8").endswith("my notes\n")  # never overwritten
    assert frontmatter(tmp_path / second)["to"]["name"] == "Carla Diaz"
    assert frontmatter(tmp_path / third)["company"] == "ACME"
    # The same command again is a slip, not a second handoff: nothing is written.
    again = new(cli, "Acme", "--to-name", "Carla Diaz")
    assert again.code == 2 and f"{DATE}-acme-2.md already exists" in again.err
    names = sorted(p.name for p in first.parent.iterdir())
    assert names == [f"{DATE}-acme-2.md", f"{DATE}-acme-3.md", f"{DATE}-acme.md"]


def test_flags_cover_every_field_of_each_type() -> None:
    for kind, flags in TYPE_FLAGS.items():
        schema = json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text())
        expected = set()
        for name, spec in schema["properties"].items():
            dashed = "--" + name.replace("_", "-")
            if spec.get("$ref", "").endswith("/money"):
                expected |= {f"{dashed}-size", f"{dashed}-currency"}
            elif name != "type":
                expected.add(dashed)
        given = {"--deal-currency" if f == "--currency" else f for f in flags}
        assert given == expected, kind


@pytest.mark.parametrize("kind", sorted(TYPE_FLAGS))
def test_every_flag_given_makes_a_schema_valid_file(
    cli: Callable[..., Run], tmp_path: Path, kind: str
) -> None:
    run = new(cli, "Acme Logistics", *PEOPLE, *flags_of(kind), kind=kind)
    path = written(run)
    assert run.err == ""  # nothing still to fill
    assert [m for code, m in lint_codes(cli, path) if code == "HO201"] == []
    data = frontmatter(tmp_path / path)
    assert data["type"] == kind and data["status"] == "draft"
    own = {key: value for key, value in data.items() if key not in SHARED}
    assert own == WRITTEN[kind]


def test_written_numbers_keep_their_type(cli: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / written(new(cli, "Acme", *flags_of("sales-to-cs")))
    text = path.read_text(encoding="utf-8")
    assert "  size: 84000\n" in text and "  currency: USD\n" in text
    assert "term_months: 12\n" in text and "contract_start: '2026-12-01'\n" in text


@pytest.mark.parametrize(
    ("kind", "flag", "value", "said"),
    [
        ("sales-to-cs", "--contract-start", "24/11/2026", "write it as YYYY-MM-DD"),
        ("sales-to-cs", "--contract-start", "2026-02-30", "write it as YYYY-MM-DD"),
        ("sales-to-cs", "--term-months", "12.5", "not a whole number"),
        ("sales-to-cs", "--term-months", "0", "less than 1"),
        ("sales-to-cs", "--deal-size", "84,000", "without symbols or commas"),
        ("sales-to-cs", "--deal-size", "-5", "less than 0"),
        ("sales-to-cs", "--currency", "dollars", "three-letter currency code"),
        ("sdr-to-ae", "--source", "cold-call", "inbound, outbound, event, referral, partner"),
        ("ae-to-se", "--request-date", "soon", "write it as YYYY-MM-DD"),
        ("cs-to-sales", "--arr-currency", "E", "three-letter currency code"),
        ("sales-to-cs", "--date", "24/11/2026", "write it as YYYY-MM-DD"),
        ("sales-to-cs", "--account", "Acme Logistics", "like acme-logistics"),
    ],
)
def test_a_bad_value_names_its_flag_and_writes_nothing(
    cli: Callable[..., Run], tmp_path: Path, kind: str, flag: str, value: str, said: str
) -> None:
    run = cli("new", kind, "--company", "Acme", flag, value)
    assert run.code == 2
    assert f"argument {flag}" in run.err or f"/{flag}:" in run.err
    assert said in run.err and repr(value) in run.err
    assert not (tmp_path / "handoffs").exists()


def test_missing_values_are_left_empty_and_their_flags_listed(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    run = new(cli, "東京物産", *PEOPLE)
    path = written(run)
    assert run.err == "still to fill: --deal-size, --currency, --contract-start, --term-months\n"
    data = frontmatter(tmp_path / path)
    assert data["deal"] == {"size": None, "currency": None}
    assert data["contract_start"] is None and data["term_months"] is None
    empty = {m.split("`")[1] for code, m in lint_codes(cli, path) if code == "HO201"}
    assert empty == {"deal.size", "deal.currency", "contract_start", "term_months"}


def test_half_of_an_amount_leaves_the_other_half_to_fill(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    run = new(cli, "Acme", "--expansion-size", "20000", kind="cs-to-sales")
    data = frontmatter(tmp_path / written(run))
    assert data["expansion"] == {"size": 20000, "currency": None}
    assert "arr" not in data and "renewal_date" not in data  # optional, not given
    assert run.err == "still to fill: --from-name, --from-role, --to-name, --to-role\n"


def test_a_company_needs_a_letter_or_digit(cli: Callable[..., Run], tmp_path: Path) -> None:
    run = new(cli, "🚀 !!")
    assert run.code == 2 and "--company needs at least one letter or digit" in run.err
    assert not list(tmp_path.rglob("*.md"))


def test_a_long_name_still_makes_a_file(cli: Callable[..., Run], tmp_path: Path) -> None:
    company = "東京物産" * 50  # 200 letters, 600 bytes: more than a file name may hold
    path = written(new(cli, company))
    assert len(path.name.encode()) < 255 and path.name.startswith(f"{DATE}-東京物産")
    assert frontmatter(tmp_path / path)["company"] == company


def test_a_folder_it_cannot_write_in_is_one_sentence(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    # A file where the type's folder should be: refused for root too, unlike a read-only folder.
    (tmp_path / "handoffs").mkdir()
    (tmp_path / "handoffs" / "sales-to-cs").write_text("not a folder\n")
    run = new(cli, "Acme")
    assert run.code == 2 and run.out == ""
    assert run.err.startswith(f"handoff: cannot write in {Path('handoffs/sales-to-cs')}: ")
    assert run.err.count("\n") == 1 and "Traceback" not in run.err


def test_flags_before_the_type_still_find_it(cli: Callable[..., Run]) -> None:
    run = cli("new", "--term-months", "12", "--company", "Acme", "sales-to-cs")
    assert written(run).parent == Path("handoffs/sales-to-cs")
    assert "--term-months" not in run.err


def test_help_lists_the_types_own_flags(
    cli: Callable[..., Run], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli("new", "sales-to-cs", "--help")
    assert exited.value.code == 0
    out = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    assert "sales-to-cs fields:" in out
    assert "--term-months N the contract length in months, a whole number like 12" in out
    assert "--deal-currency CODE, --currency CODE what the customer signed" in out
    assert "--contract-start YYYY-MM-DD the day the contract starts" in out
    assert "--source" not in out and "--go-live" not in out  # other types' fields
    with pytest.raises(SystemExit):
        cli("new", "sdr-to-ae", "--help")
    out = " ".join(capsys.readouterr().out.split())
    assert "--source inbound|outbound|event|referral|partner how the lead came in" in out
    with pytest.raises(SystemExit):
        cli("new", "--help")
    out = " ".join(capsys.readouterr().out.split())
    assert "`handoff new TYPE --help` lists the fields of that type" in out
    assert "fields:" not in out


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_at_a_terminal_it_asks_for_what_is_missing(tmp_path: Path) -> None:
    import pty

    main, terminal = pty.openpty()
    command = [sys.executable, "-m", "handoff_lint", "new", "sales-to-cs", "--interactive"]
    command += ["--company", "Acme", "--date", DATE, *PEOPLE]
    env = {**os.environ, "PYTHONPATH": str(REPO / "lint")}
    with subprocess.Popen(
        command, cwd=tmp_path, stdin=terminal, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env,
    ) as process:  # fmt: skip
        os.close(terminal)
        # A bad date is asked again; Enter leaves the last one for later.
        os.write(main, b"84000\nusd\n24/11/2026\n2026-12-01\n\n")
        out, err = process.communicate(timeout=60)
    os.close(main)
    assert process.returncode == 0, err
    assert "(--deal-size, Enter to skip)" in err and "is not a date" in err
    assert err.endswith("still to fill: --term-months\n")
    data = frontmatter(tmp_path / "handoffs/sales-to-cs" / f"{DATE}-acme.md")
    assert data["deal"] == {"size": 84000, "currency": "USD"}
    assert data["contract_start"] == "2026-12-01" and data["term_months"] is None
    assert out.startswith("Created handoffs/sales-to-cs/")


def test_interactive_without_a_terminal_is_refused(cli: Callable[..., Run], tmp_path: Path) -> None:
    run = cli("new", "sales-to-cs", "--company", "Acme", "--interactive")
    assert run.code == 2 and "--interactive needs a terminal" in run.err
    assert not (tmp_path / "handoffs").exists()
