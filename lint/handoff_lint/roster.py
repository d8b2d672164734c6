"""Who and what a handoff names: people in roles (champion, sponsor) and named systems."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from handoff_lint import measures
from handoff_lint.document import Line, Section
from handoff_lint.slots import lead_ins
from handoff_lint.text import clean, heading_key, split_label

ROLES = {
    "champion": re.compile(r"\bchampion\b", re.IGNORECASE),
    "sponsor": re.compile(r"\b(?:executive\s+)?sponsor\b", re.IGNORECASE),
}
_ANY_ROLE = re.compile(r"champion|sponsor", re.IGNORECASE)
_NAME_WORD = re.compile(r"[A-ZÀ-Þ][\w'’-]*")
_NOT_NAMES = frozenset(
    """executive sponsor champion internal director head vp svp evp chief officer manager
    primary contact technical lead economic buyer decision maker project the our their his
    her she he they we ceo cfo cto cio coo cmo cro it of and senior principal global regional
    vice president owner admin administrator engineer analyst team new former role name who
    also still now since mr ms mrs dr""".split()  # noqa: SIM905  a word list reads best as words
)
_SYSTEM = re.compile(r"\b[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*\b|\b[A-Z][A-Z0-9]{2,}\b")
# Kinds of system and protocol, not a system: every stack has them.
GENERIC = frozenset(
    """erp crm tms wms hris ats cms api apis csv pdf sftp ftp ftps sso saml scim soc idp poc
    nda edi mfa ocr sla vpn rest sql xml json etl dpa gdpr hipaa pci iso http https oauth
    oidc ldap smtp imap tls ssl aes iam rbac uat qbr sow kpi roi arr acv tcv mrr usd eur gbp
    pro bol gl po ap ar bi it hr dc dcs us eu uk cloud type dms ehr emr hl7 fhir baa phi
    hitrust gobd pii sox""".split()  # noqa: SIM905  a word list reads best as words
)


def lines(section: Section) -> Iterator[Line]:
    """Each piece of a section once: paragraph lines, list items, table rows joined."""
    yield from section.paragraphs
    yield from section.items
    for table in section.tables:
        for row, line in zip(table.rows, table.row_lines, strict=True):
            yield Line(" | ".join(row), line)


def label_and_value(text: str) -> tuple[str, str]:
    if " | " in text:
        label, _, value = text.partition(" | ")
        return heading_key(label), value
    split = split_label(text)
    return (heading_key(split[0]), split[1]) if split else ("", text)


def people(sections: list[Section]) -> Iterator[dict[str, Any]]:
    """Who is named champion or sponsor: in a row beside the role, after a `Role:` label, under
    a heading naming the role, or in a sentence that says it ("Dana Kim, our champion")."""
    for whole in sections:
        for section in lead_ins(whole):
            for role, pattern in ROLES.items():
                if pattern.search(section.heading):
                    first = next(iter(lines(section)), None)
                    name = _name(first.text) if first else None
                    if first and name:
                        yield {"role": role, "name": name, "line": first.line}
            for line in lines(section):
                if not _ANY_ROLE.search(line.text):
                    continue
                for role, pattern in ROLES.items():
                    match = pattern.search(line.text)
                    if match:
                        name = _name_near(clean(line.text), role)
                        if name:
                            yield {"role": role, "name": name, "line": line.line}


def _name_near(text: str, role: str) -> str | None:
    if " | " in text:  # the name is in the cell that is not the role's
        cells = text.split(" | ")
        others = [c for c in cells if not ROLES[role].search(c)]
        for cell in [*others, *cells]:
            name = _name(ROLES[role].sub(" ", cell))
            if name:
                return name
        return None
    split = split_label(text)
    if split and ROLES[role].search(split[0]):
        return _name(split[1])
    return _name(text)


def _name(text: str) -> str | None:
    """The first person's name in `text`: capitalised words that are not titles."""
    runs: list[list[str]] = [[]]
    for token in re.split(r"(\s+)", text):
        word = token.strip(".,;:()!?\"'“”")
        if token.isspace():
            continue
        if _NAME_WORD.fullmatch(word) and measures.fold(word) not in _NOT_NAMES:
            runs[-1].append(word)
            if word != token:  # punctuation ends the name
                runs.append([])
        elif runs[-1]:
            runs.append([])
    full = next((r for r in runs if len(r) >= 2), None)
    return " ".join(full[:4]) if full else None


# A capitalised word is a system's name when a kind of system follows it ("Tracklane TMS",
# "Nordhaus ERP 9") or a way of connecting precedes it ("SSO through Okta"); a place or a
# language ("Frankfurt", "German") is neither.
_KIND_AFTER = GENERIC | {"connector", "instance", "platform", "tenant", "suite", "interface",
                         "database", "app", "portal", "system", "tool"}  # fmt: skip
_WAY_BEFORE = frozenset({"via", "through", "using", "uses", "with", "on", "into", "from"})


def systems(sections: list[Section], text: str) -> Iterator[dict[str, Any]]:
    """Named systems: product-like words (LedgerCore, Okta, SAP), not kinds of system (ERP)."""
    common = set(re.findall(r"\b[a-z]\w+", text))  # words a sentence uses: not names
    seen: set[str] = set()
    for section in sections:
        for line in lines(section):
            _, value = label_and_value(clean(line.text))
            for match in _SYSTEM.finditer(value):
                word, key = match[0], measures.fold(match[0])
                if key in GENERIC or key in common or key in _NOT_NAMES or key in seen:
                    continue
                if not (_looks_made_up(word) or _placed_as_system(value, match)):
                    continue
                seen.add(key)
                yield {"name": word, "line": line.line}


def _looks_made_up(word: str) -> bool:
    """LedgerCore, NetSuite, SAP: a capital inside the word, or capitals only."""
    return any(c.isupper() for c in word[1:])


def _placed_as_system(value: str, match: re.Match[str]) -> bool:
    after = value[match.end() :].split()
    before = value[: match.start()].split()
    following = measures.fold(after[0].strip(",;:()")) if after else ""
    preceding = measures.fold(before[-1]) if before else ""
    return following in _KIND_AFTER or preceding in _WAY_BEFORE
