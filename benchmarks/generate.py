#!/usr/bin/env python3
"""Generate a learner's notes repository, synthetic or realistic, deterministically, for benchmarks.

    python benchmarks/generate.py --size S|M|L [--shape synthetic|realistic] [--seed N] [--notes N --commits N] DEST

DEST becomes a git repository (refused if it exists and is not empty) with two years of history
(2024-11-01 .. 2026-10-31): an MkDocs site (mkdocs.yml with the Material theme and the inpublic plugin,
docs/index.md with the home marker), Markdown notes in 8-12 topic folders that link to each other (a
concept's further notes in a sub-folder of its topic: docs/calculus/limits.md, docs/calculus/limits/...), a
progress.yaml edited commit after commit, renames (notes moved between folders, one whole folder
renamed), deletions, config-only commits and a few `[private]` commits with a docs/private/ folder.

"Notes" are the Markdown files under docs/ other than docs/index.md (docs/private/ included): the
repository has exactly --notes of them at HEAD and exactly --commits commits.

Everything is written through ONE `git fast-import` process, then `git reset --hard` materialises the
work tree. The same size and seed give a byte-identical repository (the same HEAD sha).

Sizes: S = 200 notes, 1,000 commits; M = 1,000 notes, 10,000 commits; L = 3,000 notes, 50,000 commits.

That is the synthetic shape, the default. `--shape realistic` (benchmarks/realistic.py) makes the same number of
notes and commits the shape a learner's repository has when they find inpublic: a TIL repository, notes in topic
folders at the root with code blocks and images, moved under docs/ by one commit at 80% of the history, as
`inpublic init --move-notes` does, and a site from then on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import time
from bisect import bisect_left, bisect_right
from itertools import accumulate
from pathlib import Path
from random import Random

sys.path.insert(0, str(Path(__file__).resolve().parent))
import vocab as V  # benchmarks/ is not a package: vocab.py is found next to this file

# notes and commits of each size; XS is the test suite's smoke run
SIZES = {"XS": (20, 100), "S": (200, 1_000), "M": (1_000, 10_000), "L": (3_000, 50_000)}
SHAPES = ("synthetic", "realistic")
START = dt.date(2024, 11, 1)
DAYS = (dt.date(2026, 10, 31) - START).days + 1  # 730: the last commit is on 2026-10-31, local time
EPOCH0 = int(dt.datetime(START.year, START.month, START.day, tzinfo=dt.UTC).timestamp())
TIMEZONE = "Europe/London"
MIN_NOTES, MIN_COMMITS = 5, 40

# Kinds of commit.
INIT, EDIT, ADD, PLAN, DELETE, MOVE, DIRMOVE, CONFIG, PRIVATE = range(9)

# Local hours of commits (a learner with a day job) and their weights.
HOURS = [7, 8, 12, 13, 17, 18, 19, 20, 21, 22, 23]
HOUR_WEIGHTS = [1, 2, 2, 1.5, 1, 3, 4, 5, 5, 3, 1.5]

# Changes to the plan over time, at fractions of the history: (fraction, event).
PLAN_EVENTS = [
    (0.22, "move-due"), (0.30, "move-due"), (0.35, "add-subject"), (0.45, "add-commitment"),
    (0.60, "drop-commitment"), (0.65, "add-subject"), (0.75, "move-due-added"), (0.85, "private-milestone"),
]


class Note:
    __slots__ = (
        "alive",
        "anchor",
        "cum",
        "final",
        "growth",
        "idx",
        "intro",
        "path",
        "phrase",
        "private",
        "revs",
        "sections",
        "slug",
        "sub",
        "target",
        "targets",
        "title",
        "topic",
        "version",
    )

    def __init__(self, idx: int, topic: int, slug: str, title: str, phrase: str, private: bool) -> None:
        self.idx, self.topic, self.slug, self.title = idx, topic, slug, title
        self.phrase, self.private = phrase, private
        self.sub = ""  # a concept's sub-folder of the topic folder, for the variants of a concept
        self.anchor = False
        self.alive = True
        self.path = ""  # current path, during the simulation
        self.final = ""  # docs-relative path at HEAD (survivors only)
        self.version = -1
        self.targets: list[int] = []
        self.revs: list[str] = []
        # The text, made when the note is first written (write_body).
        self.intro = ""
        self.sections: list[str] = []
        self.cum: list[int] = []  # lines up to the end of each section
        self.target = self.growth = 0  # lines when fully grown; lines added per edit


# ---------------------------------------------------------------------------------------------- time


def last_sunday(year: int, month: int) -> dt.date:
    day = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def london_offset(day: dt.date) -> int:
    """Minutes east of UTC in Europe/London (BST from the last Sunday of March to that of October)."""
    return 60 if last_sunday(day.year, 3) <= day < last_sunday(day.year, 10) else 0


def fmt_offset(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}{mins:02d}"


def calendar(rng: Random) -> tuple[list[bool], list[int]]:
    """Which days are breaks (no commits, no study) and each day's UTC offset (London, or a trip's)."""
    off = [False] * DAYS
    for lo, hi, length in ((45, 60, rng.randint(7, 12)), (270, 300, rng.randint(10, 20)),
                           (410, 430, rng.randint(7, 14)), (640, 660, rng.randint(5, 10))):
        first = rng.randint(lo, hi)
        for d in range(first, min(DAYS, first + length)):
            off[d] = True
    offsets = [london_offset(START + dt.timedelta(days=d)) for d in range(DAYS)]
    for lo, hi, minutes in ((120, 200, rng.choice([60, 120])), (230, 330, rng.choice([-240, -300, 120])),
                            (480, 560, rng.choice([330, 540, -420])), (590, 700, rng.choice([120, 60, -240]))):
        first = rng.randint(lo, hi)
        for d in range(first, min(DAYS, first + rng.randint(5, 14))):
            offsets[d] = minutes
    return off, offsets


def commit_times(rng: Random, n: int, off: list[bool], offsets: list[int]) -> list[tuple[int, int, int, int]]:
    """n commit times sorted by UTC: (unix seconds, offset minutes, local day index, local hour)."""
    weights = [0.0 if off[d] else (1.6 if (START + dt.timedelta(days=d)).weekday() >= 5 else 1.0)
               for d in range(DAYS)]
    days = rng.choices(range(DAYS), cum_weights=list(accumulate(weights)), k=n)
    hours = rng.choices(HOURS, cum_weights=list(accumulate(HOUR_WEIGHTS)), k=n)
    times = []
    for d, h in zip(days, hours):
        if d == DAYS - 1:
            h = min(h, 21)  # committer dates may be up to two hours later: stay on 2026-10-31
        local = d * 86400 + h * 3600 + rng.randrange(3600)
        times.append((EPOCH0 + local - offsets[d] * 60, offsets[d], d, h))
    times.sort()
    return times


# ---------------------------------------------------------------------------------------------- plan


def q(text: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def phrase_of(slug: str) -> str:
    return V.PHRASES.get(slug) or slug.replace("-", " ")


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class Plan:
    """The study plan and its log, rendered as progress.yaml at any commit."""

    def __init__(self, rng: Random, learner: tuple[str, str, str], off: list[bool], add_days: list[int]) -> None:
        self.name, self.handle, bio = learner
        self.header = (
            f"# progress.yaml: {self.name}'s study plan. inpublic reads it on every build;\n"
            "# `inpublic check` tells about any mistake, with its line and column.\n\n"
            f"learner:\n  name: {q(self.name)}\n  bio: {q(bio)}\n  timezone: {TIMEZONE}\n"
            f"  started: {START.isoformat()}\n  repo: https://github.com/{self.handle}/learning-ml\n\n"
        )
        pool = V.SUBJECTS
        core, rest = pool[:3], pool[3:]
        chosen_ids = {s[0] for s in core} | {s[0] for s in rng.sample(rest, rng.randint(2, 7))}
        self.subjects = [s for s in pool if s[0] in chosen_ids]  # 5-10, in learning order
        self.resources: dict[str, list] = {}
        self.blocks: list[str] = []
        for sid, title, topic, resources in self.subjects:
            kept = resources[: rng.randint(2, len(resources))]
            lines = [f"  - id: {sid}\n    title: {q(title)}\n    resources:\n"]
            for rid, rtitle, kind, url, units, unit in kept:
                lines.append(f"      - id: {rid}\n        title: {q(rtitle)}\n        kind: {kind}\n")
                if url:
                    lines.append(f"        url: {url}\n")
                lines.append(f"        units: {units}\n        unit: {unit}\n")
            self.blocks.append("".join(lines))
            self.resources[sid] = [[rid, rtitle, kind, units, unit, topic, 0]
                                   for rid, rtitle, kind, _, units, unit in kept]
        # The last two subjects are added to the plan later, on the days of add_days.
        self.present = len(self.subjects) - 2
        self.later = {len(self.subjects) - 2: add_days[0], len(self.subjects) - 1: add_days[1]}
        self.sessions = self.make_sessions(rng, off)
        self.dates = [s[0] for s in self.sessions]
        self.session_text = [s[1] for s in self.sessions]
        self.logged = 0
        self.log_text = ""
        self.commitments = self.first_commitments(rng)
        self.dropped_one = False
        self.added: dict | None = None
        self.milestones = [(f"  - date: {START.isoformat()}\n    title: \"Made my plan public\"\n"
                           f"    note: {q('Deadlines for every subject, and a report every week.')}\n")]
        self.year_milestone = False

    def make_sessions(self, rng: Random, off: list[bool]) -> list[tuple[int, str, str | None]]:
        """Study sessions over the two years: (day index, their YAML, the title of a resource they complete)."""
        out = []
        for d in range(DAYS - 1):
            if off[d]:
                continue
            weekend = (START + dt.timedelta(days=d)).weekday() >= 5
            if rng.random() > (0.75 if weekend else 0.6):
                continue
            for _ in range(2 if rng.random() < 0.1 else 1):
                subjects = [i for i in range(len(self.subjects)) if i not in self.later or self.later[i] + 2 <= d]
                res = [r for i in subjects for r in self.resources[self.subjects[i][0]]]
                todo = [r for r in res if r[6] < r[3]]
                roll = rng.random()
                if not todo:
                    r, kind = rng.choice(res), "review"
                elif roll < 0.65:
                    r, kind = todo[0], "study"
                elif roll < 0.85:
                    r, kind = todo[min(1, len(todo) - 1)], "study"
                else:
                    r, kind = rng.choice(todo), "study"
                kind = kind if kind == "review" else rng.choices(["study", "practice", "review"], [80, 12, 8])[0]
                rid, rtitle, _, units, unit, topic, done = r
                concepts = TOPIC_CONCEPTS[topic]
                concept = phrase_of(concepts[min(len(concepts) - 1, done * len(concepts) // units)])
                n = 0
                if kind == "study":
                    n = min(rng.choice([1, 1, 1, 2, 2, 3]), units - done)
                elif kind == "practice":
                    n = min(rng.choice([0, 1]), units - done)
                single = V.UNIT_SINGULAR.get(unit, "Unit")
                if kind == "review":
                    note = f"Reviewed {concept}"
                elif kind == "practice":
                    note = f"Exercises on {concept}"
                elif n > 1:
                    note = f"{single}s {done + 1} to {done + n}: {concept}"
                else:
                    note = f"{single} {done + 1}: {concept}"
                r[6] += n
                text = [f"  - date: {(START + dt.timedelta(days=d)).isoformat()}\n",
                        f"    minutes: {rng.choice([30, 45, 60, 60, 75, 90, 90, 120, 150, 180])}\n",
                        f"    resource: {rid}\n"]
                if n:
                    text.append(f"    units: {n}\n")
                text.append(f"    note: {q(note)}\n")
                if kind != "study":
                    text.append(f"    kind: {kind}\n")
                if rng.random() < 0.03:
                    text.append("    private: true\n")
                out.append((d, "".join(text), rtitle if n and r[6] == units else None))
        return out

    def first_commitments(self, rng: Random) -> list[dict]:
        dues = [(dt.date(2025, 6, 30), "june-2025"), (dt.date(2025, 12, 31), "december-2025"),
                (dt.date(2026, 6, 30), "june-2026"), (dt.date(2026, 12, 31), "december-2026")]
        k = rng.randint(2, 4)
        ids = [s[0] for s in self.subjects[: self.present]]
        out = []
        for i in range(k):
            covers = ids[i * len(ids) // k: (i + 1) * len(ids) // k] or ids[-1:]
            titles = [s[1] for s in self.subjects if s[0] in covers]
            due, cid = dues[i]
            what = ", ".join(titles[:-1]) + " and " + titles[-1] if len(titles) > 1 else titles[0]
            out.append({"id": cid, "title": f"{capital(what.lower())} by the end of {due:%B %Y}", "made": START,
                        "due": due, "covers": covers, "note": rng.choice([
                            "Two evenings and a weekend day a week.", "Lectures first, then the exercises.",
                            "The hardest part of the plan, so it comes first.", "Then projects."])})
        return out

    def pending(self, day: int) -> int:
        """How many sessions up to local day `day` are not in the log yet."""
        return bisect_right(self.dates, day) - self.logged

    def apply(self, event: str, day: int) -> str:
        """Change the plan on local day `day`; return what changed, for the commit message."""
        date = START + dt.timedelta(days=day)
        if event == "move-due":
            c = self.commitments[0]
            c["due"] = month_end(c["due"], 1)
            return f"move the {c['id']} deadline to {c['due'].isoformat()}"
        if event == "add-subject":
            self.present += 1
            return f"add {self.subjects[self.present - 1][1].lower()}"
        if event == "add-commitment":
            subject = self.subjects[len(self.subjects) - 2]
            self.added = {"id": f"{subject[0]}-goal", "title": f"{subject[1]} within eight months", "made": date,
                          "due": month_end(date, 8), "covers": [subject[0]], "note": "Added once the basics were done."}
            self.commitments.append(self.added)
            return f"new commitment: {self.added['title'].lower()}"
        if event == "drop-commitment":
            candidates = [c for c in self.commitments if c is not self.added and c is not self.commitments[0]]
            dropped = candidates[-1]
            self.commitments.remove(dropped)
            return f"drop the {dropped['id']} commitment"
        if event == "move-due-added" and self.added is not None:
            self.added["due"] = month_end(self.added["due"], 2)
            return f"move the {self.added['id']} deadline to {self.added['due'].isoformat()}"
        if event == "private-milestone":
            self.milestones.append(f"  - date: {date.isoformat()}\n    title: \"First ML interview\"\n"
                                   "    private: true\n")
            return "add a milestone"
        return "update"

    def log_until(self, upto: int, day: int) -> None:
        """Append the sessions before index `upto` to the log, with a milestone for each finished resource."""
        for i in range(self.logged, upto):
            d, text, finished = self.sessions[i]
            self.log_text += text
            if finished:
                self.milestones.append(f"  - date: {(START + dt.timedelta(days=d)).isoformat()}\n"
                                       f"    title: {q('Finished ' + finished)}\n")
        self.logged = max(self.logged, upto)
        if not self.year_milestone and day >= 365:
            self.year_milestone = True
            self.milestones.append(f"  - date: {START.replace(year=START.year + 1).isoformat()}\n"
                                   "    title: \"One year of learning in public\"\n")

    def render(self) -> bytes:
        parts = [self.header, "subjects:\n", "\n".join(self.blocks[: self.present]), "\ncommitments:\n"]
        for c in self.commitments:
            parts.append(f"  - id: {c['id']}\n    title: {q(c['title'])}\n    made: {c['made'].isoformat()}\n"
                         f"    due: {c['due'].isoformat()}\n    covers: [{', '.join(c['covers'])}]\n"
                         f"    note: {q(c['note'])}\n")
        parts.append("\nmilestones:\n")
        parts.extend(self.milestones)
        if self.log_text:
            parts.append("\n# One entry per study session.\nlog:\n")
            parts.append(self.log_text)
        return "".join(parts).encode()


def month_end(day: dt.date, months: int) -> dt.date:
    """The last day of the month `months` after `day`'s."""
    y, m = divmod(day.month - 1 + months + 1, 12)
    return dt.date(day.year + y, m + 1, 1) - dt.timedelta(days=1)


