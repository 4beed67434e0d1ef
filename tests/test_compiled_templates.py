"""inpublic's templates compiled once and kept for the next build (engines/compiled_templates.py)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from inpublic.engines.compiled_templates import CompiledTemplates
from inpublic.render import environment

NAMES = ("report.md.j2", "home.md.j2", "feed_week.html.j2")


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from their source."""
    names: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *args: object,
                 **kwargs: object) -> object:
        names.append(name or "")
        return original(self, source, name, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def sources(folder: Path | None) -> list[str]:
    """Load the templates through a new environment, as each build does; their files."""
    env = environment(None if folder is None else CompiledTemplates(folder))
    return [env.get_template(name).filename or "" for name in NAMES]


def test_a_second_build_compiles_no_template(tmp_path: Path, compiled: list[str]) -> None:
    kept = tmp_path / ".cache" / "inpublic" / "templates"
    sources(kept)
    assert sorted(compiled) == sorted(NAMES) and len(list(kept.glob("*.jinja"))) == len(NAMES)
    compiled.clear()
    sources(kept)
    assert compiled == []
    notice = environment(CompiledTemplates(kept)).get_template("shallow_notice.md.j2").render()  # kept now too
    assert notice == environment().get_template("shallow_notice.md.j2").render() and "Incomplete history" in notice


def test_a_damaged_or_unwritable_cache_only_costs_the_compiling(tmp_path: Path, compiled: list[str]) -> None:
    kept = tmp_path / "templates"
    sources(kept)
    for file in kept.glob("*.jinja"):
        file.write_bytes(b"j2" + bytes(range(40)))  # Jinja's mark, then nothing it can read
    compiled.clear()
    sources(kept)
    assert sorted(compiled) == sorted(NAMES)
    compiled.clear()
    sources(kept)  # written again, whole
    assert compiled == []
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    compiled.clear()
    assert sources(blocked / "templates") == sources(None)
    assert len(compiled) == 2 * len(NAMES)
