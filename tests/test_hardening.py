"""Bad and hostile input: every case a diagnostic with a code, never a traceback or a hang."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run, complete_text
from handoff_lint import project
from handoff_lint.checks import check
from handoff_lint.config import Settings
from handoff_lint.document import parse
from handoff_lint.gate import Options
from handoff_lint.run import lint_bytes, lint_file

CORPUS = Path(__file__).parent / "corpus"
PACKAGED = project.from_settings(Settings())  # the packaged rubric, schemas, templates
EXPECTED: dict[str, str] = yaml.safe_load((CORPUS / "expected.yaml").read_text())


@pytest.mark.parametrize("name", list(EXPECTED), ids=list(EXPECTED))
def test_a_corpus_file(cli: Callable[..., Run], tmp_path: Path, name: str) -> None:
    folder = tmp_path / "handoffs" / "sales-to-cs"
    folder.mkdir(parents=True)
    shutil.copy(CORPUS / name, folder / name)
    [report] = cli("lint", "--format", "json").json()["files"]
    assert Path(report["path"]).name == name
    errors = [d for d in report["diagnostics"] if d["severity"] == "error"]
    code = EXPECTED[name]
    if code == "none":
        assert errors == [] and report["score"] == 100.0
    else:
        assert code in {d["code"] for d in report["diagnostics"]}, errors
        assert not report["passed"] or code == "HO401"
    assert "Traceback" not in cli("lint").out


def test_the_corpus_in_one_run(cli: Callable[..., Run], tmp_path: Path) -> None:
    folder = tmp_path / "handoffs" / "sales-to-cs"
    folder.mkdir(parents=True)
    for name in EXPECTED:
        shutil.copy(CORPUS / name, folder / name)
    result = cli("lint", "--format", "json")
    assert result.code == 1
    files = {Path(f["path"]).name: f for f in result.json()["files"]}
    assert set(files) == set(EXPECTED)  # one broken file never hides the others
    text = cli("lint").out
    assert "Traceback" not in text and "AKIAZ7Q3EXAMPLE4KEY2" not in text
    assert "Tr4nsp0rt!2026" not in text and "(14 characters)" in text


def test_python_tags_never_run(cli: Callable[..., Run], tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = complete_text("sales-to-cs").replace(
        "status: ready", f'status: !!python/object/apply:os.system ["touch {marker}"]'
    )
    (tmp_path / "x.md").write_text(text)
    result = cli("lint", "x.md")
    assert result.code == 1 and "HO103" in result.out and not marker.exists()


def run_guarded(
    args: list[str], cwd: Path, user: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The real CLI in a child process; the timeout only turns a hang into a failure."""
    command = [sys.executable, "-m", "handoff_lint", *args]
    if user:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("case", ["tens-of-mb", "megabyte-line", "ten-thousand-headings"])
