"""How inpublic reads a learner's Markdown file: its front matter and its title (markdown_files.py, pure)."""

from __future__ import annotations

import pytest

from inpublic.markdown_files import parse_markdown


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
