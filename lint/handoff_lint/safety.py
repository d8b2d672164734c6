"""Checks for what must not be in a handoff: raw or active HTML, and credentials."""

from __future__ import annotations

import re

from handoff_lint import secrets
from handoff_lint.document import Document
from handoff_lint.results import Diagnostic
from handoff_lint.rules import RULES

_ACTIVE_HTML = re.compile(
    r"<\s*/?\s*(?:script|iframe|frame|object|embed|applet|form|meta|link|style|base|svg)\b"
    r"|\bon[a-z]+\s*=|(?:java|vb)script\s*:|data\s*:\s*text/html",
    re.IGNORECASE,
)
_ACTIVE_LINK = re.compile(r"\]\(\s*<?\s*(?:java|vb)script\s*:|\]\(\s*data\s*:", re.IGNORECASE)
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$", re.DOTALL)


def check(document: Document) -> list[Diagnostic]:
    diagnostics = []
    for section in document.sections:
        for html in section.html:
            if _COMMENT.match(html.text):
                continue
            if _ACTIVE_HTML.search(html.text):
                diagnostics.append(
                    RULES["HO402"].diagnostic(
                        "Remove this script, frame or event handler: handoffs hold text, not code",
                        html.line,
                    )
                )
            else:
                diagnostics.append(
                    RULES["HO401"].diagnostic(
                        "Raw HTML here may not show on the site: write it in Markdown", html.line
                    )
                )
        for line in (*section.paragraphs, *section.items):
            if _ACTIVE_LINK.search(line.text):
                diagnostics.append(
                    RULES["HO402"].diagnostic(
                        "Remove this `javascript:` or `data:` link: use an https:// link", line.line
                    )
                )
    text = document.text
    for found in secrets.find(text):
        line_start = text.rfind("\n", 0, found.start) + 1
        diagnostics.append(
            RULES["HO403"].diagnostic(
                f"This looks like a {found.kind} ({found.masked()}): remove it and say where "
                "it is kept instead",
                text.count("\n", 0, found.start) + 1,
                found.start - line_start + 1,
            )
        )
    return diagnostics