def test_resource_bombs_end_with_a_result(tmp_path: Path, case: str) -> None:
    path = tmp_path / "bomb.md"
    front = complete_text("sdr-to-ae").split("\n---\n", 1)[0] + "\n---\n"
    if case == "tens-of-mb":
        path.write_text(front + "word " * 6_000_000)
        code = "HO108"
    elif case == "megabyte-line":
        path.write_text(front + "## Why They Took the Meeting\n" + "pain " * 200_000 + "\n")
        code = "HO301"
    else:
        path.write_text(front + "".join(f"## Heading {i}\ntext\n" for i in range(10_000)))
        code = "HO301"
    result = run_guarded(["lint", "--format", "json", str(path)], tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f'"code": "{code}"' in result.stdout


def test_missing_path_is_exit_2_and_the_rest_is_reported(
    cli: Callable[..., Run], handoff: Callable[..., Path]
) -> None:
    good = handoff("sdr-to-ae")
    result = cli("lint", "nope.md", str(good), "handoffs/sales-to-cs/also-nope.md")
    assert result.code == 2
    assert "100/100 passed" in result.out
    assert result.err.count("no such file or folder") == 2


def test_a_folder_named_like_a_handoff(
    cli: Callable[..., Run], handoff: Callable[..., Path], tmp_path: Path
) -> None:
    handoff("sdr-to-ae")
    (tmp_path / "handoffs" / "sdr-to-ae" / "folder.md").mkdir()
    assert cli("lint").code == 0  # skipped when a folder is searched
    named = cli("lint", "handoffs/sdr-to-ae/folder.md")
    assert named.code == 2 and "no handoff files here" in named.err


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root to drop to another user",
)
def test_an_unreadable_file() -> None:
    probe = subprocess.run(
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-c",
            "import handoff_lint",
        ],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        pytest.skip("this checkout's Python cannot be run by an unprivileged user here")
    tmp_path = Path(tempfile.mkdtemp(prefix="handoff-unreadable-"))  # outside pytest's 0700 dir
    os.chmod(tmp_path, 0o755)
    folder = tmp_path / "handoffs" / "sdr-to-ae"
    folder.mkdir(parents=True)
    (folder / "ok.md").write_text(complete_text("sdr-to-ae"))
    secret = folder / "locked.md"
    secret.write_text(complete_text("sdr-to-ae"))
    secret.chmod(0o600)
    for parent in (tmp_path / "handoffs", folder):
        parent.chmod(0o755)
    result = run_guarded(["lint"], tmp_path, user="65534")
    assert result.returncode == 1, result.stderr
    assert "locked.md: HO101 The file cannot be read: Permission denied" in result.stdout
    assert "ok.md: 100/100 passed" in result.stdout
    shutil.rmtree(tmp_path)


def test_a_symlink_out_of_the_repository(
    cli: Callable[..., Run], handoff: Callable[..., Path], tmp_path: Path
) -> None:
    (tmp_path / ".git").mkdir()
    outside = tmp_path.parent / f"{tmp_path.name}-outside.md"
    outside.write_text(complete_text("sdr-to-ae"))
    good = handoff("sdr-to-ae")
    (good.parent / "link.md").symlink_to(outside)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "source.md").write_text(complete_text("sdr-to-ae"))
    (good.parent / "inside-link.md").symlink_to(tmp_path / "drafts" / "source.md")
    result = cli("lint", "--format", "json")
    files = {Path(f["path"]).name: f for f in result.json()["files"]}
    assert [d["code"] for d in files["link.md"]["diagnostics"]] == ["HO109"]
    assert files["inside-link.md"]["passed"] and files["example.md"]["passed"]


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
SCALAR = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT, st.dates().map(str)
)
FRONTMATTER = st.dictionaries(
    st.sampled_from(
        [
            "type",
            "company",
            "date",
            "from",
            "to",
            "status",
            "tags",
            "account",
            "deal",
            "term_months",
            "x",
        ]
    )
    | TEXT,
    st.recursive(
        SCALAR,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
        max_leaves=8,
    ),
    max_size=8,
)
HEADINGS = st.sampled_from(
    [
        "Customer Overview",
        "Success Criteria",
        "Risk Flags",
        "Action Items",
        "Technical Context",
        "Timeline Expectations",
        "Prospect Summary",
    ]
)
LINE = st.one_of(
    TEXT,
    HEADINGS.map(lambda h: f"## {h}"),
    st.just("| Risk | Severity | Mitigation |"),
    st.just("|---|---|---|"),
    TEXT.map(lambda t: f"| {t} | 🔴 | {t} |"),
    TEXT.map(lambda t: f"- [ ] {t} @owner 2026-12-01"),
    TEXT.map(lambda t: f"1. {t} 50%"),
    TEXT.map(lambda t: f"**{t}:** {t}"),
    st.just("<!-- comment"),
    st.just("```"),
    st.just("Not applicable: no reason at all"),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front=FRONTMATTER, body=st.lists(LINE, max_size=30), raw=st.booleans())
def test_fuzz_loader_schema_and_rubric_only_ever_give_diagnostics(
    front: dict[str, object], body: list[str], raw: bool
) -> None:
    if raw:
        header = "---\n" + "\n".join(f"{k}: {v}" for k, v in front.items()) + "\n---\n"
    else:
        header = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n"
    text = header + "\n".join(body) + "\n"
    result = check(parse("fuzz.md", text), PACKAGED, Options())
    assert result.score is None or 0 <= result.score <= 100
    for d in result.diagnostics:
        assert d.code and d.message and (d.line is None or d.line >= 1)


