"""Credential-shaped strings: a small documented rule set, shared by the linter and the site."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Each pattern is specific enough not to fire on prose: a fixed prefix and a long token,
# or a `password: value` assignment whose value is not a placeholder. Every one runs in linear
# time: a token starts only where no token character precedes it (`_T`), so 50,000 `eyJ-` are
# not each tried to the end of the run, and the separators are possessive (`*+`).
_T = r"(?<![A-Za-z0-9_-])"
PATTERNS: dict[str, str] = {
    "AWS access key": (rf"{_T}(?:AKIA|ASIA)[0-9A-Z]{{16}}\b"),
    # The whole block: its body to the END line, else to the next blank line or the end.
    "private key": (
        r"-----BEGIN (?:[A-Z0-9]{1,20} ){0,4}PRIVATE KEY(?: BLOCK)?-----"
        r"[\s\S]{0,8000}?(?:-----END (?:[A-Z0-9]{1,20} ){0,4}PRIVATE KEY(?: BLOCK)?-----"
        r"|\n[ \t]*\n|$)"
    ),
    # 16 characters are enough to be a token, so a pasted part of one is caught too.
    "GitHub token": (rf"{_T}(?:gh[pousr]_[A-Za-z0-9]{{16,}}+|github_pat_[A-Za-z0-9_]{{22,}}+)"),
    "Slack token": (rf"{_T}xox[abposr]-[A-Za-z0-9-]{{10,}}+"),
    "Stripe live key": (rf"{_T}[rs]k_live_[A-Za-z0-9]{{16,}}+"),
    "Google API key": (rf"{_T}AIza[0-9A-Za-z_-]{{35}}\b"),
    "JSON web token": (
        rf"{_T}eyJ[A-Za-z0-9_-]{{8,}}+\.eyJ[A-Za-z0-9_-]{{8,}}+\.[A-Za-z0-9_-]{{8,}}+"
    ),
    "password": (
        r"\b(?i:password|passwd|pwd|passphrase|client[_ ]secret|api[_ -]?key|secret[_ ]key"
        r"|access[_ ]token)\b\**+\s*+[:=]\s*+\**+\s*+"
        r"(?!(?i:[\[<{(]|\*{3}|x{3}|\.{3}|…|n/?a\b|none\b|tbd\b|see\b|in\b|stored\b|shared\b))"
        r"(?P<value>[^\s`'\"|]{5,}[^\s`'\"|).,;\]])"
    ),
}


@dataclass(frozen=True)
class Secret:
    kind: str
    start: int
    end: int
    text: str

    def masked(self) -> str:
        """The first four characters and a count, never the whole secret."""
        return f"{self.text[:4]}… ({len(self.text)} characters)"


# All patterns in one, so a text is scanned once: group `kN` is PATTERNS' N-th kind.
_KINDS = list(PATTERNS)
_ANY = re.compile(
    "|".join(
        f"(?P<k{n}>{pattern.replace('?P<value>', f'?P<v{n}>')})"
        for n, pattern in enumerate(PATTERNS.values())
    )
)


# Each pattern above contains one of these (case aside): a text with none of them has no
# credential, and the combined pattern, slow to try at every position, never runs on it.
_MARKERS = (
    "akia",
    "asia",
    "private key",
    "ghp_",
    "gho_",
    "ghu_",
    "ghs_",
    "ghr_",
    "github_pat_",
    "xox",
    "_live_",
    "aiza",
    "eyj",
    "pass",
    "pwd",
    "secret",
    "api",
    "token",
)


def find(text: str) -> Iterator[Secret]:
    """Every credential in `text`; for `password: value` forms, just the value."""
    lower = text.lower()
    if not any(marker in lower for marker in _MARKERS):
        return
    for match in _ANY.finditer(text):
        n = int(str(match.lastgroup)[1:])
        group = f"v{n}" if f"v{n}" in _ANY.groupindex else f"k{n}"
        yield Secret(_KINDS[n], match.start(group), match.end(group), match.group(group))


def redact(text: str) -> str:
    """`text` with every credential-shaped string replaced by a marker."""
    spans = sorted(find(text), key=lambda secret: secret.start, reverse=True)
    end = len(text) + 1
    for secret in spans:
        if secret.end <= end:  # skip overlaps: the later span already covers it
            text = f"{text[: secret.start]}[{secret.kind} redacted]{text[secret.end :]}"
            end = secret.start
    return text
