"""The handoff library: every linted handoff with what the site groups and orders it by."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from handoff_lint.results import FileResult
from handoff_lint.rubric import HandoffType, Rubric
from handoff_lint.text import slugify

# Where each generated page lives, relative to the docs folder.
DASHBOARD = "index.md"
SCORING = "scoring.md"
TAGS = "tags.md"
ACCOUNTS = "accounts/index.md"
OWNERS = "owners/index.md"
RULES = "rules/index.md"

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def type_page(slug: str) -> str:
    return f"{slug}/index.md"


def account_page(slug: str) -> str:
    return f"accounts/{slug}.md"


def owner_page(slug: str) -> str:
    return f"owners/{slug}.md"


def rule_page(code: str) -> str:
    return f"rules/{code}.md"


def link(source: str, target: str) -> str:
    """The relative link from the page at `source` to the page at `target` (both .md paths)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


@dataclass(frozen=True)
class Person:
    name: str
    role: str

    @property
    def slug(self) -> str:
        return slugify(self.name) or "unnamed"


def _person(value: Any) -> Person | None:
    if not isinstance(value, Mapping) or not value.get("name"):
        return None
    return Person(str(value["name"]), str(value.get("role") or ""))


@dataclass(frozen=True)
class Handoff:
    """One handoff as the site shows it: its lint result and its page in the docs folder."""

    result: FileResult
    src: str  # relative to the docs folder, POSIX separators
    kind: HandoffType | None

    @property
    def front(self) -> Mapping[str, Any]:
        return self.result.frontmatter

    @property
    def company(self) -> str:
        company = self.front.get("company")
        return str(company) if company else posixpath.splitext(posixpath.basename(self.src))[0]

    @property
    def title(self) -> str:
        """The page title: the frontmatter's own, or the type's title and the company."""
        own = self.front.get("title")
        if isinstance(own, str) and own.strip():
            return own
        return f"{self.kind.title if self.kind else 'Handoff'}: {self.company}"

    @property
    def type_name(self) -> str:
        return self.kind.name if self.kind else "unknown type"

    @property
    def account(self) -> str | None:
        account = self.front.get("account")
        return str(account) if account else None

    @property
    def account_slug(self) -> str | None:
        return (slugify(self.account) or "unnamed") if self.account else None

    @property
    def date(self) -> str:
        return str(self.front.get("date") or "")

    @property
    def dated(self) -> bool:
        return bool(_ISO_DATE.match(self.date))

    @property
    def status(self) -> str:
        return str(self.front.get("status") or "")

    @property
    def giver(self) -> Person | None:
        return _person(self.front.get("from"))

    @property
    def receiver(self) -> Person | None:
        return _person(self.front.get("to"))

    @property
    def tags(self) -> list[str]:
        """Material tags: type, account, status, both owners, then the handoff's own tags."""
        own = self.front.get("tags")
        found = [
            self.type_name if self.kind else "",
            self.account or "",
            self.status,
            *(p.name for p in (self.giver, self.receiver) if p),
            *(str(t) for t in (own if isinstance(own, list) else []) if t),
        ]
        return list(dict.fromkeys(t for t in found if t))

    @property
    def passed(self) -> bool:
        return self.result.passed

    @property
    def score(self) -> float | None:
        return self.result.score


@dataclass(frozen=True)
class Account:
    slug: str
    name: str  # the company, as the latest handoff writes it
    handoffs: tuple[Handoff, ...]  # in chain order

    @property
    def src(self) -> str:
        return account_page(self.slug)


@dataclass(frozen=True)
class Owner:
    slug: str
    name: str
    given: tuple[Handoff, ...]
    received: tuple[Handoff, ...]

    @property
    def src(self) -> str:
        return owner_page(self.slug)


@dataclass(frozen=True)
class Library:
    """All the handoffs of one site, with the rubric that scored them."""

    handoffs: tuple[Handoff, ...]
    rubric: Rubric
    threshold: float

    @classmethod
    def build(
        cls, results: Iterable[tuple[FileResult, str]], rubric: Rubric, threshold: float
    ) -> Library:
        handoffs = tuple(
            Handoff(result, src, rubric.types.get(result.type or ""))
            for result, src in sorted(results, key=lambda pair: pair[1])
        )
        return cls(handoffs, rubric, threshold)

    def by_src(self) -> dict[str, Handoff]:
        return {h.src: h for h in self.handoffs}

    def chain_key(self, handoff: Handoff) -> tuple[int, str, str]:
        """Chain order: the rubric's type order (SDR→AE→SE→CS→Implementation→CS→Sales for
        the packaged one), then date, then path; unknown types last."""
        order = list(self.rubric.types)
        position = order.index(handoff.kind.slug) if handoff.kind else len(order)
        return (position, handoff.date, handoff.src)

    def of_type(self, slug: str) -> list[Handoff]:
        return sorted(
            (h for h in self.handoffs if h.kind and h.kind.slug == slug),
            key=lambda h: (h.date, h.src),
            reverse=True,
        )

    def accounts(self) -> list[Account]:
        grouped: dict[str, list[Handoff]] = {}
        for handoff in self.handoffs:
            if handoff.account_slug:
                grouped.setdefault(handoff.account_slug, []).append(handoff)
        accounts = []
        for slug, members in sorted(grouped.items()):
            latest = max(members, key=lambda h: (h.date, h.src))
            accounts.append(
                Account(slug, latest.company, tuple(sorted(members, key=self.chain_key)))
            )
        return accounts

    def owners(self) -> list[Owner]:
        names: dict[str, str] = {}
        given: dict[str, list[Handoff]] = {}
        received: dict[str, list[Handoff]] = {}
        for handoff in self.handoffs:
            for person, bucket in ((handoff.giver, given), (handoff.receiver, received)):
                if person:
                    names.setdefault(person.slug, person.name)
                    bucket.setdefault(person.slug, []).append(handoff)
        return [
            Owner(
                slug,
                names[slug],
                tuple(sorted(given.get(slug, []), key=self.chain_key)),
                tuple(sorted(received.get(slug, []), key=self.chain_key)),
            )
            for slug in sorted(names)
        ]

    def lowest(self, count: int) -> list[Handoff]:
        scored = [h for h in self.handoffs if h.score is not None]
        return sorted(scored, key=lambda h: (h.score, h.src))[:count]

    def unscored(self) -> list[Handoff]:
        return [h for h in self.handoffs if h.score is None]

    def recent(self, count: int) -> list[Handoff]:
        dated = [h for h in self.handoffs if h.dated]
        return sorted(dated, key=lambda h: (h.date, h.src), reverse=True)[:count]

    def with_status(self, status: str) -> list[Handoff]:
        return sorted(
            (h for h in self.handoffs if h.status == status),
            key=lambda h: (h.date, h.src),
            reverse=True,
        )


@dataclass(frozen=True)
class GeneratedPage:
    src: str  # relative to the docs folder
    title: str  # HTML-safe: escaped where it holds a handoff's value
    markdown: str
    in_nav: bool = False
