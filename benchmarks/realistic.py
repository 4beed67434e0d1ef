"""The realistic shape of benchmarks/generate.py (`--shape realistic`): the notes repository a learner already has
when they find inpublic, moved in late in its history.

For the first 80% of the commits it is a developer's TIL repository: short notes in topic folders at the root
(python/decorators.md, git/bisect.md), a README.md that links its newest notes and its topics, PNG images in a
topic's img/ folder or in images/, and no site (no mkdocs.yml, no progress.yaml, no docs/). The notes are
real-looking Markdown: fenced code blocks in the topic's language (python, bash, sql, js, yaml, dockerfile...),
inline code, lists, tables, quotes, links to other notes and to reference documentation, images.

Then ONE commit moves in, as `inpublic init --move-notes` does: every top-level folder of notes (and images/, which
the notes link into) renamed under docs/ (pure renames), README.md's links rewritten to follow them, with init's
commit message. The next commit adds what `inpublic init` writes (mkdocs.yml, progress.yaml, docs/index.md with
the home marker, requirements.txt, the Pages workflow, .gitignore's new lines), and the rest of the history goes
on under docs/: more notes, among them notes on the ML subjects of the new plan in folders of their own
(docs/calculus/...), and progress.yaml edited as in the synthetic shape, from the day of the move.

The notes' count at HEAD (Markdown under docs/ other than docs/index.md) and the commits' are exact, as in the
synthetic shape, and the same size and seed give the same HEAD sha.
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from bisect import bisect_left
from random import Random

import generate as G  # its pieces: calendar, commit times, the plan, links (generate.py imports this lazily)
import vocab as V

MOVE_IN = 0.8  # the move-in commit, as a fraction of the history
LATE = 0.15  # the share of the notes at HEAD written after moving in
REPO = "til"
TITLE = "Today I Learned"  # the README's title, which init makes the site's name
MOVE_MESSAGE = "Move my notes into docs/ for the site (inpublic init --move-notes)"  # init's, in moving_in/notes.py
START_MESSAGE = "Start learning in public"  # the commit init's next steps suggest for its files

# Kinds of commit.
INIT, ADD, EDIT, DELETE, MOVE, MOVED_IN, STARTER, PLAN = range(8)

# An image's colours: white, an axis grey, then the bars'.
PALETTE = bytes([255, 255, 255, 96, 96, 96, 63, 81, 181, 0, 150, 136, 255, 152, 0, 233, 30, 99, 121, 85, 72])


class Topic:
    __slots__ = ("code", "concepts", "folder", "lang", "title", "tokens", "url")

    def __init__(self, folder: str, title: str, lang: str, url: str | None, concepts: list[str], tokens: list[str],
                 code: list[str]) -> None:
        self.folder, self.title, self.lang, self.url = folder, title, lang, url
        self.concepts, self.tokens, self.code = concepts, tokens, code


class TilNote(G.Note):
    __slots__ = ("images",)

    def __init__(self, idx: int, topic: int, slug: str, title: str, phrase: str) -> None:
        super().__init__(idx, topic, slug, title, phrase, False)
        self.images: list[str] = []  # docs-relative paths (as at HEAD) of its images, shown under its introduction


class MovedInPlan(G.Plan):
    """The plan as `inpublic init` starts it on the day of the move: commitments made that day, sessions from it."""

    def __init__(self, rng: Random, learner: tuple[str, str, str], off: list[bool], add_days: list[int],
                 made: dt.date) -> None:
        self.made = made  # first_commitments, which Plan.__init__ calls, needs it
        super().__init__(rng, learner, off, add_days)
        self.header = self.header.replace("/learning-ml\n", f"/{REPO}\n")
        self.milestones = [f"  - date: {made.isoformat()}\n    title: \"Made my plan public\"\n"
                           f"    note: {G.q('My TIL notes became a site, with deadlines and a report every week.')}\n"]
        self.year_milestone = True  # its first year was over before the plan existed

    def first_commitments(self, rng: Random) -> list[dict]:
        out = super().first_commitments(rng)
        for months, c in zip((3, 6, 9, 12), out):
            c["due"] = G.month_end(self.made, months)
            c["made"] = self.made
            c["id"] = f"{c['due']:%B-%Y}".lower()
            c["title"] = c["title"].rsplit(" by the end of ", 1)[0] + f" by the end of {c['due']:%B %Y}"
        return out


# ---------------------------------------------------------------------------------------------- files


def png(rng: Random) -> bytes:
    """A small bar chart as a PNG (palette colours, stored deflate blocks: the same bytes with any zlib)."""
    width, height = rng.choice([(160, 96), (200, 120), (240, 120)])
    bars = rng.randint(3, 7)
    step = (width - 16) // bars
    tops = [rng.randint(12, height - 12) for _ in range(bars)]
    colours = [rng.randint(2, len(PALETTE) // 3 - 1) for _ in range(bars)]
    rows = []
    for y in range(height):
        row = [b"\x00", b"\x00" * 7, b"\x01"]  # the row's filter (none), a margin, the axis
        for top, colour in zip(tops, colours):
            row.append(bytes([colour if y >= top else 0]) * (step - 3) + b"\x00\x00\x00")
        row.append(b"\x00" * (width - 8 - bars * step))
        rows.append(b"".join(row))
    raw = b"".join(rows)
    blocks = [raw[i:i + 65535] for i in range(0, len(raw), 65535)]
    deflate = b"".join(struct.pack("<BHH", i == len(blocks) - 1, len(b), len(b) ^ 0xFFFF) + b
                       for i, b in enumerate(blocks))
    idat = b"\x78\x01" + deflate + struct.pack(">I", zlib.adler32(raw))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0))
            + chunk(b"PLTE", PALETTE) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


class Readme:
    """README.md, kept up to date as the notes change: what the repository is, its newest notes and its topics, each
    linked (to the note, or to the topic's folder)."""

    LATEST = 10

    def __init__(self, titles: dict[str, str], handle: str) -> None:
        self.titles, self.handle = titles, handle
        self.notes: dict[int, tuple[str, str]] = {}  # note -> its path and title, oldest first
        self.counts: dict[str, int] = {}  # topic folder -> notes in it
        self.prefix = ""  # "docs/" once the notes moved in

    def put(self, note: int, path: str, title: str) -> None:
        if note in self.notes:
            self.count(self.notes[note][0], -1)
        self.notes[note] = (path, title)
        self.count(path, 1)

    def remove(self, note: int) -> None:
        self.count(self.notes.pop(note)[0], -1)

    def count(self, path: str, change: int) -> None:
        folder = path.removeprefix("docs/").split("/", 1)[0]
        self.counts[folder] = self.counts.get(folder, 0) + change

    def move_in(self) -> None:
        self.prefix = "docs/"
        self.notes = {k: ("docs/" + path, title) for k, (path, title) in self.notes.items()}

    def render(self, site: bool) -> bytes:
        titles = self.titles
        parts = [f"# {TITLE}\n\nThings I learn day to day, one short note each, in a folder per topic. Started after "
                 "reading [jbranchaud/til](https://github.com/jbranchaud/til).\n\n"
                 f"_{len(self.notes)} notes so far._\n"]
        if site:
            parts.append("\nThey are a site too, with my study plan and what I did each week: "
                         f"https://{self.handle}.github.io/{REPO}/\n")
        parts.append("\n## Latest\n\n")
        for path, title in list(self.notes.values())[-self.LATEST:][::-1]:
            parts.append(f"- [{title}]({path}) ({titles[path.removeprefix('docs/').split('/', 1)[0]]})\n")
        parts.append("\n## Topics\n\n")
        for folder in sorted((f for f, n in self.counts.items() if n), key=lambda f: titles[f].lower()):
            parts.append(f"- [{titles[folder]}]({self.prefix}{folder}/): {self.counts[folder]} notes\n")
        return "".join(parts).encode()


def starter_files(name: str, handle: str, plan: bytes) -> list[tuple[bytes, bytes]]:
    """What `inpublic init` adds to the repository it moved the notes of, as its starter templates write it."""
    site_url = f"https://{handle}.github.io/{REPO}/"
    mkdocs_yml = (
        "# Your site, made by `inpublic init`. Preview it with `mkdocs serve`; publishing builds it with "
        "`mkdocs build --strict`.\n"
        f"site_name: {TITLE}\nsite_description: My notes, my study plan and my weekly progress, in public.\n"
        "# Where the site is published: feeds and calendar links need it. The publishing workflow sets SITE_URL to "
        "the\n# address GitHub Pages gives (a custom domain included); elsewhere, as in `mkdocs serve`, it is the "
        "second value.\n"
        f"site_url: !ENV [SITE_URL, \"{site_url}\"]\nrepo_url: https://github.com/{handle}/{REPO}\n"
        "edit_uri: edit/main/docs/\n\n"
        "theme:\n  name: material\n  features:\n"
        "    - navigation.prune      # keeps builds fast as notes pile up: each page carries only its part of the "
        "menu\n    - navigation.indexes\n    - navigation.top\n    - search.highlight\n  palette:\n"
        + "".join(f"    - media: \"(prefers-color-scheme: {media})\"\n      scheme: {scheme}\n"
                  f"      primary: indigo\n      accent: indigo\n      toggle:\n        icon: material/{icon}\n"
                  f"        name: Switch to {other} mode\n"
                  for media, scheme, icon, other in (("light", "default", "weather-night", "dark"),
                                                     ("dark", "slate", "weather-sunny", "light")))
        + "\nplugins:\n  - search\n  - inpublic               # reads progress.yaml next to this file\n\n"
        "validation:\n  not_found: warn          # a link to a missing note or image stops the strict build\n"
        "  anchors: warn            # a link to a missing #heading stops the strict build\n\n"
        "markdown_extensions:\n  - admonition\n  - attr_list\n  - md_in_html\n  - tables\n  - toc:\n"
        "      permalink: true\n  - pymdownx.details\n  - pymdownx.superfences\n")
    index_md = (f"# {TITLE}\n\nEverything on this site is built from my notes repository: my study plan and its "
                "deadlines, my notes,\nand what I did each week. If I fall behind, you will see it here first.\n\n"
                "<!-- inpublic:home -->\n")
    workflow = (
        "# Publishes your site on GitHub Pages at every push to main (made by `inpublic init`).\nname: pages\n\n"
        "on:\n  push:\n    branches: [main]\n  workflow_dispatch:\n\n"
        "permissions:\n  contents: read\n  pages: write\n  id-token: write\n\n"
        "jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
        "        with:\n          fetch-depth: 0\n      - uses: actions/setup-python@v5\n        with:\n"
        "          python-version: \"3.11\"\n      - run: python -m pip install -r requirements.txt\n"
        "      - id: pages\n        uses: actions/configure-pages@v5\n"
        "      - uses: actions/cache@v4\n        with:\n          path: .cache/inpublic\n"
        "          key: inpublic-${{ github.sha }}\n          restore-keys: inpublic-\n"
        "      - run: mkdocs build --strict\n        env:\n          SITE_URL: ${{ steps.pages.outputs.base_url }}/\n"
        "      - uses: actions/upload-pages-artifact@v3\n        with:\n          path: site\n\n"
        "  deploy:\n    needs: build\n    runs-on: ubuntu-latest\n    environment:\n      name: github-pages\n"
        "    steps:\n      - uses: actions/deploy-pages@v4\n")
    requirements = ("# What the publishing workflow installs: inpublic, which brings MkDocs and Material for MkDocs "
                    "with it.\ninpublic==0.1.0\n")
    gitignore = ".DS_Store\n*.swp\nsite/\n.venv/\n__pycache__/\n.cache/\n.*.lock\n.*.tmp\n"
    return [(b"mkdocs.yml", mkdocs_yml.encode()), (b"progress.yaml", plan), (b"docs/index.md", index_md.encode()),
            (b".github/workflows/pages.yml", workflow.encode()), (b"requirements.txt", requirements.encode()),
            (b".gitignore", gitignore.encode())]


# ---------------------------------------------------------------------------------------------- notes


def inline(rng: Random, topic: Topic) -> str:
    return f"`{rng.choice(topic.tokens)}`"


def say(rng: Random, template: str, note: G.Note, topic: Topic) -> str:
    other = G.phrase_of(rng.choice(topic.concepts)) if topic.url is None else til_phrase(rng.choice(topic.concepts))
    return (template.replace("{t}", note.phrase).replace("{T}", G.capital(note.phrase))
            .replace("{c}", inline(rng, topic)).replace("{o}", other))


def til_phrase(slug: str) -> str:
    return V.TIL_PHRASES.get(slug) or slug.replace("-", " ")


def code_block(rng: Random, note: G.Note, topic: Topic) -> str:
    fn = note.slug.replace("-", "_")[:30].strip("_")
    code = rng.choice(topic.code).replace("{fn}", fn).replace("{Fn}", fn.title().replace("_", ""))
    return f"```{topic.lang}\n{code}\n```\n"


def section(rng: Random, note: G.Note, topic: Topic) -> str:
    head = f"## {rng.choice(V.TIL_HEADINGS)}\n\n"

    def prose(lo: int = 1, hi: int = 3) -> str:
        return G.wrap(" ".join(say(rng, s, note, topic) for s in rng.sample(V.TIL_SENTENCES, rng.randint(lo, hi))))

    roll = rng.random()
    if roll < 0.3:
        return head + prose() + "\n\n" + code_block(rng, note, topic)
    if roll < 0.4:
        return (head + prose(1, 2) + "\n\n" + code_block(rng, note, topic) + "\nIt prints:\n\n```text\n"
                + rng.choice(V.TIL_OUTPUTS) + "\n```\n")
    if roll < 0.6:
        return head + "\n\n".join(prose(2, 4) for _ in range(rng.randint(1, 2))) + "\n"
    if roll < 0.75:
        return head + "".join(f"- {say(rng, b, note, topic)}\n" for b in rng.sample(V.TIL_BULLETS, rng.randint(3, 5)))
    if roll < 0.85:
        tokens = rng.sample(topic.tokens, min(len(topic.tokens), rng.randint(3, 5)))
        return (head + prose(1, 1) + "\n\n| What | When |\n| --- | --- |\n"
                + "".join(f"| `{t}` | {rng.choice(V.TIL_TABLE_DESCRIPTIONS)} |\n" for t in tokens))
    if roll < 0.93:
        steps = rng.sample(V.TIL_STEPS, rng.randint(3, 5))
        return head + "".join(f"{i}. {say(rng, s, note, topic)}\n" for i, s in enumerate(steps, 1))
    return head + f"> **Note**\n> {say(rng, rng.choice(V.TIL_SENTENCES), note, topic)}\n\n" + prose(1, 2) + "\n"


def write_body(rng: Random, note: TilNote, topic: Topic) -> None:
    """The note's whole text, grown section by section over its versions (as the synthetic notes are)."""
    note.intro = G.wrap(say(rng, rng.choice(V.TIL_INTROS), note, topic))
    # TIL notes are short, a few are long: 14-140 lines in all.
    note.target = int(rng.triangular(14, 60, 24) if rng.random() < 0.85 else rng.triangular(60, 140, 80))
    note.growth = rng.randint(8, 25)
    have = 3 + note.intro.count("\n") + 2 * len(note.images)
    note.sections, note.cum, total = [], [], 0
    while have + total < note.target or not note.sections:
        text = section(rng, note, topic)
        note.sections.append(text)
        total += text.count("\n") + 1
        note.cum.append(total)


def render_note(note: TilNote, title: str, notes: list[G.Note], topic: Topic) -> bytes:
    """The note's text at its current version: the title, the introduction and its images, the sections written
    so far, and links to other notes and to the documentation."""
    here = note.final.split("/")[:-1]

    def link(i: int) -> str:
        return f"[{notes[i].title}]({G.relative(here, notes[i].final)})"

    need = min(note.target, 14 + note.version * note.growth) - 3 - note.intro.count("\n")
    k = min(len(note.sections), bisect_left(note.cum, need) + 1)
    parts = [f"# {title}\n\n", note.intro]
    if note.targets:
        parts.append(f" Related: {link(note.targets[0])}.")
    parts.append("\n\n")
    for n, image in enumerate(note.images):
        alt = V.TIL_IMAGES[(note.idx + n) % len(V.TIL_IMAGES)].replace("{t}", note.phrase)
        parts.append(f"![{alt}]({G.relative(here, image)})\n\n")
    parts.append("\n".join(note.sections[:k]))
    more = [link(i) for i in note.targets[1:]]
    if topic.url and note.version > 0:
        more.append(f"[{topic.title} documentation]({topic.url})")
    if more:
        parts.append("\n## See also\n\n")
        parts.extend(f"- {m}\n" for m in more)
    return "".join(parts).encode()


# ---------------------------------------------------------------------------------------------- history


class RealisticGenerator:
    def __init__(self, notes: int, commits: int, seed: int) -> None:
        if notes < G.MIN_NOTES or commits < G.MIN_COMMITS:
            raise SystemExit(f"generate.py: need at least {G.MIN_NOTES} notes and {G.MIN_COMMITS} commits")
        self.n_notes, self.n_commits, self.seed = notes, commits, seed
        self.rng = rng = Random(seed)
        self.learner = V.LEARNERS[rng.randrange(len(V.LEARNERS))]
        self.off, self.offsets = G.calendar(rng)
        self.times = G.commit_times(rng, commits, self.off, self.offsets)
        self.times[0] = min(self.times[0], (G.EPOCH0 + 19 * 3600 - self.offsets[0] * 60, self.offsets[0], 0, 19))
        self.move_in = self.at(MOVE_IN)
        self.late_from = self.move_in + 2  # the first commit after init's files
        span = commits - self.late_from
        # The plan's changes, over the commits after the move, in the order and proportions of the synthetic shape.
        self.events: dict[int, list[str]] = {}
        for frac, event in G.PLAN_EVENTS:
            self.events.setdefault(self.late_from + int((frac - 0.2) / 0.7 * span), []).append(event)
        add_days = [self.times[i][2] for i, events in sorted(self.events.items()) for e in events if e == "add-subject"]
        move_day = self.times[self.move_in][2]
        self.plan = MovedInPlan(rng, self.learner, [o or d < move_day for d, o in enumerate(self.off)], add_days,
                                G.START + dt.timedelta(days=move_day))
        pool = [Topic(f, t, lang, url, c, tokens, V.TIL_CODE[lang]) for f, t, lang, url, c, tokens in V.TIL_TOPICS]
        early = pool[:2] + sorted(rng.sample(pool[2:], rng.randint(6, 10)), key=pool.index)
        # After the move, notes on the ML subjects the plan starts with, each in a folder of its own.
        ml = {t[0]: t for t in V.TOPICS}
        late = [Topic(ml[s[2]][0], ml[s[2]][2], "python", None, ml[s[2]][3], V.ML_TOKENS, V.CODE)
                for s in self.plan.subjects[:3]]
        self.topics = early + late
        self.n_early = len(early)
        self.weight = [rng.uniform(0.5, 2.0) for _ in self.topics]
        self.active_from = [0 if i < 2 else self.at(MOVE_IN * 0.6 * (i - 2) / max(1, len(early) - 2))
                            for i in range(len(early))] + [self.late_from] * len(late)
        self.next_concept = [0] * len(self.topics)
        self.used: set[str] = set()
        self.notes: list[TilNote] = []
        self.prefix = ""  # where the notes are: "" before the move, "docs/" after

    def at(self, frac: float) -> int:
        return max(1, min(self.n_commits - 3, round(frac * self.n_commits)))

    # -- phase 1: what each commit does ----------------------------------------------------------------------------

    def schedule(self) -> list[int]:
        rng, c, m = self.rng, self.n_commits, self.move_in
        kinds = [EDIT] * c
        kinds[0], kinds[m], kinds[m + 1] = INIT, MOVED_IN, STARTER
        for i in self.events:
            kinds[i] = PLAN
        n = self.n_notes
        self.n_late = max(1, round(n * LATE))
        deletions = max(1, n // 50)
        early = list(range(1, m))
        late = [i for i in range(self.late_from, c) if kinds[i] == EDIT]
        taken: set[int] = set()
        for kind, count, pool in ((DELETE, deletions, [i for i in early if i >= m // 5]),
                                  (MOVE, max(1, m // 150), [i for i in early if i >= m // 10]),
                                  (MOVE, 1 if len(late) >= 10 else 0, late)):
            pool = [i for i in pool if i not in taken]
            if len(pool) < count:
                raise SystemExit("generate.py: too few commits for this many notes; raise --commits")
            for i in rng.sample(pool, count):
                kinds[i] = kind
                taken.add(i)
        self.per_add: dict[int, int] = {}
        self.place_adds(kinds, [i for i in early if i not in taken], n - self.n_late + deletions - 2)
        self.place_adds(kinds, [i for i in late if i not in taken] or list(range(self.late_from, c)), self.n_late)
        for i in late:
            if kinds[i] == EDIT and rng.random() < 0.2:
                kinds[i] = PLAN
        return kinds

    def place_adds(self, kinds: list[int], free: list[int], creations: int) -> None:
        """Spread `creations` new notes over some of the `free` commits (most add one note, some several)."""
        if creations <= 0:
            return
        if not free:
            raise SystemExit("generate.py: too few commits for this many notes; raise --commits")
        adds = sorted(self.rng.sample(free, min(creations, max(1, int(len(free) * 0.6)))))
        for i in adds:
            kinds[i] = ADD if kinds[i] == EDIT else kinds[i]
            self.per_add[i] = 1
        for _ in range(creations - len(adds)):
            self.per_add[adds[self.rng.randrange(len(adds))]] += 1

    def new_note(self, topic: int) -> TilNote:
        rng, spec = self.rng, self.topics[topic]
        k = self.next_concept[topic]
        self.next_concept[topic] += 1
        rnd, ci = divmod(k, len(spec.concepts))
        concept = spec.concepts[ci]
        phrase = til_phrase(concept) if spec.url else G.phrase_of(concept)
        if rnd == 0:
            slug, title = concept, G.capital(phrase)
        elif rnd <= len(V.TIL_MODIFIERS):
            mslug, mtitle = V.TIL_MODIFIERS[(rnd - 1 + ci) % len(V.TIL_MODIFIERS)]
            slug, title = f"{concept}-{mslug}", f"{G.capital(phrase)}: {mtitle}"
        else:
            slug, title = f"{concept}-{rnd}", f"{G.capital(phrase)}, {rnd}"
        base, extra = slug, 1
        while slug in self.used:
            extra += 1
            slug = f"{base}-{extra}"
        self.used.add(slug)
        note = TilNote(len(self.notes), topic, slug, title, phrase)
        note.path = f"{self.prefix}{spec.folder}/{slug}.md"
        if rng.random() < 0.3:  # a picture or two: in the topic's img/ folder, or (before the site) in images/
            shared = not self.prefix and rng.random() < 0.5
            first = f"images/{spec.folder}-{slug}" if shared else f"{spec.folder}/img/{slug}"
            note.images = [f"{first}.png"] + ([f"{first}-2.png"] if rng.random() < 0.15 else [])
        self.notes.append(note)
        return note

    def simulate(self) -> list[tuple]:
        """Phase 1: each commit's kind, its operations on notes, how far the plan's log goes, and whether README.md
        changes."""
        rng, plan, topics = self.rng, self.plan, self.topics
        kinds = self.schedule()
        alive: list[TilNote] = []
        created: list[TilNote] = []
        commits = []
        last: list[TilNote] = []

        def create(i: int) -> tuple:
            if i < self.move_in:
                active = [t for t in range(self.n_early) if self.active_from[t] <= i]
            else:
                late = rng.random() < 0.6
                active = [t for t in range(len(topics)) if (t >= self.n_early) == late]
            note = self.new_note(rng.choices(active, [self.weight[t] for t in active])[0])
            alive.append(note)
            created.append(note)
            return ("W", note, note.path, note.title)

        for i in range(self.n_commits):
            kind = kinds[i]
            day = self.times[i][2]
            ops: list[tuple] = []
            upto = None
            if kind == PLAN and not self.events.get(i) and plan.pending(day) <= 0:
                kind = EDIT
            if kind == INIT:
                ops = [create(i), create(i)]
                ops[0][1].anchor = True
            elif kind == MOVED_IN:
                ops = [("MOVE_IN", self.moving(alive))]
                self.prefix = "docs/"
                for note in alive:
                    note.path = "docs/" + note.path
            elif kind == STARTER:
                upto = plan.logged + max(0, plan.pending(day))
            elif kind == EDIT:
                picked: list[TilNote] = []
                for _ in range(1 if rng.random() < 0.85 else 2):
                    note = G.pick_note(rng, last, created, alive)
                    if note not in picked:
                        picked.append(note)
                ops = [("W", note, note.path, note.title) for note in picked]
            elif kind == DELETE:
                candidates = [nt for nt in alive[-50:] if not nt.anchor] or [nt for nt in alive if not nt.anchor]
                note = rng.choice(candidates)
                note.alive = False
                alive.remove(note)
                ops = [("D", note, note.path, note.title)]
            elif kind == MOVE:
                note = rng.choice([nt for nt in alive if not nt.anchor])
                old, old_title = note.path, note.title
                folders = [t for t in range(self.n_early) if self.active_from[t] <= i and t != note.topic]
                # to another folder only before the move: a note's links are written from where it ends up, and one
                # that is still to leave python/ when the notes move in would link `../python/img/x.png` from python/,
                # which init's move rewrites: the move would not be pure renames
                if i < self.move_in and rng.random() < 0.6 and folders:
                    note.topic = rng.choice(folders)
                    what = f"Move {old_title} to {topics[note.topic].folder}/"
                else:  # a better name in the same folder
                    mslug, mtitle = V.TIL_MODIFIERS[rng.randrange(len(V.TIL_MODIFIERS))]
                    slug, extra = f"{note.slug}-{mslug}", 1
                    while slug in self.used:
                        extra += 1
                        slug = f"{note.slug}-{mslug}-{extra}"
                    self.used.add(slug)
                    note.slug, note.title = slug, f"{old_title}: {mtitle}"
                    what = f"Rename {old_title} to {note.title}"
                note.path = f"{self.prefix}{topics[note.topic].folder}/{note.slug}.md"
                ops = [("R", note, old, note.path, note.title, what)]
            ops += [create(i) for _ in range(self.per_add.get(i, 0))]
            if i >= self.late_from and (kind == PLAN or self.events.get(i) or (
                    kind in (EDIT, ADD) and plan.pending(day) > 0 and rng.random() < 0.25)):
                upto = plan.logged + max(0, plan.pending(day))
            if upto is not None:
                plan.logged = upto  # provisional: phase 2 replays the log from the start
            written = [op[1] for op in ops if op[0] == "W"]
            if written:
                last[:] = written[-1:]
            # README.md lists the notes: it changes with them (not in init's commit of its own files)
            relist = kind in (INIT, DELETE, MOVE, MOVED_IN) or i in self.per_add
            commits.append((kind, ops, upto, relist))
        for note in self.notes:
            note.final = note.path.removeprefix("docs/")
        plan.logged = 0
        assert len(alive) == self.n_notes, (len(alive), self.n_notes)
        return commits

    def moving(self, alive: list[TilNote]) -> list[str]:
        """The top-level folders that init's survey moves: those with notes, and those the notes link into
        (images/, or a topic's img/ folder whose notes all moved elsewhere); a folder of images alone that no
        note links into stays."""
        tops = {note.path.split("/", 1)[0] for note in alive}
        tops |= {image.split("/", 1)[0] for note in alive for image in note.images}
        return sorted(tops, key=str.lower)

    # -- phase 2: the fast-import stream ---------------------------------------------------------------------------

    def stream(self, out, commits: list[tuple]) -> None:
        rng = Random(self.seed * 7919 + 2)
        name, handle, _ = self.learner
        notes, plan, topics = self.notes, self.plan, self.topics
        who = f"{name} <{handle}@users.noreply.github.com>".encode()
        survivors: list[int] = []  # notes alive at HEAD that exist so far: the only link targets
        listing = Readme({t.folder: t.title for t in topics}, handle)

        for i, (kind, ops, upto, relist) in enumerate(commits):
            ts, offset, day, _ = self.times[i]
            files: list[tuple[bytes, bytes]] = []
            changes: list[bytes] = []
            said: list[str] = []
            for op in ops:
                if op[0] == "W":
                    note = op[1]
                    topic = topics[note.topic]
                    note.version += 1
                    if note.version == 0:
                        write_body(rng, note, topic)
                        if survivors:
                            note.targets = [survivors[j] for j in
                                            sorted({rng.randrange(len(survivors)) for _ in range(rng.randint(0, 3))})]
                        if note.alive:
                            survivors.append(note.idx)
                        prefix = "docs/" if op[2].startswith("docs/") else ""  # written after the move
                        files.extend((f"{prefix}{image}".encode(), png(rng)) for image in note.images)
                        listing.put(note.idx, op[2], op[3])
                    elif survivors and len(note.targets) < 5 and rng.random() < 0.25:
                        j = survivors[rng.randrange(len(survivors))]
                        if j != note.idx and j not in note.targets:
                            note.targets.append(j)
                    files.append((op[2].encode(), render_note(note, op[3], notes, topic)))
                    said.append(op[3])
                elif op[0] == "D":
                    changes.append(b"D %s\n" % op[2].encode())
                    listing.remove(op[1].idx)
                    said.append(op[3])
                elif op[0] == "R":
                    changes.append(f"R {op[2]} {op[3]}\n".encode())
                    listing.put(op[1].idx, op[3], op[4])
                    said.append(op[5])
                elif op[0] == "MOVE_IN":
                    changes.extend(f"R {top} docs/{top}\n".encode() for top in op[1])
                    listing.move_in()
            if kind == INIT:
                files.append((b".gitignore", b".DS_Store\n*.swp\n"))
            if relist:
                files.append((b"README.md", listing.render(site=i > self.move_in)))
            done = []
            logged = 0
            if upto is not None:
                for event in self.events.get(i, []):
                    done.append(plan.apply(event, day))
                before = plan.logged
                plan.log_until(upto, day)
                logged = plan.logged - before
                if kind == STARTER:
                    files.extend(starter_files(name, handle, plan.render()))
                else:
                    files.append((b"progress.yaml", plan.render()))
            message = self.message(rng, kind, said, done, logged, topics)
            cts = ts if rng.random() < 0.85 else ts + rng.randrange(60, 7200)
            out.write(G.commit_record(who, who, ts, cts, offset, message, changes, files))
        out.write(b"done\n")

    def message(self, rng: Random, kind: int, said: list[str], done: list[str], logged: int,
                topics: list[Topic]) -> str:
        log = f"log {logged} session{'s' if logged != 1 else ''}" if logged else ""
        if kind == INIT:
            return "First TILs"
        if kind == MOVED_IN:
            return MOVE_MESSAGE
        if kind == STARTER:
            return START_MESSAGE
        if kind in (MOVE, DELETE) and said:
            return said[0] if kind == MOVE else rng.choice([f"Remove {said[0]}", f"Delete {said[0]}: it was wrong"])
        if kind == PLAN and not said:
            if done:
                return "Plan: " + "; ".join(done) + (f"; {log}" if log else "")
            return rng.choice([f"Log {logged} study session{'s' if logged != 1 else ''}", "Update progress",
                               f"progress.yaml: {log}"])
        first = said[0] if said else "notes"
        if kind in (ADD, PLAN) and len(said) == 1:
            text = rng.choice([f"Add TIL: {first}", f"TIL: {first}", f"Add {first}", f"New TIL about {first}"])
        elif kind in (ADD, PLAN):
            text = f"Add {len(said)} TILs: " + ", ".join(said)
        elif len(said) == 1:
            text = rng.choice([f"Update {first}", f"Fix typo in {first}", f"{first}: another example",
                               f"Clarify {first}", first])
        else:
            text = "Update " + ", ".join(said)
        if done:
            text += "; plan: " + "; ".join(done)
        return text + (f"; {log}" if log else "")
