"""Build the handoff site for N generated handoffs, with the project's hooks or without them.

Without hooks means a plain `mkdocs build` of the same pages (written beforehand by
`handoff site pages`) with the same navigation and the same third-party plugins, so the
difference is what the hooks cost.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

from generate import generate

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def build_site(work: Path, count: int, *, hooks: bool) -> tuple[float, int]:
    """Seconds for `mkdocs build`, and the built site's size in bytes."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    generate(work / "handoffs", count)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if hooks:
        shutil.copytree(REPO / "hooks", work / "hooks")
        (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    else:
        subprocess.run(
            [str(BIN / "handoff"), "site", "pages", "pages", "--docs", "handoffs"],
            cwd=work,
            env=env,
            check=True,
            capture_output=True,
        )
        from handoff_lint import rubric
        from handoff_lint.site.pages import navigation
        from handoff_lint.site.safety import Escaper, Privacy

        nav = yaml.safe_dump(
            {"nav": navigation(rubric.load(), Escaper(Privacy()))}, allow_unicode=True
        )
        lines = [
            line for line in config.splitlines() if not line.startswith(("hooks:", "  - hooks/"))
        ]
        text = "\n".join(lines).replace("docs_dir: handoffs", "docs_dir: pages")
        (work / "mkdocs.yml").write_text(text + "\n" + nav, encoding="utf-8")
    start = time.perf_counter()
    subprocess.run(
        [str(BIN / "mkdocs"), "build", "--quiet"],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - start
    size = sum(p.stat().st_size for p in (work / "site").rglob("*") if p.is_file())
    shutil.rmtree(work, ignore_errors=True)
    return seconds, size
