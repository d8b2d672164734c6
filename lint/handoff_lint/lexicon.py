"""Words and evidence kinds: how a section or a fact is recognised in what a rep wrote."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

from handoff_lint.text import has_date, heading_key


@cache  # a pure function of the words; compiled on first use, so start-up stays cheap
def phrases(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Any of `words` as whole words or phrases, any case, with a plural or other ending.

    Punctuation inside a phrase is any separator, so "who's who" finds the heading key
    `who s who` and the text "Who's who" alike.
    """
    alternatives = sorted(
        {r"[\W_]+".join(map(re.escape, heading_key(w).split())) for w in words} - {""}, key=len
    )
    if not alternatives:
        return None
    return re.compile(
        rf"(?<!\w)(?:{'|'.join(reversed(alternatives))})(?:s|es|ed|ing|al|y)?(?!\w)", re.IGNORECASE
    )


_MONEY = re.compile(
    r"[$€£¥₹]\s?\d"
    r"|\b\d[\d,.]{0,24}\s?(?:k|m|bn|million|thousand)?\s?"
    r"(?:usd|eur|gbp|aud|cad|chf|sek|nok|dkk|inr|sgd|jpy|brl|mxn|cop|zar|nzd|dollars|euros|pounds)\b"
    r"|\b(?:usd|eur|gbp|aud|cad|chf|sek|nok|dkk|inr|sgd|brl|mxn|cop)\s?\d"
    r"|\b\d[\d,.]{0,24}\s?[km]?\s?(?:arr|acv|tcv|mrr)\b",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++\.[\w.-]")  # from a run's start only
# A name followed by a title: "Dana Kim, Head of IT", "Dana Kim (CFO)", "| Dana Kim | CFO |".
_PERSON = re.compile(
    r"\b[A-ZÀ-Þ][\w'’.-]{0,40}(?:\s+(?:van|von|de|da|del|der|di|le|la|[A-ZÀ-Þ][\w'’.-]{0,40})){1,4}"
    r"\s*(?:,|\(|–|—|\s-\s|\||:)\s*\S"
)
_DIGIT = re.compile(r"\d")

KINDS: dict[str, Callable[[str], bool]] = {
    "money": lambda text: bool(_MONEY.search(text)),
    "date": has_date,
    "number": lambda text: bool(_DIGIT.search(text)),
    "person": lambda text: bool(_PERSON.search(text)),
    "email": lambda text: bool(_EMAIL.search(text)),
}


_ARTICLE = re.compile(r"^(?:the|their|our|a|an|its|his|her)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """The rubric's words: facts by label, and values too vague to count on their own."""

    facts: Mapping[str, Fact] = field(default_factory=dict)  # by heading key of the label
    vague: frozenset[str] = frozenset()  # heading keys: "soon", "standard", "usual stack"

    def is_vague(self, value: str) -> bool:
        return heading_key(_ARTICLE.sub("", value.strip())) in self.vague


@dataclass(frozen=True)
class Fact:
    """What shows a fact in passing: any of its words, or any of its evidence kinds."""

    words: tuple[str, ...]
    kinds: tuple[str, ...]

    def found(self, text: str, *, kinds: bool = True) -> bool:
        """Whether `text` shows the fact; `kinds=False` asks for its words only (a name with
        a title anywhere in a handoff is somebody, not necessarily the primary contact)."""
        pattern = phrases(self.words)
        if pattern is not None and pattern.search(text):
            return True
        return kinds and any(KINDS[kind](text) for kind in self.kinds)
