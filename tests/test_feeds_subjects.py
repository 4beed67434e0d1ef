"""Each subject's feeds, subjects/<id>/feed.xml and atom.xml, from real builds of the feed tests' learner with a
second subject: they validate (RFC 4287's schema and rules, the RSS 2.0 specification), a follower of one subject
gets that subject's weeks and commitments and nothing else, and the home page links them."""

from __future__ import annotations

import functools
import json
import logging
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html
import pytest
from reader import make_reader

from feedcheck import atom_problems, rss_problems
from feedsites import CONFIG, LOG_W45, LOG_W46, SITE_URL, build_at, make_learner, plan
from gitrepo import GitRepo
from inpublic.history.limits import SHALLOW_NOTICE
from sites import Build
from test_feeds_reader import _Quiet
from test_hostile_text import assert_inert, fragment, shown

TAG = "tag:github.com,2026:ada/learning/inpublic/"
PROBABILITY = """\
  - id: probability
    title: Probability
    resources:
      - {id: stat110, title: Stat 110, kind: lectures, units: 24, unit: lectures, url: "https://stat110.net/"}
      - {id: sheet, title: Formula sheet, kind: practice, units: 1, unit: sheet}
"""
STATS = "  - {id: stats, title: Stat 110 by spring, made: 2026-11-12, due: 2027-04-30, covers: [stat110]}\n"
LOG_PROBABILITY = (
    "  - {date: 2026-11-04, minutes: 60, resource: stat110, units: 1}\n"
    "  - {date: 2026-11-10, minutes: 50, resource: stat110, units: 2}\n"
    "  - {date: 2026-11-11, minutes: 25, resource: sheet, units: 1}\n"
)
SUBJECTS = ("calculus", "probability")


def two_subjects(title: str = "Probability") -> str:
    text = plan("2027-03-31", gone=False, more_log=LOG_W45 + LOG_W46 + LOG_PROBABILITY)
    text = text.replace("commitments:\n", PROBABILITY.replace("Probability", title) + "commitments:\n" + STATS)
    return text


