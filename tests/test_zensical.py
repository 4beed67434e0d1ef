"""The same site with Zensical: `inpublic build --engine zensical` gives what the plugin gives with MkDocs.

Both engines build the same learner (tests/feedsites.py: a reflection, a private note, commitments, feeds) and the
example site, through `inpublic build` called in this process; the pages are compared by what a reader gets (the
text and the links of each page's article, every page's <head> links and stylesheet, the edit links), the feeds
by their items, GUIDs and links, the calendar and the data files byte for byte. Where the engines' own markup
differs, the difference is named here (ENGINE_ONLY) and in docs/inpublic/engines.md, and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import feedparser
import lxml.html
import pytest

from cli_runner import run_inpublic
from feedsites import CONFIG, SECRET, make_learner
from gitrepo import GitRepo
from inpublic.cli.init import init_site
from inpublic.engines.choice import MKDOCS, ZENSICAL, project_engine
from inpublic.engines.project import read_project
from inpublic.engines.zensical.build import stage_project
from inpublic.moving_in.starter import Settings
from inpublic.sanitise import END, START, clean_marked, unmarked
from sites import DEMO_EPOCH, FIXED_EPOCH, ROOT

pytest.importorskip("zensical")
# `make test-year-ahead` runs the suite under libfaketime, which fakes the clocks of Zensical's Rust runtime too: its
# build then waits on a timer a year away. Every date these tests check comes from SOURCE_DATE_EPOCH, and the core
# they build with runs a year ahead in the MkDocs tests, so under faketime these are skipped, saying why.
pytestmark = pytest.mark.skipif("FAKETIME" in os.environ,
                                reason="Zensical's runtime hangs under libfaketime (make test-year-ahead)")

# Files only one engine writes (docs/inpublic/engines.md, "Known gaps"): each search's index where it puts it,
# and MkDocs' gzipped sitemap. In the pages, Zensical's own markup is left out of the comparison: the permalink it
# gives every heading by default, and the target of its "skip to content" link, an anchor without an address.
ENGINE_ONLY = {"search/search_index.json", "search.json", "sitemap.xml.gz"}
DATA = ("commitments.ics", "commitments.json", "reports/weeks.json")
FEEDS = ("feed.xml", "atom.xml", "feed.json")
ENV: dict[str, str | None] = {"SOURCE_DATE_EPOCH": FIXED_EPOCH, "NO_MKDOCS_2_WARNING": "1", "INPUBLIC_TODAY": None}


def build(project: Path, engine: str, site: Path, *extra: str, env: dict[str, str | None] | None = None) -> str:
    """`inpublic build --engine ENGINE --strict` of `project` into `site`: its log (the build must succeed)."""
    ran = run_inpublic("build", "--engine", engine, "--strict", "-f", str(project / "mkdocs.yml"),
                       "-d", str(site), *extra, cwd=project, env=env or ENV)
    assert ran.returncode == 0, ran.stderr
    return ran.stderr


def pages(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html")) if "assets/" not in p.as_posix()}


def reading(page: Path) -> tuple[str, list[str]]:
    """What a reader gets of a page's article: its words, and the addresses of its links (an anchor without an
    address, like Zensical's "skip to content" target, is markup, not a link)."""
    article = lxml.html.fromstring(page.read_bytes()).xpath("//article")[0]
    for permalink in article.xpath('.//a[@class="headerlink"]'):  # Zensical gives every heading one by default
        permalink.drop_tree()
    return " ".join(article.text_content().split()), [a.get("href") for a in article.iter("a") if a.get("href")]


def head_links(page: Path) -> list[str]:
    head = lxml.html.fromstring(page.read_bytes()).xpath("//head")[0]
    return [link.get("href") for link in head.iter("link") if link.get("rel") == "alternate"]


def edit_link(page: Path) -> str | None:
    found = lxml.html.fromstring(page.read_bytes()).xpath('//a[@rel="edit"]')
    return found[0].get("href") if found else None


def items(path: Path) -> list[tuple[str, str, str]]:
    if path.suffix == ".json":
        return [(item["id"], item["url"], item["title"]) for item in json.loads(path.read_bytes())["items"]]
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    return [(entry.id, entry.link, entry.title) for entry in parsed.entries]


