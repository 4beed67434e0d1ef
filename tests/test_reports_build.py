"""Real builds of a learner's repository with a made-up history: report pages, note dates, privacy, bad clones."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from gitrepo import GitRepo
from sites import MINIMAL_CONFIG, MINIMAL_PLAN, build_in_process

CONFIG = MINIMAL_CONFIG.replace("[navigation.prune]", "[navigation.prune, content.action.edit]") + (
    "repo_url: https://github.com/ada/learning\nedit_uri: edit/main/docs/\n"
)
PLAN = MINIMAL_PLAN.replace("started: 2026-09-07", "started: 2026-10-26\n  repo: https://github.com/ada/learning").replace(
    "  - date: 2026-09-08\n    minutes: 60\n    resource: calc1\n    units: 3\n",
    "  - date: 2026-11-03\n    minutes: 60\n    resource: calc1\n    units: 3\n"
    "  - date: 2026-11-04\n    minutes: 45\n    resource: calc1\n    units: 1\n",
)
SECRET = "Salary negotiation notes"


@pytest.fixture(scope="module")
def learner(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    """Five weeks of a learner in New York (UTC-4, then UTC-5 after 1 November): W44 to W48 of 2026."""
    repo = GitRepo(tmp_path_factory.mktemp("learner") / "repo")
    repo.write("mkdocs.yml", CONFIG)
    repo.write("progress.yaml", PLAN)
    repo.write("notes/limits.md", "# Limits\n\nFirst go.\n")
    repo.commit("First note: limits", "2026-10-27T20:00:00-04:00")
    repo.write("notes/derivatives.md", "---\ntitle: Derivatives, from the definition\n---\n\nBody.\n")
    repo.commit("Derivatives <from the definition> & more", "2026-10-29T21:30:00-04:00")
    repo.write("mkdocs.yml", CONFIG + "# a comment\n")
    repo.commit("Site config only", "2026-10-30T09:00:00-04:00")
    for name in ("limits", "derivatives"):  # the learner moves every note into docs/
        repo.move(f"notes/{name}.md", f"docs/{name}.md")
    repo.commit("Move my notes into docs/", "2026-11-02T19:00:00-05:00")
    repo.write("docs/private/salary.md", f"# {SECRET}\n\nNot for the site.\n")
    repo.commit("Private notes", "2026-11-03T08:00:00-05:00")
    repo.write("docs/limits.md", "# Limits\n\nSecond go, with epsilon and delta.\n")
    repo.commit(f"[private] {SECRET} and limits", "2026-11-04T22:00:00-05:00")
    repo.write("docs/limits.md", "# Limits\n\nThird go.\n")
    repo.commit("Limits: one-sided limits", "2026-11-05T22:00:00-05:00")
    repo.write("docs/reports/2026-W45.md", "---\ntitle: A good week\n---\n\nI finally *got* epsilon-delta.\n")
    repo.commit("Reflection on week 45", "2026-11-08T18:00:00-05:00")
    repo.write("docs/chain-rule.md", "# The chain rule\n\nOutside, then inside.\n")
    repo.commit("The chain rule", "2026-11-18T07:00:00-05:00")
    return repo


@pytest.fixture(scope="module")
def site(learner: GitRepo, tmp_path_factory: pytest.TempPathFactory):
    result = build_in_process(learner.root, tmp_path_factory.mktemp("site") / "site")
    assert result.returncode == 0, result.output
    return result


def test_a_report_per_week_from_the_first_activity_with_the_week_in_progress_last(site) -> None:
    weeks = json.loads(site.page("reports/weeks.json"))
    assert [w["week"] for w in weeks] == ["2026-W44", "2026-W45", "2026-W46", "2026-W47"]
    assert [w["complete"] for w in weeks] == [True, True, True, False]
    assert weeks[2]["commits"] == 0 and weeks[2]["active_days"] == 0  # an empty week is part of the record
    assert weeks[0]["url"] == "https://example.org/learning/reports/2026-W44/"
    assert "This week is in progress" in site.page("reports/2026-W47/index.html")
    assert "This week is in progress" not in site.page("reports/2026-W46/index.html")


def test_every_weeks_commits_agree_with_git_log(site, learner: GitRepo) -> None:
    counted = learner.git("log", "--no-merges", "-M", "--raw", "--no-abbrev", "--format=%x00%aI %s", "--",
                          "docs/*.md", "notes/*.md", "progress.yaml", ":(exclude)docs/reports")
    by_week: dict[str, int] = {}
    for entry in counted.split("\0")[1:]:
        line, *raw = entry.strip("\n").split("\n")
        date, message = line.split(" ", 1)
        if "[private]" in message or message == "Private notes":
            continue
        if all(r.split()[4].startswith("R") and r.split()[2] == r.split()[3] for r in raw if r):
            continue  # renames of the very same blobs: notes moved, not study
        year, week, _ = __import__("datetime").datetime.fromisoformat(date).isocalendar()
        by_week[f"{year}-W{week:02d}"] = by_week.get(f"{year}-W{week:02d}", 0) + 1
    weeks = {w["week"]: w["commits"] for w in json.loads(site.page("reports/weeks.json"))}
    assert weeks == {week: by_week.get(week, 0) for week in weeks}
    reorganised = {w["week"]: w["reorganised"] for w in json.loads(site.page("reports/weeks.json"))}
    assert reorganised == {"2026-W44": 0, "2026-W45": 2, "2026-W46": 0, "2026-W47": 0}  # the move into docs/


def test_the_move_into_docs_is_a_reorganisation_not_study(site) -> None:
    w45 = site.page("reports/2026-W45/index.html")
    assert "reorganised 2 notes" in w45 and "Move my notes into docs/" not in w45
    assert "Notes reorganised (moved or renamed, unchanged)" in w45
    index = site.page("reports/index.html")
    assert re.search(r"2026-W45/\">Week 45, 2026</a>: .*, reorganised 2 notes", index)
    derivatives = site.page("derivatives/index.html")  # written on 29 October, moved unchanged on 2 November
    written = r'class="inpublic-dates">First written <time datetime="2026-10-29[^"]*">29 October 2026</time></p>'
    assert re.search(written, derivatives)
    assert "last updated" not in derivatives


def test_a_report_lists_notes_commits_and_log_with_escaped_text(site) -> None:
    page = site.page("reports/2026-W44/index.html")
    assert '<a href="../../limits/">Limits</a>' in page
    assert '<a href="../../derivatives/">Derivatives, from the definition</a>' in page
    assert "Derivatives &lt;from the definition&gt; &amp; more" in page
    assert "<from the definition>" not in page
    assert "Site config only" not in page
    assert 'href="https://github.com/ada/learning/commit/' in page
    assert re.search(r'<time datetime="2026-10-26">26 October 2026</time> to <time datetime="2026-11-01">', page)
    w45 = site.page("reports/2026-W45/index.html")
    assert "1 h 45 min over 2 sessions" in w45


def test_the_learners_reflection_is_part_of_its_week_and_the_edit_link_opens_it(site) -> None:
    page = site.page("reports/2026-W45/index.html")
    assert "<h1 id=\"week-45-2026-a-good-week\">Week 45, 2026: A good week" in page
    assert "I finally <em>got</em> epsilon-delta." in page
    assert 'href="https://github.com/ada/learning/edit/main/docs/reports/2026-W45.md"' in page
    assert "edit/main/docs/reports/2026-W44.md" not in site.page("reports/2026-W44/index.html")


def test_reports_stay_out_of_the_navigation_and_the_index_is_in_it(site) -> None:
    note = site.page("chain-rule/index.html")
    assert '<a href="../reports/" class="md-nav__link">' in note
    assert "Week 45, 2026" not in note and "2026-W45" not in note
    index = site.page("reports/index.html")
    assert "November 2026" in index and "October 2026" in index
    assert index.index("Week 47, 2026") < index.index("Week 44, 2026")  # newest first


def search_pages(site: Path) -> set[str]:
    """The pages in a built site's search index (Material's search plugin)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"].split("#")[0] for doc in index["docs"]}


