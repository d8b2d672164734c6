"""Measure the hook, the full lint and the site build; print one Markdown table.

    .venv/bin/python benchmarks/run.py [--quick]

Every figure in a row is measured in the same run, so the ratios hold on a noisy machine;
absolute times are context only. --quick uses fewer files and repetitions (a smoke test).
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PY = sys.executable


def median_seconds(command: Sequence[str], runs: int, cwd: Path) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def tree_memory_kib(root: int) -> int:
    """Memory of a process and all its descendants: the sum of their proportional set sizes.

    PSS splits pages shared between processes (a forked worker shares its parent's) among
    them, so the sum is what the tree really holds; summing RSS would count them twice.
    """
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except OSError:
            continue
        parents[int(entry)] = int(fields["PPid"])
        rss[int(entry)] = _pss_kib(int(entry)) or int(fields.get("VmRSS", "0 kB").split()[0])
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += [child for child, parent in parents.items() if parent == pid]
    return total


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def timed_with_memory(command: Sequence[str], cwd: Path) -> tuple[float, int]:
    """Wall time and peak resident memory of the whole process tree (sampled every 20 ms)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    peak = 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_memory_kib(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    process.wait()
    elapsed = time.perf_counter() - start
    sampler.join()
    return elapsed, peak


def frontmatter_files(handoffs: Path, out: Path) -> list[Path]:
    """Each handoff's frontmatter as a .yaml file, for check-jsonschema (which reads no .md)."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, path in enumerate(sorted(handoffs.rglob("*.md"))):
        front = path.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n")
        target = out / f"{n:05}.yaml"
        target.write_text(front + "\n", encoding="utf-8")
        paths.append(target)
    return paths


def floor_files_per_second(handoffs: Path) -> float:
    """Reading each file and parsing its frontmatter with libyaml: the least any linter does."""
    files = sorted(handoffs.rglob("*.md"))
    start = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8")
        yaml.load(text.split("\n---\n", 1)[0][4:], Loader=yaml.CSafeLoader)
    return len(files) / (time.perf_counter() - start)


def row(rows: list[list[str]], *cells: object) -> None:
    rows.append([str(c) for c in cells])
    print(" | ".join(rows[-1]), file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few repetitions")
    parser.add_argument("--no-site", action="store_true", help="skip the site builds")
    parser.add_argument(
        "--site-10k", action="store_true", help="also build the site for 10,000 (about 4 minutes)"
    )
    args = parser.parse_args(argv)
    runs = 5 if args.quick else 15
    sizes = (200, 1000) if args.quick else (1000, 10_000)
    # Installed packages carry compiled bytecode; an editable checkout under
    # PYTHONDONTWRITEBYTECODE=1 would recompile on every run, so compile it once here.
    compileall.compile_dir(REPO / "lint", quiet=1)
    rows: list[list[str]] = []
    work = Path(tempfile.mkdtemp(prefix="handoff-bench-"))
    try:
        one = generate(work / "one", 5)[2]  # a sales-to-cs handoff
        yaml_one = frontmatter_files(work / "one", work / "one-yaml")[2]
        schema = REPO / "schemas" / "handoff.schema.json"
        # The hook against two baselines, each its imports plus reading and parsing one file:
        # the dependencies the performance issue named, and the ones the linter imports now.
        parse = (
            "; t = open(sys.argv[1]).read(); f, b = t.split('\\n---\\n', 1); "
            "yaml.load(f[4:], Loader=yaml.CSafeLoader); "
            "markdown_it.MarkdownIt('commonmark').enable('table').parse(b)"
        )
        named = "import sys, yaml, frontmatter, jsonschema, markdown_it" + parse
        ours = "import sys, yaml, jsonschema_rs, markdown_it" + parse
        hook = [str(BIN / "handoff"), "lint", "--no-cache", str(one)]
        cjs = [str(BIN / "check-jsonschema"), "--schemafile", str(schema), str(yaml_one)]
        t_named = median_seconds([PY, "-c", named, str(one)], runs, work)
        t_ours = median_seconds([PY, "-c", ours, str(one)], runs, work)
        t_hook = median_seconds(hook, runs, work)
        t_cjs = median_seconds(cjs, runs, work)
        row(
            rows,
            "one file: import yaml+frontmatter+jsonschema+markdown_it, one parse",
            f"{t_named * 1000:.0f} ms",
            "",
        )
        row(
            rows,
            "one file: import yaml+jsonschema_rs+markdown_it (what we use), one parse",
            f"{t_ours * 1000:.0f} ms",
            "",
        )
        row(
            rows,
            "one file: `handoff lint` (the hook)",
            f"{t_hook * 1000:.0f} ms",
            f"{t_hook / t_named:.2f}× the first, {t_hook / t_ours:.2f}× the second (target ≤ 1.15)",
        )
        row(
            rows,
            "one file: check-jsonschema, frontmatter only",
            f"{t_cjs * 1000:.0f} ms",
            f"hook is {t_hook / t_cjs:.2f}× it (target < 1)",
        )
        for size in sizes:
            folder = work / f"h{size}"
            generate(folder, size)
            floor = floor_files_per_second(folder)
            cold, peak = timed_with_memory(
                [str(BIN / "handoff"), "lint", "--no-cache", str(folder)], work
            )
            lint_cached = [str(BIN / "handoff"), "lint", str(folder)]
            subprocess.run(lint_cached, cwd=work, stdout=subprocess.DEVNULL, check=False)
            warm = median_seconds(lint_cached, 3, work)
            yamls = frontmatter_files(folder, work / f"y{size}")
            t_cjs_all = median_seconds(
                [str(BIN / "check-jsonschema"), "--schemafile", str(schema), *map(str, yamls)],
                1,
                work,
            )
            row(
                rows,
                f"{size:,} files: read + libyaml frontmatter (floor)",
                f"{floor:,.0f} files/s",
                "",
            )
            row(
                rows,
                f"{size:,} files: check-jsonschema, frontmatter only",
                f"{size / t_cjs_all:,.0f} files/s",
                "",
            )
            row(
                rows,
                f"{size:,} files: `handoff lint`, cold",
                f"{size / cold:,.0f} files/s",
                f"{t_cjs_all / cold:.1f}× check-jsonschema (target ≥ 1.5); "
                f"peak {peak / 1024:.0f} MiB (target ≤ 200)",
            )
            row(
                rows,
                f"{size:,} files: `handoff lint`, warm cache",
                f"{size / warm:,.0f} files/s",
                f"{cold / warm:.1f}× cold (target ≥ 10)",
            )
        bomb_rows(rows, work)
        if not args.no_site:
            site_rows(rows, work, (50, 200) if args.quick else (100, 1000))
        if args.site_10k:
            from site_build import build_site

            seconds, size_bytes = build_site(work / "site10k", 10_000, hooks=True)
            row(
                rows,
                "site, 10,000 handoffs: `mkdocs build`",
                f"{seconds:.0f} s, {size_bytes / 10_000 / 1024:.0f} KiB a handoff",
                "target < 600 s, size per handoff flat",
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"\nMachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"{time.strftime('%Y-%m-%d')}\n"
    )
    print("| measure | result | against the target |\n|---|---|---|")
    for cells in rows:
        print("| " + " | ".join(cells) + " |")
    return 0


def bomb_rows(rows: list[list[str]], work: Path) -> None:
    """How long the hostile inputs of the hardening tests take, whole process, one run each."""
    corpus = REPO / "tests" / "corpus"
    front = "---\ntype: sdr-to-ae\ncompany: Bomb\n---\n"
    bombs = {
        "YAML alias expansion (billion laughs)": (corpus / "billion-laughs.md").read_bytes(),
        "deeply nested YAML": (corpus / "deep-nesting.md").read_bytes(),
        "a 30 MB file": (front + "word " * 6_000_000).encode(),
        "a one-megabyte line": (
            front + "## Why They Took the Meeting\n" + "pain " * 200_000
        ).encode(),
        "ten thousand headings": (
            front + "".join(f"## Heading {i}\ntext\n" for i in range(10_000))
        ).encode(),
    }
    for name, data in bombs.items():
        path = work / "bomb.md"
        path.write_bytes(data)
        seconds = median_seconds([str(BIN / "handoff"), "lint", "--no-cache", str(path)], 1, work)
        row(rows, f"hostile input: {name}", f"{seconds * 1000:,.0f} ms", "guard in tests: 60 s")


def site_rows(rows: list[list[str]], work: Path, sizes: Sequence[int]) -> None:
    from site_build import build_site  # the site's own benchmark helper

    per: dict[tuple[int, bool], tuple[float, int]] = {}
    for size in sizes:
        for hooks in (True, False):
            seconds, size_bytes = build_site(work / f"site{size}-{hooks}", size, hooks=hooks)
            per[(size, hooks)] = (seconds, size_bytes)
        seconds, size_bytes = per[(size, True)]
        plain, _ = per[(size, False)]
        row(
            rows,
            f"site, {size:,} handoffs: `mkdocs build`",
            f"{seconds:.1f} s, {size_bytes / size / 1024:.0f} KiB a handoff",
            f"hooks add {100 * (seconds / plain - 1):.0f}% to a plain build (target ≤ 25%)",
        )
    small, large = sizes
    t_ratio = (per[(large, True)][0] / large) / (per[(small, True)][0] / small)
    s_ratio = (per[(large, True)][1] / large) / (per[(small, True)][1] / small)
    row(
        rows,
        f"site, per handoff at {large:,} vs {small:,}",
        f"time {t_ratio:.2f}×, size {s_ratio:.2f}×",
        "target ≤ 1.3× each",
    )


if __name__ == "__main__":
    raise SystemExit(main())
