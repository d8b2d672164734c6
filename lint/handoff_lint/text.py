"""Text rules shared by the parser and the criteria: heading keys, placeholders, dates, numbers."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_CHECKBOX = re.compile(r"^\s*\[[ xX]\]\s+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_PLACEHOLDER = re.compile(r"[$€£]?\[[^\]]*\]")
_MARKUP = re.compile(r"\*\*|__|`+|~~")
_FILLER = re.compile(r"\b(?:TBD|TBC|TBA|TODO|FIXME|XXX)\b|\?{2,}|lorem ipsum.*", re.IGNORECASE)
# A pointer instead of the content ("see CRM", "SOW in Salesforce", "ask me", "will update"):
# blank in a short value; inside a real sentence ("data lives in Salesforce") it stays.
_POINTER = re.compile(
    r"\b(?:see|check|in|on)\s+(?:the\s+)?(?:crm|salesforce|sfdc|hubspot|pipedrive|sow|deck"
    r"|proposal|notes|docs?|attached|attachment|opp|opportunity|thread|order form|drive|folder"
    r"|slack)\b|\bask\s+(?:me|the\s+ae|the\s+sdr|the\s+csm|around)\b"
    r"|\bwill\s+(?:update|confirm|add)(?:\s+later)?\b"
    r"|\bto\s+(?:follow|be\s+confirmed|be\s+decided|be\s+added)\b",
    re.IGNORECASE,
)
_POINTER_WORDS = 5
_BARE_NA = re.compile(r"^(?:n/?a|none|nil|-+|—|–|\.\.\.|…)$", re.IGNORECASE)
_TRAILING_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_EDGE = re.compile(r"^[^\w(]+|[^\w)]+$")  # emoji, punctuation and spaces at either end
_LEADING_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*\s*[.)]?\s+")
_NON_WORD = re.compile(r"[^\w]+")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_LABEL_LINE = re.compile(r"^\s*([^:]{1,60}?)\s*:\s*(.*)$", re.DOTALL)
_NOT_APPLICABLE = re.compile(
    r"^\s*(?:\*\*|__)?(?:not applicable|n/?a|none|no risks?)(?:\*\*|__)?\s*[:—–-]+\s*(.+)$",
    re.IGNORECASE | re.DOTALL,
)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|januar|februar|märz|mai|juni|juli|oktober|dezember)"  # German, for DACH teams
)
# Bare month names are dates ("end of March"), but "may" alone is an everyday verb.
_MONTH_ALONE = (
    r"(?:january|february|march|april|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|januar|februar|märz|juni|juli|oktober|dezember)"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?"
_DATE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b"  # 2026-12-03
    r"|\b(?!24/7\b)\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"  # 12/03, 12/03/2026 (not 24/7)
    r"|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b"  # 17.08.2026
    rf"|\b{_MONTH}\.?\s+\d{{1,2}}\b"  # Dec 3
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b"  # 3 Dec
    rf"|\b{_MONTH}\s+\d{{4}}\b"  # May 2027
    rf"|\b(?:end of |mid[- ]|early |late )?{_MONTH_ALONE}\b"  # end of March 2027
    r"|\b[QH][1-4]\b"  # Q1, H2
    r"|\b(?:day|week|month|sprint)\s+\d+\b"  # week 2 of the project
    rf"|\b{_WEEKDAY}\b"  # by Friday
    r"|\b(?:today|tomorrow|eod|eow|eom|eoq)\b",
    re.IGNORECASE,
)
_NUMBERISH = re.compile(
    r"[\d%$€£¥]|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|twenty|thirty|forty|fifty|hundred|thousand|million|half|double|twice|triple|percent)\b",
    re.IGNORECASE,
)
_SEVERITY = re.compile(r"[🔴🟠🟡🟢]|\b(?:critical|high|medium|med|low)\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def heading_key(text: str) -> str:
    """The form headings and labels are matched in: case, emoji, punctuation, numbering ignored."""
    text = _LINK.sub(r"\1", text)
    text = _MARKUP.sub("", text).replace("&", " ")
    text = _EDGE.sub("", text)
    text = _TRAILING_PAREN.sub("", text)
    text = _LEADING_NUMBER.sub("", text)
    # "and", "&" and "/" all join two things: "Security & Compliance" is "Security/Compliance".
    words = _NON_WORD.sub(" ", text.lower()).replace("_", " ").split()
    return " ".join(word for word in words if word != "and")


def strip_comments(text: str) -> str:
    return _COMMENT.sub("", text)


@lru_cache(maxsize=8192)  # the criteria look at the same cells and lines more than once
def clean(text: str) -> str:
    """What is left of a piece of content once placeholders and markup are removed."""
    text = _COMMENT.sub("", text)
    text = _CHECKBOX.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _PLACEHOLDER.sub("", text)
    text = _MARKUP.sub("", text)
    text = _FILLER.sub("", text)
    if len(_WORD.findall(text)) <= _POINTER_WORDS:
        text = _POINTER.sub("", text)
    text = " ".join(text.split())
    blank = _BARE_NA.match(text.strip(" .:;,|")) or not any(ch.isalnum() for ch in text)
    if blank and not _SEVERITY.search(text):
        return ""
    return text


def fingerprint(text: str) -> str:
    """A comparison key for template text: lower case, words only."""
    return " ".join(_WORD.findall(text.lower())) or text.strip()


def words(text: str) -> int:
    return len(_WORD.findall(text))


def split_label(text: str) -> tuple[str, str] | None:
    """`**Owner:** Dana` or `Owner: Dana` as (label, value); None when the line has no label."""
    match = _LABEL_LINE.match(_MARKUP.sub("", text))
    if not match or "//" in match.group(2)[:2]:
        return None
    return match.group(1), match.group(2)


def not_applicable_reason(text: str) -> str | None:
    match = _NOT_APPLICABLE.match(strip_comments(text))
    if not match:
        return None
    reason = clean(match.group(1))
    return reason if words(reason) >= 2 else None


def has_date(text: str) -> bool:
    return bool(_DATE.search(text))


def is_measurable(text: str) -> bool:
    return bool(_NUMBERISH.search(text) or _DATE.search(text))


def has_severity(text: str) -> bool:
    return bool(_SEVERITY.search(text))


def slugify(text: str, keep_letters: bool = False) -> str:
    """`Müller Präzisionstechnik GmbH` -> `muller-prazisionstechnik-gmbh`.

    Letters with no ASCII form are dropped (`Ørsted` -> `rsted`), unless `keep_letters`:
    then Latin ones are spelt out (`Ørsted` -> `orsted`) and the others kept, lower case
    (`東京物産` -> `東京物産`), for a file name a rep can still recognise.
    """
    if not keep_letters:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))
    words: list[str] = []
    word = ""
    for char in unicodedata.normalize("NFC", text):
        kept = _slug_char(char, word[-1:])
        if kept is None:
            continue
        if kept:
            word += kept
        elif word:
            words.append(word)
            word = ""
    return "-".join([*words, word] if word else words)


# Latin letters that Unicode does not decompose into ASCII ones, spelt the way Europeans do.
_LATIN = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"}
)


def _slug_char(char: str, previous: str) -> str | None:
    """What `char` becomes in a letter-keeping slug: its ASCII form or itself; "" ends a word,
    None adds nothing (an accent on a letter already spelt out)."""
    ascii_form = unicodedata.normalize("NFKD", char.lower().translate(_LATIN))
    ascii_form = ascii_form.encode("ascii", "ignore").decode()
    ascii_form = "".join(re.findall(r"[a-z0-9]+", ascii_form))
    if ascii_form:
        return ascii_form
    kind = unicodedata.category(char)
    if kind[0] in "LN":
        return char.lower()
    if kind[0] == "M" and previous:  # an accent or vowel sign on the letter before it
        return None if previous.isascii() else char
    return ""


def decode(raw: bytes) -> str:
    """UTF-8 text with the BOM dropped and every line ending made `\\n`."""
    text = raw.decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")
