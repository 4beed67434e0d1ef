"""The options of the `inpublic` MkDocs plugin, typed and checked by MkDocs' own config machinery."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config, ConfigErrors, ConfigWarnings

from .problems import did_you_mean

HOME_MARKER = "<!-- inpublic:home -->"


class InpublicConfig(Config):
    plan = opt.Type(str, default="progress.yaml")
    """Path of the study plan, relative to mkdocs.yml."""

    def _validate(self) -> tuple[ConfigErrors, ConfigWarnings]:
        """MkDocs' checks, with a suggestion added to an unknown option's warning."""
        errors, warnings = super()._validate()
        names = [name for name, _ in self._schema]
        return errors, [
            (key, msg + did_you_mean(key, names) if msg.startswith("Unrecognised") else msg) for key, msg in warnings
        ]
