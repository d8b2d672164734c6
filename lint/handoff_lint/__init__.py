"""handoff-lint: docs-as-code for go-to-market handoffs."""

from __future__ import annotations

__version__ = "0.1.0"
