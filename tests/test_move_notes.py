"""`inpublic init --move-notes`: the notes outside docs/ found, moved in one commit of their own with their images,
their links kept working (the strict build proves it), nothing else touched; and init's defaults read from the
repository (first note, README title, GitHub owner), not from the clock or git's user.name."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gitrepo import git_env
from inpublic.cli.main import main
from inpublic.moving_in.notes import Tree, relink, survey
from inpublic.plan.load import load_plan
from notes_shapes import TIL_IMAGES, TIL_NOTES, make_garden_repo, make_til_repo, move_til_notes
from sites import build_in_process

MOVE_DAY = "2026-11-20T10:00:00+00:00"  # before the test run's today (2026-11-22)


@pytest.fixture
def git_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    """The move's commit made by a known author at a fixed date, whatever the machine's git configuration."""
    for key, value in git_env(GIT_AUTHOR_DATE=MOVE_DAY, GIT_COMMITTER_DATE=MOVE_DAY).items():
        monkeypatch.setenv(key, value)


def init(root: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["init", str(root), "--timezone", "America/Los_Angeles", *args])
    out, err = capsys.readouterr()
    return code, out, err


# ---- which files are notes -------------------------------------------------------------------------------------

def test_topic_folders_and_root_notes_move_while_code_templates_workflows_and_readme_stay() -> None:
    files = ["README.md", "LICENSE", "CHANGELOG.md", "ideas.md", "setup.py", "docs/index.md",
             "python/a.md", "python/b.md", "python/plot.png", "python/plot.py",
             "tools/x.py", "tools/y.py", "tools/README.md",  # mostly code, whatever its name
             "src/notes.md", "templates/page.md", "node_modules/pkg/readme.md", ".github/workflows/a.yml",
             ".obsidian/app.md", "site/index.html", "static/logo.svg"]
    found = survey(files)
    assert [(e.path, e.notes, e.files) for e in found.moved] == [("ideas.md", 1, 1), ("python/", 2, 4)]
    assert {e.path: e.reason for e in found.left} == {
        ".github/": "workflows folder", ".obsidian/": "hidden folder", "CHANGELOG.md": "describes the repository",
        "README.md": "describes the repository", "docs/": "already the site's folder",
        "node_modules/": "installed packages folder", "site/": "build output folder", "src/": "code folder",
        "static/": "no Markdown", "templates/": "templates folder",
        "tools/": "mostly code (2 code files, 1 Markdown)"}
    assert found.new_path("python/plot.png") == "docs/python/plot.png"
    linked = survey(files, linked={"static/logo.svg", "setup.py"})  # images a note links to go with it, code not
    assert [e.path for e in linked.moved] == ["ideas.md", "python/", "static/"]
    taken = survey(["python/a.md", "docs/python/a.md", "docs/index.md", ".draft.md"])
    assert taken.moved == ()
    assert [e.reason for e in taken.left] == ["hidden file", "already the site's folder",
                                              "docs/python/ is there already: move it by hand"]
    assert found.new_path("tools/x.py") == "tools/x.py"


def test_links_follow_the_move_and_code_broken_links_and_web_addresses_stay() -> None:
    files = ["README.md", "a/one.md", "a/img/x.png", "b/two.md", "scripts/run.py", "docs/index.md"]
    found, tree = survey(files), Tree.of(files)
    text = ("[two](../b/two.md#part) ![x](img/x.png) [run](../scripts/run.py) [gone](nothing.md)\n"
            "`[code](../b/two.md)` [web](https://example.org/a/one.md) [top](/b/two.md) [self](#here)\n"
            "[ref]: <../b/two.md>\n<img src=\"img/x.png\">\n")
    moved = relink("a/one.md", text, found, tree)
    assert moved.new_path == "docs/a/one.md"
    # both ends moved together: relative links stay; a link out of the move gets its ../, a rooted one is relative
    assert [(c.old, c.new) for c in moved.changed] == [("../scripts/run.py", "../../scripts/run.py"),
                                                       ("/b/two.md", "../b/two.md")]
    assert moved.broken == ("nothing.md",)  # a link broken before stays as it was and is counted
    assert moved.leaving == ("../scripts/run.py",)  # the site cannot follow a link out of docs/
    assert "[top](../b/two.md)" in relink("a/one.md", "[top](/b/two.md)", found, tree).text
    on_github = relink("a/one.md", "[run](../scripts/run.py)", found, tree, "https://github.com/ada/n")
    assert on_github.text == "[run](https://github.com/ada/n/blob/HEAD/scripts/run.py)" and not on_github.leaving
    readme = relink("README.md", "[one](a/one.md) [own](https://github.com/ada/n/blob/main/a/one.md#x) "
                    "[run](scripts/run.py)\n", found, tree, "https://github.com/ada/n")
    assert readme.text == ("[one](docs/a/one.md) [own](https://github.com/ada/n/blob/main/docs/a/one.md#x) "
                           "[run](scripts/run.py)\n")
    assert relink("docs/index.md", "[one](../a/one.md)", found, tree).text == "[one](a/one.md)"


# ---- the whole path, in process --------------------------------------------------------------------------------

def test_init_move_notes_moves_a_til_repository_in_one_commit_and_the_strict_build_passes(
        tmp_path: Path, git_identity: None, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_til_repo(tmp_path / "til")
    before = repo.head()
    code, out, err = init(repo.root, "--move-notes", capsys=capsys)
    assert code == 0, err
    assert "Notes outside docs/: 7 notes in 3 folders and 1 file at the root." in out
    assert "  moved      python/          -> docs/python/ (2 notes, 3 files)" in out
    assert "  moved      images/          -> docs/images/ (1 file your notes link to)" in out
    assert "  left alone scripts/ (code folder; 2 files)" in out
    assert "  left alone README.md (describes the repository; 1 Markdown file)" in out
    assert "  left alone templates/ (templates folder; 1 Markdown file)" in out
    assert "Links rewritten so that they keep working: 5 links in 3 files" in out
    assert "  - .github/workflows/build.yml names python/, sqlite/: update it" in out
    assert "  - scripts/build.py names */*.md" in out
    assert "git log --follow docs/git/bisect.md" in out

    # one commit of its own: renames of the listed notes and images, and the files whose links it rewrote
    assert repo.log("%s")[-1] == "Move my notes into docs/ for the site (inpublic init --move-notes)"
    assert repo.git("rev-parse", "HEAD~1").strip() == before
    changes = sorted(repo.git("diff", "--name-status", "-M", "HEAD~1", "HEAD").splitlines())
    renamed = {line.split("\t")[1]: (line.split("\t")[0], line.split("\t")[2]) for line in changes
               if line.startswith("R")}
    assert set(renamed) == set(TIL_NOTES + TIL_IMAGES)
    assert {old for old, (status, _) in renamed.items() if status != "R100"} == {
        "python/walrus.md", "sqlite/window-functions.md"}  # the two notes whose links it rewrote
    assert all(new == f"docs/{old}" for old, (_, new) in renamed.items())
    assert [line for line in changes if not line.startswith("R")] == ["M\tREADME.md"]
    assert "* [Rebase onto](docs/git/rebase-onto.md)" in (repo.root / "README.md").read_text()
    # the starter files are left for the learner's own commit, the notes' history is the repository's
    assert repo.git("status", "--porcelain").count("??") >= 4
    plan = load_plan(repo.root / "progress.yaml")
    assert plan.learner.started == dt.date(2024, 4, 14)  # the first note's commit, in the learner's zone
    assert plan.learner.name == "ada"  # the GitHub remote's owner
    assert [(m.date, m.title) for m in plan.milestones] == [(dt.date(2024, 4, 14), "Wrote my first note")]
    assert "site_name: Today I Learned\n" in (repo.root / "mkdocs.yml").read_text()
    assert "Your name: ada (from the owner of the GitHub remote; change it with --name" in out
    assert not (repo.root / "docs/how-i-learn-in-public.md").exists()  # the learner has notes already

    repo.commit("Start learning in public", MOVE_DAY)
    result = build_in_process(repo.root, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output
    walrus = result.page("python/walrus/index.html")
    assert 'src="../walrus-diagram.png"' in walrus and 'href="../../git/rebase-onto/#git-rebase-onto"' in walrus
    assert "https://github.com/ada/til/blob/HEAD/scripts/build.py" in walrus
    json_each = result.page("sqlite/json-each/index.html")
    assert 'src="../images/plan.png"' in json_each
    assert 'href="../../python/walrus/">walrus</a>' in json_each  # the wikilink [[walrus]], by the note's file name
    assert "Linked from" in walrus and 'href="../../sqlite/json-each/"' in walrus
    assert (tmp_path / "site/sqlite/images/plan.png").is_file()
    assert (tmp_path / "site/images/til-logo.png").is_file()  # the root images/ folder a note links to
    assert "<title>Json each - Today I Learned</title>" in result.page("sqlite/json-each/index.html")
    # a monthly report for every month from the first note's to today's, counting what the weeks count
    months, weeks = (json.loads(result.page(f"reports/{name}.json")) for name in ("months", "weeks"))
    assert months[0]["month"] == "2024-04" and months[-1]["complete"] is False
    assert len(months) == (int(MOVE_DAY[:4]) - 2024) * 12 + int(MOVE_DAY[5:7]) - 4 + 1
    for figure in ("commits", "notes_created"):  # each counted once, in one week and in one month
        assert sum(m[figure] for m in months) == sum(w[figure] for w in weeks), figure
    assert sum(m["commits"] for m in months) > 0 and sum(m["notes_created"] for m in months) == len(TIL_NOTES)


def test_without_move_notes_init_says_what_it_found_and_moves_nothing(
        tmp_path: Path, git_identity: None, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_til_repo(tmp_path / "til")
    head = repo.head()
    code, out, _ = init(repo.root, capsys=capsys)
    assert code == 0
    assert "Found 7 notes in 3 folders and 1 file at the root outside docs/" in out
    assert "`inpublic init --move-notes`" in out
    assert repo.head() == head and (repo.root / "python/walrus.md").is_file()


def test_uncommitted_changes_to_the_notes_stop_the_move_before_anything_changes(
        tmp_path: Path, git_identity: None, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_til_repo(tmp_path / "til")
    repo.write("python/walrus.md", "# The walrus operator\n\nHalf-written.\n")
    code, _, err = init(repo.root, "--move-notes", capsys=capsys)
    assert code == 1
    assert "uncommitted changes would be mixed into the move's commit (python/walrus.md)" in err
    assert not (repo.root / "docs").exists() and not (repo.root / "progress.yaml").exists()


def test_a_garden_already_in_docs_has_nothing_to_move_and_starts_at_its_first_note(
        tmp_path: Path, git_identity: None, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_garden_repo(tmp_path / "garden")
    repo.git("config", "user.name", "Ada L.")
    repo.git("remote", "remove", "origin")
    code, out, _ = init(repo.root, "--move-notes", "--site-name", "My garden", capsys=capsys)
    assert code == 0
    assert "No notes outside docs/ to move." in out
    assert "Your name: Ada L. (from git's user.name, as no --name was given and no GitHub remote names you" in out
    assert "Site name: My garden (from --site-name" in out
    code, out, _ = init(tmp_path / "new", capsys=capsys)  # no repository, no README: said, not made up
    assert "Your name: Your Name (from a placeholder, as no --name was given" in out  # git_env sets no user.name
    assert "Site name: Learning in public (made from your name" in out
    assert "Started: 2026-11-22 (today: no note is committed yet)" in out
    plan = load_plan(repo.root / "progress.yaml")
    assert (plan.learner.name, plan.learner.started) == ("Ada L.", dt.date(2024, 8, 3))
    assert "site_name: My garden\n" in (repo.root / "mkdocs.yml").read_text()
    assert "docs/index.html is there too" not in out
    (repo.root / "docs/index.html").write_text("<h1>Built by another tool</h1>\n")
    code, out, _ = init(repo.root, capsys=capsys)
    assert "docs/index.html is there too, as when docs/ holds a site built by another tool" in out


def test_the_shapes_hold_pure_renames_renames_with_edits_and_a_bulk_move(tmp_path: Path) -> None:
    """What the other tests rely on in notes_shapes: the same history on every run, and moves of each kind."""
    til = make_til_repo(tmp_path / "til")
    assert til.head() == make_til_repo(tmp_path / "again").head()  # fixed dates, fixed author: the same commits
    renames = til.git("log", "-M", "--diff-filter=R", "--name-status", "--format=%s")
    assert "R100\tgit/bisect-draft.md\tgit/bisect.md" in renames
    assert "R100\tpython/pathlib-globs.md\tpython/pathlib-glob.md" in renames
    edited = [line for line in renames.splitlines()
              if line.endswith("\tpython/pathlib-glob.md\tpython/pathlib-globs.md")]
    assert len(edited) == 1 and not edited[0].startswith("R100")  # a rename with edits, still a rename
    move_til_notes(til)
    moved = til.git("show", "-M", "--name-status", "--format=", "HEAD").split()
    assert moved.count("R100") == len(TIL_NOTES) + len(TIL_IMAGES)
    garden = make_garden_repo(tmp_path / "garden")
    bulk = garden.git("log", "-M", "--name-status", "--format=%s", "--grep=Publish the vault").split("\n")
    assert sum(line.startswith("R100\tvault/") for line in bulk) == 7  # six notes and the image, nothing edited
    assert not (garden.root / "vault").exists()
    later = garden.git("log", "-M", "--diff-filter=R", "--name-status", "--format=", "-2").split()
    assert later[:3] == ["R076", "docs/dev/git.merging.md", "docs/dev/git.merge.md"]  # renamed back, edited
    assert later[3:] == ["R100", "docs/dev/git.merge.md", "docs/dev/git.merging.md"]  # renamed, untouched


def test_the_same_move_by_hand_without_rewritten_links_stops_the_strict_build(
        tmp_path: Path, git_identity: None, capsys: pytest.CaptureFixture[str]) -> None:
    """The control of the end-to-end test: what --move-notes rewrites is what the strict build would refuse."""
    repo = make_til_repo(tmp_path / "til")
    move_til_notes(repo)
    code, _, _ = init(repo.root, capsys=capsys)
    assert code == 0
    repo.commit("Start learning in public", MOVE_DAY)
    result = build_in_process(repo.root, tmp_path / "site")
    assert result.returncode == 1
    assert "'python/walrus.md' contains a link '../scripts/build.py'" in result.output