TOPIC_CONCEPTS = {t[0]: t[3] for t in V.TOPICS}
ALL_PHRASES = [phrase_of(c) for t in V.TOPICS for c in t[3]]


# ---------------------------------------------------------------------------------------------- notes


def wrap(text: str, width: int = 100) -> str:
    out, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    return "\n".join(out)


def fill(template: str, t: str, o: str) -> str:
    return template.replace("{t}", t).replace("{T}", capital(t)).replace("{o}", o)


def paragraph(rng: Random, pool: list[str], t: str, lo: int = 2, hi: int = 5) -> str:
    return wrap(" ".join(fill(s, t, rng.choice(ALL_PHRASES)) for s in rng.sample(pool, rng.randint(lo, hi))))


def section(rng: Random, t: str, fn: str) -> str:
    roll = rng.random()
    head = f"## {rng.choice(V.HEADINGS)}\n\n"
    if roll < 0.35:
        return head + "\n\n".join(paragraph(rng, V.SENTENCES, t) for _ in range(rng.randint(1, 3))) + "\n"
    if roll < 0.5:
        bullets = rng.sample(V.BULLETS, rng.randint(3, 6))
        return head + "".join(f"- {fill(b, t, rng.choice(ALL_PHRASES))}\n" for b in bullets)
    if roll < 0.7:
        return (head + paragraph(rng, V.SENTENCES, t, 1, 2) + "\n\n```python\n"
                + rng.choice(V.CODE).replace("{fn}", fn) + "\n```\n")
    if roll < 0.8:
        header, rows = rng.choice(V.TABLES)
        return head + paragraph(rng, V.SENTENCES, t, 1, 2) + "\n\n" + header + "\n" + "\n".join(
            rng.sample(rows, rng.randint(3, len(rows)))) + "\n"
    if roll < 0.9:
        steps = rng.sample(V.STEPS, rng.randint(3, 6))
        return head + "".join(f"{i}. {fill(s, t, '')}\n" for i, s in enumerate(steps, 1))
    subs = rng.sample(V.SUBHEADINGS, 2)
    return head + "\n".join(f"### {s}\n\n{paragraph(rng, V.SENTENCES, t)}\n" for s in subs)