def test_the_linter_never_writes_handoffs(
    cli: Callable[..., Run], handoff: Callable[..., Path], tmp_path: Path
) -> None:
    path = handoff("sales-to-cs", complete_text("sales-to-cs").replace("\n", "\r\n"))
    before = path.read_bytes()
    cli("lint")
    cli("lint", "--format", "sarif")
    assert path.read_bytes() == before
    assert lint_file(path, "x").score == 100.0


# Small inputs that once took minutes: each must cost about twice as much at twice the size.
# Compared as a ratio within one run (the machine's speed cancels out), never as a time.
FRONT = complete_text("sales-to-cs").split("\n---\n", 1)[0] + "\n---\n\n"
GROWING: dict[str, Callable[[int], str]] = {
    "password then spaces": lambda n: "## Notes\n\npassword:" + " " * n + "x\n",
    "a heading of <a": lambda n: "## " + "<a " * (n // 3) + "\n\ntext\n",
    "a heading of !": lambda n: "## " + "!" * n + "\n\ntext\n",
    "a run of eyJ-": lambda n: "## Notes\n\n" + "eyJ-" * (n // 4) + "\n",
    "an e-mail-like run": lambda n: "## Notes\n\n" + "a." * (n // 2) + "\n",
    "digits and commas": lambda n: "## Deal\n\n" + "1," * (n // 2) + "\n",
    "capitalised words": lambda n: "## People\n\n" + "Ab " * (n // 3) + "\n",
}


@pytest.mark.parametrize("family", sorted(GROWING))
def test_hostile_inputs_stay_linear(family: str) -> None:
    import time

    def cost(size: int) -> float:
        raw = (FRONT + GROWING[family](size)).encode()
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            lint_bytes(raw, "handoffs/sales-to-cs/x.md", PACKAGED, Options())
            best = min(best, time.perf_counter() - start)
        return best

    cost(1_000)  # warm: compiled patterns, imports
    small, large = cost(20_000), cost(80_000)
    assert large / small < 8, f"{family}: 4x the input cost {large / small:.1f}x the time"


@pytest.mark.parametrize(
    "output", ["text", "json", "github", "sarif", "junit", "gitlab", "markdown"]
)
def test_a_credential_quoted_in_another_message_is_masked_in_every_format(
    cli: Callable[..., Run], handoff: Callable[..., Path], output: str
) -> None:
    risks = "- Vendor login AKIAZ7Q3EXAMPLE4KEY2 in the runbook, high\n- password: Winter2026!\n"
    text = complete_text("sales-to-cs")
    start = text.index("## Risk Flags")
    end = text.index("\n## ", start + 1)
    handoff("sales-to-cs", text[:start] + "## Risk Flags\n\n" + risks + text[end:])
    result = cli("lint", "--no-cache", "--format", output)
    shown = result.out + result.err
    assert "AKIAZ7Q3EXAMPLE4KEY2" not in shown and "Winter2026!" not in shown
    assert "HO403" in shown


def test_a_private_key_is_redacted_whole() -> None:
    from handoff_lint import secrets

    block = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nQUJD\n"
    for ending in ("-----END OPENSSH PRIVATE KEY-----\nafter", "\nafter"):
        redacted = secrets.redact("key:\n" + block + ending)
        assert "b3BlbnNz" not in redacted and "QUJD" not in redacted and "after" in redacted


def test_control_characters_never_reach_the_terminal(
    cli: Callable[..., Run], handoff: Callable[..., Path]
) -> None:
    text = complete_text("sales-to-cs").replace(
        "## Risk Flags", "## Risk Flags\n\n- \x1b[2J\x1b[31mred\x1b[0m\r::error::forged, high\n", 1
    )
    handoff("sales-to-cs", text, name="esc\x1b[1m.md")
    out = cli("lint", "--no-cache").out
    assert "\x1b" not in out and "\r" not in out
    assert not any(line.startswith("::") for line in out.splitlines())
