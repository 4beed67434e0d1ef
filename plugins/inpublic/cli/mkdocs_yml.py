"""Read a site's mkdocs.yml for the command line: MkDocs checks every option, each mistake is printed."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from inpublic.engines.mkdocs.options import InpublicConfig


def load_site_config(config_file: Path) -> tuple[MkDocsConfig, InpublicConfig] | None:
    """MkDocs' config and the inpublic plugin's options, or None after printing why they cannot be had."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    if not config_file.is_file():
        print(f"{config_file}: no such file; run this in your site's folder, or pass -f path/to/mkdocs.yml",
              file=sys.stderr)
        return None
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(f"{config_file}: %(message)s"))
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs.config")
    logger.addHandler(handler)
    try:
        config = load_config(str(config_file), strict=True)  # an unknown option fails, as in a strict build
    except (Abort, ConfigurationError) as err:
        print(f"{config_file}: {err}", file=sys.stderr)
        return None
    finally:
        logger.removeHandler(handler)
    plugin = config.plugins.get("inpublic")
    if plugin is None:
        print(f"{config_file}: the inpublic plugin is not enabled; add it under `plugins:` (- inpublic)",
              file=sys.stderr)
        return None
    return config, plugin.config


def plugin_plan_option(config_file: Path) -> str | None:
    """The `plan` option of the inpublic plugin in mkdocs.yml, after MkDocs has validated every option."""
    loaded = load_site_config(config_file)
    return None if loaded is None else loaded[1].plan