def write_body(rng: Random, note: Note) -> None:
    """The note's whole text, grown section by section over its versions."""
    pool = V.PRIVATE_SENTENCES if note.private else V.SENTENCES
    note.intro = (wrap(fill(rng.choice(V.INTROS), note.phrase, "")) if not note.private
                  else paragraph(rng, pool, "", 2, 4))
    # Most notes are short, a few are long: 20-200 lines in all (with links and revisions).
    note.target = int(rng.triangular(20, 90, 35) if rng.random() < 0.85 else rng.triangular(90, 185, 120))
    note.growth = rng.randint(12, 35)
    fn = note.slug.replace("-", "_")[:30].strip("_")
    have = 3 + note.intro.count("\n")  # the title, blank lines and intro around the sections
    note.sections, note.cum, total = [], [], 0
    while have + total < note.target:
        if note.private:
            heading = rng.choice(['This week', 'Worries', 'Next', 'Money', 'Jobs'])
            text = f"## {heading}\n\n" + paragraph(rng, pool, "") + "\n"
        else:
            text = section(rng, note.phrase, fn)
        note.sections.append(text)
        total += text.count("\n") + 1
        note.cum.append(total)


def relative(here: list[str], target: str) -> str:
    """The link from a note in folder `here` (docs-relative, split) to the docs-relative path `target`."""
    parts = target.split("/")
    i = 0
    while i < len(here) and i < len(parts) - 1 and here[i] == parts[i]:
        i += 1
    return "../" * (len(here) - i) + "/".join(parts[i:])


