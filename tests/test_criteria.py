"""Each criterion kind called directly on a parsed Markdown body, as a sales rep would write it."""

from __future__ import annotations

import re
from typing import Any

import pytest

from conftest import REPO
from handoff_lint import rubric, scoring
from handoff_lint.content import Content, Template
from handoff_lint.criteria import KINDS
from handoff_lint.document import parse_body

TEMPLATES = REPO / "lint" / "handoff_lint" / "templates"
NONE = Template()
LEXICON = rubric.load().lexicon
SDR = scoring.template_text(TEMPLATES / "sdr-to-ae.md")
AE = scoring.template_text(TEMPLATES / "ae-to-se.md")
CS = scoring.template_text(TEMPLATES / "sales-to-cs.md")


def findings(
    kind: str, body: str, template: Template = NONE, heading: str = "Notes", **params: Any
) -> list[str]:
    """The messages `kind` gives for `body` under a `## heading`; empty when complete."""
    section = parse_body(f"## {heading}\n\n{body}", 1)[-1]
    content = Content(section, template, LEXICON)
    return [f.message for f in KINDS[kind].check(content, params, heading)]


BRIEF = {  # `risk 2 “…” has no mitigation: …` as `2 mitigation`; a list too short as `1/3`
    r"^.* (\d+) “.*” has no ([\w ]+): .*$": r"\1 \2",
    r"^.* lists (\d+) of the (\d+) .*$": r"\1/\2",
    r"^.* has no .* table: add at least (\d+), .*$": r"0/\1",
}


def brief(messages: list[str]) -> list[str]:
    for pattern, short in BRIEF.items():
        messages = [re.sub(pattern, short, message) for message in messages]
    return messages


QUAL = "| Criterion | What We Know |\n|---|---|\n| Pain | Manual invoice matching |"


@pytest.mark.parametrize(
    ("body", "template", "count"),
    [
        ("Dana wants a pilot before the March board meeting.", NONE, None),
        ("Short call, no pain.", NONE, 4),
        ("Inbound.", NONE, 1),
        ("TBD [fill in] ???", NONE, 0),
        ("[What pain or interest did they express?]\n\nCFO hates spreadsheets.", SDR, 3),
        (QUAL, NONE, 4),  # the row label "Pain" is a word of its own...
        (QUAL, SDR, 3),  # ...but not when the template has it
    ],
)
def test_prose(body: str, template: frozenset[str], count: int | None) -> None:
    expected = f"Notes has {count} word{'s' * (count != 1)}: write at least 5, with the specifics"
    messages = findings("prose", body, template, min_words=5)
    assert messages == ([] if count is None else [expected + " the next team will need"])


SDR_FIELDS = ["Company", ["Contact", "Primary Contact"], ["Source", "Lead Source"]]
KV = "| Field | Detail |\n|---|---|\n| Company | Acme Corp, 400 staff |\n"
PEOPLE = "| Name | Role |\n|---|---|\n"
BUYER = ["Economic Buyer", "Executive Sponsor"]


@pytest.mark.parametrize(
    ("body", "fields", "template", "expected"),
    [
        (KV + "| Contact | Dana Lee |\n| Source | Webinar |", SDR_FIELDS, NONE, []),
        ("**Company:** Acme\n**Primary Contact:** Dana\n**Lead Source:** G2", SDR_FIELDS, NONE, []),
        ("- Company: Acme\n- Contact: Dana Lee", SDR_FIELDS, NONE, ["no Source"]),
        ("**Company:** Acme\n**Contact:**\n**Source:** ?", SDR_FIELDS, NONE, ["Contact", "Source"]),
        ("**Company:** N/A", ["Company"], NONE, ["Company"]),
        ("Company - Acme Corp", ["Company"], NONE, ["no Company"]),  # a label needs its `:`
        (KV, ["Company"], SDR, []),
        (KV.replace("Acme Corp, 400 staff", "[Name, size]"), ["Company"], SDR, ["Company"]),
        (PEOPLE + "| Dana Lee | Champion |", ["Champion", "Legal"], NONE, ["no Legal"]),
        (PEOPLE + "| [Name, title] | Champion |", ["Champion"], AE, ["Champion"]),
        ("**Executive Sponsor / Economic Buyer:** Raj Patel", BUYER, NONE, []),
        (KV, ["Detail"], NONE, []),  # today: a key/value table's header "Detail" counts as filled
    ],
)
def test_fields(body: str, fields: Any, template: frozenset[str], expected: list[str]) -> None:
    def message(name: str) -> str:
        if not name.startswith("no "):
            return f"Notes: {name} is still empty: fill it in"
        name = name[3:]
        return (
            f"Notes has no {name}: say it in a sentence, or add a line `**{name}:** …` "
            f"or a table row `| {name} | … |`"
        )

    assert findings("fields", body, template, fields=fields) == [message(n) for n in expected]


