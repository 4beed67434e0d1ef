"""`inpublic init --move-notes`: which Markdown notes of an existing repository live outside `docs/`, where they go,
and the links that must change so that they keep working (pure; the adapter, cli/move_notes.py, runs git).

The decision is made per top-level folder and per file at the root, so that a folder moves whole: the images
inside a topic folder travel with its notes. A folder is left out when its name says it is not notes (`src`,
`templates`, `node_modules`, a hidden folder...) or when most of its files are code. README, LICENSE, CHANGELOG
and their kind stay at the root.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from urllib.parse import quote, unquote

from inpublic.wording import plural

MARKDOWN = (".md", ".markdown")
# files at the root that describe the repository rather than being notes
NOT_NOTES_AT_ROOT = frozenset({"readme", "license", "licence", "changelog", "changes", "history", "contributing",
                               "code_of_conduct", "security", "support", "authors", "contributors", "notice",
                               "copying", "todo", "funding", "governance", "maintainers", "index"})
# top-level folders that are not notes, whatever they hold, and why
NOT_NOTES_FOLDERS = {
    **dict.fromkeys(("src", "lib", "bin", "cmd", "pkg", "app", "scripts", "script", "tests", "test", "vendor",
                     "plugins", "packages"), "code"),
    **dict.fromkeys(("node_modules", ".venv", "venv", "env", "__pycache__"), "installed packages"),
    **dict.fromkeys(("site", "_site", "public", "build", "dist", "out", "_build", "htmlcov"), "build output"),
    **dict.fromkeys(("templates", "template", "_templates", "_layouts", "_includes", "layouts", "includes",
                     "overrides", "theme", "themes", "archetypes", "_sass", "partials"), "templates"),
    **dict.fromkeys(("workflows", ".github", ".gitlab", ".circleci"), "workflows"),
}
CODE = frozenset(("py", "pyi", "ipynb", "js", "mjs", "cjs", "ts", "tsx", "jsx", "sh", "bash", "zsh", "go", "rs",
                  "rb", "java", "kt", "c", "h", "cc", "cpp", "hpp", "cs", "php", "pl", "lua", "r", "swift", "scala",
                  "html", "htm", "jinja", "j2", "css", "scss", "sass", "less", "vue", "svelte", "toml", "cfg",
                  "ini", "json", "lock", "yml", "yaml", "sql", "mk", "cmake", "gradle", "xml", "tf"))
MOVE_MARKER = "(inpublic init --move-notes)"  # ends the move's commit message: its link rewrites are not study
COMMIT_MESSAGE = "Move my notes into {docs}/ for the site " + MOVE_MARKER


@dataclass(frozen=True)
class Entry:
    """A top-level folder (path ending in '/') or a file at the root, with what it holds and what becomes of it."""

    path: str
    notes: int  # Markdown files inside
    files: int  # tracked files inside
    reason: str | None = None  # why it stays where it is; None when it moves
    example: str = ""  # one of its Markdown files

    @property
    def name(self) -> str:
        return self.path.rstrip("/")


@dataclass(frozen=True)
class Survey:
    docs_dir: str
    moved: tuple[Entry, ...]
    left: tuple[Entry, ...]  # the folders and the Markdown files at the root that stay where they are

    @property
    def notes(self) -> int:
        return sum(entry.notes for entry in self.moved)

    def new_path(self, path: str) -> str:
        """Where `path` (a tracked file or a folder, relative to the repository) is after the move."""
        top = path.split("/", 1)[0]
        if any(entry.name == top for entry in self.moved):
            return f"{self.docs_dir}/{path}"
        return path


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN)


def is_code(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return "." in name and name.rsplit(".", 1)[-1].lower() in CODE


def survey(files: Sequence[str], docs_dir: str = "docs", linked: Set[str] = frozenset()) -> Survey:
    """Which top-level folders and root files of a repository (its tracked `files`) are notes to move (pure).

    `linked` are the files the notes link to (see `link_targets`): a top-level folder or root file that holds no
    Markdown and no code, such as `images/`, moves too when a note links into it, so that the link works on the
    site.
    """
    tops: dict[str, list[str]] = {}
    for path in files:
        top, slash, _ = path.partition("/")
        tops.setdefault(top + slash, []).append(path)
    moved: list[Entry] = []
    left: list[Entry] = []
    for top, inside in sorted(tops.items(), key=lambda item: item[0].lower()):
        notes = sum(1 for path in inside if is_markdown(path))
        reason = why_not_notes(top, inside, notes, docs_dir)
        if reason in ("no Markdown", "not Markdown") and any(path in linked for path in inside) and not any(
                is_code(path) for path in inside):
            reason = None
        if reason is None and any(path.startswith(f"{docs_dir}/{top}") for path in tops.get(docs_dir + "/", ())):
            reason = f"{docs_dir}/{top} is there already: move it by hand"
        entry = Entry(top, notes, len(inside), reason, next((p for p in sorted(inside) if is_markdown(p)), ""))
        if reason is None:
            moved.append(entry)
        elif notes or top.endswith("/"):
            left.append(entry)
    return Survey(docs_dir, tuple(moved), tuple(left))


def why_not_notes(top: str, inside: Sequence[str], notes: int, docs_dir: str) -> str | None:
    """Why a top-level folder or root file is not notes to move, or None when it is."""
    name = top.rstrip("/")
    if not top.endswith("/"):  # a file at the root
        if not is_markdown(name):
            return "not Markdown"
        if name.startswith("."):
            return "hidden file"
        stem = name.rsplit(".", 1)[0].lower()
        return "describes the repository" if stem in NOT_NOTES_AT_ROOT else None
    if name == docs_dir:
        return "already the site's folder"
    if name.lower() in NOT_NOTES_FOLDERS:
        return f"{NOT_NOTES_FOLDERS[name.lower()]} folder"
    if name.startswith("."):
        return "hidden folder"
    if not notes:
        return "no Markdown"
    code = sum(1 for path in inside if is_code(path))
    if code > notes:
        return f"mostly code ({code} code files, {notes} Markdown)"
    return None


# ---- links -----------------------------------------------------------------------------------------------------

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
FENCED = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# the destination of an inline link or image, of a reference definition, and of an HTML src or href
LINK_TARGETS = (
    re.compile(r"\]\([ \t]*(<[^<>\n]*>|[^\s()<>]+(?:\([^\s()]*\)[^\s()<>]*)*)"),
    re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*(<[^<>\n]*>|\S+)", re.MULTILINE),
    re.compile(r"""\b(?:src|href)[ \t]*=[ \t]*["']([^"'\n]+)["']""", re.IGNORECASE),
)


@dataclass(frozen=True)
class Tree:
    """The repository's tracked files and the folders that hold them, before the move."""

    files: frozenset[str]
    folders: frozenset[str]

    @classmethod
    def of(cls, files: Iterable[str]) -> Tree:
        paths = frozenset(files)
        return cls(paths, frozenset(posixpath.dirname(p) for f in paths for p in parents(f)))

    def __contains__(self, path: object) -> bool:
        return path in self.files or path in self.folders


