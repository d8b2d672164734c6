"""The gate: which threshold holds, and when a scored handoff is blocked, warned or passed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from handoff_lint.results import Diagnostic
from handoff_lint.rules import RULES

if TYPE_CHECKING:
    from handoff_lint.document import Document
    from handoff_lint.project import Project


@dataclass(frozen=True)
class Options:
    threshold: float | None = None  # from the command line; beats every settings file
    allow_drafts: bool = False
    deny_drafts: bool = False
    jobs: int | None = None  # worker processes; None: one per core when there are many files


def threshold(project: Project, options: Options) -> float:
    """The command line's threshold, else the settings', else the rubric's."""
    return project.threshold if options.threshold is None else options.threshold


def rules(
    document: Document, score: float, needed: float, options: Options, gains: str = ""
) -> list[Diagnostic]:
    """The gate's own findings: a draft where drafts are refused, a score under the threshold.

    `gains` says what completing each short category earns, the biggest first.
    """
    data = document.frontmatter or {}
    draft = data.get("status") == "draft"
    found = []
    if options.deny_drafts and draft:
        found.append(
            RULES["HO305"].diagnostic(
                "This handoff is still `status: draft`: finish it and set `status: ready` before "
                "it is merged",
                document.line_of(("status",)),
            )
        )
    if draft and not options.deny_drafts and score >= needed:
        found.append(
            RULES["HO306"].diagnostic(
                "This handoff passes, but is still `status: draft`: CI on the default branch "
                "refuses drafts, so set `status: ready` when it is ready to hand over",
                document.line_of(("status",)),
            )
        )
    if score < needed:
        if options.allow_drafts and draft:
            found.append(
                RULES["HO304"].diagnostic(
                    f"This draft scores {score:g}/100; it needs {needed:g} before it is ready"
                    + (f" ({gains})" if gains else "")
                )
            )
        else:
            found.append(
                RULES["HO301"].diagnostic(
                    f"This handoff scores {score:g}/100 and needs {needed:g} to be handed over: "
                    "complete the sections named in the other messages"
                    + (f" ({gains})" if gains else "")
                )
            )
    return found
