"""The values a promise is made of, read from a rep's words: days, amounts, targets, key terms.

Two handoffs word the same promise differently ("18 Dec 2026", "2026-12-18", "Dec 18"); these
readers turn each into one comparable form, so the chain compares values, never spellings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12, "mär": 3, "mai": 5, "okt": 10, "dez": 12,
}  # fmt: skip
_MON = (
    r"(?:jan(?:uary|uar)?|feb(?:ruary|ruar)?|m(?:ar|är)(?:ch|z)?|apr(?:il)?|ma[yi]|june?|juni"
    r"|july?|juli|aug(?:ust)?|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cz](?:ember)?)"
)
_DATE = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"|(?P<d2>\d{1,2})[./](?P<m2>\d{1,2})[./](?P<y2>\d{4})"
    rf"|(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<mon3>{_MON})\b\.?,?(?:\s+(?P<y3>\d{{4}}))?"
    rf"|(?P<mon4>{_MON})\b\.?\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<y4>\d{{4}}))?"
    rf"|(?:(?:end|middle|start) of |mid[- ]|early |late )?(?P<mon5>{_MON})\b\.?\s+(?P<y5>\d{{4}})",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_SHOWN_MONTH = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()  # noqa: SIM905


@dataclass(frozen=True)
class Day:
    """A day, or only a month ("January 2027"), as written by a rep: compared at the coarser."""

    iso: str  # 2026-12-18, or 2027-01 for a month

    def same(self, other: Day) -> bool:
        width = min(len(self.iso), len(other.iso))
        return self.iso[:width] == other.iso[:width]

    def __str__(self) -> str:
        parts = self.iso.split("-")
        month = _SHOWN_MONTH[int(parts[1]) - 1]
        return f"{int(parts[2])} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def _month(name: str) -> int:
    return MONTHS[fold(name)[:3]]


def find_day(text: str, year: int) -> tuple[Day, int, int] | None:
    """The first day written in `text`, with its span; `year` fills in one left out."""
    if not _DIGIT.search(text):  # every day written has a digit: the cheap test first
        return None
    for match in _DATE.finditer(text):
        day = _day(match, year)
        if day is not None:
            return day, match.start(), match.end()
    return None


def _day(match: re.Match[str], year: int) -> Day | None:
    g = match.groupdict()
    if g["y"]:
        y, m, d = int(g["y"]), int(g["m"]), int(g["d"])
    elif g["y2"]:
        first, second, y = int(g["d2"]), int(g["m2"]), int(g["y2"])
        # Day first (as most of the world writes it) unless only month first can be right.
        d, m = (second, first) if second > 12 >= first else (first, second)
    elif g["mon3"]:
        d, m, y = int(g["d3"]), _month(g["mon3"]), int(g["y3"] or year)
    elif g["mon4"]:
        d, m, y = int(g["d4"]), _month(g["mon4"]), int(g["y4"] or year)
    else:
        return Day(f"{int(g['y5']):04}-{_month(g['mon5']):02}")
    try:
        return Day(date(y, m, d).isoformat())
    except ValueError:
        return None


def without_days(text: str) -> str:
    """`text` with every written day blanked, so its numbers are not read as targets."""
    return _DATE.sub(" ", text) if _DIGIT.search(text) else text


_AMOUNT = re.compile(
    r"(?P<pre>[$€£]|\b(?:usd|eur|gbp|chf|cad|aud)\s?)?(?P<n>\d[\d,]*(?:\.\d+)?)"
    r"\s?(?P<mult>k|m|bn|million|thousand)?\b\s?(?P<post>usd|eur|gbp|chf|cad|aud)?",
    re.IGNORECASE,
)
_MULT = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9}
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP"}


def find_amount(text: str) -> tuple[float, str | None] | None:
    """The first amount of money in `text` ($186,000, EUR 84k, 1.2m USD) and its currency."""
    for match in _AMOUNT.finditer(text):
        pre, post, mult = match["pre"], match["post"], match["mult"]
        if not (pre or post or (mult and mult.lower() in ("k", "m"))):
            continue
        value = float(match["n"].replace(",", "")) * _MULT.get((mult or "").lower(), 1)
        code = (pre or post or "").strip().upper()
        return value, _CURRENCY.get(code, code or None)
    return None


_TERM = re.compile(
    r"\b(\d{1,3})[- ]?(month|year)s?(?:[- ]\w+)?[- ]term\b"
    r"|\bterm\b\D{0,12}?(\d{1,3})\s*(month|year)s?",
    re.IGNORECASE,
)


def find_term(text: str) -> int | None:
    """A contract term in months: "36-month term", "3-year term", "term: 24 months"."""
    match = _TERM.search(text)
    if match is None:
        return None
    number, unit = (match[1], match[2]) if match[1] else (match[3], match[4])
    return int(number) * (12 if unit.lower() == "year" else 1)


# A number with what it counts. Units are normalised so "3 business days" is "3 days".
_TARGET = re.compile(
    r"(?P<cur>[$€£])?(?P<n>\d[\d,]*(?:\.\d+)?)\s?(?P<mult>k\b|m\b)?\s?"
    r"(?P<unit>%|percent\b|pct\b|(?:business |working )?days?\b|hours?\b|hrs?\b|minutes?\b"
    r"|mins?\b|seconds?\b|secs?\b|ms\b|weeks?\b|months?\b|x\b|times\b|points?\b|pts\b)?"
    r"(?:\s*(?:out\s+)?\bof\s+(?:the\s+)?(?P<of>\d[\d,]*)\b)?",
    re.IGNORECASE,
)
_UNITS = {
    "percent": "%", "pct": "%", "day": "days", "hour": "hours", "hr": "hours", "hrs": "hours",
    "minute": "minutes", "min": "minutes", "mins": "minutes", "second": "seconds",
    "sec": "seconds", "secs": "seconds", "week": "weeks", "month": "months", "times": "x",
    "point": "points", "pts": "points",
}  # fmt: skip
_RANK = {"%": 0, "days": 1, "hours": 1, "minutes": 1, "seconds": 1, "ms": 1, "weeks": 1}
_FROM_TO = re.compile(r"\bfrom\b.*\bto\b", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    value: float
    unit: str  # %, days, hours, "of 40", USD, "" for a bare count
    shown: str


def find_target(text: str, bare: str | None = None) -> Target | None:
    """What a success criterion measures against: "92%", "3 days" in "from 9 days to 3 days",
    "38 of 40". Percentages and durations beat counts; written days are never targets
    (`bare`: the text with its days already blanked, when the caller has it)."""
    found = []
    for match in _TARGET.finditer(without_days(text) if bare is None else bare):
        raw = (match["unit"] or "").lower().replace("business ", "").replace("working ", "")
        unit = _UNITS.get(raw, raw)
        if match["of"]:
            unit = f"of {match['of'].replace(',', '')}"
        elif match["cur"]:
            unit = _CURRENCY[match["cur"]]
        value = float(match["n"].replace(",", "")) * _MULT.get((match["mult"] or "").lower(), 1)
        rank = _RANK.get(unit, 2 if unit else 3)
        found.append((rank, match.start(), Target(value, unit, match.group(0).strip())))
    if not found:
        return None
    best = min(rank for rank, _, _ in found)
    same = [t for rank, _, t in found if rank == best]
    units = [t for t in same if t.unit == same[0].unit]
    # "from 9 days to 3 days": the promise is where it ends.
    return units[-1] if len(units) > 1 and _FROM_TO.search(text) else units[0]


_WORD = re.compile(r"[^\W\d_]{3,}")
# Words that say how a promise is phrased, not what it is about.
STOP = frozenset(
    """the and for with without than less more least most under over before after first
    within per their our his her its they them this that these those who which what when
    where will would should must can could shall has have had get gets got are was were
    been being not all each every any some down into onto from via across also only just
    target targets goal goals better reduce reduced cut increase increased improve improved
    raise lower hit reach reached achieve achieved deliver delivered show shown keep kept
    day days hour hours minute minutes week weeks month months year years time percent
    end start mid early late jan feb mar apr may jun jul aug sep oct nov dec january
    february march april june july august september october november december agreed
    customer customers measured measure success criterion criteria least below above
    up one two three four five six seven eight nine ten by at on in of to or no as is""".split()  # noqa: SIM905  a word list reads best as words
)


@lru_cache(maxsize=8192)  # names and words recur across a run's handoffs
def fold(text: str) -> str:
    """Lower case without accents: "Solís" and "Solis" are one name."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def stem(word: str) -> str:
    """A crude common root, so "invoices" and "invoice", "processed" and "processing" meet."""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def terms(text: str, *, days_removed: bool = False) -> frozenset[str]:
    """The key terms of a promise: its words, roots only, without the words of phrasing."""
    words = _WORD.findall(fold(text if days_removed else without_days(text)))
    return frozenset(stem(w) for w in words if w not in STOP and stem(w) not in STOP)