@pytest.mark.parametrize(("option", "reports_found"), [("", False), ("      reports_in_search: true\n", True)])
def test_reports_stay_out_of_the_search_unless_asked_and_the_index_is_in_it(
        learner: GitRepo, tmp_path: Path, option: str, reports_found: bool) -> None:
    clone = GitRepo.clone(learner, tmp_path / "clone")
    clone.write("mkdocs.yml", CONFIG.replace("plugins:\n  - inpublic\n", "plugins:\n  - search\n  - inpublic:\n"
                                             "      plan: progress.yaml\n" + option))
    built = build_in_process(clone.root, tmp_path / "site")
    assert built.returncode == 0, built.output
    found = search_pages(built.site)
    assert {"", "reports/", "chain-rule/", "limits/"} <= found
    weeks = {page for page in found if re.fullmatch(r"reports/2026-W\d\d/", page)}
    built = {f"reports/{p.parent.name}/" for p in (built.site / "reports").glob("2026-W*/index.html")}
    assert len(built) == 4
    assert weeks == (built if reports_found else set())


def test_notes_show_git_dates_that_survive_the_move(site) -> None:
    page = site.page("limits/index.html")
    assert 'First written <time datetime="2026-10-27T20:00:00-04:00">27 October 2026</time>' in page
    assert 'last updated <time datetime="2026-11-05T22:00:00-05:00">5 November 2026</time>' in page


