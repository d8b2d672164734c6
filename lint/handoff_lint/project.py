"""A project: the settings, rubric, schemas and templates one set of handoffs is checked with.

A `Project` is built from the nearest settings file and never changes; whatever it derives
(compiled validators, template text, the cache fingerprint) is computed once, on first use.
There are no module-level caches: a long-lived process (`mkdocs serve`, an editor server)
builds a new `Workspace` for each run and so sees every edited settings, rubric, schema or
template file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handoff_lint import __version__, config, resources, rubric
from handoff_lint.config import Settings

if TYPE_CHECKING:
    from handoff_lint.content import Template
    from handoff_lint.schema import Schemas


@dataclass(frozen=True)
class Project:
    settings: Settings
    rubric: rubric.Rubric
    # Each type's template as text to ignore in a handoff, read when first needed.
    _templates: dict[str, Template] = field(default_factory=dict, compare=False, repr=False)

    @property
    def threshold(self) -> float:
        """The settings' threshold, else the rubric's (the command line may still beat it)."""
        if self.settings.threshold is not None:
            return self.settings.threshold
        return self.rubric.threshold

    @property
    def templates_dir(self) -> Path:
        return self.settings.templates or resources.templates_dir()

    @cached_property
    def schemas(self) -> Schemas:
        from handoff_lint.schema import Schemas  # jsonschema_rs: only when a file is checked

        return Schemas(self.settings.schemas or resources.schemas_dir())

    def template(self, slug: str) -> Template:
        if slug not in self._templates:
            from handoff_lint.scoring import template_text

            self._templates[slug] = template_text(self.templates_dir / f"{slug}.md")
        return self._templates[slug]

    @cached_property
    def fingerprint(self) -> str:
        """A hash of everything besides a file's bytes that its result depends on."""
        import hashlib

        digest = hashlib.blake2b(digest_size=20)
        identity = resources.code_identity()
        digest.update(f"{__version__}\0{identity}\0{self.settings.threshold}\0".encode())
        schemas = self.settings.schemas or resources.schemas_dir()
        files = [
            self.rubric.source,
            *sorted(schemas.glob("*.schema.json")),
            *sorted(self.templates_dir.glob("*.md")),
        ]
        for path in files:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        return digest.hexdigest()

    def __reduce__(self) -> tuple[Any, ...]:
        # A worker process started by spawn rebuilds the project rather than copy validators.
        return (from_settings, (self.settings,))


def from_settings(settings: Settings) -> Project:
    return Project(settings, rubric.load(settings.rubric))


def load(directory: Path) -> Project:
    """The project of the nearest settings file above `directory` (or the packaged defaults)."""
    return from_settings(config.find(directory))


class Workspace:
    """The projects of one run: each settings file is read, and each project built, once."""

    def __init__(self) -> None:
        self._settings: dict[Path, Settings] = {}  # by resolved folder, filled by config.find
        self._given: dict[Path, Settings] = {}  # by folder as given: no resolve() per file
        self._projects: dict[Settings, Project] = {}

    def settings_for(self, directory: Path) -> Settings:
        if directory not in self._given:
            self._given[directory] = config.find(directory, self._settings)
        return self._given[directory]

    def project_for(self, directory: Path) -> Project:
        settings = self.settings_for(directory)
        if settings not in self._projects:
            self._projects[settings] = from_settings(settings)
        return self._projects[settings]

    def here(self) -> Project:
        """The project of the folder the command runs in."""
        return self.project_for(Path.cwd())

    def root(self, directory: Path) -> Path | None:
        """The project's root: its settings file's folder, else the git repository's root."""
        from handoff_lint import git

        source = self.settings_for(directory).source
        return source.parent if source else git.repository_root(directory.resolve())
