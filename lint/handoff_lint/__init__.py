"""handoff-lint: docs-as-code for go-to-market handoffs.

The flow, one module a step:

    project.py    settings, rubric, schemas, templates: one frozen Project per settings file
    discovery.py  which files to lint (git.py: which ones a branch changed)
    reading.py    bytes → Document (document.py: frontmatter with key lines, sections)
    checks.py     every check of one Document, the rubric's score (scoring.py, criteria.py,
                  content.py) and the gate's rules (gate.py) → FileResult
    run.py        the whole run: cache (cache.py), worker pool → Report (results.py)
    views.py      points, marks and rubric rows that every output shares
    reporters/    Report → text, json, github, markdown, sarif, junit, gitlab
    site/         Report → the MkDocs site's pages (hooks/ holds the MkDocs edge)

`cli.py` parses arguments and delegates; a configuration problem is a ConfigError (exit 2).
"""

from __future__ import annotations

__version__ = "0.2.0"
