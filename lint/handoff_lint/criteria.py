"""The kinds of criterion a section can be held to: one registry of small functions."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from handoff_lint.content import Content
from handoff_lint.results import Finding
from handoff_lint.text import (
    has_date,
    has_severity,
    heading_key,
    is_measurable,
    words,
)

_MITIGATION = re.compile(
    r"(?:mitigat\w*|plan|next steps?|response|action)\s*[:\-—–]\s*\S|(?:→|->|=>)\s*\S"
    r"|\b(?:so we|we will|we'll|we plan|we are|we're|i will|i'll|plan is|plan to|to avoid"
    r"|to prevent|workaround|fallback|fall back|escalat\w*|make sure|ensure|keep \w+|agreed"
    r"|book\w*|schedul\w*"
    r"|get ahead|address\w*|offer\w*|involve|loop in|bring in|start\w*|send\w*|set up|run\w*|push"
    r"|mitigat\w*|monitor\w*|watch\w*|check\w*|confirm\w*|prepare|position|reinforce|frame)\b"
    # advice in the imperative: "Never call it a chatbot", "Don't promise May"
    r"|(?:^|[.;:!?—–]\s+)(?:never|don't|do not|avoid|always|use|keep|make|get|ask|call|bring"
    r"|involve|loop|book|send|set|lead|start|stop|treat|frame|position|show|let|give|offer|push"
    r"|escalate|talk|meet|check|confirm|expect|be|have|go|tell|remind|insist|protect|pre-empt)\b",
    re.I | re.M,
)
# A plan that is no plan: "Keep an eye on it", "Involve early", "TBC".
_VAGUE_PLAN = re.compile(
    r"^\W*(?:keep an eye|watch|monitor(?:ing)?|tbc|tbd|discuss|follow up|plan around|involve"
    r"|see|tba|n/?a|none|nothing|ok|fine|noted|will do|ask)\b(?:\W+\w+){0,3}\W*$",
    re.I,
)
_NO_PLAN = re.compile(
    r"\b(?:mitigation|plan)\s*[:\-—–]\s*(?:none|n/?a|tbd|tbc|nothing|-)\W*$", re.I
)
# An owner in passing: "@priya", "Owner: Ana", "Ana to send", "Tomás: confirm", "I will".
_OWNER = re.compile(
    r"(?<![\w.+-])@\w|\bowner\s*:\s*\S|\b(?:i|we)\s+(?:will|'ll|to)\b"
    r"|^\s*(?:\[[ xX]\]\s*)?(?:\*\*)?[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+)?(?:\*\*)?"
    r"\s*(?:to\b|will\b|:|—|–|-\s|\()"
    r"|\((?:[A-ZÀ-Þ][\w'’.-]+)(?:\s+[A-ZÀ-Þ][\w'’.-]+)?\)",
    re.I,
)


Check = Callable[[Content, Mapping[str, Any], str], list[Finding]]


def prose(content: Content, params: Mapping[str, Any], heading: str) -> list[Finding]:
    count, needed = words(content.text()), params["min_words"]
    if count >= needed:
        return []
    return [
        Finding(
            f"{heading} has {count} word{'s' * (count != 1)}: write at least {needed}, "
            "with the specifics the next team will need",
            content.section.line,
        )
    ]


def _names(entry: str | list[str]) -> list[str]:
    return [entry] if isinstance(entry, str) else list(entry)


def fields(content: Content, params: Mapping[str, Any], heading: str) -> list[Finding]:
    found = content.fields()
    lexicon = content.lexicon
    text = ""
    findings = []
    for entry in params["fields"]:
        names = _names(entry)
        hit = next((found[k] for k in map(heading_key, names) if k in found), None)
        if hit is None or not hit[0]:
            facts = [lexicon.facts[k] for k in map(heading_key, names) if k in lexicon.facts]
            text = text or content.evidence()
            elsewhere = content.elsewhere
            if any(f.found(text) or f.found(elsewhere, kinds=False) for f in facts):
                continue  # said in passing: "Kwame, Director of Data Engineering, our champion"
        if hit is not None and hit[0] and lexicon.is_vague(hit[0]):
            findings.append(
                Finding(
                    f"{heading}: {names[0]} says only “{hit[0]}”: say what it is, with names, "
                    "numbers or dates",
                    hit[1],
                )
            )
        elif hit is None:
            findings.append(
                Finding(
                    f"{heading} has no {names[0]}: say it in a sentence, or add a line "
                    f"`**{names[0]}:** …` or a table row `| {names[0]} | … |`",
                    content.section.line,
                )
            )
        elif not hit[0]:
            findings.append(Finding(f"{heading}: {names[0]} is still empty: fill it in", hit[1]))
    return findings


@dataclass(frozen=True)
class Part:
    """Something every entry of a list must have: a date, an owner, a severity..."""

    name: str  # "due date", as in "has no due date"
    fix: str  # what to add, in the writer's words
    columns: tuple[str, ...]  # table columns that hold it; without one, the entry's text
    in_cell: Callable[[str], object]
    in_text: Callable[[str], object]


@dataclass(frozen=True)
class ListRule:
    """A list criterion: at least `minimum` entries (named `noun`) with every part.

    With `most`, most entries must have them too: two dated action items among six undated
    ones still leave the receiver asking who does what by when.
    """

    noun: str
    minimum: str  # the rubric parameter holding the minimum
    parts: tuple[Part, ...]
    most: bool = False


# Asked for where a risk table has a severity column; a risk told in a sentence needs none.
_SEVERITY = Part(
    "severity",
    "add 🔴, 🟠, 🟡 or 🟢 (or critical, high, medium, low)",
    ("severity", "priority", "impact", "level", "rag", "likelihood"),
    has_severity,
    lambda text: True,
)
_MITIGATION_PART = Part(
    "mitigation",
    "say what the next team should do about it",
    ("mitigation", "plan", "response", "action", "next step", "what to do"),
    lambda cell: words(cell) >= 2 and not _VAGUE_PLAN.match(cell),
    lambda text: bool(_MITIGATION.search(text)) and not _NO_PLAN.search(text),
)
_OWNER_PART = Part(
    "owner",
    "add who does it (an Owner column, `@name` or `Owner: name`)",
    ("owner", "who", "assignee", "assigned", "responsible", "dri", "lead"),
    bool,
    _OWNER.search,
)
_DUE = Part(
    "due date",
    "add when it is due (a date like 2026-12-03, or a day like Friday)",
    ("due", "when", "date", "deadline", "by"),
    has_date,
    has_date,
)
_TARGET = Part("measurable target", "add a number, %, or date", (), is_measurable, is_measurable)
_DATE_PART = Part("date", "add when it is due", (), has_date, has_date)

LIST_RULES = {
    "measurable": ListRule("item", "min_items", (_TARGET,)),
    "timeline": ListRule("milestone", "min_milestones", (_DATE_PART,)),
    "risks": ListRule("risk", "min_items", (_SEVERITY, _MITIGATION_PART), most=True),
    "actions": ListRule("action item", "min_items", (_OWNER_PART, _DUE), most=True),
}
_PLURAL = {"criterion": "criteria"}


def entries(content: Content, params: Mapping[str, Any], heading: str, kind: str) -> list[Finding]:
    """Each entry of the section's lists and tables checked for every part its kind needs."""
    rule = LIST_RULES[kind]
    noun = "criterion" if kind == "measurable" and "criteri" in heading.lower() else rule.noun
    items = content.items()
    findings = []
    good = 0
    for n, item in enumerate(items, 1):
        lacking = [
            part
            for part in rule.parts
            if not (
                part.in_text(item.text)
                if (cell := item.column(part.columns)) is None
                else part.in_cell(cell)
            )
        ]
        good += not lacking
        findings += [
            Finding(f"{heading}: {noun} {n} {item.snippet()} has no {p.name}: {p.fix}", item.line)
            for p in lacking
        ]
    needed = int(params[rule.minimum])
    # Enough good entries is what a reader needs: a stray line without a date among five
    # dated milestones does not make the timeline unusable (see ListRule.most).
    if good >= needed and (not rule.most or 2 * good >= len(items)):
        return []
    if len(items) >= needed:
        return findings
    plural = noun if needed == 1 else _PLURAL.get(noun, f"{noun}s")
    each = " and ".join(
        f"{'an' if part.name[0] in 'aeiou' else 'a'} {part.name}" for part in rule.parts
    )
    if not items:
        message = f"{heading} has no {plural} written as a list or table: add at least {needed}"
    else:
        message = (
            f"{heading} lists {len(items)} of the {needed} {plural} it needs: "
            f"add {needed - len(items)} more"
        )
    return [Finding(f"{message}, each with {each}", content.section.line), *findings]