@pytest.mark.parametrize(
    ("heading", "body", "expected"),
    [
        ("Goals", "- Cut invoice matching time by 40%\n- Go live with 3 subsidiaries by Q3", []),
        ("Goals", "- Save two hours a week\n- Launch by March 15\n- Process $2M in spend", []),
        ("Goals", "**Goal:** reduce churn to 5%\n**Stretch:** NPS above forty", []),
        ("Goals", "1. Close the books in 5 days\n2. Fewer tickets", ["2 measurable target"]),
        ("Goals", "- Happier finance team", ["1/2", "1 measurable target"]),
        ("Goals", "We want a better process.", ["0/2"]),
        ("Goals", "- Roll out to everyone\n- Roll out to one region", ["1 measurable target"]),
        ("Goals", "1. [Specific, measurable outcome they expect]\n2. [Second outcome]", ["0/2"]),
    ],
)
def test_measurable(heading: str, body: str, expected: list[str]) -> None:
    assert brief(findings("measurable", body, CS, heading, min_items=2)) == expected


DATES = "| Milestone | Date |\n|---|---|\n| Kickoff | 03/02 |\n| Go-live | TBD |\n"
CS_DATES = "| Milestone | Expected Date |\n|---|---|\n| Go-live / first value | [Date] |"


@pytest.mark.parametrize(
    ("body", "template", "expected"),
    [
        ("- Kickoff: 2026-03-02\n- SSO configured: week 2\n- Go-live: end of April", NONE, []),
        ("- Contract signed: May 2027\n- Kickoff: next Monday\n- Pilot: Q3", NONE, []),
        ("- Kickoff: Dec 3\n- Go-live: soon\n- Pilot may slip", NONE, ["2 date", "3 date"]),
        (DATES + "| Training | 17.08.2026 |", NONE, ["2 date"]),
        ("We go live when IT is ready.", NONE, ["0/3"]),
        (CS_DATES, NONE, ["1/3", "1 date"]),
        (CS_DATES, CS, ["0/3"]),  # the template's own milestone names are no milestones
    ],
)
def test_timeline(body: str, template: frozenset[str], expected: list[str]) -> None:
    messages = findings("timeline", body, template, min_milestones=3)
    assert brief(messages) == expected
    assert all(m.endswith(("add when it is due", "each with a date")) for m in messages)


RISKS = "| Risk | Severity | Mitigation |\n|---|---|---|\n"
FREEZE = RISKS + "| Budget freeze | 🔴🟡🟢 | Escalate to the CFO |"


@pytest.mark.parametrize(
    ("body", "template", "expected"),
    [
        # half the risks with a plan is enough; fewer is not
        (RISKS + "| CFO blocks | 🔴 | Call Raj |\n| Slow SSO | Low | |", NONE, []),
        (
            RISKS + "| CFO blocks | 🔴 | Call Raj |\n| Slow SSO | Low | |\n| Legal | High | |",
            NONE,
            ["2 mitigation", "3 mitigation"],
        ),
        (FREEZE, NONE, []),
        (FREEZE, CS, ["1 severity"]),  # the template's legend is no severity
        ("| Risk | Impact | Plan |\n|-|-|-|\n| Freeze | Critical | TBD |", NONE, ["1 mitigation"]),
        ("| Risk | Notes |\n|---|---|\n| Legal is slow, high | Mitigation: redline |", NONE, []),
        ("- 🔴 Champion leaves in Q2. Mitigation: build a second contact in IT", NONE, []),
        ("- High: legacy contract auto-renews → send notice by Friday", NONE, []),
        ("- Medium: data migration is messy -> run a test import", NONE, []),
        ("- 🟠 Procurement is slow", NONE, ["1 mitigation"]),
        # a risk told in a sentence needs no severity, only what to do about it
        ("- Procurement is slow", NONE, ["1 mitigation"]),
        ("- Procurement is slow (high); start the paperwork now", NONE, []),
        ("- If SSO slips, the pilot moves to May, so we will book IT now", NONE, []),
        ("- 🔴 Budget not approved. Mitigation: none", NONE, ["1 mitigation"]),
        (
            "| Risk | Severity | Mitigation |\n|-|-|-|\n| Freeze | 🔴 | Keep an eye on it |",
            NONE,
            ["1 mitigation"],
        ),
    ],
)
def test_risks(body: str, template: frozenset[str], expected: list[str]) -> None:
    assert brief(findings("risks", body, template, "Risks", min_items=1)) == expected


ACTIONS = "| Action | Owner | Due |\n|---|---|---|\n"
TASKS = "| Task | Assigned to | By |\n|-|-|-|\n"