@pytest.fixture(scope="module")
def learner(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    repo = make_learner(tmp_path_factory.mktemp("learner") / "repo")
    repo.write("progress.yaml", two_subjects())
    repo.commit("Probability too: Stat 110 by spring", "2026-11-12T09:00:00-05:00")
    return repo


@pytest.fixture(scope="module")
def site(learner: GitRepo, tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build_at(learner.root, tmp_path_factory.mktemp("site") / "site")
    assert result.returncode == 0, result.output
    return result


def subject_feed(site: Build, subject: str, name: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(site.site / "subjects" / subject / name)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def test_every_subject_feed_validates(site: Build) -> None:
    checked = 0
    for subject in SUBJECTS:
        folder = f"subjects/{subject}/"
        rss = (site.site / folder / "feed.xml").read_bytes()
        atom = (site.site / folder / "atom.xml").read_bytes()
        assert rss_problems(rss, SITE_URL + folder + "feed.xml") == []
        assert atom_problems(atom, SITE_URL + folder + "atom.xml") == []
        checked += len(lxml.etree.fromstring(atom).findall("{http://www.w3.org/2005/Atom}entry"))
    assert checked >= 10  # valid with items in them, not only empty
    # the site's own feeds pass the same checks
    assert rss_problems((site.site / "feed.xml").read_bytes(), SITE_URL + "feed.xml") == []
    assert atom_problems((site.site / "atom.xml").read_bytes(), SITE_URL + "atom.xml") == []


def test_the_checks_catch_an_invalid_feed(site: Build) -> None:
    atom = (site.site / "subjects/probability/atom.xml").read_text(encoding="utf-8")
    broken = atom.replace("<updated>", "<updated>Sunday ", 1).replace("<id>", "<idea>x</idea><id>", 1)
    problems = atom_problems(broken.encode(), SITE_URL + "subjects/probability/atom.xml")
    assert any(p.startswith("schema:") for p in problems) and any("RFC 3339" in p for p in problems), problems
    assert atom_problems(atom.encode(), SITE_URL + "atom.xml")  # the self link points elsewhere
    rss = (site.site / "subjects/probability/feed.xml").read_text(encoding="utf-8")
    no_title = rss.replace("<title>", "<name>", 1).replace("</title>", "</name>", 1)
    assert "channel: no title (required)" in rss_problems(no_title.encode(), SITE_URL + "subjects/probability/feed.xml")


def test_a_subject_feed_holds_its_weeks_and_its_commitments_newest_first(site: Build) -> None:
    for name, version in (("feed.xml", "rss20"), ("atom.xml", "atom10")):
        parsed = subject_feed(site, "probability", name)
        assert parsed.version == version
        assert parsed.feed.title == "Ada Example: Probability"
        assert parsed.feed.link == SITE_URL + "#subject-probability"
        assert [e.id.removeprefix(TAG) for e in parsed.entries] == [
            "subject/probability/week/2026-W46",
            "commitment/stats/made",
            "subject/probability/week/2026-W45",
        ]
        w46 = parsed.entries[0]
        assert w46.title == ("Week 46, 2026: Probability, 1 h 15 min over 2 sessions, finished Formula sheet, "
                             "April 2027 deadline at risk")
        assert w46.link == SITE_URL + "reports/2026-W46/"
        assert [t.get("label") or t.term for t in w46.tags] == ["Probability"]
    calculus = subject_feed(site, "calculus", "atom.xml")
    assert [e.id.removeprefix(TAG) for e in calculus.entries] == [
        "subject/calculus/week/2026-W46",
        "commitment/oops/missed",
        "commitment/gone/withdrawn/2026-11-11",
        "subject/calculus/week/2026-W45",
        "commitment/sprint/done",
        "commitment/spring/moved/2027-02-28/2027-03-31",
        "subject/calculus/week/2026-W44",
        "commitment/gone/made",
        "commitment/oops/made",
        "commitment/spring/made",
        "commitment/sprint/made",
    ]
    assert "stats" not in site.page("subjects/calculus/atom.xml")
    root = lxml.etree.fromstring(site.page("subjects/probability/atom.xml").encode())
    assert root.findtext("{http://www.w3.org/2005/Atom}updated") == "2026-11-15T23:59:59-05:00"  # its newest item


def test_a_subject_week_tells_that_subjects_part_and_links_the_report(site: Build) -> None:
    entry = subject_feed(site, "probability", "atom.xml").entries[0]
    html = fragment(entry.content[0].value)
    text = " ".join(html.text_content().split())
    assert "9 November 2026 to 15 November 2026, Probability: 1 h 15 min over 2 sessions." in text
    assert "Stat 110: 50 min, 2 lectures, 1 session" in text
    assert "Formula sheet: 25 min, 1 sheet, 1 session" in text
    assert "Finished Formula sheet (1 sheet)" in text
    assert "Stat 110 by spring, due 30 April 2027:" in text
    assert "Calculus" not in text and "Derivatives" not in text  # the other subject's part stays in its feed
    links = {a.text_content(): a.get("href") for a in html.iter("a")}
    assert links == {"Stat 110": "https://stat110.net/",
                     "The week's full report on the site": SITE_URL + "reports/2026-W46/"}
    assert (site.site / "reports/2026-W46/index.html").is_file()
    main = feedparser.parse(site.site / "atom.xml")
    assert TAG + "week/2026-W46" in [e.id for e in main.entries]  # the main feed's week keeps its own id


def test_the_home_links_each_subjects_feeds_and_the_links_work(site: Build) -> None:
    home = lxml.html.fromstring(site.page("index.html"))
    for subject, title in (("calculus", "Calculus"), ("probability", "Probability")):
        [line] = home.xpath(f"//section[@id='subject-{subject}']//p[contains(@class, 'inpublic-follow')]")
        assert " ".join(line.text_content().split()) == f"Follow {title}: RSS · Atom"
        hrefs = [(a.get("href"), a.get("type")) for a in line.iter("a")]
        assert hrefs == [(f"subjects/{subject}/feed.xml", "application/rss+xml"),
                         (f"subjects/{subject}/atom.xml", "application/atom+xml")]
        for href, _ in hrefs:
            assert (site.site / href).is_file()


def test_a_follower_with_a_feed_reader_gets_one_subject(site: Build, caplog: pytest.LogCaptureFixture) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site.site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    reader = make_reader(":memory:")
    try:
        for name in ("feed.xml", "atom.xml"):
            url = f"http://127.0.0.1:{server.server_address[1]}/subjects/probability/{name}"
            reader.add_feed(url)
            reader.update_feeds()
            entries = list(reader.get_entries(feed=url))
            assert {e.id.removeprefix(TAG) for e in entries} == {
                "subject/probability/week/2026-W46", "commitment/stats/made", "subject/probability/week/2026-W45"}
            assert reader.get_feed(url).title == "Ada Example: Probability"
            assert all(e.link.startswith(SITE_URL) for e in entries)
    finally:
        reader.close()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    problems = [r.getMessage() for r in caplog.records if r.name.startswith("reader") and r.levelno >= logging.WARNING
                and "NonXMLContentType: no Content-type specified" not in r.getMessage()]
    assert not problems, problems


def with_options(learner: GitRepo, folder: Path, options: str) -> Build:
    repo = GitRepo.clone(learner, folder / "repo")
    repo.write("mkdocs.yml", CONFIG.replace("  - inpublic\n", "  - inpublic:\n" + options))
    repo.commit("Feed options", "2026-11-12T10:00:00-05:00")
    result = build_at(repo.root, folder / "site")
    assert result.returncode == 0, result.output
    return result


def test_the_kinds_and_the_limit_hold_for_the_subject_feeds_too(learner: GitRepo, tmp_path: Path) -> None:
    result = with_options(learner, tmp_path, "      feed_items: [commitments]\n      feed_limit: 2\n")
    assert [e.id.removeprefix(TAG) for e in subject_feed(result, "probability", "atom.xml").entries] == [
        "commitment/stats/made"]
    assert [e.id.removeprefix(TAG) for e in subject_feed(result, "calculus", "feed.xml").entries] == [
        "commitment/oops/missed", "commitment/gone/withdrawn/2026-11-11"]


@pytest.mark.parametrize("options", ["      feed_items: [blog]\n", "      feed_items: []\n"])
def test_without_weeks_or_commitments_in_the_feeds_there_is_no_subject_feed(
    learner: GitRepo, tmp_path: Path, options: str
) -> None:
    result = with_options(learner, tmp_path, options)
    assert not (result.site / "subjects").exists()
    home = result.page("index.html")
    assert 'id="subject-probability"' in home and "inpublic-follow" not in home


def test_from_a_shallow_clone_a_subject_feed_holds_no_item_and_says_why(learner: GitRepo, tmp_path: Path) -> None:
    clone = GitRepo.clone(learner, tmp_path / "repo", depth=1)
    result = build_at(clone.root, tmp_path / "site", strict=False)  # strict, the shallow clone's warning stops it
    assert result.returncode == 0, result.output
    for name in ("feed.xml", "atom.xml"):
        parsed = subject_feed(result, "probability", name)
        assert parsed.entries == []
        assert SHALLOW_NOTICE in parsed.feed.subtitle
        check = rss_problems if name == "feed.xml" else atom_problems
        assert check(result.page(f"subjects/probability/{name}").encode(),
                     f"{SITE_URL}subjects/probability/{name}") == []
    root = lxml.etree.fromstring(result.page("subjects/probability/atom.xml").encode())
    assert root.findtext("{http://www.w3.org/2005/Atom}updated") == "2026-10-26T00:00:00-04:00"  # the start


def test_hostile_subject_titles_are_escaped_everywhere(tmp_path: Path) -> None:
    title = '<script>alert(1)</script> & "Stats" \'n\' <b onmouseover=alert(2)>odds</b>'
    repo = make_learner(tmp_path / "repo")
    repo.write("progress.yaml", two_subjects(json.dumps(title)))
    repo.commit("Probability too", "2026-11-12T09:00:00-05:00")
    result = build_at(repo.root, tmp_path / "site")
    assert result.returncode == 0, result.output
    for name in ("feed.xml", "atom.xml"):
        raw = result.page(f"subjects/probability/{name}")
        assert "<script>" not in raw and "<b onmouseover" not in raw
        parsed = feedparser.parse(result.site / "subjects/probability" / name, sanitize_html=False,
                                  resolve_relative_uris=False)
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        assert shown(parsed.feed.title, parsed.feed.title_detail.type) == f"Ada Example: {title}", name
        week = parsed.entries[0]
        assert shown(week.title, week.title_detail.type).startswith(f"Week 46, 2026: {title}, "), name
        content = fragment(week.content[0].value)
        assert_inert(content, name)
        assert title in content.text_content()
        assert [t.get("label") or t.term for t in week.tags] == [title]  # RSS's category holds the label as its text
        folder = "subjects/probability/"
        check = rss_problems if name == "feed.xml" else atom_problems
        assert check(raw.encode(), SITE_URL + folder + name) == []
    home = lxml.html.fromstring(result.page("index.html"))
    [line] = home.xpath("//section[@id='subject-probability']//p[contains(@class, 'inpublic-follow')]")
    assert " ".join(line.text_content().split()) == f"Follow {title}: RSS · Atom"
    assert_inert(home.xpath("//article")[0], "home")