def parents(path: str) -> Iterator[str]:
    """'a/b/c.md' -> 'a/b/c.md', 'a/b/' (as dirname inputs: the folders above a file)."""
    while "/" in path:
        yield path
        path = posixpath.dirname(path)


@dataclass(frozen=True)
class LinkChange:
    old: str
    new: str


@dataclass(frozen=True)
class FileLinks:
    """What the move does to one Markdown file's links."""

    path: str  # where the file is before the move
    new_path: str  # and after
    text: str  # its text with the links rewritten
    changed: tuple[LinkChange, ...]
    broken: tuple[str, ...]  # relative links that pointed at nothing already before the move
    leaving: tuple[str, ...]  # links from a moved note to a file that stays outside the site's folder


def masked(text: str) -> str:
    """`text` with code blocks, inline code and HTML comments blanked out, so that links in them are not seen."""
    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))
    return INLINE_CODE.sub(blank, FENCED.sub(blank, HTML_COMMENT.sub(blank, text)))


def relink(path: str, text: str, survey: Survey, tree: Tree,
           repo_url: str | None = None) -> FileLinks:
    """The links of the Markdown file `path` (text `text`) rewritten for the move in `survey` (pure).

    `tree` says which paths (files and folders) are there before the move. A link from a note that
    moves into the site's folder to a file that stays out of it cannot work on the site: it becomes a link to the
    file on GitHub when `repo_url` is known, else it keeps working in the repository and is listed in `leaving`.
    Links to the repository's own files on GitHub (`repo_url/blob/...`) follow the move too.
    """
    new_path = survey.new_path(path)
    edits: list[tuple[int, int, str]] = []
    changed: list[LinkChange] = []
    broken: list[str] = []
    leaving: list[str] = []
    seen = masked(text)
    for pattern in LINK_TARGETS:
        for match in pattern.finditer(seen):
            start, end = match.span(1)
            old = text[start:end]
            new, problem = relinked(old, path, new_path, survey, tree, repo_url)
            if problem == "broken":
                broken.append(old)
            elif problem == "leaving":
                leaving.append(old)
            if new != old:
                edits.append((start, end, new))
                changed.append(LinkChange(old, new))
    out = text
    for start, end, new in sorted(edits, reverse=True):
        out = out[:start] + new + out[end:]
    return FileLinks(path, new_path, out, tuple(changed), tuple(broken), tuple(leaving))


