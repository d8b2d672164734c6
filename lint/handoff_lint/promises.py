"""The promises one handoff makes, as comparable facts: criteria, dates, deal, people, systems.

Read once per file, where the scorer reads it (so they are cached with the file's result) and
kept as plain data in `FileResult.facts`; `chain.py` compares them across an account's
handoffs after the cache. Each fact keeps the 1-based line it was read from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from handoff_lint import measures, roster
from handoff_lint.chain import BINDING
from handoff_lint.document import Document, Section
from handoff_lint.roster import label_and_value, lines
from handoff_lint.rubric import HandoffType, Rubric
from handoff_lint.slots import assign, lead_ins
from handoff_lint.text import clean, heading_key, split_label

# The milestones tracked, by what a rep calls them; the first matching name wins.
MILESTONES = {
    "go-live": re.compile(r"\bgo[- ]?live\b|\blaunch date\b|\bcut-?over\b", re.IGNORECASE),
    "kickoff": re.compile(r"\bkick[- ]?off\b", re.IGNORECASE),
    "first value": re.compile(r"\bfirst value\b|\btime to value\b", re.IGNORECASE),
    "full rollout": re.compile(r"\bfull(?:y)? roll(?:ed)?[- ]?out\b|\bfull deployment\b", re.I),
}
# A milestone measured from another one ("30 days after go-live") is not that milestone.
_RELATIVE = re.compile(r"\b(?:after|before|post|until|ends?|following)\b", re.IGNORECASE)
_DEAL_LABELS = {
    "deal size",
    "deal",
    "deal value",
    "contract value",
    "acv",
    "tcv",
    "arr",
    "total contract value",
    "annual contract value",
    "contract",
}
_IN_SCOPE = re.compile(r"^(?:in scope|included|scope in|what s in|in)\b")
_OUT_SCOPE = re.compile(r"^(?:out of scope|not in scope|excluded|not included|scope out|out)\b")
_SPLIT = re.compile(r"[;,]|\band\b|\bplus\b")
_PAREN = re.compile(r"\([^)]*\)")

_WORDS = re.compile(r"\w+")
_SCOPE_HEADING = re.compile(r"scope|includ|exclud|\bin\b|\bout\b", re.IGNORECASE)
_BOLD = re.compile(r"\s*(?:\*\*|__)")
_DEALISH = re.compile(r"term|deal|contract|acv|tcv|arr", re.IGNORECASE)
_CHANGED = re.compile(r"^\W*changed since\b([^:]{0,40}):\s*(\S.*)$", re.IGNORECASE)


def extract(document: Document, kind: HandoffType, rubric: Rubric) -> dict[str, Any]:
    """Every comparable fact of one handoff, as plain data (cached with its result)."""
    assignment = assign(document, kind, rubric)
    by_kind: dict[str, list[Section]] = {}
    by_category: dict[str, list[Section]] = {}
    for index, spec in enumerate(kind.sections):
        found = assignment.by_slot.get(index, [])
        by_kind.setdefault(spec.kind or "", []).extend(found)
        by_category.setdefault(spec.category or "", []).extend(found)
    front = document.frontmatter or {}
    year = _year(front.get("date"))
    people_sections = [
        *by_category.get("customer-context", []),
        *by_category.get("relationship-context", []),
        *assignment.pool,
    ]
    technical = by_category.get("technical-requirements", [])
    criteria_sections = by_kind.get("measurable", [])
    people_anchor = by_category.get("relationship-context", []) or people_sections
    slug = kind.slug

    def kept(promise: str) -> bool:  # only what the chain compares for this type is read
        return slug in BINDING[promise]

    facts: dict[str, Any] = {
        "label": kind.name,
        "criteria": list(_criteria(criteria_sections, year)) if kept("criterion") else [],
        "milestones": list(_milestones(document, by_kind.get("timeline", []), year))
        if kept("milestone")
        else [],
        "deal": list(_deal(document, people_sections)) if kept("deal") else [],
        "people": list(roster.people(people_sections)) if kept("person") else [],
        "systems": list(roster.systems(technical, document.text)) if slug == "ae-to-se" else [],
        "scope": list(_scope(document.sections)),
        "acks": list(_acks(document)),
        "anchors": {
            "criteria": _first_line(criteria_sections),
            "people": _first_line(people_anchor),
            "technical": _first_line(technical),
        },
    }
    if kept("person") or slug == "sales-to-implementation":  # "named anywhere" is asked of it
        facts["vocabulary"] = sorted(set(_WORDS.findall(measures.fold(document.text))))
    return facts


def _year(value: Any) -> int:
    text = str(value or "")
    return int(text[:4]) if text[:4].isdigit() else 2000


def _first_line(sections: list[Section]) -> int | None:
    return min((s.line for s in sections), default=None)


def _criteria(sections: list[Section], year: int) -> Iterator[dict[str, Any]]:
    seen: set[int] = set()
    for section in sections:
        for line in lines(section):
            if line.line in seen:
                continue
            text = clean(line.text)
            bare = measures.without_days(text)  # read once, for the target and the terms
            target = measures.find_target(text, bare)
            day = measures.find_day(text, year) if bare != text else None
            if target is None and day is None:
                continue
            seen.add(line.line)
            yield {
                "text": text,
                "line": line.line,
                "terms": sorted(measures.terms(bare, days_removed=True)),
                "target": target.value if target else None,
                "unit": target.unit if target else "",
                "shown": target.shown if target else "",
                "by": day[0].iso if day else None,
            }


def _milestones(document: Document, sections: list[Section], year: int) -> Iterator[dict[str, Any]]:
    front = document.frontmatter or {}
    if isinstance(front.get("go_live"), str):
        at = document.line_of(("go_live",)) or 1
        yield {"kind": "go-live", "day": front["go_live"][:10], "line": at}
    for section in sections:
        for line in lines(section):
            text = clean(line.text)
            found = measures.find_day(text, year)
            if found is None:
                continue
            label = text.split(" | ")[0] if " | " in text else text[: found[1]]
            if _RELATIVE.search(label):
                continue
            for name, pattern in MILESTONES.items():
                if pattern.search(label):
                    yield {"kind": name, "day": found[0].iso, "line": line.line}


def _deal(document: Document, told_in: list[Section]) -> Iterator[dict[str, Any]]:
    """The deal in the frontmatter, and in the body where the account is described."""
    front = document.frontmatter or {}
    deal = front.get("deal")
    if isinstance(deal, dict) and isinstance(deal.get("size"), int | float):
        at = document.line_of(("deal", "size")) or 1
        yield {
            "what": "deal size",
            "value": float(deal["size"]),
            "unit": deal.get("currency"),
            "line": at,
        }
    if isinstance(front.get("term_months"), int):
        at = document.line_of(("term_months",)) or 1
        yield {"what": "term", "value": float(front["term_months"]), "unit": "months", "line": at}
    term_told = False
    for section in told_in:
        for line in lines(section):
            if not _DEALISH.search(line.text):  # most lines say nothing of the deal: skip fast
                continue
            text = clean(line.text)
            label, value = label_and_value(text)
            if label in _DEAL_LABELS and (amount := measures.find_amount(value)):
                yield {
                    "what": "deal size",
                    "value": amount[0],
                    "unit": amount[1],
                    "line": line.line,
                }
            months = None if term_told else measures.find_term(text)
            if months is not None:
                term_told = True
                yield {"what": "term", "value": float(months), "unit": "months", "line": line.line}


def _scope(sections: tuple[Section, ...]) -> Iterator[dict[str, Any]]:
    for whole in sections:
        if not (
            _SCOPE_HEADING.search(whole.heading)
            or any(_BOLD.match(p.text) for p in whole.paragraphs)
        ):
            continue  # neither a scope heading nor a bold lead-in that could be one
        for section in lead_ins(whole):
            key = heading_key(section.heading)
            side = "out" if _OUT_SCOPE.match(key) else "in" if _IN_SCOPE.match(key) else None
            if side is None:
                continue
            for line in lines(section):
                text = _PAREN.sub(" ", clean(line.text))
                split = split_label(text)
                if line.line == section.line and split:  # the lead-in's own line
                    text = split[1]
                for part in _SPLIT.split(text):
                    found = measures.terms(part)
                    if found:
                        yield {
                            "side": side,
                            "text": part.strip(),
                            "terms": sorted(found),
                            "line": line.line,
                        }


def _acks(document: Document) -> Iterator[dict[str, Any]]:
    """`Changed since sales: …` lines, each with the lines of the section it stands in."""
    sections = document.sections
    for n, section in enumerate(sections):
        end = sections[n + 1].line if n + 1 < len(sections) else 1 << 30
        for line in [*section.paragraphs, *section.items]:
            match = _CHANGED.match(clean(line.text))
            if match and len(match[2].split()) >= 2:
                yield {
                    "line": line.line,
                    "reason": match[2].strip(),
                    "start": section.line,
                    "end": end,
                    "terms": sorted(measures.terms(match[2])),
                }
    acknowledged = (document.frontmatter or {}).get("acknowledged")
    for n, entry in enumerate(acknowledged if isinstance(acknowledged, list) else []):
        if isinstance(entry, dict) and isinstance(entry.get("reason"), str):
            promise = str(entry.get("promise", ""))
            yield {
                "line": document.line_of(("acknowledged", n)) or 1,
                "reason": entry["reason"],
                "promise": promise,
                "terms": sorted(measures.terms(promise)),
            }
