"""Notes repositories of the shapes learners bring, made offline with fixed dates (a helper, not a test module).

Two shapes, taken from public repositories tried by hand (their content is never copied here):

- `make_til_repo`: a "Today I Learned" repository (like simonw/til): topic folders at the root, a README that
  lists the notes with relative links and GitHub links, a code folder, a templates folder and a workflow, images
  inside topic folders, notes without a `#` heading, a renamed note (with and without edits). Nothing is in
  `docs/` yet: it is what `inpublic init --move-notes` starts from.
- `make_garden_repo`: a digital garden (like a Dendron vault) already under `docs/`: dotted file names
  (`ml.probability.bayes.md`), nested folders, images in `docs/assets/`, notes with only a front-matter title,
  a bulk move of every note in one commit, and renames with and without edits after it.

Both return a `GitRepo` whose history is the same on every run: fixed dates, fixed author.
"""

from __future__ import annotations

from pathlib import Path

from gitrepo import GitRepo

# a 1x1 PNG: images are binary files that must travel with the notes
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
TIL_REMOTE = "https://github.com/ada/til.git"
GARDEN_REMOTE = "https://github.com/ada/garden.git"

# what make_til_repo commits, so that tests can check the site against it
TIL_FOLDERS = ("git", "python", "sqlite")
TIL_NOTES = ("git/rebase-onto.md", "git/bisect.md", "python/walrus.md", "python/pathlib-glob.md",
             "sqlite/json-each.md", "sqlite/window-functions.md", "til-about-til.md")
TIL_IMAGES = ("python/walrus-diagram.png", "sqlite/images/plan.png", "images/til-logo.png")


GLOBS = ("# Globs with pathlib\n\n`Path.glob` returns a generator: it is lazy.\n\n"
         "- `*.md` matches the files of one folder;\n- `**/*.md` matches them in every folder below;\n"
         "- the order is the file system's, so sort the result when it matters.\n\n")


def write_png(repo: GitRepo, path: str) -> None:
    target = repo.root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(PNG)


def make_til_repo(root: Path) -> GitRepo:
    """A TIL repository of seven notes in three topic folders at the root (plus one note at the root), April 2024
    to October 2024, not yet moved into `docs/`."""
    repo = GitRepo(root)
    repo.git("remote", "add", "origin", TIL_REMOTE)
    repo.write("README.md", "# Today I Learned\n\nShort notes on what I learn.\n\n"
               "## git\n\n* [Rebase onto](git/rebase-onto.md)\n\n"
               "## python\n\n* [The walrus operator](python/walrus.md)\n"
               "* [Globs](https://github.com/ada/til/blob/main/python/pathlib-glob.md)\n\n"
               "Built by [build.py](scripts/build.py).\n")
    repo.write("LICENSE", "MIT License\n")
    repo.write("scripts/build.py", 'import pathlib\n\nfor note in pathlib.Path(".").glob("*/*.md"):\n'
               "    print(note)\n")
    repo.write("scripts/util.py", "def title(text):\n    return text.splitlines()[0]\n")
    repo.write("templates/index.html", "<h1>{{ title }}</h1>\n")
    repo.write("templates/README.md", "How the templates are used.\n")
    repo.write(".github/workflows/build.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
               "    steps:\n      - run: python scripts/build.py python/ sqlite/\n")
    repo.write("git/rebase-onto.md", "# git rebase --onto\n\nMove a branch. See also [bisect](bisect.md).\n")
    repo.commit("First TIL: rebase onto", "2024-04-14T21:10:00-07:00")
    repo.write("python/walrus.md", "# The walrus operator\n\n![How it binds](walrus-diagram.png)\n\n"
               "```python\n# a link in code stays: [x](../git/rebase-onto.md)\nif (n := 3) > 2: pass\n```\n\n"
               "Related: [rebase](../git/rebase-onto.md#git-rebase-onto), [the build](../scripts/build.py).\n")
    write_png(repo, "python/walrus-diagram.png")
    repo.commit("Walrus", "2024-04-20T09:00:00-07:00")
    repo.write("sqlite/json-each.md", "No heading here: json_each turns an array into rows.\n\n"
               "![plan](images/plan.png) and [[walrus]], a wikilink by file name\n")
    write_png(repo, "sqlite/images/plan.png")
    repo.write("python/pathlib-glob.md", GLOBS)
    repo.commit("Two notes", "2024-05-02T18:30:00-07:00")
    repo.write("sqlite/window-functions.md", "---\ntitle: Window functions\n---\n\nRanks without GROUP BY. "
               "Uses [json_each](json-each.md) and [the walrus](/python/walrus.md).\n")
    repo.write("til-about-til.md", "Why I keep these notes: see [git](git/rebase-onto.md).\n\n"
               "![TIL](images/til-logo.png)\n")
    write_png(repo, "images/til-logo.png")  # images at the root, outside any topic folder
    repo.commit("Window functions", "2024-06-10T20:00:00-07:00")
    repo.write("git/bisect-draft.md", "# git bisect\n\nFind the commit that broke it.\n")
    repo.commit("Bisect draft", "2024-07-01T08:00:00-07:00")
    repo.move("git/bisect-draft.md", "git/bisect.md")  # a rename without edits
    repo.commit("Rename the bisect note", "2024-07-08T08:00:00-07:00")
    repo.move("python/pathlib-glob.md", "python/pathlib-globs.md")  # a rename with edits
    repo.write("python/pathlib-globs.md", GLOBS + "`rglob` recurses into every folder below.\n")
    repo.commit("Globs: rglob", "2024-08-15T19:00:00-07:00")
    repo.move("python/pathlib-globs.md", "python/pathlib-glob.md")  # and back, without edits
    repo.commit("Back to the old name", "2024-10-03T19:00:00-07:00")
    return repo


