"""What the site says happened is what `git log` says happened: real builds of a learner's repository with a
private marker in a commit's body, a shallow clone, nothing committed yet, and commits dated after today.

Each case is compared with the build of the plain history (feedsites.make_learner), today being the run's fixed
day (Sunday 22 November 2026, tests/conftest.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest

from feedsites import LOG_W45, build_at, make_learner, plan
from gitrepo import GitRepo
from inpublic.cli.main import main
from sites import MINIMAL_CONFIG, MINIMAL_PLAN, Build

FEEDS = ("feed.xml", "atom.xml", "feed.json")
FIX = "`git fetch --unshallow`"  # every notice of a shallow clone says how to fix it


@pytest.fixture(scope="module")
def learner(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    return make_learner(tmp_path_factory.mktemp("learner") / "repo")


@pytest.fixture(scope="module")
def full(learner: GitRepo, tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build_at(learner.root, tmp_path_factory.mktemp("full") / "site")
    assert result.returncode == 0, result.output
    return result


def dates_line(build: Build, page: str) -> str:
    """The "First written ... last updated ..." line under a note, or "" when it has none."""
    found = re.search(r'<p class="inpublic-dates">.*?</p>', build.page(page))
    return found.group(0) if found else ""


def feed_items(build: Build) -> dict[str, dict[str, tuple[str, str]]]:
    """Feed file -> item id -> (title, content), for the three feeds."""
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for name in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse(build.site / name)
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        out[name] = {e.id: (e.title, e.content[0].value) for e in parsed.entries}
    data = json.loads(build.page("feed.json"))
    out["feed.json"] = {i["id"]: (i["title"], i["content_html"]) for i in data["items"]}
    return out


def every_text(build: Build) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in build.site.rglob("*")
                     if p.is_file() and p.suffix in (".html", ".json", ".xml", ".ics", ".txt"))


# --- 5: the private marker in a commit's body ---------------------------------------------------


def test_a_commit_marked_private_in_its_body_is_nowhere_on_the_site(learner: GitRepo, full: Build,
                                                                     tmp_path: Path) -> None:
    repo = GitRepo.clone(learner, tmp_path / "repo")
    repo.write("docs/limits.md", "# Limits\n\nThird go, after a bad day.\n\n![A sketch](img/limits.png)\n")
    sha = repo.commit("Update limits\n\n[private] the salary talk went badly, so I studied instead\n",
                      "2026-11-12T21:00:00-05:00")
    built = build_at(repo.root, tmp_path / "site")
    assert built.returncode == 0, built.output
    text = every_text(built)
    assert sha not in text and sha[:7] not in text and "Update limits" not in text
    assert built.page("reports/weeks.json") == full.page("reports/weeks.json")  # no count, no active day
    assert dates_line(built, "limits/index.html") == dates_line(full, "limits/index.html")  # no date
    for name in FEEDS:
        assert built.page(name) == full.page(name), name


# --- 10: a shallow clone ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def shallow(learner: GitRepo, tmp_path_factory: pytest.TempPathFactory) -> Build:
    folder = tmp_path_factory.mktemp("shallow")
    clone = GitRepo.clone(learner, folder / "repo", depth=1)
    result = build_at(clone.root, folder / "site", strict=False)
    assert result.returncode == 0, result.output
    return result


def test_a_shallow_build_publishes_no_feed_item_the_full_history_contradicts(shallow: Build, full: Build) -> None:
    whole, shallow_items = feed_items(full), feed_items(shallow)
    # every feed is there; the full build's have items, which the shallow build's (today none) may not contradict
    assert shallow_items.keys() == whole.keys() and all(whole.values())
    for name, items in shallow_items.items():
        for guid, item in items.items():
            assert guid in whole[name], (name, guid)
            assert item == whole[name][guid], (name, guid)
        assert not any("/week/" in guid or "/commitment/" in guid for guid in items), name


def test_a_shallow_build_says_so_on_the_home_the_notes_the_reports_and_every_feed(shallow: Build) -> None:
    for page in ("index.html", "limits/index.html", "chain-rule/index.html", "reports/2026-W46/index.html",
                 "reports/index.html"):
        html = shallow.page(page)
        assert "shallow clone" in html and "<code>git fetch --unshallow</code>" in html, page
        assert "<code>fetch-depth: 0</code>" in html, page
    rss, atom = (feedparser.parse(shallow.site / name).feed for name in ("feed.xml", "atom.xml"))
    assert "shallow clone" in rss.description and FIX in rss.description
    assert "shallow clone" in atom.subtitle and FIX in atom.subtitle
    description = json.loads(shallow.page("feed.json"))["description"]
    assert "shallow clone" in description and FIX in description


def test_a_shallow_build_shows_no_note_date_taken_from_the_clones_first_commit(shallow: Build) -> None:
    for note in ("limits/index.html", "derivatives/index.html", "chain-rule/index.html"):
        assert dates_line(shallow, note) == "", note  # every note looks added in the one commit there is
        assert "First written" not in shallow.page(note)


def test_a_deeper_shallow_clone_dates_what_it_saw_happen(learner: GitRepo, full: Build, tmp_path: Path) -> None:
    clone = GitRepo.clone(learner, tmp_path / "repo", depth=2)  # 8 November (its edge) and 11 November
    built = build_at(clone.root, tmp_path / "site", strict=False)
    assert built.returncode == 0, built.output
    assert dates_line(built, "chain-rule/index.html") == dates_line(full, "chain-rule/index.html")
    assert "11 November 2026" in dates_line(built, "chain-rule/index.html")
    assert dates_line(built, "limits/index.html") == ""


def test_the_notice_reuses_the_warnings_fix(learner: GitRepo, tmp_path: Path) -> None:
    from inpublic.history.limits import SHALLOW

    clone = GitRepo.clone(learner, tmp_path / "repo", depth=1)
    strict = build_at(clone.root, tmp_path / "site")
    assert strict.returncode == 1
    assert SHALLOW in strict.output
    fix = SHALLOW.split("Fetch the whole history: ", 1)[1]
    assert fix.startswith("in GitHub Actions, set `fetch-depth: 0`")
    lenient = build_at(clone.root, tmp_path / "lenient", strict=False)
    assert fix in json.loads(lenient.page("feed.json"))["description"]


# --- 11: nothing committed yet -----------------------------------------------------------------


@pytest.fixture
def uncommitted(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.write("mkdocs.yml", MINIMAL_CONFIG)
    repo.write("progress.yaml", MINIMAL_PLAN)
    repo.write("docs/limits.md", "# Limits\n\nWhat a limit is.\n")
    return repo


def test_a_repository_with_nothing_committed_fails_a_strict_build_and_says_to_commit(uncommitted: GitRepo,
                                                                                      tmp_path: Path) -> None:
    strict = build_at(uncommitted.root, tmp_path / "strict")
    assert strict.returncode == 1, strict.output
    assert "nothing is committed yet" in strict.output
    assert "`git add -A && git commit" in strict.output
    lenient = build_at(uncommitted.root, tmp_path / "lenient", strict=False)
    assert lenient.returncode == 0, lenient.output
    assert "nothing is committed yet" in lenient.output


def test_status_says_nothing_is_committed_yet(uncommitted: GitRepo, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "-f", str(uncommitted.root / "mkdocs.yml")]) == 0
    err = capsys.readouterr().err
    assert "nothing is committed yet" in err and "`git add -A && git commit" in err


# --- 12: commits dated after today -------------------------------------------------------------


@pytest.fixture(scope="module")
def ahead(learner: GitRepo, tmp_path_factory: pytest.TempPathFactory) -> tuple[GitRepo, list[str]]:
    """The learner's repository with a note written on a computer whose clock said March 2027, and an edit
    authored on 20 November but committed in January 2027 (a rebase on a wrong clock)."""
    repo = GitRepo.clone(learner, tmp_path_factory.mktemp("ahead") / "repo")
    repo.write("docs/series.md", "# Series\n\nSums that go on.\n")
    first = repo.commit("Notes on series", "2027-03-01T20:00:00-05:00")
    repo.write("docs/limits.md", "# Limits\n\nThird go.\n\n![A sketch](img/limits.png)\n")
    second = repo.commit("Limits again", "2026-11-20T20:00:00-05:00", committed="2027-01-05T09:00:00-05:00")
    return repo, [first, second]


def test_commits_dated_after_today_fail_a_strict_build_with_one_warning_naming_them(ahead, tmp_path: Path) -> None:
    repo, shas = ahead
    strict = build_at(repo.root, tmp_path / "site")
    assert strict.returncode == 1
    warnings = [line for line in strict.output.splitlines() if "dated after today" in line]
    assert len(warnings) == 1, strict.output
    assert "2 commits are dated after today (2026-11-22)" in warnings[0]
    assert f"{shas[0][:7]} (2027-03-01)" in warnings[0] and f"{shas[1][:7]} (2027-01-05)" in warnings[0]
    assert "check the computer's clock or the commit dates" in warnings[0]


def test_commits_dated_after_today_count_for_nothing_until_then(ahead, full: Build, tmp_path: Path) -> None:
    repo, shas = ahead
    built = build_at(repo.root, tmp_path / "site", strict=False)
    assert built.returncode == 0, built.output
    assert dates_line(built, "series/index.html") == ""  # not "First written 1 March 2027"
    assert "2027" not in dates_line(built, "limits/index.html")
    assert dates_line(built, "limits/index.html") == dates_line(full, "limits/index.html")
    assert built.page("reports/weeks.json") == full.page("reports/weeks.json")  # no commit, no active day, no week
    for name in FEEDS:
        assert built.page(name) == full.page(name), name
    text = every_text(built)
    assert not any(sha[:7] in text for sha in shas)


def test_status_leaves_out_commits_dated_after_today_and_says_so(ahead, learner: GitRepo,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    repo, shas = ahead
    assert main(["status", "-f", str(learner.root / "mkdocs.yml")]) == 0
    before = capsys.readouterr()
    assert main(["status", "-f", str(repo.root / "mkdocs.yml")]) == 0
    after = capsys.readouterr()
    assert after.out == before.out
    assert "2 commits are dated after today (2026-11-22)" in after.err and shas[0][:7] in after.err


def test_a_deadline_moved_in_a_private_commit_is_shown_but_the_commit_is_not_named(learner: GitRepo,
                                                                                    tmp_path: Path) -> None:
    repo = GitRepo.clone(learner, tmp_path / "repo")
    repo.write("progress.yaml", plan("2027-05-31", gone=False, more_log=LOG_W45))
    sha = repo.commit("Plan\n\n[private] the new job starts in January\n", "2026-11-18T21:00:00-05:00")
    built = build_at(repo.root, tmp_path / "site")
    assert built.returncode == 0, built.output
    assert sha not in every_text(built) and sha[:7] not in every_text(built)
    page = built.page("commitments/spring/index.html")
    assert "31 March 2027" in page and "31 May 2027" in page  # the move itself stays public
    spring = next(c for c in json.loads(built.page("commitments.json"))["commitments"] if c["id"] == "spring")
    moves = [change for change in spring["history"] if change.get("to") == "2027-05-31"]
    assert [(c["date"], c["commit"]) for c in moves] == [("2026-11-18", None)]
    assert "(in a commit marked private)" in page and "not committed yet" not in page
    moved = [e for e in feedparser.parse(built.site / "atom.xml").entries if "/moved/2027-03-31/2027-05-31" in e.id]
    assert len(moved) == 1  # and the feeds still tell followers it moved
