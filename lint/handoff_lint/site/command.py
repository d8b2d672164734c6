"""`handoff site`: write the generated pages without MkDocs (placeholder until the site lands)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str]) -> int:
    print("handoff site: not available yet", file=sys.stderr)
    return 2