def render_note(note: Note, title: str, notes: list[Note]) -> bytes:
    here = note.final.split("/")[:-1]

    def link(i: int) -> str:
        target = notes[i]
        return f"[{target.title}]({relative(here, target.final)})"

    need = min(note.target, 20 + note.version * note.growth) - 3 - note.intro.count("\n")
    k = min(len(note.sections), bisect_left(note.cum, need) + 1)
    parts = [f"# {title}\n\n", note.intro]
    if note.targets:
        parts.append(f"\nIt builds on {link(note.targets[0])}.")
    parts.append("\n\n")
    parts.append("\n".join(note.sections[:k]))
    if len(note.targets) > 1:
        parts.append("\n## See also\n\n")
        parts.extend(f"- {link(i)}\n" for i in note.targets[1:])
    if note.revs:
        parts.append("\n## Revisions\n\n")
        parts.extend(note.revs)
    return "".join(parts).encode()


# ---------------------------------------------------------------------------------------------- site files


def mkdocs_yml(level: int, colour: str, name: str, handle: str) -> bytes:
    lines = [f"site_name: {name} learns ML in public\n", f"site_url: https://{handle}.github.io/learning-ml/\n"]
    if level >= 1:
        lines += [f"site_description: Notes, plan and weekly progress of {name}, learning machine learning.\n",
                  f"site_author: {name}\n", f"repo_url: https://github.com/{handle}/learning-ml\n",
                  "edit_uri: edit/main/docs/\n"]
    lines += ["\ntheme:\n  name: material\n  features:\n    - navigation.prune\n"]
    if level >= 2:
        lines += ["    - navigation.sections\n    - navigation.top\n    - search.highlight\n"]
    if level >= 5:
        lines += ["    - content.code.copy\n"]
    if level >= 4:
        lines += ["  palette:\n"]
        for media, scheme, icon, label in (("light", "default", "weather-night", "dark"),
                                           ("dark", "slate", "weather-sunny", "light")):
            lines += [f"    - media: \"(prefers-color-scheme: {media})\"\n      scheme: {scheme}\n",
                      f"      primary: {colour}\n      accent: {colour}\n",
                      f"      toggle:\n        icon: material/{icon}\n        name: Switch to {label} mode\n"]
    lines += ["\nplugins:\n  - search\n"]
    lines += ["  - inpublic:\n      plan: progress.yaml\n" if level >= 5 else "  - inpublic\n"]
    if level >= 3:
        lines += ["\nmarkdown_extensions:\n  - admonition\n  - attr_list\n  - tables\n"
                  "  - toc:\n      permalink: true\n",
                  "  - pymdownx.details\n  - pymdownx.superfences\n  - pymdownx.highlight\n  - pymdownx.inlinehilite\n"]
    return "".join(lines).encode()


