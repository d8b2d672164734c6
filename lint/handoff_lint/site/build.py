"""One site build: lint every handoff once, then produce every page from those results."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from handoff_lint.gate import Options
from handoff_lint.project import Workspace
from handoff_lint.run import lint
from handoff_lint.site import pages, scorecard
from handoff_lint.site.library import GeneratedPage, Handoff, Library
from handoff_lint.site.safety import Escaper, Privacy

# Results the site cannot render from the file itself: not UTF-8, or over the size limits.
UNPUBLISHABLE = {"HO101", "HO108"}
_FRONTMATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def body_of(text: str) -> str:
    """`text` without its frontmatter block (as the site's builder would strip it)."""
    return _FRONTMATTER.sub("", text, count=1)


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, symlinks followed, stays inside `folder`."""
    real, root = os.path.realpath(path), os.path.realpath(folder)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


@dataclass(frozen=True)
class Site:
    """The pages of one build, generated from one lint of the docs folder."""

    docs: Path
    library: Library
    escaper: Escaper
    generated: tuple[GeneratedPage, ...]

    @classmethod
    def load(
        cls,
        docs: Path,
        privacy: Privacy,
        published: Callable[[str], bool] = lambda src: True,
        *,
        jobs: int | None = None,
        cache: Path | None = None,
    ) -> Site:
        """Lint the handoffs under `docs` once; `published` filters them by path.

        `jobs` and `cache` are the linter's worker count and results cache folder.
        """
        docs = docs.absolute()
        workspace = Workspace()  # a new one each build: an edited rubric or schema is seen
        project = workspace.project_for(docs)
        found = []
        if docs.is_dir():
            for result in lint([str(docs)], Options(jobs=jobs), cache, workspace).files:
                path = Path(result.path).absolute()
                if not path.is_relative_to(docs):
                    continue
                src = path.relative_to(docs).as_posix()
                if published(src):
                    found.append((result, src))
        library = Library.build(found, project.rubric, project.threshold)
        escaper = Escaper(privacy)
        return cls(docs, library, escaper, tuple(pages.generate(library, escaper)))

    @cached_property
    def _handoffs(self) -> dict[str, Handoff]:
        return self.library.by_src()

    @cached_property
    def _pages(self) -> dict[str, GeneratedPage]:
        return {page.src: page for page in self.generated}

    def handoff(self, src: str) -> Handoff | None:
        return self._handoffs.get(src)

    def page(self, src: str) -> GeneratedPage | None:
        return self._pages.get(src)

    def navigation(self) -> list[dict[str, Any]]:
        return pages.navigation(self.library.rubric, self.escaper)

    def publishable(self, handoff: Handoff) -> bool:
        if any(d.code in UNPUBLISHABLE for d in handoff.result.diagnostics):
            return False
        return inside(self.docs / handoff.src, self.docs)

    def handoff_markdown(self, handoff: Handoff, body: str) -> str:
        """A handoff's page source: title, scorecard and its body, or the notice page."""
        if not self.publishable(handoff):
            return scorecard.unpublishable_markdown(handoff, self.escaper)
        return scorecard.handoff_markdown(handoff, body_of(body), self.escaper)

    def handoff_meta(self, handoff: Handoff) -> dict[str, object]:
        return scorecard.page_meta(handoff, self.escaper)

    def page_meta(self, page: GeneratedPage) -> dict[str, object]:
        return {"title": page.title}
