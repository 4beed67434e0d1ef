"""Where each commitment's page is: one rule for the pages, the feeds and the monthly reports that link them."""

from __future__ import annotations

COMMITMENTS_DIR = "commitments"


def page_slug(ident: str) -> str:
    """The page of commitment ``ident``: its id, except the one name the index takes."""
    return f"{ident}-commitment" if ident.lower() == "index" else ident
