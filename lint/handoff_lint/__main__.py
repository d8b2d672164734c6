"""Run the CLI as `python -m handoff_lint`."""

from __future__ import annotations

from handoff_lint.cli import main

raise SystemExit(main())