def link_targets(path: str, text: str, tree: Tree) -> set[str]:
    """The repository files that the Markdown file `path` links to with relative or rooted links (pure)."""
    out = set()
    seen = masked(text)
    for pattern in LINK_TARGETS:
        for match in pattern.finditer(seen):
            dest = match.group(1).strip("<>")
            address = re.split(r"[#?]", dest, maxsplit=1)[0]
            if not address or SCHEME.match(address):
                continue
            base = "" if address.startswith("/") else posixpath.dirname(path)
            target = posixpath.normpath(posixpath.join(base, unquote(address))).lstrip("/")
            if target in tree.files:
                out.add(target)
    return out


def relinked(link: str, source: str, new_source: str, survey: Survey, tree: Tree,
             repo_url: str | None) -> tuple[str, str | None]:
    """One link's new form, and 'broken' or 'leaving' when it is one of those (see `relink`)."""
    bracketed = link.startswith("<") and link.endswith(">")
    dest = link[1:-1] if bracketed else link
    if repo_url and dest.startswith(repo_url + "/"):
        return own_url(dest, repo_url, survey, tree), None
    if not dest or dest.startswith("#") or SCHEME.match(dest):
        return link, None
    cut = min((i for i in (dest.find("#"), dest.find("?")) if i >= 0), default=len(dest))
    address, suffix = dest[:cut], dest[cut:]
    if not address:
        return link, None
    rooted = address.startswith("/")
    target = posixpath.normpath(posixpath.join("" if rooted else posixpath.dirname(source), unquote(address)))
    target = target.lstrip("/")
    if target.startswith("..") or target == ".":
        return link, None
    if target not in tree:
        return link, "broken"
    new_target = survey.new_path(target)
    docs = survey.docs_dir + "/"
    in_site = new_source.startswith(docs)
    if in_site and not new_target.startswith(docs):
        if repo_url:
            kind = "blob" if target in tree.files else "tree"
            return f"{repo_url}/{kind}/HEAD/{quote(target)}{suffix}", None
        problem: str | None = "leaving"
    else:
        problem = None
    if new_target == target and new_source == source and not (rooted and in_site):
        return link, problem
    relative = posixpath.relpath(new_target, posixpath.dirname(new_source) or ".")
    if address.endswith("/") and not relative.endswith("/"):
        relative += "/"
    if "%" in address or (" " in relative and not bracketed):
        relative = quote(relative)
    new = relative + suffix
    return (f"<{new}>" if bracketed else new), problem


def own_url(url: str, repo_url: str, survey: Survey, tree: Tree) -> str:
    """A link to the repository's own file on GitHub (`repo_url/blob/BRANCH/PATH`) with PATH where it moved."""
    match = re.match(r"(/(?:blob|tree|raw|edit)/[^/]+/)([^#?]+)(.*)", url[len(repo_url):])
    if not match:
        return url
    head, path, suffix = match.groups()
    target = unquote(path).rstrip("/")
    if target not in tree:
        return url
    moved = survey.new_path(target)
    if moved == target:
        return url
    return f"{repo_url}{head}{quote(moved)}{'/' if path.endswith('/') else ''}{suffix}"


