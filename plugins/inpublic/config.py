"""The options of the `inpublic` MkDocs plugin, typed and checked by MkDocs' own config machinery."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config, ConfigErrors, ConfigWarnings

from .problems import did_you_mean

HOME_MARKER = "<!-- inpublic:home -->"


class InpublicConfig(Config):
    plan = opt.Type(str, default="progress.yaml")
    """Path of the study plan, relative to mkdocs.yml."""
    private = opt.ListOfItems(opt.Type(str), default=["private/**"])
    """Glob patterns, relative to docs_dir, of files that never reach the site: no page, no title, no count."""
    not_notes = opt.ListOfItems(opt.Type(str), default=["index.md", "reports/**"])
    """Glob patterns of published pages that are not study notes (a home, an about page, documentation):
    changes to them are not counted in the reports, and they carry no git dates."""
    private_marker = opt.Type(str, default="[private]")
    """Commits whose message contains this text are left out of every report and feed."""
    reports = opt.Type(bool, default=True)
    """Weekly reports at reports/YYYY-Www/, their index at reports/ and their figures at reports/weeks.json."""
    note_dates = opt.Type(bool, default=True)
    """Show on every note when it was first written and last updated, from git."""

    def _validate(self) -> tuple[ConfigErrors, ConfigWarnings]:
        """MkDocs' checks, with a suggestion added to an unknown option's warning."""
        errors, warnings = super()._validate()
        names = [name for name, _ in self._schema]
        return errors, [
            (key, msg + did_you_mean(key, names) if msg.startswith("Unrecognised") else msg) for key, msg in warnings
        ]
