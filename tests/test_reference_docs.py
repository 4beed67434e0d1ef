"""The documentation in docs/inpublic/: its generated parts are current, and every option, command, argument and
field of progress.yaml is in it. `pytest --regen-golden` rewrites the generated parts after an intended change."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from inpublic.cli.main import build_parser
from inpublic.cli.reference import GENERATED, fill, options, parts, records
from inpublic.plan.fields import PLAN
from sites import ROOT

DOCS = ROOT / "docs" / "inpublic"
GENERATED_PAGES = sorted(p for p in DOCS.glob("*.md") if GENERATED.search(p.read_text(encoding="utf-8")))


def test_some_pages_have_generated_parts() -> None:
    names = {m.group(2) for page in GENERATED_PAGES for m in GENERATED.finditer(page.read_text(encoding="utf-8"))}
    assert names == set(parts())


@pytest.mark.parametrize("page", GENERATED_PAGES, ids=lambda p: p.name)
def test_the_generated_parts_are_current(page: Path, regen_golden: bool) -> None:
    text = page.read_text(encoding="utf-8")
    current = fill(text, parts())
    if regen_golden:
        page.write_text(current, encoding="utf-8")
        text = current
    assert text == current, f"{page.relative_to(ROOT)} is out of date: run `pytest --regen-golden` and review the diff"


def test_every_plugin_option_has_a_docstring_and_a_section() -> None:
    page = (DOCS / "options.md").read_text(encoding="utf-8")
    every = options()
    assert len(every) > 5
    for name, _, doc in every:
        assert doc, f"write a docstring under the option {name!r} in plugins/inpublic/config.py"
        assert f"### `{name}`" in page


def test_every_command_and_argument_is_in_the_cli_reference() -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert commands.choices
    for name, sub in commands.choices.items():
        assert f"### `inpublic {name}`" in page
        for action in sub._actions:
            for spelling in action.option_strings:
                assert spelling in page or spelling in ("-h", "--help"), f"inpublic {name} {spelling}"


def test_every_field_of_progress_yaml_is_in_its_reference() -> None:
    page = (DOCS / "progress-yaml.md").read_text(encoding="utf-8")
    every = list(records("", PLAN))
    assert len(every) > 5
    for path, record in every:
        section = page.split(f"### `{path}`\n" if path else "### The top level\n")[1].split("\n### ")[0]
        assert record.keys, path
        for key in record.keys:
            assert f"| `{key.name}` |" in section, f"{path}.{key.name}"


def test_fill_replaces_only_between_the_markers() -> None:
    page = "# Title\n\nBefore.\n\n<!-- generated: x -->\nold text\n<!-- end generated -->\n\nAfter.\n"
    assert fill(page, {"x": lambda: "new text\n"}) == (
        "# Title\n\nBefore.\n\n<!-- generated: x -->\n\nnew text\n\n<!-- end generated -->\n\nAfter.\n"
    )
    with pytest.raises(KeyError, match="unknown generated part 'y'"):
        fill(page.replace("generated: x", "generated: y"), {"x": lambda: ""})
