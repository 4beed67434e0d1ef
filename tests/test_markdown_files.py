"""How inpublic reads a learner's Markdown file: its front matter and its title (markdown_files.py, pure)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from inpublic.markdown_files import PageFacts, parse_markdown, read_pages


@pytest.mark.parametrize(("text", "title"), [
    ("---\ntitle: Limits, again\n---\n# Limits\n", "Limits, again"),
    ("---\ntitle: '  '\n---\n# Limits\n", "Limits"),  # an empty title is no title
    ("```\n# not a heading\n```\n\n# Limits\n", "Limits"),  # a line in a code block is not the title
    ("# Limits ##\n", "Limits"),
    ("Just text.\n", None),
])
def test_the_title_is_the_front_matters_or_the_first_heading(text: str, title: str | None) -> None:
    assert parse_markdown(text).title == title


@pytest.mark.parametrize("text", [
    "---\ntitle: [unclosed\n---\n# Limits\n",  # not YAML
    "---\n- a list\n- not a mapping\n---\n# Limits\n",
    "---\njust a sentence\n---\n# Limits\n",
])
def test_front_matter_that_is_not_a_mapping_is_part_of_the_text(text: str) -> None:
    note = parse_markdown(text)
    assert note.meta == {} and note.body == text and note.title == "Limits"


def test_front_matter_is_taken_out_of_the_text() -> None:
    note = parse_markdown("---\ntitle: Limits\ntags: [calculus]\n...\nBody.\n")
    assert note.meta == {"title": "Limits", "tags": ["calculus"]} and note.body == "Body.\n"


def test_titles_kept_by_a_session_are_read_again_only_when_a_file_changes(tmp_path: Path) -> None:
    limits, chain = tmp_path / "limits.md", tmp_path / "chain.md"
    limits.write_text("# Limits\n", encoding="utf-8")
    chain.write_text("---\ntitle: The chain rule\n---\nText.\n", encoding="utf-8")
    files = {"limits.md": limits, "chain.md": chain}
    known: dict[Path, tuple[int, int, PageFacts]] = {}

    def read_titles(known: dict[Path, tuple[int, int, PageFacts]] | None) -> dict[str, str]:
        return {uri: facts.title for uri, facts in read_pages(files, known).items()}

    assert read_titles(known) == read_titles(None) == {"limits.md": "Limits", "chain.md": "The chain rule"}
    assert set(known) == {limits, chain}
    stamp = limits.stat().st_mtime_ns
    limits.write_text("# Lemons\n", encoding="utf-8")  # the same size, and the time put back: taken as unchanged
    os.utime(limits, ns=(stamp, stamp))
    assert read_titles(known)["limits.md"] == "Limits"
    limits.write_text("# Limits, one side at a time\n", encoding="utf-8")
    assert read_titles(known) == {"limits.md": "Limits, one side at a time", "chain.md": "The chain rule"}
    chain.unlink()  # a file gone since: read as any other would be, and the error is the caller's
    with pytest.raises(FileNotFoundError):
        read_titles(known)
