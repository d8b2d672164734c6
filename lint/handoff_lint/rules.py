"""The diagnostic codes: one record per rule, explained for `handoff rule CODE` and the site."""

from __future__ import annotations

from dataclasses import dataclass

from handoff_lint.results import Diagnostic, Severity


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    fix: str
    example: str = ""

    def diagnostic(
        self,
        message: str,
        line: int | None = None,
        column: int | None = None,
        severity: Severity | None = None,
    ) -> Diagnostic:
        if line is not None and column is None:
            column = 1
        return Diagnostic(self.code, self.name, severity or self.severity, message, line, column)

    def explain(self) -> str:
        """The rule's page, in Markdown: printed by `handoff rule`, published on the site."""
        parts = [
            f"# {self.code} {self.name}\n",
            f"Severity: {self.severity}\n",
            f"## What it means\n\n{self.summary}\n",
            f"## Why it matters\n\n{self.why}\n",
            f"## How to fix it\n\n{self.fix}\n",
        ]
        if self.example:
            parts.append(f"## Example\n\n```yaml\n{self.example}\n```\n")
        return "\n".join(parts)


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule(
            "HO101",
            "unreadable-file",
            "error",
            "The file could not be read as UTF-8 text.",
            "A handoff has to be plain text so that git can track it and everyone can read it.",
            "Save the file as UTF-8 text. Pasting from a word processor can bring in another "
            "encoding: paste as plain text instead.",
        ),
        Rule(
            "HO102",
            "missing-frontmatter",
            "error",
            "The file does not start with a frontmatter block between two `---` lines.",
            "The frontmatter says what kind of handoff this is, for which company, and who hands "
            "it to whom. Without it the handoff cannot be checked, scored or listed.",
            "Start the file with `---`, the fields, then `---`. `handoff new` writes a file with "
            "the frontmatter already filled in.",
            "---\ntype: sales-to-cs\ncompany: Acme Logistics\n...\n---",
        ),
        Rule(
            "HO103",
            "invalid-yaml",
            "error",
            "The frontmatter is not valid YAML.",
            "A broken frontmatter hides every field in it: nothing can be checked.",
            "Look at the line shown: a missing space after a colon, a tab, an unclosed quote or "
            "a stray character. Put values containing `:` or `#` in quotes.",
            'company: "Acme: Logistics"',
        ),
        Rule(
            "HO104",
            "frontmatter-not-mapping",
            "error",
            "The frontmatter is not a list of `field: value` lines.",
            "Each field must have a name, so that type, company and people can be found.",
            "Write one `field: value` per line between the `---` lines.",
        ),
        Rule(
            "HO105",
            "duplicate-field",
            "error",
            "A frontmatter field is written twice.",
            "Only one of the two values would count, silently. Which one was meant?",
            "Keep one of the two lines and delete the other.",
        ),
        Rule(
            "HO106",
            "unknown-type",
            "error",
            "The `type` field is missing or names no known handoff type.",
            "The type decides which sections are expected and how the handoff is scored.",
            "Set `type:` to one of the types that `handoff types` lists.",
            "type: sales-to-cs",
        ),
        Rule(
            "HO107",
            "type-folder-mismatch",
            "error",
            "The handoff sits in one type's folder but declares another type.",
            "The folder is how people browse handoffs; a mismatch files it under the wrong kind.",
            "Move the file to the folder of its type, or correct `type:`.",
        ),
        Rule(
            "HO108",
            "frontmatter-too-complex",
            "error",
            "The frontmatter is larger or more deeply nested than a handoff ever needs.",
            "A huge or deeply nested frontmatter is a mistake or an attack on the linter; "
            "either way it is not checked.",
            "Keep the frontmatter to the documented fields.",
        ),
        Rule(
            "HO109",
            "link-outside-repository",
            "error",
            "The handoff is a symbolic link to a file outside the repository.",
            "A link could make the linter, and the published site, read any file on the "
            "machine it runs on. Handoffs live in the repository.",
            "Replace the link with the file itself.",
        ),
        Rule(
            "HO201",
            "invalid-field",
            "error",
            "A frontmatter field is missing, unknown or has a value of the wrong kind.",
            "Dates, people and status drive the handoff site and the dashboards; a wrong value "
            "drops the handoff from them.",
            "Do what the message says; `handoff types` lists each type's fields.",
            "date: 2026-11-24\nfrom:\n  name: Maria Chen\n  role: AE",
        ),
        Rule(
            "HO301",
            "score-below-threshold",
            "error",
            "The handoff's quality score is under the threshold (70 by default).",
            "A thin handoff is where customers start repeating themselves and promises get "
            "lost. The receiving team needs the context before they take the account.",
            "Work through the other messages for this file: each says which section to add or "
            "complete. `handoff score FILE` shows the whole scorecard.",
        ),
        Rule(
            "HO302",
            "section-missing",
            "warning",
            "A section the rubric expects is absent or still holds only template text.",
            "Every section feeds one category of the score; a missing one earns nothing.",
            "Add the section under its heading and write real content in it, or mark it "
            "`Not applicable: <why>` if it truly does not apply.",
            "## Risk Flags\n| Risk | Severity | Mitigation |\n|---|---|---|\n"
            "| Data migration slips | 🟡 | Weekly check-in with their IT lead |",
        ),
        Rule(
            "HO303",
            "section-incomplete",
            "warning",
            "A section has real content but falls short of what the rubric asks for.",
            "Partial sections earn half of their category; the message says exactly what "
            "would complete it.",
            "Add what the message asks for: the missing rows, a measurable target, an owner or "
            "a due date.",
        ),
        Rule(
            "HO304",
            "draft-below-threshold",
            "warning",
            "A draft handoff is under the threshold; allowed while it is a draft.",
            "Drafts may be committed while they are written, but not handed over.",
            "Complete the sections before setting `status: ready`.",
        ),
        Rule(
            "HO306",
            "still-a-draft",
            "warning",
            "A handoff that passes but is still marked `status: draft`.",
            "It passes here, but CI on the default branch refuses drafts (`--deny-drafts`), so "
            "it would be blocked at merge: better to hear it now than from the pull request.",
            "When it is ready to hand over, set `status: ready`.",
            "status: ready",
        ),
        Rule(
            "HO401",
            "raw-html",
            "warning",
            "The handoff contains raw HTML.",
            "Handoffs are plain Markdown so that they read the same in an editor, in git and on "
            "the site. The site removes HTML it does not trust, so what you see in a preview "
            "may not be published.",
            "Use Markdown instead: `**bold**`, lists, tables, `[text](https://link)`. HTML "
            "comments (`<!-- ... -->`) are fine.",
        ),
        Rule(
            "HO402",
            "active-content",
            "error",
            "The handoff contains a script, an embedded frame, an event handler or a "
            "`javascript:` link.",
            "Active content can run in the browser of everyone who opens the handoff site. "
            "It is never needed in a handoff.",
            "Delete it. To point at a tool or a recording, use a plain link: "
            "`[Call recording](https://...)`.",
        ),
        Rule(
            "HO403",
            "secret",
            "error",
            "The handoff contains something that looks like a password, key or token.",
            "Handoffs are read by many people and kept in git forever: a credential in one "
            "is exposed to everyone with access, including in the history.",
            'Delete it and say where the credential is kept instead ("in the team vault"). If '
            "it was real, ask its owner to rotate it: removing it from the file does not remove "
            "it from git history.",
            "API key: stored in the team vault, ask Dana",
        ),
        Rule(
            "HO305",
            "draft-not-allowed",
            "error",
            "A handoff still marked `status: draft` where drafts are refused (`--deny-drafts`).",
            "A draft is work in progress: the receiving team should not act on it yet. CI "
            "refuses drafts on the default branch so that what is merged is ready.",
            "Finish the handoff and set `status: ready`, or keep it on a branch until then.",
            "status: ready",
        ),
        # Drift along an account's chain (drift.py): warnings unless `chain = "error"`.
        Rule(
            "HO501",
            "criterion-changed",
            "warning",
            "A success criterion has another target or date than in an earlier handoff of the "
            "same account.",
            "The customer was promised the earlier figure. If the receiving team works to "
            "another one, the customer finds out at the first review, when it is too late.",
            "Restore what was agreed, or say why it changed on a line near it: "
            "`Changed since sales: the customer agreed 85% while the new carriers ramp up`.",
            "1. At least 85% field accuracy by 2026-12-18\n"
            "   Changed since sales: agreed with Renata on 2026-06-02, 92% from March",
        ),
        Rule(
            "HO502",
            "criterion-dropped",
            "warning",
            "A success criterion of an earlier Sales → CS or Sales → Implementation handoff is "
            "not among this handoff's success criteria (matched by unit and key terms, not by "
            "position).",
            "A criterion left out of the next handoff is a promise nobody tracks any more, "
            "though the customer still measures it.",
            "Add the criterion to Success Criteria, or say why it no longer applies with a "
            "`Changed since sales: …` line.",
            "3. Invoice cycle time down to 3 days or less by the first QBR",
        ),
        Rule(
            "HO503",
            "milestone-moved",
            "warning",
            "A go-live, kickoff, first-value or full-rollout date differs from the one in an "
            "earlier handoff of the same account.",
            "The customer planned around the first date. A date that moves silently between "
            "sales and implementation is the most common broken promise.",
            "Fix the date, or say why it moved next to it: `Changed since sales: go-live moved "
            "to January at the customer's request (ERP freeze)`.",
            "| Go-live | 2027-01-31 |\n\nChanged since sales: the customer asked for January",
        ),
        Rule(
            "HO504",
            "deal-changed",
            "warning",
            "The deal size or term differs from an earlier handoff of the same account "
            "(frontmatter `deal`, `term_months`, or a Deal Size row).",
            "Billing, renewals and the success plan all start from the deal as signed; two "
            "figures mean someone works from the wrong one.",
            "Correct the figure, or say why it changed with a `Changed since sales: …` line.",
            "deal: {size: 186000, currency: USD}",
        ),
        Rule(
            "HO505",
            "scope-conflict",
            "warning",
            "Something is in scope in one handoff of the account and out of scope in another.",
            "Scope that flips between handoffs is how a customer ends up expecting work that "
            "was never sold, or not getting work that was.",
            "Agree which it is, and say why it changed with a `Changed since sales: …` line.",
        ),
        Rule(
            "HO506",
            "system-not-carried",
            "warning",
            "A system named in the AE → SE technical environment is not mentioned anywhere in a "
            "later implementation handoff.",
            "The implementation team plans integrations from its own handoff; a system only "
            "the SE heard about surfaces in week three as a surprise.",
            "Add the system to Technical Requirements, or say it is out of scope.",
            "| Integrations | LedgerCore ERP (SFTP), Tracklane TMS API |",
        ),
        Rule(
            "HO507",
            "person-changed",
            "warning",
            "The champion or executive sponsor is someone else than in an earlier handoff of "
            "the same account.",
            "A new champion or sponsor changes who the team must win over; if the change is "
            "a mistake, the team courts the wrong person.",
            "Correct the name, or say what happened: `Changed since sales: Renata left in "
            "September; Luis Ortega champions the rollout`.",
        ),
        Rule(
            "HO508",
            "person-missing",
            "warning",
            "The champion or executive sponsor of an earlier handoff is not named anywhere in "
            "this one.",
            "The receiving team should know who fights for the deal and who signs; a name "
            "dropped between handoffs is a relationship nobody looks after.",
            "Name them in the stakeholders, or say who holds the role now and why.",
            "| Renata Solís, Director of Freight Audit | Champion |",
        ),
    )
}
