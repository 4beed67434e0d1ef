"""Real builds of a learner's repository: the feeds parse, hold what they should, link to real files and never
change between two builds of the same commit."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import lxml.etree
import lxml.html
import pytest

from feedsites import CONFIG, LOG_W45, LOG_W46, REPO_URL, SECRET, SITE_URL, build_at, make_learner, plan
from gitrepo import GitRepo
from sites import Build

FEEDS = ("feed.xml", "atom.xml", "feed.json")
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
TAG = "tag:github.com,2026:ada/learning/inpublic/"


@pytest.fixture(scope="module")
def learner(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    return make_learner(tmp_path_factory.mktemp("learner") / "repo")


@pytest.fixture(scope="module")
def site(learner: GitRepo, tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build_at(learner.root, tmp_path_factory.mktemp("site") / "site")
    assert result.returncode == 0, result.output
    return result


def rss_items(site: Build) -> list[lxml.etree._Element]:
    return lxml.etree.fromstring(site.page("feed.xml").encode()).findall("./channel/item")


def atom_entries(site: Build) -> list[lxml.etree._Element]:
    return lxml.etree.fromstring(site.page("atom.xml").encode()).findall(f"{ATOM}entry")


def test_both_feeds_parse_cleanly_with_their_version_detected(site: Build) -> None:
    for name, version in (("feed.xml", "rss20"), ("atom.xml", "atom10")):
        parsed = feedparser.parse(site.site / name)
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        assert parsed.version == version
        assert parsed.feed.title == "Ada learns calculus"
        assert parsed.feed.link == SITE_URL
    data = json.loads(site.page("feed.json"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["feed_url"] == SITE_URL + "feed.json"


def test_the_items_are_the_completed_weeks_and_months_and_the_commitment_events_newest_first(site: Build) -> None:
    parsed = feedparser.parse(site.site / "feed.xml")
    assert [e.id.removeprefix(TAG) for e in parsed.entries] == [
        "week/2026-W46",
        "commitment/oops/missed",
        "commitment/gone/withdrawn/2026-11-11",
        "week/2026-W45",
        "commitment/sprint/done",
        "commitment/spring/moved/2027-02-28/2027-03-31",
        "week/2026-W44",
        "month/2026-10",  # closed on 31 October; November is in progress
        "commitment/gone/made",
        "commitment/oops/made",
        "commitment/spring/made",
        "commitment/sprint/made",
    ]
    assert "2026-W47" not in site.page("feed.xml")  # the week in progress is not published yet
    titles = [e.title for e in parsed.entries]
    assert titles[0] == "Week 46, 2026: 1 note, 30 min, 1 commit, March 2027 deadline on track"
    assert titles[3] == "Week 45, 2026: A good week (1 h 35 min, 1 commit, November deadline at risk)"
    assert titles[1] == "Commitment missed: Derivatives sprint"
    assert titles[5] == "Due date moved: Calculus by spring"


def test_guids_are_tag_uris_unique_and_not_permalinks(site: Build) -> None:
    guids = [item.find("guid") for item in rss_items(site)]
    assert all(g.get("isPermaLink") == "false" for g in guids)
    texts = [g.text for g in guids]
    assert len(set(texts)) == len(texts)
    assert all(t.startswith(TAG) for t in texts)
    assert texts == [e.findtext(f"{ATOM}id") for e in atom_entries(site)]
    assert texts == [i["id"] for i in json.loads(site.page("feed.json"))["items"]]


def test_dates_are_rfc_822_and_rfc_3339_in_the_learners_zone_with_its_offset(site: Build) -> None:
    pub = {i.findtext("guid").rsplit("/", 1)[-1]: i.findtext("pubDate") for i in rss_items(site)}
    assert pub["2026-W46"] == "Sun, 15 Nov 2026 23:59:59 -0500"
    assert pub["2026-W44"] == "Sun, 01 Nov 2026 23:59:59 -0500"  # the day daylight saving time ended
    assert pub["made"] == "Tue, 27 Oct 2026 20:00:00 -0400"
    for value in pub.values():
        assert email.utils.parsedate_to_datetime(value).tzinfo is not None
    channel = lxml.etree.fromstring(site.page("feed.xml").encode()).find("channel")
    assert channel.findtext("lastBuildDate") == "Sun, 15 Nov 2026 23:59:59 -0500"  # the newest item, not the build
    root = lxml.etree.fromstring(site.page("atom.xml").encode())
    assert root.findtext(f"{ATOM}updated") == "2026-11-15T23:59:59-05:00"
    for entry in atom_entries(site):
        for tag in ("published", "updated"):
            value = entry.findtext(f"{ATOM}{tag}")
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", value), value
            assert dt.datetime.fromisoformat(value).utcoffset() is not None


def test_a_week_is_updated_only_by_a_later_change_to_what_it_shows(site: Build) -> None:
    entries = {e.findtext(f"{ATOM}id").rsplit("/", 1)[-1]: e for e in atom_entries(site)}
    for week in ("2026-W44", "2026-W45", "2026-W46"):  # the reflection of W45 was written before the week ended
        assert entries[week].findtext(f"{ATOM}updated") == entries[week].findtext(f"{ATOM}published")


def test_every_link_and_image_is_absolute_and_reaches_a_real_file(site: Build) -> None:
    seen = set()
    for item in rss_items(site):
        html = item.findtext(CONTENT)
        root = lxml.html.fragment_fromstring(html, create_parent="div")
        for el in root.iter():
            for name in ("href", "src"):
                url = el.get(name)
                if url is None:
                    continue
                assert urlsplit(url).scheme == "https", url
                seen.add(url)
                if url.startswith(SITE_URL):
                    path = urlsplit(url).path.removeprefix(urlsplit(SITE_URL).path)
                    target = site.site / (path + "index.html" if path.endswith("/") or not path else path)
                    assert target.is_file(), url
                else:
                    assert url.startswith(REPO_URL + "/commit/"), url
        assert item.findtext("link").startswith(SITE_URL)
    assert SITE_URL + "img/limits.png" in seen  # the image in the reflection of W45
    assert SITE_URL + "limits/#limits" in seen
    assert SITE_URL + "commitments/spring/" in seen


def test_a_week_item_shows_figures_notes_commits_deadlines_and_the_reflection(site: Build) -> None:
    item = next(i for i in rss_items(site) if i.findtext("guid").endswith("2026-W44"))
    html = item.findtext(CONTENT)
    assert f'<a href="{SITE_URL}derivatives/">Derivatives, from the definition</a>' in html
    assert "Derivatives &lt;from the definition&gt; &amp; more" in html
    assert "Active days: 3 of 7" in html
    assert "Calculus by spring, due 28 February 2027: 3% done, at risk" in html  # the due date then, not now
    assert [c.text for c in item.findall("category")] == ["Calculus"]
    assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Ada Example"
    w45 = next(i for i in rss_items(site) if i.findtext("guid").endswith("2026-W45")).findtext(CONTENT)
    assert w45.startswith("<p>I finally <em>got</em>")  # the reflection leads, then the figures
    assert w45.index("<h3>The week in figures</h3>") < w45.index("Active days:")


def test_nothing_private_reaches_a_feed(site: Build) -> None:
    for name in FEEDS:
        text = site.page(name)
        assert "Derivatives, from the definition" in text, name  # the public notes are there
        assert SECRET not in text and "salary" not in text.lower()
        assert "epsilon and delta" not in text


def test_a_plan_change_in_a_private_commit_is_an_event_without_its_commit(learner: GitRepo, tmp_path: Path) -> None:
    repo = GitRepo.clone(learner, tmp_path / "repo")
    repo.write("progress.yaml", plan("2027-04-30", gone=False, more_log=LOG_W45 + LOG_W46))
    sha = repo.commit("[private] Salary talk went badly, so spring moves to April", "2026-11-12T08:00:00-05:00")
    result = build_at(repo.root, tmp_path / "site")
    assert result.returncode == 0, result.output
    moved = [e for e in feedparser.parse(result.site / "atom.xml").entries if "/moved/2027-03-31/2027-04-30" in e.id]
    assert len(moved) == 1 and moved[0].published == "2026-11-12T08:00:00-05:00"
    for name in FEEDS:
        assert sha not in result.page(name) and "Salary" not in result.page(name)


def test_two_builds_of_the_same_commit_give_identical_feeds(learner: GitRepo, site: Build, tmp_path: Path) -> None:
    again = build_at(learner.root, tmp_path / "again")
    assert again.returncode == 0, again.output
    for name in FEEDS:
        assert (again.site / name).read_bytes() == (site.site / name).read_bytes(), name


def test_every_page_points_at_the_feeds_and_the_home_and_reports_have_a_subscribe_block(site: Build) -> None:
    pages = list(site.site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        assert f'<link rel="alternate" type="application/rss+xml" title="Ada learns calculus (RSS)" ' \
               f'href="{SITE_URL}feed.xml">' in head, page
        assert f'type="application/atom+xml" title="Ada learns calculus (Atom)" href="{SITE_URL}atom.xml"' in head
    for page, prefix in (("index.html", ""), ("reports/index.html", "../")):
        html = site.page(page)
        block = html.split('<div class="admonition info inpublic-subscribe">', 1)[1].split("</div>", 1)[0]
        hrefs = re.findall(r'href="([^"]+)"', block)
        assert hrefs == [f"{prefix}feed.xml", f"{prefix}atom.xml", f"{prefix}feed.json", f"{prefix}commitments.ics"]
        for href in hrefs:
            assert (site.site / posixpath.normpath(posixpath.join(posixpath.dirname(page), href))).is_file()


def test_options_choose_the_kinds_and_the_number_of_items(learner: GitRepo, tmp_path: Path) -> None:
    repo = GitRepo.clone(learner, tmp_path / "repo")
    repo.write("mkdocs.yml", CONFIG.replace("  - inpublic\n", "  - inpublic:\n      feed_items: [reports]\n"
                                            "      feed_limit: 2\n      feed_id: ada.example.org,2026\n"))
    repo.commit("Only weeks in the feed", "2026-11-12T08:00:00-05:00")
    result = build_at(repo.root, tmp_path / "site")
    assert result.returncode == 0, result.output
    guids = [e.id for e in feedparser.parse(result.site / "atom.xml").entries]
    assert guids == ["tag:ada.example.org,2026:inpublic/week/2026-W46",
                     "tag:ada.example.org,2026:inpublic/week/2026-W45"]


def test_no_feeds_option_turns_them_off_everywhere(learner: GitRepo, tmp_path: Path) -> None:
    repo = GitRepo.clone(learner, tmp_path / "repo")
    repo.write("mkdocs.yml", CONFIG.replace("  - inpublic\n", "  - inpublic:\n      feed_items: []\n")
               .replace(f"site_url: {SITE_URL}\n", ""))
    repo.commit("No feeds", "2026-11-12T08:00:00-05:00")
    result = build_at(repo.root, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert not any((result.site / name).exists() for name in FEEDS)
    assert 'rel="alternate" type="application/rss+xml"' not in result.page()
    for page in ("index.html", "reports/index.html"):
        assert "inpublic-subscribe" not in result.page(page) and "inpublic:subscribe" not in result.page(page)


def test_without_site_url_a_strict_build_fails_and_says_to_set_it(learner: GitRepo, tmp_path: Path) -> None:
    repo = GitRepo.clone(learner, tmp_path / "repo")
    repo.write("mkdocs.yml", CONFIG.replace(f"site_url: {SITE_URL}\n", ""))
    repo.commit("Forgot the address", "2026-11-12T08:00:00-05:00")
    strict = build_at(repo.root, tmp_path / "strict")
    assert strict.returncode == 1
    assert "`site_url` is not set" in strict.output
    assert "Set it in mkdocs.yml" in strict.output and "site_url: https://you.github.io/your-notes/" in strict.output
    lenient = build_at(repo.root, tmp_path / "lenient", strict=False)
    assert lenient.returncode == 0, lenient.output
    assert "WARNING" in lenient.output and "`site_url` is not set" in lenient.output
    assert not any((lenient.site / name).exists() for name in FEEDS)
    assert 'type="application/rss+xml"' not in lenient.page()


def test_a_bad_feed_id_stops_the_build_with_an_example(learner: GitRepo, tmp_path: Path) -> None:
    repo = GitRepo.clone(learner, tmp_path / "repo")
    config = CONFIG.replace("  - inpublic\n", "  - inpublic:\n      feed_id: https://ada.example.org/\n")
    repo.write("mkdocs.yml", config)
    repo.commit("A feed id", "2026-11-12T08:00:00-05:00")
    result = build_at(repo.root, tmp_path / "site")
    assert result.returncode == 1
    assert "feed_id 'https://ada.example.org/' is not a tag authority and date" in result.output
    assert "Traceback" not in result.output
