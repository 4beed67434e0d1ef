"""The build core, called in-process: `build_site` gives the files a real `mkdocs build` writes, and a build walks
the history once.

One small site in a git repository (tests/sites.py): a note, a reflection, a commitment. It is built once by
MkDocs, in a subprocess, and once by `build_site` in this process, from what the MkDocs adapter would read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config

import core_inputs
from gitrepo import GitRepo
from inpublic.feeds.site import markdown_converter
from inpublic.feeds.views import page_path
from inpublic.site import BuildInputs, BuildOptions, Site, SiteFacts, build_site
from sites import build, make_site

SITE_URL = "https://example.org/learning/"
REFLECTION = "---\ntitle: A good start\n---\n\nLimits, at last. See [the note](../limits.md).\n"
FEEDS = ("feed.xml", "atom.xml", "feed.json")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small site, with a second commit a week later: a reflection on the first week, and more on the note."""
    folder = make_site(tmp_path_factory.mktemp("core") / "notes")
    repo = GitRepo(folder, init=False)
    repo.write("docs/reports/2026-W37.md", REFLECTION)
    repo.write("docs/limits.md", "# Limits\n\nWhat a limit is, and how to find one.\n")
    repo.commit("A reflection, and more on limits", "2026-09-15T20:00:00-04:00")
    return folder


def inputs_of(project: Path) -> BuildInputs:
    """What the MkDocs adapter reads of `project`, read the same way, without MkDocs."""
    return core_inputs.inputs_of(project, SiteFacts(SITE_URL, "Test site", language="en"))  # Material's language


def pages_of(site: Site) -> dict[str, str]:
    """src_uri -> address of every page the site has: the learner's two and the generated ones."""
    uris = ["index.md", "limits.md", *(f.src_uri for f in site.files if f.src_uri.endswith(".md"))]
    return {uri: page_path(uri) for uri in uris}


def test_build_site_gives_the_files_mkdocs_writes(project: Path, tmp_path: Path) -> None:
    built = build(project, tmp_path / "site")
    assert built.returncode == 0, built.output
    site = build_site(inputs_of(project))

    pages = [f for f in site.files if f.src_uri.endswith(".md")]
    data = [f for f in site.files if not f.src_uri.endswith(".md")]
    assert {f.src_uri for f in pages} >= {"reports/index.md", "reports/2026-W37.md", "reports/2026-W47.md",
                                          "commitments/index.md", "commitments/spring.md", "review.md"}
    for page in pages:  # each generated page is a page of the built site
        assert (built.site / page_path(page.src_uri) / "index.html").is_file(), page.src_uri
    assert {f.src_uri for f in data} == {"reports/weeks.json", "reports/months.json", "commitments.json",
                                         "commitments.ics", "card.svg", "card-light.svg", "card-dark.svg"}
    for file in data:  # the data files, byte for byte
        assert (built.site / file.src_uri).read_bytes() == file.content.encode(), file.src_uri
    assert site.replaced == {"reports/2026-W37.md"}
    # the week's page and September's, which folds the week's reflection in, hold the learner's HTML
    assert site.sanitised == {"reports/2026-W37.md", "reports/2026-09.md"}
    assert "A good start" in built.page("reports/2026-W37/index.html")

    config = load_config(str(project / "mkdocs.yml"))
    markdown = markdown_converter(config.markdown_extensions, config.mdx_configs)
    feeds = site.feed_files((), pages_of(site), markdown)
    subject_feeds = ("subjects/calculus/feed.xml", "subjects/calculus/atom.xml")
    assert sorted(feeds) == sorted(FEEDS + subject_feeds)
    for name in FEEDS + subject_feeds:  # the feeds, byte for byte
        assert (built.site / name).read_bytes() == feeds[name], name
    assert b"A good start" in feeds["feed.xml"]


def test_build_site_places_what_goes_on_the_learners_pages(project: Path) -> None:
    site = build_site(inputs_of(project))
    home = site.page_markdown("index.md", site.home.content, "")
    assert home.startswith("# Ada Example: learning in public")
    assert "Calculus by spring" in home and "feed.xml" in home  # the plan, and the Subscribe block
    note = site.page_markdown("limits.md", "# Limits\n", "limits/")
    assert note.startswith("# Limits\n\n") and 'class="inpublic-dates"' in note
    assert site.page_markdown("other.md", "# Other\n", "other/") == "# Other\n"  # not a note: as it was
    assert 'rel="alternate"' in site.with_head_links("<html><head></head></html>")
    assert site.page_html("reports/2026-W37.md", "<p>ok</p><script>x()</script>") == "<p>ok</p>"
    assert site.stylesheet.source.is_file()


def test_without_feeds_a_build_adds_no_feed_and_no_link(project: Path) -> None:
    inputs = inputs_of(project)
    site = build_site(BuildInputs(inputs.plan, inputs.history, inputs.today, inputs.sources, inputs.plan_history,
                                  inputs.reflections, BuildOptions(), inputs.site))
    assert site.feed_files((), pages_of(site)) == {}
    assert site.head_links == "" and site.with_head_links("<head></head>") == "<head></head>"
    assert "feed.xml" not in site.page_markdown("index.md", site.home.content, "")


def counting(monkeypatch: pytest.MonkeyPatch, module: str, name: str) -> list[int]:
    """Replace `module.name` everywhere inpublic imported it by a wrapper that counts its calls."""
    original: Callable[..., Any] = getattr(sys.modules[module], name)
    calls: list[int] = []

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    for loaded in list(sys.modules.values()):
        if getattr(loaded, "__name__", "").startswith("inpublic") and getattr(loaded, name, None) is original:
            monkeypatch.setattr(loaded, name, wrapper)
    return calls


def test_a_build_walks_the_history_once_and_compiles_its_templates_once(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = inputs_of(project)
    lives = counting(monkeypatch, "inpublic.activity.notes", "note_lives")
    public = counting(monkeypatch, "inpublic.activity.public", "public_lives")
    environments = counting(monkeypatch, "inpublic.render", "environment")
    site = build_site(inputs)
    site.page_markdown("index.md", site.home.content, "")
    feeds = site.feed_files((), pages_of(site))
    assert feeds and site.note_dates and site.reports  # the consumers all ran: note dates, weeks, feeds
    assert (len(lives), len(public), len(environments)) == (1, 1, 1)
