"""The text rules on their own: what a rep's words turn into before any criterion sees them."""

from __future__ import annotations

import pytest

from handoff_lint import text

RISK_HEADINGS = ["## 1. Risk Flags 🚩", "**Risk Flags** (top 3)", "[Risk Flags](#risks)"]
RISK_HEADINGS += ["2.3) Risk_Flags", "🔴 risk flags:"]
SECURITY_HEADINGS = ["Security & Compliance", "Security/Compliance", "security and compliance"]


@pytest.mark.parametrize("heading", RISK_HEADINGS + SECURITY_HEADINGS)
def test_heading_key(heading: str) -> None:
    key = "risk flags" if heading in RISK_HEADINGS else "security compliance"
    assert text.heading_key(heading) == key


BLANK = ["[Name]", "$[amount]", "TBD", "TODO", "N/A", "n/a.", "none", "—", "---", "...", "???"]
BLANK += ["<!-- who signs? -->", "Lorem ipsum dolor sit amet", "- [ ] [task]", "[ ] TBC"]


@pytest.mark.parametrize("raw", BLANK)
def test_clean_empties_placeholders(raw: str) -> None:
    assert text.clean(raw) == ""


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("£[amount] ARR", "ARR"),
        ("<!-- hint -->Dana Kim <!-- never closed", "Dana Kim"),
        ("**Dana** `Kim`, [Acme](https://acme.example)", "Dana Kim, Acme"),
        ("🔴", "🔴"),  # a severity on its own is content
        ("TODO: fill in", ": fill in"),  # today: the template's instruction survives as content
        ("Champion: Dana (TBD)", "Champion: Dana ()"),  # today: empty parentheses left behind
        ("Not TBD", "Not"),  # today: "TBD" is dropped even when it is the point
    ],
)
def test_clean_keeps_content(raw: str, cleaned: str) -> None:
    assert text.clean(raw) == cleaned


def test_fingerprint_and_words() -> None:
    assert text.fingerprint("Don't stop — it's 70%!") == "don't stop it's 70"
    assert text.words("Don't stop — it's 70%!") == 4
    name = "Müller-Präzision"
    assert (text.fingerprint(name), text.words(name)) == ("müller-präzision", 1)
    assert text.fingerprint(" !!! ") == "!!!"  # no words: the stripped text is its own key


@pytest.mark.parametrize(
    ("line", "split"),
    [
        ("**Owner:** Dana", ("Owner", "Dana")),
        ("Go-live date : 2027-03-15", ("Go-live date", "2027-03-15")),
        ("See: https://acme.example", ("See", "https://acme.example")),
        ("https://acme.example", None),
        ("no label here", None),
        ("x" * 61 + ": too long to be a label", None),
    ],
)
def test_split_label(line: str, split: tuple[str, str] | None) -> None:
    assert text.split_label(line) == split


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Not applicable — no integrations in scope", "no integrations in scope"),
        ("**N/A**: customer uses SSO only", "customer uses SSO only"),
        ("No risks: <!-- why? --> champion confirmed budget", "champion confirmed budget"),
        ("Not applicable", None),
        ("None - nothing", None),  # one word is not a reason
    ],
)
def test_not_applicable_reason(line: str, reason: str | None) -> None:
    assert text.not_applicable_reason(line) == reason


DATES = ["2027-03-15", "15/03/2027", "15.03.2027", "3/15/27", "March 3rd", "3rd March", "Friday"]
DATES += ["by Fri", "end of Q1", "end of March", "mid-June", "May 2027", "week 2", "EOD"]
DATES += ["15. März"]  # German months, for DACH teams
NOT_DATES = ["we may sign", "24/7 support", "asap", "soon", "Marketing", "Q5", "20270315"]
NOT_DATES += ["next month", "in 3 days"]  # today: relative dates are not dates
FALSE_DATES = ["sat down with the CFO", "a sun-filled office", "10/10 would buy", "march on"]


@pytest.mark.parametrize("phrase", DATES + NOT_DATES + FALSE_DATES)
def test_has_date(phrase: str) -> None:
    # today: FALSE_DATES read as dates (weekday abbreviations, scores, the verb "march")
    assert text.has_date(phrase) is (phrase not in NOT_DATES)


MEASURABLE = ["£240k", "70%", "3 days", "$1.2M ARR", "ten seats", "double pipeline", "2x"]
MEASURABLE += ["half the team", "live by Friday", "one of them"]  # today: "one of" counts
VAGUE = ["reduce churn", "faster onboarding", "someone owns it", "none", "next month"]


@pytest.mark.parametrize("phrase", MEASURABLE + VAGUE)
def test_is_measurable(phrase: str) -> None:
    assert text.is_measurable(phrase) is (phrase in MEASURABLE)


SEVERE = ["🔴", "🟠", "🟡", "🟢", "High", "medium", "med", "Low", "Critical", "Medium-high"]
SEVERE += ["low-hanging fruit"]  # today: any standalone "low" is a severity
NOT_SEVERE = ["Highly likely", "followed up", "⚪", "blocker", "P1", "sev1"]  # today: P1 is not


@pytest.mark.parametrize("phrase", SEVERE + NOT_SEVERE)
def test_has_severity(phrase: str) -> None:
    assert text.has_severity(phrase) is (phrase in SEVERE)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Müller Präzisionstechnik GmbH", "muller-prazisionstechnik-gmbh"),
        ("O'Brien & Sons, Inc.", "o-brien-sons-inc"),
        ("Ørsted ÆON", "rsted-on"),  # today: letters with no ASCII decomposition vanish
        ("東京 Corp", "corp"),  # today: a non-Latin name leaves only its Latin part
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert text.slugify(name) == slug


def test_decode() -> None:
    assert text.decode(b"\xef\xbb\xbfhi\r\nthere\rM\xc3\xbcller\n") == "hi\nthere\nMüller\n"
    for raw in (b"\xff\xfe", "hi".encode("utf-16")):
        with pytest.raises(UnicodeDecodeError):
            text.decode(raw)
