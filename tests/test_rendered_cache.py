"""The conversions of inpublic's pages kept across builds (engines/mkdocs/rendered.py), in real builds.

A kept conversion is recognised by a mark written into the cache file between two builds: a page that shows the
mark was taken from the cache, a page without it was converted again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gitrepo import GitRepo
from sites import build_in_process, make_site

MARK = "<p>KEPT-CONVERSION</p>"
CACHE = Path(".cache/inpublic/mkdocs-pages.json")


def learner(root: Path) -> GitRepo:
    repo = GitRepo(make_site(root))
    repo.write("docs/derivatives.md", "# Derivatives\n\nFrom the definition.\n")
    repo.commit("Derivatives", "2026-11-10T20:00:00-05:00")
    return repo


def mark_every_kept_page(project: Path) -> int:
    cache = project / CACHE
    data = json.loads(cache.read_text(encoding="utf-8"))
    for page in data["pages"].values():
        page["html"] = MARK + page["html"]
    cache.write_text(json.dumps(data), encoding="utf-8")
    return len(data["pages"])


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return learner(tmp_path / "repo")


def test_a_second_build_takes_each_unchanged_report_from_the_cache_and_converts_a_changed_one(
        repo: GitRepo, tmp_path: Path) -> None:
    first = build_in_process(repo.root, tmp_path / "first")
    assert first.returncode == 0, first.output
    assert mark_every_kept_page(repo.root) >= 3  # W45, W46, W47 and the commitment's page
    repo.write("docs/derivatives.md", "# Derivatives\n\nFrom the definition, then the rules.\n")
    repo.commit("Derivatives: the rules", "2026-11-18T20:00:00-05:00")  # in W47: only W47's report changes
    second = build_in_process(repo.root, tmp_path / "second")
    assert second.returncode == 0, second.output
    assert MARK in second.page("reports/2026-W45/index.html")
    assert MARK in second.page("reports/2026-W46/index.html")
    week = second.page("reports/2026-W47/index.html")
    assert MARK not in week and "Derivatives: the rules" in week
    assert MARK not in second.page("derivatives/index.html")  # notes are MkDocs' own, never kept
    assert MARK in second.page("reports/2026-09/index.html")  # September's month report is as it was
    assert "Derivatives: the rules" not in second.page("reports/2026-11/index.html")  # commits are the week's
    assert MARK not in second.page("reports/2026-11/index.html")  # but November's figures changed
    kept = json.loads((repo.root / CACHE).read_text(encoding="utf-8"))["pages"]
    assert sum(MARK in page["html"] for page in kept.values()) == len(kept) - 2  # W47's and November's old texts


def test_the_pages_and_their_tables_of_contents_are_the_same_from_the_cache(repo: GitRepo, tmp_path: Path) -> None:
    cold = build_in_process(repo.root, tmp_path / "cold")
    warm = build_in_process(repo.root, tmp_path / "warm")
    assert cold.returncode == warm.returncode == 0, cold.output + warm.output
    pages = sorted(p.relative_to(cold.site) for p in cold.site.rglob("*") if p.is_file())
    assert pages == sorted(p.relative_to(warm.site) for p in warm.site.rglob("*") if p.is_file())
    different = [p for p in pages if (cold.site / p).read_bytes() != (warm.site / p).read_bytes()]
    assert different == []
    assert 'href="#commits"' in warm.page("reports/2026-W46/index.html")  # the report's table of contents


def test_a_page_whose_conversion_warned_is_converted_and_warns_at_every_build(repo: GitRepo,
                                                                              tmp_path: Path) -> None:
    repo.write("docs/reports/2026-W46.md", "I read [the old notes](gone.md) again.\n")
    repo.commit("Reflection on week 46", "2026-11-15T20:00:00-05:00")
    for build in ("first", "second"):
        result = build_in_process(repo.root, tmp_path / build)
        assert result.returncode == 1, result.output
        assert "gone.md" in result.output and "not found" in result.output
    kept = json.loads((repo.root / CACHE).read_text(encoding="utf-8"))["pages"]
    assert kept and not any("the old notes" in page["html"] for page in kept.values())


@pytest.mark.parametrize("content", ["", "{not json", '{"format": 1, "pages": {"x": {"html": 3}}}', '[1, 2]',
                                     '{"format": 99, "pages": {}}'])
def test_a_damaged_or_foreign_cache_file_is_ignored_and_replaced(repo: GitRepo, tmp_path: Path,
                                                                  content: str) -> None:
    (repo.root / CACHE).parent.mkdir(parents=True)
    (repo.root / CACHE).write_text(content, encoding="utf-8")
    result = build_in_process(repo.root, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert "Week 46, 2026" in result.page("reports/2026-W46/index.html")
    data = json.loads((repo.root / CACHE).read_text(encoding="utf-8"))
    assert data["format"] == 1 and data["pages"] and "x" not in data["pages"]


def test_a_cache_that_cannot_be_written_leaves_the_build_whole(repo: GitRepo, tmp_path: Path) -> None:
    (repo.root / ".cache").write_text("a file where the cache's folder would be\n", encoding="utf-8")
    result = build_in_process(repo.root, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert "Week 46, 2026" in result.page("reports/2026-W46/index.html")
    assert (repo.root / ".cache").is_file()


def test_a_build_that_converted_nothing_leaves_the_cache_file_as_it_was(repo: GitRepo, tmp_path: Path) -> None:
    assert build_in_process(repo.root, tmp_path / "first").returncode == 0
    cache = repo.root / CACHE
    written = json.loads(cache.read_text(encoding="utf-8"))
    assert written["format"] == 1 and len(written["pages"]) >= 3
    before = cache.stat()
    again = build_in_process(repo.root, tmp_path / "again")  # every page from the cache: nothing to write
    assert again.returncode == 0, again.output
    after = cache.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    cache.unlink()  # gone between builds: written again, whole
    assert build_in_process(repo.root, tmp_path / "third").returncode == 0
    assert json.loads(cache.read_text(encoding="utf-8")) == written