def assert_same_site(mkdocs: Path, zensical: Path) -> None:
    """The two builds give a reader the same site (ENGINE_ONLY aside)."""
    files = {p.relative_to(mkdocs).as_posix() for p in mkdocs.rglob("*") if p.is_file()}
    other = {p.relative_to(zensical).as_posix() for p in zensical.rglob("*") if p.is_file()}
    ours = {f for f in files if not f.startswith("assets/") or f.startswith("assets/inpublic/")}
    theirs = {f for f in other if not f.startswith("assets/") or f.startswith("assets/inpublic/")}
    assert ours - ENGINE_ONLY == theirs - ENGINE_ONLY
    assert len(pages(mkdocs)) > 5
    for name, page in pages(mkdocs).items():
        assert reading(zensical / name) == reading(page), name
        assert head_links(zensical / name) == head_links(page), name
        assert head_links(page), f"{name}: no feed links in its <head>"
        assert edit_link(zensical / name) == edit_link(page), name
        assert "assets/inpublic/inpublic.css" in (zensical / name).read_text(encoding="utf-8"), name
    for name in DATA:
        assert (zensical / name).read_bytes() == (mkdocs / name).read_bytes(), name
    for name in FEEDS:
        assert items(zensical / name) == items(mkdocs / name), name
        assert items(mkdocs / name), f"{name} has no item"


@pytest.fixture(scope="module")
def learner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = CONFIG.replace("features: [navigation.prune]", "features: [navigation.prune, content.action.edit]")
    return make_learner(tmp_path_factory.mktemp("learner") / "repo", config).root