# ---- what else the move may break ------------------------------------------------------------------------------

def mentions(texts: Mapping[str, str], survey: Survey) -> dict[str, tuple[str, ...]]:
    """Files outside the move (workflows, scripts, configuration) that name a moved path or look for Markdown files
    by pattern: each with what it names (pure)."""
    folders = [entry.name for entry in survey.moved if entry.path.endswith("/")]
    files = [entry.name for entry in survey.moved if not entry.path.endswith("/")]
    names = [re.escape(name) + "/" for name in folders] + [re.escape(name) + r"\b" for name in files]
    pattern = re.compile(r"(?<![\w./-])(?:" + "|".join(names or ["(?!)"]) + r")|\*\*?/?\*?\.md\b|\*\.md\b")
    out: dict[str, tuple[str, ...]] = {}
    for path, text in sorted(texts.items()):
        found = sorted({match.group(0) for match in pattern.finditer(text)})
        if found:
            out[path] = tuple(found)
    return out


# ---- what the learner reads ------------------------------------------------------------------------------------

def found_line(survey: Survey) -> str:
    """'578 notes in 113 folders and 2 files at the root'."""
    holding = [entry for entry in survey.moved if entry.notes]
    folders = sum(1 for entry in holding if entry.path.endswith("/"))
    files = len(holding) - folders
    where = " and ".join(part for part in (plural(folders, "folder") if folders else "",
                                           f"{plural(files, 'file')} at the root" if files else "") if part)
    return f"{plural(survey.notes, 'note')} in {where}"


def describe(survey: Survey, links: Sequence[FileLinks], named: Mapping[str, Sequence[str]],
             commit: str | None) -> list[str]:
    """What `init --move-notes` found, moved, rewrote and left alone, and what else the move may break (pure)."""
    docs = survey.docs_dir
    lines = [f"Notes outside {docs}/: {found_line(survey)}."]
    width = max((len(entry.path) for entry in survey.moved), default=0)
    for entry in survey.moved:
        what = (f"{plural(entry.notes, 'note')}" + (f", {entry.files} files" if entry.files != entry.notes else "")
                if entry.notes else f"{plural(entry.files, 'file')} your notes link to")
        lines.append(f"  moved      {entry.path:<{width}} -> {docs}/{entry.path} ({what})")
    for entry in survey.left:
        holds = plural(entry.notes, "Markdown file") if entry.notes else plural(entry.files, "file")
        lines.append(f"  left alone {entry.path} ({entry.reason}; {holds})")
    changed = [item for item in links if item.changed]
    if changed:
        count = sum(len(item.changed) for item in changed)
        lines.append(f"Links rewritten so that they keep working: {plural(count, 'link')} in "
                     f"{plural(len(changed), 'file')}")
        for item in changed:
            first = item.changed[0]
            more = f" and {len(item.changed) - 1} more" if len(item.changed) > 1 else ""
            lines.append(f"  {item.new_path}: {first.old} -> {first.new}{more}")
    leaving = [item for item in links if item.leaving]
    if leaving:
        lines.append(f"Links from notes to files outside {docs}/, which the site cannot follow (set repo_url in "
                     "mkdocs.yml and run again to link them on GitHub, or move those files into the note's folder):")
        lines += [f"  {item.new_path}: {', '.join(item.leaving)}" for item in leaving]
    broken = sum(len(item.broken) for item in links)
    if broken:
        lines.append(f"{plural(broken, 'link')} already led nowhere before the move and were left as they were.")
    if commit:
        lines.append(f"Committed alone as {commit}: \"{COMMIT_MESSAGE.format(docs=docs)}\"")
    lines.append("What else the move may break:")
    lines += [f"  - {path} names {', '.join(sorted(found)[:6])}{' ...' if len(found) > 6 else ''}: "
              f"update it for the new place under {docs}/" for path, found in named.items()]
    lines.append("  - links to the notes' old addresses on GitHub, from elsewhere on the web, now lead nowhere")
    example = next((f"{docs}/{entry.example}" for entry in survey.moved if entry.example), f"{docs}/NOTE.md")
    lines.append(f"  - a note's history before the move: `git log --follow {example}` (GitHub follows the "
                 "rename too); the site's dates follow it")
    return lines
