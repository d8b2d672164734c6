"""The results cache and the worker pool: the cold serial result, never trusted blindly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import TYPES, Run, complete_text, drop_section


@pytest.fixture(autouse=True)
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's cache folder, in tmp_path; as on a rep's machine, not under CI."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("CI", raising=False)
    return tmp_path / "xdg"


def many(tmp_path: Path, count: int) -> None:
    # A project (a settings file; a git repository would do too): outside one nothing is cached.
    (tmp_path / "handoff.toml").write_text("")
    for n in range(count):
        slug = TYPES[n % len(TYPES)]
        text = complete_text(slug)
        if n % 3 == 0:
            text = drop_section(text, "Action Items")
        path = tmp_path / "handoffs" / slug / f"h{n:03}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_warm_run_gives_the_cold_result(
    cli: Callable[..., Run], tmp_path: Path, user_cache: Path
) -> None:
    many(tmp_path, 10)
    cold = cli("lint", "--format", "json")
    assert not (tmp_path / ".handoff_cache").exists()  # nothing in the work tree
    entries = list(user_cache.rglob("*.json"))
    assert len(entries) == 10
    warm = cli("lint", "--format", "json")
    assert (warm.code, warm.out) == (cold.code, cold.out)


def test_corrupt_and_foreign_entries_are_ignored(
    cli: Callable[..., Run], tmp_path: Path, user_cache: Path
) -> None:
    many(tmp_path, 6)
    cold = cli("lint", "--format", "json")
    entries = sorted(user_cache.rglob("*.json"))
    entries[0].write_text("{not json")
    entries[1].write_bytes(b"\x00\xff")
    entries[2].write_text(entries[3].read_text())  # another file's result under this name
    entries[4].write_text('{"key": "x", "result": []}')
    again = cli("lint", "--format", "json")
    assert again.out == cold.out
    assert not entries[0].read_text().startswith("{not json")  # rewritten


def test_changes_that_matter_invalidate(cli: Callable[..., Run], tmp_path: Path) -> None:
    many(tmp_path, 3)  # h000 scores 90
    assert cli("lint").code == 0
    (tmp_path / "handoff.toml").write_text("threshold = 95\n")
    assert cli("lint").code == 1
    assert cli("lint", "--threshold", "50").code == 0
    path = next((tmp_path / "handoffs").rglob("h000.md"))
    path.write_text(complete_text(path.parent.name))
    assert "h000.md: 100/100 passed" in cli("lint").out


def test_no_cache_writes_nothing(cli: Callable[..., Run], tmp_path: Path, user_cache: Path) -> None:
    many(tmp_path, 2)
    cli("lint", "--no-cache")
    assert not user_cache.exists() and not (tmp_path / ".handoff_cache").exists()


def test_a_warm_run_skips_parsing_and_validation(tmp_path: Path) -> None:
    many(tmp_path, 4)
    code = (
        "import sys; from handoff_lint.cli import main; main(['lint']); "
        "print(sorted(m for m in ('markdown_it', 'jsonschema_rs') if m in sys.modules))"
    )
    run = [sys.executable, "-c", code]
    env = {k: v for k, v in os.environ.items() if k != "CI"}  # the fixture's XDG_CACHE_HOME
    cold = subprocess.run(run, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    warm = subprocess.run(run, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert cold.stdout.splitlines()[-1] == "['jsonschema_rs', 'markdown_it']"
    assert warm.stdout.splitlines()[-1] == "[]"
    assert cold.stdout.splitlines()[:-1] == warm.stdout.splitlines()[:-1]


def test_the_pool_keeps_the_serial_order(cli: Callable[..., Run], tmp_path: Path) -> None:
    many(tmp_path, 130)
    serial = cli("lint", "--format", "json", "--jobs", "1", "--no-cache")
    pooled = cli("lint", "--format", "json", "--no-cache")  # 130 files: one worker per core
    two = cli("lint", "--format", "json", "--jobs", "2", "--no-cache")
    assert serial.out == pooled.out == two.out
    assert len(serial.json()["files"]) == 130


def test_a_forged_entry_is_never_trusted(
    cli: Callable[..., Run], tmp_path: Path, user_cache: Path
) -> None:
    # A weak handoff, linted once; then its entry edited to a perfect score, signature kept.
    many(tmp_path, 1)
    path = next((tmp_path / "handoffs").rglob("h000.md"))
    path.write_text(
        drop_section(drop_section(complete_text("sdr-to-ae"), "Red Flags"), "Action Items")
    )
    assert cli("lint").code == 1
    [entry] = list(user_cache.rglob("*.json"))
    signature, _, payload = entry.read_bytes().partition(b"\n")
    forged = json.loads(payload)
    forged.update(score=100.0, diagnostics=[], categories=[])
    entry.write_bytes(signature + b"\n" + json.dumps(forged).encode())
    assert cli("lint").code == 1
    # A cache committed in the work tree is not even looked at.
    committed = tmp_path / ".handoff_cache"
    committed.mkdir()
    (committed / "v3").symlink_to(entry.parent.parent)
    assert cli("lint").code == 1


def test_a_cache_key_readable_by_others_or_a_linked_entry_is_ignored(
    cli: Callable[..., Run], tmp_path: Path, user_cache: Path
) -> None:
    many(tmp_path, 1)
    cold = cli("lint", "--format", "json")
    [key] = list(user_cache.rglob("key"))
    assert key.stat().st_mode & 0o777 == 0o600
    key.chmod(0o644)  # someone else could read it, and so sign entries: not trusted
    [entry] = list(user_cache.rglob("*.json"))
    outside = tmp_path / "outside.json"
    outside.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(outside)
    assert cli("lint", "--format", "json").out == cold.out


def test_under_ci_nothing_is_cached_unless_asked(
    cli: Callable[..., Run], tmp_path: Path, user_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    many(tmp_path, 2)
    monkeypatch.setenv("CI", "true")
    cli("lint")
    assert not user_cache.exists()
    cli("lint", "--cache-dir", str(tmp_path / "ci-cache"))
    assert list((tmp_path / "ci-cache").rglob("*.json"))


def test_workers_end_when_the_run_is_killed(tmp_path: Path) -> None:
    import signal
    import time

    many(tmp_path, 400)
    run = subprocess.Popen(
        [sys.executable, "-m", "handoff_lint.cli", "lint", "--no-cache", "--jobs", "2"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def children() -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and (entry / "stat").read_text().split()[3] == str(run.pid):
                    found.append(int(entry.name))
            except OSError:
                continue
        return found

    deadline = time.monotonic() + 30
    while not children() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    workers = children()
    if not workers:
        pytest.skip("the run ended before its workers could be seen")
    run.send_signal(signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in workers):
        time.sleep(0.05)
    alive = [
        pid
        for pid in workers
        if Path(f"/proc/{pid}/stat").exists()
        and (Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z")
    ]
    assert alive == [], "workers outlived their run"