GARDEN_NOTES = ("docs/ml.md", "docs/ml.probability.md", "docs/ml.probability.bayes.md",
                "docs/dev/git.branches.md", "docs/dev/git.merge.md", "docs/journal/2024.09.01.md")


MERGE = ("# Merge\n\nA three-way merge compares both branches with their common ancestor.\n\n"
         "![The graph of a merge](../assets/images/bayes.png)\n\nConflicts are the lines both branches changed.\n")


def make_garden_repo(root: Path) -> GitRepo:
    """A digital garden: dotted names in nested folders, written in `vault/`, moved into `docs/` in one commit
    (pure renames) on 2024-09-15, then renamed with and without edits; images under `docs/assets/images/`."""
    repo = GitRepo(root)
    repo.git("remote", "add", "origin", GARDEN_REMOTE)
    repo.write("README.md", "This is my second brain.\n")
    repo.write("dendron.yml", "version: 5\n")
    repo.write("vault/ml.md", "---\nid: a1\ntitle: Machine learning\n---\n\nThe root of it: "
               "[probability](ml.probability.md).\n")
    repo.write("vault/ml.probability.md", "---\nid: a2\ntitle: Probability\n---\n\n"
               "![Bayes' theorem](assets/images/bayes.png)\n\nSee [[ml.probability.bayes]].\n")
    write_png(repo, "vault/assets/images/bayes.png")
    repo.commit("Seed the garden", "2024-08-03T10:00:00+02:00")
    repo.write("vault/ml.probability.bayes.md", "---\nid: a3\n---\n\nPrior times likelihood.\n")
    repo.write("vault/dev/git.branches.md", "# Branches\n\nCheap. [Merging](git.merge.md).\n")
    repo.write("vault/dev/git.merge.md", MERGE)
    repo.commit("More notes", "2024-08-20T21:00:00+02:00")
    repo.write("vault/journal/2024.09.01.md", "Read chapter 2.\n")
    repo.commit("Journal", "2024-09-01T22:00:00+02:00")
    repo.move("vault", "docs")  # the bulk move: every note and image, renamed, nothing edited
    repo.commit("Publish the vault from docs/", "2024-09-15T12:00:00+02:00")
    repo.move("docs/dev/git.merge.md", "docs/dev/git.merging.md")  # renamed, no edit
    repo.commit("Rename merge", "2024-09-20T12:00:00+02:00")
    repo.move("docs/dev/git.merging.md", "docs/dev/git.merge.md")  # renamed back, with an edit
    repo.write("docs/dev/git.merge.md", MERGE + "A fast-forward moves the branch, with no merge commit.\n")
    repo.commit("Merge: fast-forward", "2024-10-05T12:00:00+02:00")
    return repo


def move_til_notes(repo: GitRepo, when: str = "2024-11-04T20:00:00-08:00") -> str:
    """Move a `make_til_repo` repository's notes into `docs/` by hand, as `moving-in.md` says: one commit of pure
    renames (no link rewritten), at `when`; return its sha."""
    (repo.root / "docs").mkdir(exist_ok=True)
    repo.git("mv", *TIL_FOLDERS, "images", "til-about-til.md", "docs/")
    return repo.commit("Move my notes into docs/", when)