@dataclass(frozen=True)
class Kind:
    """A kind of criterion: its check, what it asks in words, and its rubric parameters."""

    check: Check
    describe: Callable[[Mapping[str, Any]], str]  # for `handoff types` and "How we score"
    parameters: Mapping[str, Any]  # JSON Schema of each parameter besides `kind`, all required

    def schema(self, name: str) -> dict[str, Any]:
        """The JSON Schema of a criterion of this kind, as `rubric.schema.json` holds it."""
        return {
            "properties": {"kind": {"const": name}, **self.parameters},
            "required": ["kind", *self.parameters],
            "additionalProperties": False,
        }


_COUNT = {"type": "integer", "minimum": 1}
_FIELDS = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/names"}}

# The one registry of criterion kinds: the rubric's schema, the scorer and the descriptions
# all come from it (a test checks that schemas/rubric.schema.json agrees).
KINDS: dict[str, Kind] = {
    "prose": Kind(
        prose, lambda p: f"at least {p['min_words']} words of real content", {"min_words": _COUNT}
    ),
    "fields": Kind(
        fields,
        lambda p: "filled in: " + ", ".join(_names(f)[0] for f in p["fields"]),
        {"fields": _FIELDS},
    ),
    "measurable": Kind(
        partial(entries, kind="measurable"),
        lambda p: f"at least {p['min_items']} items, each with a number, %, or date",
        {"min_items": _COUNT},
    ),
    "timeline": Kind(
        partial(entries, kind="timeline"),
        lambda p: f"at least {p['min_milestones']} milestones, each with a date",
        {"min_milestones": _COUNT},
    ),
    "risks": Kind(
        partial(entries, kind="risks"),
        lambda p: (
            f"at least {p['min_items']} risk(s), most with what to do about it (and a severity "
            "where the table has a column for it)"
        ),
        {"min_items": _COUNT},
    ),
    "actions": Kind(
        partial(entries, kind="actions"),
        lambda p: f"at least {p['min_items']} action item(s), most with an owner and a due date",
        {"min_items": _COUNT},
    ),
}


def describe(kind: str, params: Mapping[str, Any]) -> str:
    return KINDS[kind].describe(params)


def schema_fragments() -> list[dict[str, Any]]:
    return [kind.schema(name) for name, kind in KINDS.items()]
