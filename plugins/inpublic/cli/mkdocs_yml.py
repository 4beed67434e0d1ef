"""Read a site's mkdocs.yml for the command line: MkDocs checks every option, each mistake is printed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from inpublic.engines.notices import ProjectError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from inpublic.engines.mkdocs.options import InpublicConfig


def load_site_config(config_file: Path) -> tuple[MkDocsConfig, InpublicConfig] | None:
    """MkDocs' config and the inpublic plugin's options, or None after printing why they cannot be had; an
    unknown option fails, as in a strict build."""
    from inpublic.engines.project import read_project  # MkDocs, imported only by the commands that read its config

    try:
        project = read_project(config_file, strict=True)
    except ProjectError as err:
        print(err, file=sys.stderr)
        return None
    return project.config, project.options


def plugin_plan_option(config_file: Path) -> str | None:
    """The `plan` option of the inpublic plugin in mkdocs.yml, after MkDocs has validated every option."""
    loaded = load_site_config(config_file)
    return None if loaded is None else loaded[1].plan
