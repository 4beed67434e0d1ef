"""What is public: the plan without the entries a learner marked private, notes outside private folders,
commits without the private marker."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from inpublic.model import Commit, History, Plan

MARKER = "[private]"  # the default private marker of a commit's message


def public_plan(plan: Plan) -> Plan:
    """The plan as the site and feeds may show it: private log entries and milestones removed, and the notes of
    private breaks (their days still rest)."""
    breaks = tuple(replace(b, note=None) if b.private else b for b in plan.rest.breaks)
    return replace(
        plan,
        log=tuple(e for e in plan.log if not e.private),
        milestones=tuple(m for m in plan.milestones if not m.private),
        rest=replace(plan.rest, breaks=breaks),
    )


@dataclass(frozen=True)
class Privacy:
    """Which notes and commits stay off the site.

    ``paths`` are glob patterns matched against a note's whole path relative to the docs folder:
    ``**`` matches across folders (``private/**`` matches ``private/a.md`` and ``private/x/y.md``,
    ``**/draft.md`` matches ``draft.md`` and ``a/b/draft.md``), ``*`` matches within one folder
    and ``?`` one character other than ``/``. A commit is private when ``marker`` appears anywhere
    in its message, subject or body, in any letter case.
    """

    paths: tuple[str, ...] = ("private/**",)
    marker: str = MARKER
    not_notes: tuple[str, ...] = ("index.md", "reports/**", "blog/**")  # published pages that are not study notes
    # the patterns compiled once, when the options are read: a build matches thousands of paths against them
    _private: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)
    _not_notes: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_private", tuple(glob_regex(p) for p in self.paths))
        object.__setattr__(self, "_not_notes", tuple(glob_regex(p) for p in self.not_notes))

    def is_note(self, src_uri: str) -> bool:
        """Whether a public Markdown page is a study note (counted in reports, dated), not a home or about page."""
        return src_uri.endswith(".md") and not any(p.fullmatch(src_uri) for p in self._not_notes)

    def is_private_path(self, src_uri: str) -> bool:
        return any(p.fullmatch(src_uri) for p in self._private)

    def is_private_commit(self, message: str) -> bool:
        """Whether a commit message (its subject, its body, or both) carries the marker."""
        return carries_marker(message, self.marker)

    def hides(self, commit: Commit) -> bool:
        """Whether a commit stays off the site: the marker in its subject, or in its body (``Commit.private``,
        judged when the history was read, which keeps no body)."""
        return commit.private or self.is_private_commit(commit.message)

    def hidden_commits(self, history: History) -> frozenset[str]:
        """The shas of the commits that stay off the site."""
        return frozenset(c.sha for c in history.commits if self.hides(c))


def carries_marker(text: str, marker: str) -> bool:
    """Whether ``marker`` appears anywhere in ``text``, in any letter case (never, for an empty marker)."""
    return bool(marker) and marker.casefold() in text.casefold()


def glob_regex(pattern: str) -> re.Pattern[str]:
    """The regular expression of a docs-relative glob pattern (see ``Privacy``)."""
    parts: list[str] = []
    i, text = 0, pattern.lstrip("/")
    while i < len(text):
        if text.startswith("**/", i):
            parts.append("(?:.*/)?")  # zero or more whole folders
            i += 3
        elif text.startswith("**", i):
            parts.append(".*")
            i += 2
        elif text[i] == "*":
            parts.append("[^/]*")
            i += 1
        elif text[i] == "?":
            parts.append("[^/]")
            i += 1
        else:
            parts.append(re.escape(text[i]))
            i += 1
    return re.compile("".join(parts))