def test_nothing_private_reaches_the_site(site) -> None:
    for path in site.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert SECRET not in text, path
            assert "salary" not in text.lower(), path
    assert not (site.site / "private").exists()


def test_two_builds_of_the_same_commit_give_identical_reports(learner: GitRepo, site, tmp_path: Path) -> None:
    again = build_in_process(learner.root, tmp_path / "again")
    files = [path for path in (site.site / "reports").rglob("*") if path.is_file()]
    assert len(files) >= 4  # the index, the weeks' pages and weeks.json
    for path in files:
        assert (again.site / path.relative_to(site.site)).read_bytes() == path.read_bytes(), path


def test_a_shallow_clone_fails_a_strict_build_and_names_the_fix(learner: GitRepo, tmp_path: Path) -> None:
    shallow = GitRepo.clone(learner, tmp_path / "shallow", depth=1)
    strict = build_in_process(shallow.root, tmp_path / "strict")
    assert strict.returncode == 1
    assert "this is a shallow clone" in strict.output
    assert "set `fetch-depth: 0` on actions/checkout" in strict.output
    lenient = build_in_process(shallow.root, tmp_path / "lenient", strict=False)
    assert lenient.returncode == 0, lenient.output
    assert "Incomplete history" in lenient.page("reports/index.html")


def test_a_folder_that_is_not_a_repository_builds_without_reports_of_commits(tmp_path: Path) -> None:
    project = tmp_path / "plain"
    project.mkdir()
    (project / "mkdocs.yml").write_text(MINIMAL_CONFIG)
    (project / "progress.yaml").write_text(MINIMAL_PLAN)
    (project / "docs").mkdir()
    (project / "docs" / "a.md").write_text("# A\n")
    subprocess.run(["git", "--version"], check=True, capture_output=True)
    strict = build_in_process(project, tmp_path / "strict")
    assert strict.returncode == 1
    assert "is not inside a git repository: run `git init` and commit your notes" in strict.output
    lenient = build_in_process(project, tmp_path / "lenient", strict=False)
    assert lenient.returncode == 0, lenient.output
    assert "Traceback" not in lenient.output


def test_a_serve_rebuild_with_the_same_head_starts_no_git_process(learner: GitRepo, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    monkeypatch.chdir(learner.root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795348800")
    first = load_config(str(learner.root / "mkdocs.yml"), site_dir=str(tmp_path / "one"))
    first.plugins.on_startup(command="serve", dirty=False)  # as `mkdocs serve` does, once
    mkdocs_build(first)
    trace = tmp_path / "trace2.json"
    monkeypatch.setenv("GIT_TRACE2_EVENT", str(trace))
    again = load_config(str(learner.root / "mkdocs.yml"), site_dir=str(tmp_path / "two"))
    assert again.plugins["inpublic"] is first.plugins["inpublic"]  # the instance lives across rebuilds
    mkdocs_build(again)
    assert not trace.exists() or "cmd_name" not in trace.read_text()
    rendered = again.plugins["inpublic"].rendered  # no report converted from Markdown again (rendered.py)
    assert rendered.converted == 0 and len(rendered.used) >= 5
    assert (tmp_path / "two" / "reports" / "2026-W45" / "index.html").read_bytes() == (
        tmp_path / "one" / "reports" / "2026-W45" / "index.html").read_bytes()
    # a note's title edited in the editor (saved, not committed): the next rebuild's reports name it so, the other
    # notes' titles coming from what the session already read
    limits = learner.root / "docs" / "limits.md"
    text = limits.read_text(encoding="utf-8")
    try:
        limits.write_text(text.replace("# Limits", "# Limits, one side at a time"), encoding="utf-8")
        third = load_config(str(learner.root / "mkdocs.yml"), site_dir=str(tmp_path / "three"))
        mkdocs_build(third)
    finally:
        limits.write_text(text, encoding="utf-8")
    week = (tmp_path / "three" / "reports" / "2026-W45" / "index.html").read_text(encoding="utf-8")
    assert "Limits, one side at a time" in week and "Derivatives, from the definition" in week
    assert third.plugins["inpublic"].rendered.converted >= 1  # the reports that name it, and only them
    assert "Limits, one side at a time" not in (tmp_path / "two" / "reports" / "2026-W45" / "index.html").read_text(
        encoding="utf-8")
