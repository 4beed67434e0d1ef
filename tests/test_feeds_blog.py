"""A site that uses Material's blog plugin: its posts go into the feeds, dated from their front matter in the
learner's time zone, with absolute links; archive and category pages do not; renaming a post or changing its slug
re-delivers nothing. The learner's own template override keeps the feed links in every page's head."""

from __future__ import annotations

from pathlib import Path

import feedparser
import lxml.html
import pytest

from feedsites import PNG, build_at
from gitrepo import GitRepo
from sites import MINIMAL_PLAN, Build

SITE_URL = "https://example.org/learning/"
CONFIG = f"""\
site_name: Ada's blog
site_url: {SITE_URL}
theme:
  name: material
  custom_dir: overrides
plugins:
  - blog
  - inpublic:
      feed_id: ada.example.org,2026
"""
PLAN = MINIMAL_PLAN.replace("started: 2026-09-07", "started: 2026-09-07\n  repo: https://github.com/ada/learning")
POST = """\
---
date: 2026-11-10
categories: [Calculus, Learning]
---

# Why limits

What a limit is, with [my note](../../limits.md) and a chart:

![Chart](../../img/chart.png)

<!-- more -->

The rest.
"""


@pytest.fixture(scope="module")
def blog(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    repo = GitRepo(tmp_path_factory.mktemp("blog") / "repo")
    repo.write("mkdocs.yml", CONFIG)
    repo.write("progress.yaml", PLAN)
    repo.write("overrides/main.html",
               '{% extends "base.html" %}\n{% block extrahead %}<meta name="mine" content="yes">{% endblock %}\n')
    repo.write("docs/limits.md", "# Limits\n\nA note.\n")
    repo.write("docs/img/chart.png", "")
    (repo.root / "docs" / "img" / "chart.png").write_bytes(PNG)
    repo.write("docs/blog/index.md", "# Blog\n")
    repo.write("docs/blog/posts/why-limits.md", POST)
    repo.write("docs/blog/posts/evening.md",
               "---\ndate: 2026-11-12T21:30:00\nslug: an-evening\n---\n\n# An evening of practice\n\nSheets.\n")
    repo.write("docs/blog/posts/draft.md", "---\ndate: 2026-11-13\ndraft: true\n---\n\n# Not yet\n\nDraft.\n")
    repo.commit("Blog: two posts", "2026-11-12T22:00:00-05:00")
    return repo


@pytest.fixture(scope="module")
def site(blog: GitRepo, tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build_at(blog.root, tmp_path_factory.mktemp("site") / "site")
    assert result.returncode == 0, result.output
    return result


def posts(site: Build) -> list[feedparser.FeedParserDict]:
    parsed = feedparser.parse(site.site / "atom.xml")
    assert parsed.bozo == 0
    return [e for e in parsed.entries if "inpublic/blog/" in e.id]


def test_published_posts_are_items_dated_from_their_front_matter_in_the_learners_zone(site: Build) -> None:
    entries = posts(site)
    assert [e.title for e in entries] == ["An evening of practice", "Why limits"]
    assert [e.published for e in entries] == ["2026-11-12T21:30:00-05:00", "2026-11-10T00:00:00-05:00"]
    assert [e.link for e in entries] == [SITE_URL + "blog/2026/11/12/an-evening/",
                                         SITE_URL + "blog/2026/11/10/why-limits/"]
    assert [e.id for e in entries] == ["tag:ada.example.org,2026:inpublic/blog/docs/blog/posts/evening",
                                       "tag:ada.example.org,2026:inpublic/blog/docs/blog/posts/why-limits"]
    assert [t.term for t in entries[1].tags] == ["Calculus", "Learning"]
    assert "Not yet" not in site.page("atom.xml") and "Not yet" not in site.page("feed.xml")


def test_archive_and_category_pages_are_not_items(site: Build) -> None:
    assert (site.site / "blog" / "archive" / "2026" / "index.html").is_file()  # they exist on the site
    links = [e.link for e in feedparser.parse(site.site / "feed.xml").entries]
    assert not [link for link in links if "/archive/" in link or "/category/" in link or link == SITE_URL + "blog/"]


def test_a_posts_links_and_images_are_absolute_and_real(site: Build) -> None:
    html = next(e for e in posts(site) if e.title == "Why limits").content[0].value
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    urls = [el.get("href") or el.get("src") for el in root.iter() if el.get("href") or el.get("src")]
    assert SITE_URL + "limits/" in urls and SITE_URL + "img/chart.png" in urls
    for url in urls:
        path = url.removeprefix(SITE_URL)
        assert url.startswith(SITE_URL)
        assert (site.site / (path + "index.html" if path.endswith("/") else path)).is_file(), url


def test_the_learners_own_override_and_the_feed_links_live_together(site: Build) -> None:
    for page in ("index.html", "limits/index.html", "blog/index.html", "blog/2026/11/10/why-limits/index.html"):
        head = site.page(page).split("</head>", 1)[0]
        assert '<meta name="mine" content="yes">' in head, page
        assert f'href="{SITE_URL}atom.xml"' in head and f'href="{SITE_URL}feed.xml"' in head, page


def test_renaming_a_post_and_changing_its_slug_keeps_its_guid(blog: GitRepo, site: Build, tmp_path: Path) -> None:
    repo = GitRepo.clone(blog, tmp_path / "repo")
    repo.move("docs/blog/posts/why-limits.md", "docs/blog/posts/limits-explained.md")
    renamed = POST.replace("date: 2026-11-10", "date: 2026-11-10\nslug: limits")
    repo.write("docs/blog/posts/limits-explained.md", renamed)
    repo.commit("Rename a post", "2026-11-14T10:00:00-05:00")
    again = build_at(repo.root, tmp_path / "site")
    assert again.returncode == 0, again.output
    before = {e.title: e.id for e in posts(site)}
    after = {e.title: (e.id, e.link) for e in posts(again)}
    assert after["Why limits"] == (before["Why limits"], SITE_URL + "blog/2026/11/10/limits/")