@pytest.fixture(scope="module")
def learner_builds(learner: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    out = tmp_path_factory.mktemp("builds")
    build(learner, MKDOCS, out / "mkdocs")
    log = build(learner, ZENSICAL, out / "zensical")
    return out / "mkdocs", out / "zensical", log


def test_the_learner_gets_the_same_site_from_both_engines(learner_builds: tuple[Path, Path, str]) -> None:
    mkdocs, zensical, log = learner_builds
    assert_same_site(mkdocs, zensical)
    added = {"reports/2026-W45/index.html", "commitments/spring/index.html", "review/index.html"}
    assert added <= pages(zensical).keys()
    assert "Ada Example" in reading(zensical / "index.html")[0]  # the plan on the home page
    assert "Zensical" in log


def test_a_report_with_a_reflection_links_to_the_learners_file_to_edit(
        learner_builds: tuple[Path, Path, str]) -> None:
    _, zensical, _ = learner_builds
    edit = "https://github.com/ada/learning/edit/master/docs/"
    assert edit_link(zensical / "reports/2026-W45/index.html") == edit + "reports/2026-W45.md"
    assert edit_link(zensical / "reports/2026-W46/index.html") is None  # a report with nothing of the learner's
    assert edit_link(zensical / "limits/index.html") == edit + "limits.md"


def test_nothing_private_reaches_the_zensical_site_or_its_staging_copy(
        learner: Path, learner_builds: tuple[Path, Path, str]) -> None:
    _, zensical, _ = learner_builds
    stage = learner / ".cache" / "inpublic" / "zensical"
    for folder in (zensical, stage):
        found = [p for p in folder.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
        assert not found
    assert not (stage / "docs" / "private").exists()
    assert (stage / "docs" / "limits.md").is_file()


def test_the_example_site_is_the_same_with_both_engines(tmp_path: Path) -> None:
    demo = {**ENV, "SOURCE_DATE_EPOCH": DEMO_EPOCH}
    build(ROOT, MKDOCS, tmp_path / "mkdocs", env=demo)
    build(ROOT, ZENSICAL, tmp_path / "zensical", "--cache-dir", str(tmp_path / "stage"), env=demo)
    assert_same_site(tmp_path / "mkdocs", tmp_path / "zensical")
    home = (tmp_path / "zensical" / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'href="\./(commitments|reports|review)/" class="md-nav__link', home)
    assert nav[:3] == ["commitments", "reports", "review"]  # after the home, as the plugin places them


def test_a_second_build_writes_only_what_changed_so_zensicals_cache_stays_warm(tmp_path: Path) -> None:
    repo = make_learner(tmp_path / "repo")
    project = read_project(repo.root / "mkdocs.yml")
    first = stage_project(project)
    assert first.written > 10
    assert stage_project(project).written == 0
    (repo.root / "docs" / "chain-rule.md").write_text("# The chain rule\n\nOutside, then inside; then again.\n")
    assert stage_project(project).written == 1
    (repo.root / "docs" / "chain-rule.md").unlink()
    again = stage_project(project)
    assert not (again.stage.docs / "chain-rule.md").exists()


def test_a_script_in_a_reflection_does_not_run_on_the_zensical_site(tmp_path: Path) -> None:
    repo = make_learner(tmp_path / "repo")
    repo.write("docs/reports/2026-W46.md",
               f"Calm week.\n\n{END}\n\n<script>alert('end marker')</script>\n\n"
               "<img src=x onerror=alert(1)>\n\n<div><script>alert('in a div')</script>\n")
    repo.commit("Reflection on week 46", "2026-11-15T18:00:00-05:00")
    build(repo.root, ZENSICAL, tmp_path / "site")
    page = (tmp_path / "site" / "reports" / "2026-W46" / "index.html").read_text(encoding="utf-8")
    assert "Calm week." in page
    assert "alert(" not in page and "onerror" not in page
    assert START not in page and END not in page


def test_a_title_in_brackets_reads_as_written_on_the_zensical_site(tmp_path: Path) -> None:
    """Zensical turns on arithmatex, which reads an escaped bracket, `\\(`, as the start of inline maths: the
    learner's text in a heading keeps its brackets as they are."""
    repo = make_learner(tmp_path / "repo")
    repo.write("docs/reports/2026-W46.md", "---\ntitle: Limits (finally) and [more]\n---\n\nCalm week.\n")
    repo.commit("Reflection on week 46", "2026-11-15T18:00:00-05:00")
    build(repo.root, ZENSICAL, tmp_path / "site")
    page = lxml.html.fromstring((tmp_path / "site" / "reports" / "2026-W46" / "index.html").read_bytes())
    [heading] = page.xpath("//article//h1")
    assert heading.text_content().rstrip("¶").strip() == "Week 46, 2026: Limits (finally) and [more]"
    assert not page.xpath("//article//*[contains(@class, 'arithmatex')]")


def test_clean_marked_sanitises_between_the_markers_and_to_the_end_without_one() -> None:
    page = f"<head><script>theme()</script></head>{START}<p>ok</p><script>bad()</script>{END}<p>after</p>"
    assert clean_marked(page) == "<head><script>theme()</script></head><p>ok</p><p>after</p>"
    assert clean_marked(f"<p>a</p>{START}<p>b</p><script>bad()</script></body>") == "<p>a</p><p>b</p>"
    assert unmarked(f"a {END} b") == "a <!-- /inpublic&#58;reflection --> b"


def test_the_engine_the_project_uses(tmp_path: Path) -> None:
    assert project_engine(tmp_path) == MKDOCS
    (tmp_path / "requirements.txt").write_text("# zensical some day\nmkdocs-material\n")
    assert project_engine(tmp_path) == MKDOCS  # a comment is no choice
    (tmp_path / "requirements.txt").write_text("inpublic\nzensical>=0.0.73\n")
    assert project_engine(tmp_path) == ZENSICAL
    (tmp_path / "requirements.txt").unlink()
    (tmp_path / "pyproject.toml").write_text('[project.optional-dependencies]\ntest = ["zensical"]\n')
    assert project_engine(tmp_path) == MKDOCS  # an extra is not what the site builds with
    (tmp_path / "pyproject.toml").write_text('[dependency-groups]\ndocs = ["zensical>=0.0.73"]\n')
    assert project_engine(tmp_path) == ZENSICAL
    (tmp_path / "pyproject.toml").write_text('[dependency-groups\ndocs = ["zensical>=0.0.73"]\n')
    assert project_engine(tmp_path) == MKDOCS  # a pyproject.toml that TOML cannot read names no engine
    (tmp_path / "pyproject.toml").unlink()
    (tmp_path / "zensical.toml").write_text("[project]\n")
    assert project_engine(tmp_path) == ZENSICAL
    assert project_engine(ROOT) == MKDOCS  # this repository: zensical only in its extras


def test_a_workflow_that_runs_zensical_itself_is_warned_of_and_stops_a_strict_build(tmp_path: Path) -> None:
    repo = make_learner(tmp_path / "repo")
    repo.write(".github/workflows/pages.yml", "jobs:\n  build:\n    steps:\n      - run: zensical build --clean\n")
    args = ("build", "--engine", ZENSICAL, "-d", str(tmp_path / "site"))
    ran = run_inpublic(*args, cwd=repo.root, env=ENV)
    assert ran.returncode == 0, ran.stderr
    assert ".github/workflows/pages.yml:4: `zensical build` ignores the inpublic plugin" in ran.stderr
    assert "`inpublic build --engine zensical`" in ran.stderr
    strict = run_inpublic(*args, "--strict", cwd=repo.root, env=ENV)
    assert strict.returncode == 1
    assert "strict" in strict.stderr


def test_a_broken_link_stops_a_strict_zensical_build(tmp_path: Path) -> None:
    repo = make_learner(tmp_path / "repo")
    repo.write("docs/limits.md", "# Limits\n\nSee [the missing note](missing.md).\n")
    ran = run_inpublic("build", "--engine", ZENSICAL, "--strict", "-d", str(tmp_path / "site"), cwd=repo.root, env=ENV)
    assert ran.returncode == 1
    assert "Zensical stopped the build" in ran.stderr


@pytest.mark.parametrize(("option", "folder", "said"), [
    ("--cache-dir", ".", "holds the project's files"),
    ("--cache-dir", "docs", "holds the project's files"),
    ("--cache-dir", "docs/reports", "holds the project's files"),
    ("--site-dir", ".", "site_dir"),
    ("--site-dir", "..", "site_dir"),
    ("--site-dir", "docs/site", "site_dir"),
])
def test_a_cache_or_site_folder_over_the_learners_files_is_refused(
        tmp_path: Path, option: str, folder: str, said: str) -> None:
    repo = make_learner(tmp_path / "repo")
    ran = run_inpublic("build", "--engine", ZENSICAL, option, folder, cwd=repo.root, env=ENV)
    assert ran.returncode == 1
    assert said in ran.stderr
    assert (repo.root / "docs" / "limits.md").is_file() and (repo.root / "mkdocs.yml").is_file()


@pytest.mark.parametrize("engine", [MKDOCS, ZENSICAL])
def test_a_plan_mistake_is_one_message_with_either_engine(tmp_path: Path, engine: str) -> None:
    repo = make_learner(tmp_path / "repo")
    (repo.root / "progress.yaml").write_text(
        (repo.root / "progress.yaml").read_text().replace("timezone: America/New_York", "timezone: Mars/Olympus"))
    ran = run_inpublic("build", "--engine", engine, cwd=repo.root, env=ENV)
    assert ran.returncode == 1
    assert re.search(r"progress\.yaml:\d+:\d+: learner\.timezone: .*Mars/Olympus", ran.stderr), ran.stderr
    assert "Traceback" not in ran.stderr and not (repo.root / "site").exists()


def test_init_makes_a_site_that_builds_with_both_engines(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    init_site(folder, Settings(today=dt.date(2026, 11, 22), version="0.1.0", name="Ada Example",
                               timezone="Europe/Paris"))
    repo = GitRepo(folder)
    repo.commit("Start learning in public", "2026-11-20T09:00:00-05:00")
    build(folder, MKDOCS, tmp_path / "mkdocs")
    build(folder, ZENSICAL, tmp_path / "zensical")
    assert_same_site(tmp_path / "mkdocs", tmp_path / "zensical")
    data = json.loads((tmp_path / "zensical" / "commitments.json").read_text())
    assert data == json.loads((tmp_path / "mkdocs" / "commitments.json").read_text())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    """The page at `url`, "" while the server does not answer it."""
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return str(answer.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 40) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in (page := fetch(url)):
            return page
        time.sleep(0.3)
    raise AssertionError(f"{url} did not show {text!r} within {seconds} s")


@pytest.mark.heavy
def test_serve_with_zensical_rebuilds_on_a_note_the_plan_and_a_commit(tmp_path: Path) -> None:
    repo = make_learner(tmp_path / "repo")
    port = free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    env.pop("INPUBLIC_TODAY", None)
    server = subprocess.Popen([sys.executable, "-m", "inpublic.cli", "serve", "--engine", ZENSICAL,
                               "-a", f"127.0.0.1:{port}"], cwd=repo.root, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}/learning/"
    try:
        home = wait_for(base, "Ada Example")
        assert 'type="application/atom+xml"' in home  # finished as a build finishes its pages
        assert "<rss" in wait_for(base + "feed.xml", "<rss")
        repo.write("progress.yaml", (repo.root / "progress.yaml").read_text().replace("Ada Example", "Ada Lovelace"))
        wait_for(base, "Ada Lovelace")
        repo.write("docs/limits.md", "# Limits\n\nThird go, with sequences.\n")
        wait_for(base + "limits/", "Third go")
        repo.write("docs/integrals.md", "# Integrals\n\nArea under a curve.\n")
        repo.commit("Integrals", "2026-11-20T10:00:00-05:00")
        wait_for(base + "reports/2026-W47/", "Integrals")
        wait_for(base + "integrals/", "First written")
    finally:
        server.terminate()
        try:
            _, errors = server.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    assert server.returncode == 0, errors
    assert "staged again" in errors
    time.sleep(1)
    assert fetch(base) == "", "Zensical still serves after inpublic serve has stopped"