def readme(name: str, focus: str, day: int) -> bytes:
    date = START + dt.timedelta(days=day)
    return (f"# Learning ML in public\n\nThe notes, study plan and weekly reports of {name}, published with "
            "[inpublic](https://github.com/inpublic/inpublic) and MkDocs.\n\n"
            f"## Now studying\n\n{focus} (updated {date.isoformat()}).\n\n"
            "## Build it\n\n```sh\npip install inpublic\nmkdocs serve\n```\n").encode()


def index_md(name: str) -> bytes:
    return (f"# {name} learns ML in public\n\nEverything on this site is built from my notes repository: the plan "
            "and its deadlines, my notes,\nand what I did each week.\n\n<!-- inpublic:home -->\n").encode()


# ---------------------------------------------------------------------------------------------- history


class Generator:
    def __init__(self, notes: int, commits: int, seed: int) -> None:
        if notes < MIN_NOTES or commits < MIN_COMMITS:
            raise SystemExit(f"generate.py: need at least {MIN_NOTES} notes and {MIN_COMMITS} commits")
        self.n_notes, self.n_commits, self.seed = notes, commits, seed
        self.rng = Random(seed)
        rng = self.rng
        self.learner = V.LEARNERS[rng.randrange(len(V.LEARNERS))]
        self.off, self.offsets = calendar(rng)
        self.times = commit_times(rng, commits, self.off, self.offsets)
        self.times[0] = min(self.times[0], (EPOCH0 + 19 * 3600 - self.offsets[0] * 60, self.offsets[0], 0, 19))
        self.events: dict[int, list[str]] = {}
        for frac, event in PLAN_EVENTS:
            self.events.setdefault(self.at(frac), []).append(event)
        add_days = [self.times[self.at(f)][2] for f, e in PLAN_EVENTS if e == "add-subject"]
        self.plan = Plan(rng, self.learner, self.off, add_days)
        # Topics: 8-12, one of which has its folder renamed half-way.
        renamable = [t for t in V.TOPICS if t[1]]
        self.renamed = rng.choice(renamable)
        others = [t for t in V.TOPICS if t is not self.renamed]
        chosen = [self.renamed] + rng.sample(others, rng.randint(8, 12) - 1)
        chosen.sort(key=lambda t: (t is not self.renamed, V.TOPICS.index(t)))
        self.topics = chosen
        self.folder = [t[1] if t is self.renamed else t[0] for t in chosen]
        self.weight = [rng.uniform(0.5, 2.0) for _ in chosen]
        self.active_from = [0 if i < 3 else self.at(0.03 + 0.47 * (i - 3) / max(1, len(chosen) - 3))
                            for i in range(len(chosen))]
        self.next_concept = [0] * len(chosen)
        self.used: set[str] = set()
        self.notes: list[Note] = []

    def at(self, frac: float) -> int:
        return max(1, min(self.n_commits - 1, round(frac * self.n_commits)))

    # -- phase 1: what each commit does, with abstract notes ------------------------------------------

    def schedule(self) -> list[int]:
        rng, c = self.rng, self.n_commits
        kinds = [EDIT] * c
        kinds[0] = INIT
        for i in self.events:
            kinds[i] = PLAN
        self.dirmove_at = self.at(0.5)
        while self.dirmove_at in self.events:
            self.dirmove_at += 1
        kinds[self.dirmove_at] = DIRMOVE
        free = [i for i in range(1, c) if kinds[i] == EDIT]
        n = self.n_notes
        self.n_private = max(1, min(5 + n // 100, n // 50))
        counts = {
            DELETE: max(1, n // 40), MOVE: max(2, c // 250), CONFIG: max(2, c // 200), PRIVATE: max(2, c // 100),
        }
        self.n_private = min(self.n_private, counts[PRIVATE])
        self.n_deleted = counts[DELETE]
        creations = n - self.n_private + self.n_deleted - 3
        taken: set[int] = set()
        for kind, lo in ((DELETE, c // 5), (MOVE, max(2, c // 20)), (CONFIG, 1), (PRIVATE, 1)):
            pool = [i for i in free if i >= lo and i not in taken]
            if len(pool) < counts[kind]:
                raise SystemExit("generate.py: too few commits for this many notes; raise --commits")
            for i in rng.sample(pool, counts[kind]):
                kinds[i] = kind
                taken.add(i)
        rest = [i for i in free if i not in taken]
        adds = min(creations, max(1, int(len(rest) * 0.6)))
        if creations > 0 and not rest:
            raise SystemExit("generate.py: too few commits for this many notes; raise --commits")
        self.per_add: dict[int, int] = {}
        add_at = sorted(rng.sample(rest, adds)) if creations > 0 else []
        for i in add_at:
            kinds[i] = ADD
            self.per_add[i] = 1
        for _ in range(creations - adds):
            self.per_add[add_at[rng.randrange(adds)]] += 1
        for i in rest:
            if kinds[i] == EDIT and rng.random() < 0.2:
                kinds[i] = PLAN
        return kinds

    def new_note(self, topic: int, private: bool = False) -> Note:
        if private:
            k = sum(1 for nt in self.notes if nt.private)
            slug, title, phrase = f"journal-{k + 1}", f"Journal {k + 1}", ""
        else:
            concepts = self.topics[topic][3]
            k = self.next_concept[topic]
            self.next_concept[topic] += 1
            rnd, ci = divmod(k, len(concepts))
            concept = concepts[ci]
            phrase = phrase_of(concept)
            if rnd == 0:
                slug, title = concept, capital(phrase)
            elif rnd <= len(V.MODIFIERS):
                mslug, mtitle = V.MODIFIERS[(rnd - 1 + ci) % len(V.MODIFIERS)]
                slug, title = f"{concept}-{mslug}", f"{capital(phrase)}: {mtitle}"
            else:
                part = rnd - len(V.MODIFIERS) + 1
                slug, title = f"{concept}-part-{part}", f"{capital(phrase)}, part {part}"
            sub = concept if rnd else ""
            base, extra = slug, 1
            while slug in self.used:
                extra += 1
                slug = f"{base}-{extra}"
        self.used.add(slug)
        note = Note(len(self.notes), topic, slug, title, phrase, private)
        if not private:
            note.sub = sub
        note.path = self.path_of(note)
        self.notes.append(note)
        return note

    def path_of(self, note: Note) -> str:
        if note.private:
            return f"docs/private/{note.slug}.md"
        if note.sub:
            return f"docs/{self.folder[note.topic]}/{note.sub}/{note.slug}.md"
        return f"docs/{self.folder[note.topic]}/{note.slug}.md"

    def simulate(self) -> list[tuple]:
        """Phase 1: each commit's kind, its operations on notes, and how far the plan's log goes."""
        rng, plan = self.rng, self.plan
        kinds = self.schedule()
        alive: list[Note] = []  # public notes, alive
        created: list[Note] = []
        private_made: list[Note] = []
        commits = []

        def kill(note: Note) -> None:
            note.alive = False
            last = alive.pop()
            if last is not note:
                alive[alive.index(note)] = last

        def create(topic: int) -> tuple:
            note = self.new_note(topic)
            alive.append(note)
            created.append(note)
            return ("W", note, note.path, note.title)

        last: list[Note] = []  # the note written last: often written again next (a session on one note)

        for i in range(self.n_commits):
            kind = kinds[i]
            day = self.times[i][2]
            ops: list[tuple] = []
            upto = None
            if kind == PLAN and not self.events.get(i) and plan.pending(day) <= 0:
                kind = EDIT
            if kind == INIT:
                ops = [create(t) for t in (0, 1, 2)]
                ops[0][1].anchor = True
                upto = 0
            elif kind == ADD:
                active = [t for t in range(len(self.topics)) if self.active_from[t] <= i]
                weights = [self.weight[t] for t in active]
                ops = [create(rng.choices(active, weights)[0]) for _ in range(self.per_add[i])]
            elif kind == EDIT:
                picked: list[Note] = []
                for _ in range(1 if rng.random() < 0.8 else rng.randint(2, 3)):
                    note = pick_note(rng, last, created, alive)
                    if note not in picked:
                        picked.append(note)
                ops = [("W", note, note.path, note.title) for note in picked]
            elif kind == DELETE:
                candidates = [nt for nt in alive[-50:] if not nt.anchor] or [nt for nt in alive if not nt.anchor]
                note = rng.choice(candidates)
                kill(note)
                ops = [("D", note, note.path, note.title)]
            elif kind == MOVE:
                note = alive[rng.randrange(len(alive))]
                while note.anchor:
                    note = alive[rng.randrange(len(alive))]
                old, old_title = note.path, note.title
                active = [t for t in range(len(self.topics)) if self.active_from[t] <= i and t != note.topic]
                if rng.random() < 0.7 and active:
                    note.topic, note.sub = rng.choice(active), ""
                    note.path = self.path_of(note)
                    ops = [("R", note, old, note.path, f"Move {old_title} to {self.folder[note.topic]}/")]
                else:  # a new name in the same folder
                    mslug, mtitle = V.MODIFIERS[rng.randrange(len(V.MODIFIERS))]
                    slug, extra = f"{note.slug}-{mslug}", 1
                    while slug in self.used:
                        extra += 1
                        slug = f"{note.slug}-{mslug}-{extra}"
                    self.used.add(slug)
                    note.slug, note.title = slug, f"{old_title}: {mtitle}"
                    note.path = self.path_of(note)
                    ops = [("R", note, old, note.path, f"Rename {old_title} to {note.title}")]
            elif kind == DIRMOVE:
                t = self.topics.index(self.renamed)
                old_dir = f"docs/{self.folder[t]}"
                self.folder[t] = self.renamed[0]
                for note in self.notes:
                    if note.alive and not note.private and note.topic == t:
                        note.path = self.path_of(note)
                ops = [("DIR", old_dir, f"docs/{self.folder[t]}", f"Rename folder {old_dir[5:]}/ to {self.folder[t]}/")]
            elif kind == PRIVATE:
                if len(private_made) < self.n_private:
                    note = self.new_note(-1, private=True)
                    private_made.append(note)
                else:
                    note = rng.choice(private_made)
                ops = [("W", note, note.path, note.title)]
            if kind == PLAN or (kind in (EDIT, ADD) and plan.pending(day) > 0 and rng.random() < 0.25):
                upto = plan.logged + max(0, plan.pending(day))
                plan.logged = upto  # provisional: phase 2 replays the log from the start
            written = [op[1] for op in ops if op[0] == "W" and not op[1].private]
            if written:
                last[:] = written[-1:]
            commits.append((kind, ops, upto))
        for note in self.notes:
            note.final = note.path[len("docs/"):]
        plan.logged = 0
        assert len(alive) + len(private_made) == self.n_notes, (len(alive), len(private_made))
        return commits

    # -- phase 2: the fast-import stream -------------------------------------------------------------

    def stream(self, out, commits: list[tuple]) -> None:
        rng = Random(self.seed * 7919 + 1)
        name, handle, _ = self.learner
        notes, plan = self.notes, self.plan
        who = f"{name} <{handle}@users.noreply.github.com>".encode()
        github = b"GitHub <noreply@github.com>"
        survivors: list[int] = []  # public notes alive at HEAD that exist so far: the only link targets
        level, colour = 0, 0

        for i, (kind, ops, upto) in enumerate(commits):
            ts, offset, day, _ = self.times[i]
            date = START + dt.timedelta(days=day)
            files: list[tuple[bytes, bytes]] = []
            changes: list[bytes] = []
            titles: list[str] = []
            for op in ops:
                if op[0] == "W":
                    note = op[1]
                    note.version += 1
                    if note.version == 0:
                        write_body(rng, note)
                        if not note.private and survivors:
                            note.targets = [survivors[j] for j in
                                            sorted({rng.randrange(len(survivors)) for _ in range(rng.randint(1, 4))})]
                        if note.alive and not note.private:
                            survivors.append(note.idx)
                    else:
                        if note.version * note.growth + 20 >= note.target:
                            note.revs = (note.revs + [f"- {date.isoformat()}: {rng.choice(V.REVISIONS)}\n"])[-3:]
                        if not note.private and survivors and len(note.targets) < 6 and rng.random() < 0.3:
                            j = survivors[rng.randrange(len(survivors))]
                            if j != note.idx and j not in note.targets:
                                note.targets.append(j)
                    files.append((op[2].encode(), render_note(note, op[3], notes)))
                    titles.append(op[3])
                elif op[0] == "D":
                    changes.append(b"D %s\n" % op[2].encode())
                    titles.append(op[3])
                elif op[0] == "R":
                    changes.append(f"R {op[2]} {op[3]}\n".encode())
                    titles.append(op[4])
                elif op[0] == "DIR":
                    changes.append(f"R {op[1]} {op[2]}\n".encode())
                    titles.append(op[3])
            committer = who
            if kind == INIT:
                files = [(b"mkdocs.yml", mkdocs_yml(0, "indigo", name, handle)),
                         (b"README.md", readme(name, plan.subjects[0][1], day)), (b".gitignore", b"site/\n.venv/\n"),
                         (b"docs/index.md", index_md(name))] + files
            elif kind == CONFIG:
                if rng.random() < 0.5:
                    if level < 5:
                        level += 1
                        what = ["site details", "navigation features", "Markdown extensions", "light and dark palette",
                                "code copy button, plugin options"][level - 1]
                    else:
                        colour = (colour + 1) % len(V.COLOURS)
                        what = f"{V.COLOURS[colour]} theme"
                    files.append((b"mkdocs.yml", mkdocs_yml(level, V.COLOURS[colour], name, handle)))
                    titles.append(what)
                else:
                    subject = plan.subjects[rng.randrange(plan.present)][1]
                    files.append((b"README.md", readme(name, subject, day)))
                    titles.append(subject)
                    committer = github if rng.random() < 0.5 else who
                    kind = -1  # a README commit
            done = []
            logged = 0
            if upto is not None:
                for event in self.events.get(i, []):
                    done.append(plan.apply(event, day))
                before = plan.logged
                plan.log_until(upto, day)
                files.append((b"progress.yaml", plan.render()))
                logged = plan.logged - before
            message = self.message(rng, kind, titles, done, logged, date)
            cts = ts if rng.random() < 0.85 else ts + rng.randrange(60, 7200)
            out.write(commit_record(who, committer, ts, cts, offset, message, changes, files))
        out.write(b"done\n")

    def message(self, rng: Random, kind: int, titles: list[str], done: list[str], logged: int, date: dt.date) -> str:
        log = f"log {logged} session{'s' if logged != 1 else ''}" if logged else ""
        if kind == INIT:
            return "Start learning in public: site, plan and first notes"
        if kind == PLAN:
            if done:
                return "Plan: " + "; ".join(done) + (f"; {log}" if log else "")
            return rng.choice([f"Log {logged} study session{'s' if logged != 1 else ''}", "Update progress",
                               f"progress.yaml: {log}", f"Sessions up to {date.isoformat()}"])
        if kind == PRIVATE:
            return rng.choice(["[private] journal", "[private] Journal: this week",
                               f"[private] notes for {date:%B %Y}", "Journal entry [private]"])
        if kind == DELETE:
            return rng.choice([f"Delete {titles[0]}", f"Remove {titles[0]} (merged into another note)",
                               f"Drop the {titles[0]} note"])
        if kind in (MOVE, DIRMOVE):
            return titles[0]
        if kind == CONFIG:
            return f"mkdocs.yml: {titles[0]}"
        if kind == -1:
            return rng.choice([f"README: now studying {titles[0].lower()}", "Update README.md", "README"])
        first = titles[0]
        if kind == ADD:
            text = (rng.choice([f"Add {first}", f"New note: {first}", f"Start notes on {first}"]) if len(titles) == 1
                    else f"Add {len(titles)} notes: " + ", ".join(titles))
        elif len(titles) == 1:
            text = rng.choice([f"Notes on {first}", f"Expand {first}", f"{first}: more examples",
                               f"Fix typos in {first}", f"Rework {first}", f"WIP {first}", f"{first}"])
        else:
            text = "Notes: " + ", ".join(titles)
        return text + (f"; {log}" if log else "")


# ---------------------------------------------------------------------------------------------- main


def pick_note(rng: Random, last: list, created: list, alive: list):
    """The note a commit edits: often the one written last (a session on one note), else a recent one, else any."""
    if last and last[0].alive and rng.random() < 0.45:
        return last[0]
    if rng.random() < 0.6:
        note = rng.choice(created[-12:])
        if note.alive:
            return note
    return alive[rng.randrange(len(alive))]


def commit_record(author: bytes, committer: bytes, authored: int, committed: int, offset: int, message: str,
                  changes: list[bytes], files: list[tuple[bytes, bytes]]) -> bytes:
    """One commit on main for `git fast-import`: its people, times and message, then `changes` (its own
    deletions and renames) and the `files` it writes (path, bytes)."""
    off = fmt_offset(offset).encode()
    msg = message.encode()
    chunks = [b"commit refs/heads/main\nauthor ", author, b" %d " % authored, off, b"\ncommitter ", committer,
              b" %d " % committed, off, b"\ndata %d\n" % len(msg), msg, b"\n", *changes]
    for path, data in files:
        chunks += [b"M 100644 inline %s\ndata %d\n" % (path, len(data)), data, b"\n"]
    return b"".join([*chunks, b"\n"])


def git_env() -> dict[str, str]:
    """git without the user's or the system's configuration, so that nothing but the stream decides the result."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", LC_ALL="C")
    # fast-import allocates and frees a compressor per object: without this, glibc hands the memory back to
    # the kernel each time and a quarter of the run goes into page faults. Ignored where glibc is not used.
    env.setdefault("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=268435456:glibc.malloc.top_pad=67108864:"
                                     "glibc.malloc.mmap_threshold=268435456")
    return env


def generate(dest: Path, notes: int, commits: int, seed: int = 1, shape: str = "synthetic") -> str:
    """Write the repository of that shape at `dest`; return its HEAD sha."""
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise SystemExit(f"generate.py: {dest} exists and is not empty")
    if shape not in SHAPES:
        raise SystemExit(f"generate.py: unknown shape {shape!r}, not one of {', '.join(SHAPES)}")
    if shape == "realistic":
        import realistic  # imported here, as it imports this module's pieces

        gen: Generator | realistic.RealisticGenerator = realistic.RealisticGenerator(notes, commits, seed)
    else:
        gen = Generator(notes, commits, seed)
    history = gen.simulate()
    env = git_env()
    dest.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(dest)], check=True, env=env)
    proc = subprocess.Popen(["git", "fast-import", "--quiet", "--done", "--date-format=raw"], cwd=dest,
                            stdin=subprocess.PIPE, env=env, bufsize=1 << 20)
    assert proc.stdin is not None
    try:
        gen.stream(proc.stdin, history)
        proc.stdin.close()
    except BrokenPipeError:
        pass
    if proc.wait() != 0:
        raise SystemExit(f"generate.py: git fast-import failed (exit {proc.returncode})")
    subprocess.run(["git", "reset", "-q", "--hard"], cwd=dest, check=True, env=env)
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=dest, check=True, env=env, capture_output=True,
                          text=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="S", help="XS, S, M or L (default: S)")
    parser.add_argument("--shape", choices=SHAPES, default="synthetic",
                        help="synthetic (default), or realistic: a TIL repository that moves its notes into docs/ "
                             "late in its history")
    parser.add_argument("--seed", type=int, default=1, help="the random seed (default: 1)")
    parser.add_argument("--notes", type=int, help="notes at HEAD, overriding the size's")
    parser.add_argument("--commits", type=int, help="commits, overriding the size's")
    parser.add_argument("dest", type=Path, help="where to create the repository")
    args = parser.parse_args(argv)
    notes, commits = SIZES[args.size]
    custom = args.notes is not None or args.commits is not None
    notes = args.notes if args.notes is not None else notes
    commits = args.commits if args.commits is not None else commits
    started = time.perf_counter()
    head = generate(args.dest, notes, commits, args.seed, args.shape)
    seconds = time.perf_counter() - started
    shape = "" if args.shape == "synthetic" else f"shape {args.shape}, "
    print(f"size {'custom' if custom else args.size}, {shape}notes {notes}, commits {commits}, seed {args.seed}, "
          f"{seconds:.1f} s, HEAD {head}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