@pytest.mark.parametrize(
    ("body", "template", "expected"),
    [
        (ACTIONS + "| Send deck | Dana | 2026-03-06 |\n| Kickoff | Raj | Friday |", NONE, []),
        (TASKS + "| Deck | Dana | EOD |\n| Demo | Raj | 5/4 |", NONE, []),
        ("- [ ] @dana send the SOW by Friday\n- Owner: Raj, book kickoff for March 10", NONE, []),
        (ACTIONS + "| Call | | Fri |\n| Price | Raj | [Date] |", SDR, ["1 owner", "2 due date"]),
        ("- Send the SOW by Friday\n- @raj book the kickoff", NONE, ["1 owner", "2 due date"]),
        (ACTIONS + "| [What needs to happen] | [Name] | [Date] |", SDR, ["0/2"]),
        ("- @dana send the recap today", NONE, ["1/2"]),
        ("- Send the recap", NONE, ["1/2", "1 owner", "1 due date"]),
        # today: an owner named in the sentence is not seen
        # "Dana to send" names its owner; "Raj books" is not read as one yet
        ("- Dana to send the SOW Friday\n- Raj books kickoff Monday", NONE, ["2 owner"]),
        ("- [ ] Ana to send the SOW by Fri 14 Mar\n- [ ] Tomás: book the demo, Tue", NONE, []),
        # an e-mail address is not an `@name` owner
        ("- Email the deck to ops@acme.com tomorrow\n- @raj demo Thursday", NONE, ["1 owner"]),
    ],
)
def test_actions(body: str, template: frozenset[str], expected: list[str]) -> None:
    assert brief(findings("actions", body, template, "Action Items", min_items=2)) == expected


def test_list_messages_in_full() -> None:
    assert findings("measurable", "1. Replace the tool", NONE, "Success Criteria", min_items=2) == [
        "Success Criteria lists 1 of the 2 criteria it needs: add 1 more, each with a measurable "
        "target",
        "Success Criteria: criterion 1 “Replace the tool” has no measurable target: add a number, "
        "%, or date",
    ]
    assert findings("risks", "- Procurement is slow", NONE, "Risks", min_items=1) == [
        "Risks: risk 1 “Procurement is slow” has no mitigation: say what the next team should do "
        "about it",
    ]
    assert findings("actions", "- Send the recap", NONE, "Next Steps", min_items=1) == [
        "Next Steps: action item 1 “Send the recap” has no owner: add who does it (an Owner "
        "column, `@name` or `Owner: name`)",
        "Next Steps: action item 1 “Send the recap” has no due date: add when it is due (a date "
        "like 2026-12-03, or a day like Friday)",
    ]


COUNT = {"type": "integer", "minimum": 1}
FIELDS = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/names"}}
PARAMETERS = {
    "prose": {"min_words": COUNT},
    "fields": {"fields": FIELDS},
    "measurable": {"min_items": COUNT},
    "timeline": {"min_milestones": COUNT},
    "risks": {"min_items": COUNT},
    "actions": {"min_items": COUNT},
}


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("prose", 15, "at least 15 words of real content"),
        ("fields", ["Company", ["Contact", "Lead"]], "filled in: Company, Contact"),
        ("measurable", 2, "at least 2 items, each with a number, %, or date"),
        ("timeline", 3, "at least 3 milestones, each with a date"),
        (
            "risks",
            1,
            "at least 1 risk(s), most with what to do about it (and a severity where the table "
            "has a column for it)",
        ),
        ("actions", 2, "at least 2 action item(s), most with an owner and a due date"),
    ],
)
def test_describe(kind: str, value: Any, expected: str) -> None:
    assert KINDS[kind].describe(dict.fromkeys(PARAMETERS[kind], value)) == expected


@pytest.mark.parametrize(("kind", "parameters"), PARAMETERS.items())
def test_schema(kind: str, parameters: dict[str, Any]) -> None:
    assert sorted(KINDS) == sorted(PARAMETERS)
    assert KINDS[kind].schema(kind) == {
        "properties": {"kind": {"const": kind}, **parameters},
        "required": ["kind", *parameters],
        "additionalProperties": False,
    }


def test_facts_said_in_passing() -> None:
    # a role said in a sentence counts; a label left on its own does not
    people = "Kwame Asante, Director of Data Engineering, is our champion and signs off."
    assert findings("fields", people, fields=["Champion", "Economic Buyer"]) == []
    table = "| Role | Name |\n|---|---|\n| Executive Sponsor | see CRM |"
    assert findings("fields", table, fields=["Executive Sponsor"]) != []


@pytest.mark.parametrize("vague", ["Soon", "Their ERP", "Standard", "yes"])
def test_a_vague_field_value_is_partial(vague: str) -> None:
    [message] = findings("fields", f"**Timeline:** {vague}", fields=["Timeline"])
    assert f"Timeline says only “{vague}”" in message
