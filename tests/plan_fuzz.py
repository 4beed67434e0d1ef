"""A seeded, structure-aware fuzzer of progress.yaml: broken plans made from good ones, for tests/test_plan_fuzz.py.

    python tests/plan_fuzz.py SEED INDEX     prints case INDEX of SEED (what a failing test names) to reproduce it

A case starts from a valid plan (a good fixture, the example's progress.yaml, or a shorter cut of it) read into a
tree that keeps each scalar as it was written. One to three mutations change the tree: keys deleted, duplicated or
misspelt, values of the wrong type, hostile scalars, anchors, aliases and merge keys, alias bombs, deep nesting.
The tree is written as YAML, and one text mutation in two follows: %YAML and %TAG directives, tabs, a byte order
mark, CRLF, quotes and brackets left open, lines repeated or lost, truncation, flipped bytes. Case i of seed s
depends only on (s, i), so any one case can be made again alone.
"""

from __future__ import annotations

import json
import random
import re
import sys
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import ReusedAnchorWarning
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

ROOT = Path(__file__).resolve().parent.parent
GOOD = sorted((ROOT / "tests" / "plans" / "good").glob("*.yaml"))
EXAMPLE = ROOT / "progress.yaml"

# The keys of progress.yaml, for misspellings that are near and far.
KEYS = ["learner", "subjects", "commitments", "log", "milestones", "name", "bio", "timezone", "started", "repo",
        "id", "title", "resources", "kind", "url", "units", "unit", "done", "made", "due", "covers", "note",
        "date", "minutes", "resource", "private"]

HOSTILE = [
    "9" * 5000, "-" + "9" * 40, "99999999999999999999", "1e400", "1_000", "0x1F", "0o17", "+1", "-1", "0", "1.5",
    ".nan", ".NaN", ".inf", "-.inf", "~", "null", "Null", "", " ", "yes", "no", "on", "off", "True", "y", "n",
    "2026-02-30", "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "2026-13-01", "2026-1-1",
    "2026-10-05T10:00:00", "2026-10-05 10:00", "05/10/2026",
    "a" * 300, "x" * 65, "é" * 70, "Ünïcødé", "日本語のノート", "🙂🙂", "\u202eevil", "zero\u200bwidth", "e\u0301",
    "<script>alert(1)</script>", "</title><script>x</script>", "{{ config }}", "{% raw %}", "${HOME}", "&amp;",
    "../../etc/passwd", "CON", "index", "INDEX", "a/b", "a/b/c", "/", ".", "..", "-", "_a", "a b", "June",
    "*", "&", "!", "|", ">", "%", "@", "`", "#", "? x", ": x", "- x", "a: b", "[a", "{a", "]", "}", ",",
    "\x00", "\x07", "\x1b[31mred", "\x7f", "\x85", "\u2028", "\ufeff", "\t", "\\", "'", '"', "line\nbreak",
    "Europe/London", "UTC", "Etc/GMT+5", "America/New_York", "https://example.com", "http://", "javascript:alert(1)",
]
RAW = ["*a", "*undefined", "&a x", "!!int x", "!!binary aGk=", "!!python/object/apply:os.system ['true']",
       "!local x", "!!null", "!!str", "!!map {}", "!!seq []", "? x", "|\n  block", ">-", "'open", '"open', "[open",
       "{open", "a: b: c", "- - x", "@x", "`x", "%x", "&", "*", "!", "|", ">", "~", "''", '""', "[]", "{}",
       "[[[[[[[[]]]]]]]]", "{a: {b: {c: {}}}}", "\t", "x #comment", "x#y", ": ", "- ", "-", "?", ":"]


class Map(list):  # type: ignore[type-arg]
    """A mapping as [key, value] pairs, so that a key can appear twice."""


class Seq(list):  # type: ignore[type-arg]
    """A list."""


@dataclass
class Raw:
    """A scalar written as is: plain, or any YAML text."""

    text: str


@dataclass
class Quoted:
    """A scalar written in double quotes."""

    text: str


@dataclass
class Anchor:
    name: str
    value: Any


@dataclass
class Alias:
    name: str


@dataclass
class Flow:
    """A collection written in brackets."""

    value: Any


def as_tree(node: Node | None) -> Any:
    """The tree of a composed plan, each scalar as written (plain or quoted)."""
    if isinstance(node, MappingNode):
        return Map([[as_tree(k), as_tree(v)] for k, v in node.value])
    if isinstance(node, SequenceNode):
        return Seq(as_tree(item) for item in node.value)
    if isinstance(node, ScalarNode):
        return Raw(node.value) if not node.style else Quoted(node.value)
    return Raw("")


def clone(tree: Any) -> Any:
    """A copy of the tree's collections (scalars are never changed in place, so they are shared)."""
    if isinstance(tree, Map):
        return Map([[clone(k), clone(v)] for k, v in tree])
    if isinstance(tree, Seq):
        return Seq(clone(v) for v in tree)
    if isinstance(tree, Anchor):
        return Anchor(tree.name, clone(tree.value))
    if isinstance(tree, Flow):
        return Flow(clone(tree.value))
    return tree


def bases() -> list[Any]:
    """The valid plans cases start from, as trees: the good fixtures, the example cut short, and the example."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReusedAnchorWarning)  # a good plan sets an anchor twice
        trees = [as_tree(YAML(typ="safe", pure=True).compose(p.read_text(encoding="utf-8"))) for p in GOOD]
    example = as_tree(YAML(typ="safe").compose(EXAMPLE.read_text(encoding="utf-8")))
    short = clone(example)
    for pair in short:
        if pair[0] == Raw("subjects"):
            del pair[1][2:]
        if pair[0] == Raw("log"):
            del pair[1][4:]
    return trees + [short, example]


# Writing a tree as YAML -----------------------------------------------------------------------------------------

PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _./()+@,'-]*")
FLOW_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _./()+@'-]*")


def scalar(value: Any, flow: bool = False) -> str:
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, Quoted):
        return json.dumps(value.text, ensure_ascii=False)
    if isinstance(value, Alias):
        return f"*{value.name}"
    if isinstance(value, Anchor):
        return f"&{value.name} {inline(value.value)}"
    return inline(value)


def inline(value: Any) -> str:
    """A value on one line, collections in brackets."""
    if isinstance(value, Flow):
        return inline(value.value)
    if isinstance(value, Map):
        return "{" + ", ".join(f"{inline(k)}: {inline(v)}" for k, v in value) + "}"
    if isinstance(value, Seq):
        return "[" + ", ".join(inline(v) for v in value) + "]"
    return scalar(value, flow=True)


def block(value: Any, indent: int) -> list[str]:
    """The lines of a collection written in block style at `indent`."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, Map):
        for key, item in value:
            head = f"{pad}{inline(key) if isinstance(key, (Map, Seq)) else scalar(key)}:"
            lines += after(head, item, indent)
    else:
        for item in value:
            lines += after(f"{pad}-", item, indent)
    return lines


def after(head: str, value: Any, indent: int) -> list[str]:
    """`head` ('key:' or '-') and its value: on the same line, or on the lines under it."""
    anchor = ""
    if isinstance(value, Anchor) and isinstance(value.value, (Map, Seq)) and value.value:
        anchor, value = f" &{value.name}", value.value
    if isinstance(value, (Map, Seq)) and value:
        if head.endswith("-") and not anchor:  # `- key: value` with the rest of the item under it
            inner = block(value, indent + 2)
            return [head + " " + inner[0][indent + 2 :], *inner[1:]]
        return [head + anchor, *block(value, indent + 2)]
    return [f"{head} {inline(value)}".rstrip() if not isinstance(value, Raw) or value.text else head]


def dump(tree: Any) -> str:
    if isinstance(tree, (Map, Seq)) and tree:
        return "\n".join(block(tree, 0)) + "\n"
    return inline(tree) + "\n"


# Mutations of the tree ------------------------------------------------------------------------------------------

def collections(tree: Any) -> Iterator[Map | Seq]:
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, (Anchor, Flow)):
            stack.append(node.value)
        elif isinstance(node, Map):
            yield node
            stack.extend(v for _, v in node)
        elif isinstance(node, Seq):
            yield node
            stack.extend(node)


def slots(tree: Any) -> list[tuple[list[Any], int]]:
    """Every place a value stands: (its map's pair, 1) or (its list, index)."""
    out: list[tuple[list[Any], int]] = []
    for coll in collections(tree):
        if isinstance(coll, Map):
            out += [(pair, 1) for pair in coll]
        else:
            out += [(coll, i) for i in range(len(coll))]
    return out


def typo(word: str, rng: random.Random) -> str:
    if not word:
        return "x"
    i = rng.randrange(len(word))
    return rng.choice([
        word[:i] + word[i + 1 :],  # a letter lost
        word[:i] + word[i : i + 2][::-1] + word[i + 2 :],  # two swapped
        word + "s", word.rstrip("s"), word.capitalize(), word.upper(), word + "_", " " + word, word + " ",
        word[:i] + rng.choice("aeiouxz") + word[i:],
        rng.choice(KEYS),
    ]) or "x"


def hostile(rng: random.Random) -> Any:
    if rng.random() < 0.3:
        return Raw(rng.choice(RAW))
    text = rng.choice(HOSTILE)
    plain = PLAIN.fullmatch(text) and rng.random() < 0.7
    return Raw(text) if plain else Quoted(text)


def nested(depth: int, rng: random.Random) -> Any:
    """Lists or mappings `depth` deep: in brackets (as text, however deep), or a tree written in block style."""
    kind = rng.choice(["seq", "map", "mixed"])
    if rng.random() < 0.5:
        opening = {"seq": "[", "map": "{a: ", "mixed": "[{a: "}[kind]
        closing = {"seq": "]", "map": "}", "mixed": "}]"}[kind]
        return Raw(opening * depth + "x" + closing * depth)
    leaf: Any = Raw("x")
    for level in range(min(depth, 120)):  # the tree is written by recursion
        as_map = kind == "map" or (kind == "mixed" and level % 2)
        leaf = Map([[Raw("a"), leaf]]) if as_map else Seq([leaf])
    return leaf


def mutate_tree(tree: Any, rng: random.Random) -> tuple[Any, str]:
    """One mutation of the tree (in place where it can be); returns the tree and the mutation's name."""
    maps = [c for c in collections(tree) if isinstance(c, Map) and c]
    seqs = [c for c in collections(tree) if isinstance(c, Seq) and c]
    places = slots(tree)
    name = rng.choice(MUTATIONS)
    if name == "delete-key" and maps:
        m = rng.choice(maps)
        del m[rng.randrange(len(m))]
    elif name == "duplicate-key" and maps:
        m = rng.choice(maps)
        pair = clone(rng.choice(m))
        if rng.random() < 0.5:
            pair[1] = hostile(rng)
        m.insert(rng.randrange(len(m) + 1), pair)
    elif name == "misspell-key" and maps:
        pair = rng.choice(rng.choice(maps))
        pair[0] = Raw(typo(pair[0].text if isinstance(pair[0], (Raw, Quoted)) else "key", rng))
    elif name == "hostile-key" and maps:
        pair = rng.choice(rng.choice(maps))
        pair[0] = hostile(rng)
    elif name == "many-items" and seqs:
        s = rng.choice(seqs)
        if len(s) < 20:  # not again: lists of lists of hundreds take long to read, and show nothing more
            s.extend(clone(rng.choice(s)) for _ in range(rng.choice([10, 30, 60])))
    elif name == "merge-list" and len(maps) > 1:
        a, b = rng.sample(maps, 2)
        ha = next((pair for pair in a if isinstance(pair[1], Map)), None)
        if ha is not None:
            ha[1] = Anchor("m", ha[1])
            b.insert(0, [Raw("<<"), Flow(Seq([Alias("m"), Alias(rng.choice(["m", "zz"]))]))])
    elif name == "odd-key" and maps:
        rng.choice(maps).append([rng.choice([Seq([Raw("a")]), Map([[Raw("a"), Raw("b")]]), Raw("~"), Raw("1"),
                                             Quoted(""), Raw("<<"), Raw("? x")]), Raw("x")])
    elif name == "swap-type" and places:
        holder, i = rng.choice(places)
        value = holder[i]
        if isinstance(value, Map):
            holder[i] = rng.choice([Seq(v for _, v in value), Raw("text"), Raw("")])
        elif isinstance(value, Seq):
            holder[i] = rng.choice([value[0] if value else Raw("x"), Map([[Raw("item"), value]]), Raw("text")])
        else:
            holder[i] = rng.choice([Seq([value]), Map([[Raw("value"), value]]), Seq([]), Map([])])
    elif name == "hostile-scalar" and places:
        holder, i = rng.choice(places)
        holder[i] = hostile(rng)
    elif name == "duplicate-item" and seqs:
        s = rng.choice(seqs)
        s.insert(rng.randrange(len(s) + 1), clone(rng.choice(s)))
    elif name == "drop-item" and seqs:
        s = rng.choice(seqs)
        del s[rng.randrange(len(s))]
    elif name == "empty" and places:
        holder, i = rng.choice(places)
        holder[i] = rng.choice([Raw(""), Raw("~"), Seq([]), Map([]), Quoted("")])
    elif name == "move-item" and len(seqs) > 1:
        a, b = rng.sample(seqs, 2)
        b.insert(rng.randrange(len(b) + 1), a.pop(rng.randrange(len(a))))
    elif name == "alias" and len(places) > 1:
        (ha, ia), (hb, ib) = sorted(rng.sample(places, 2), key=lambda p: id(p[0]))
        name_ = rng.choice(["a", "a", "b"])
        ha[ia] = Anchor(name_, ha[ia])
        target = hb[ib]
        if isinstance(target, Map) and rng.random() < 0.6:
            target.insert(rng.randrange(len(target) + 1), [Raw("<<"), Alias(rng.choice([name_, "zz"]))])
        else:
            hb[ib] = Alias(rng.choice([name_, name_, "zz"]))
    elif name == "alias-bomb":
        tree = alias_bomb(tree, rng)
    elif name == "deep" and places:
        holder, i = rng.choice(places)
        holder[i] = nested(rng.choice([3, 30, 49, 50, 51, 99, 100, 101, 120, 300, 1000]), rng)
    elif name == "flow" and places:
        holder, i = rng.choice(places)
        holder[i] = Flow(holder[i])
    elif name == "shuffle" and maps:
        rng.shuffle(rng.choice(maps))
    elif name == "replace-root":
        tree = rng.choice([Seq([tree]), Raw("text"), Raw(""), Map([]), hostile(rng)])
    return tree, name


def alias_bomb(tree: Any, rng: random.Random) -> Any:
    """Billion laughs, and the same idea through the plan's own lists (subjects of resources of...)."""
    if not isinstance(tree, Map):
        return tree
    if rng.random() < 0.5:
        laughs: Any = Anchor("l0", Quoted("lol"))
        bomb = [[Raw("l0"), laughs]]
        for level in range(1, 10):
            bomb.append([Raw(f"l{level}"), Anchor(f"l{level}", Flow(Seq(Alias(f"l{level - 1}") for _ in range(10))))])
        tree[:0] = bomb
        for holder, i in rng.sample(slots(tree)[len(bomb) :], k=min(3, len(slots(tree)) - len(bomb))):
            holder[i] = Alias("l9")
        return tree
    size = rng.choice([10, 100, 300])
    resource = Map([[Raw("id"), Raw("r")], [Raw("title"), Raw("R")], [Raw("kind"), Raw("book")],
                    [Raw("units"), Raw("3")], [Raw("unit"), Raw("chapters")]])
    subject = Map([[Raw("id"), Raw("s")], [Raw("title"), Raw("S")],
                   [Raw("resources"), Flow(Seq([Anchor("r", resource), *(Alias("r") for _ in range(size - 1))]))]])
    subjects = Flow(Seq([Anchor("s", subject), *(Alias("s") for _ in range(size - 1))]))
    for pair in tree:
        if pair[0] == Raw("subjects"):
            pair[1] = subjects
    return tree


MUTATIONS = ["delete-key", "duplicate-key", "misspell-key", "hostile-key", "odd-key", "swap-type", "hostile-scalar",
             "hostile-scalar", "duplicate-item", "drop-item", "many-items", "empty", "move-item", "alias", "merge-list",
             "alias-bomb", "deep", "flow", "shuffle", "replace-root"]


# Mutations of the text ------------------------------------------------------------------------------------------

def mutate_text(text: str, rng: random.Random) -> tuple[str, str]:
    name = rng.choice(list(TEXT_MUTATIONS))
    return TEXT_MUTATIONS[name](text, rng), name


def on_a_line(text: str, rng: random.Random, change: Callable[[str], str]) -> str:
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    lines[i] = change(lines[i])
    return "\n".join(lines)


def after_colon(insert: str) -> Callable[[str, random.Random], str]:
    def change(text: str, rng: random.Random) -> str:
        return on_a_line(text, rng, lambda line:
                         line.replace(": ", ": " + insert, 1) if ": " in line else insert + line)

    return change


def flip_bytes(text: str, rng: random.Random) -> str:
    data = bytearray(text.encode("utf-8"))
    for _ in range(rng.randint(1, 4)):
        if data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return data.decode("utf-8", errors="replace")


def directive(text: str, rng: random.Random) -> str:
    line = rng.choice(["%YAML 1.0", "%YAML 1.1", "%YAML 1.2", "%YAML 1.3", "%YAML 2.0", "%YAML 1.10", "%YAML 01.2",
                       "%YAML 1.2.3", "%YAML abc", "%YAML", "%TAG ! tag:example.com,2000:", "%TAG !! tag:x,2000:",
                       "%TAG !e! tag:example.com,2000:app/", "%FOO bar", "%YAML 1.2\n%YAML 1.2", "%YAML 1.3 # note",
                       "%YAML 1." + "3" * 5000, "%YAML 1." + "0" * 5000 + "2"])
    return f"{line}\n---\n{text}" if rng.random() < 0.8 else f"{text}...\n{line}\n---\n{text}"


def lines_swapped(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def line_repeated(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    return "\n".join(lines[: i + 1] + lines[i:])


def line_dropped(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    del lines[rng.randrange(len(lines))]
    return "\n".join(lines)


def char_inserted(text: str, rng: random.Random) -> str:
    i = rng.randrange(len(text) + 1)
    return text[:i] + rng.choice(["\t", "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u202e", "\ufeff",
                                  "\ud7ff", "\U0001f642", "\r", ":", "#", "&", "*", "!", "|", ">", "'", '"',
                                  "[", "]", "{", "}", ",", "?", "-", "%", "@", "`", "\\"]) + text[i:]


TEXT_MUTATIONS: dict[str, Callable[[str, random.Random], str]] = {
    "directive": directive,
    "tabs": lambda t, r: on_a_line(t, r, lambda line: re.sub(r"^( +)", lambda m: "\t" * (len(m[1]) // 2), line)),
    "tab-after-colon": lambda t, r: on_a_line(t, r, lambda line: line.replace(": ", ":\t", 1)),
    "bom": lambda t, r: "\ufeff" + t,
    "crlf": lambda t, r: t.replace("\n", r.choice(["\r\n", "\r", "\x85", "\u2028"])),
    "open-quote": after_colon('"'),
    "open-single-quote": after_colon("'"),
    "open-bracket": after_colon("["),
    "open-brace": after_colon("{"),
    "stray-bracket": after_colon("]"),
    "indent": lambda t, r: on_a_line(t, r, lambda line: r.choice([" ", "   ", ""]) + line[r.choice([0, 1, 2]):]),
    "document-marker": lambda t, r: on_a_line(t, r, lambda line: r.choice(["---", "...", "--- |", "---\n---"])),
    "swap-lines": lines_swapped,
    "repeat-line": line_repeated,
    "drop-line": line_dropped,
    "truncate": lambda t, r: t[: r.randrange(len(t) + 1)],
    "flip-bytes": flip_bytes,
    "insert-character": char_inserted,
    "deep-text": lambda t, r: on_a_line(t, r, lambda line: line + " " + "[" * r.choice([99, 101, 500, 2000])),
    "deep-dashes": lambda t, r: "subjects:\n" + "- " * r.choice([50, 101, 500, 2000]) + "x\n" + t,
}


# Texts in brackets, for the quick bound of their nesting ------------------------------------------------------

def bracketed_value(rng: random.Random, depth: int = 0) -> str:
    """A value in brackets, with the quotes, comments and brackets in texts that a quick reading could mistake."""
    if depth > 5 or rng.random() < 0.3:
        return rng.choice(["a", "b c", '"q [x]"', "'it''s ]'", '"e\\"]"', "1", "x#y", '"# no"', "''", '"{"',
                           "see [0, 1)", "C#", "a:b"])
    if rng.random() < 0.55:
        return "[" + ", ".join(bracketed_value(rng, depth + 1) for _ in range(rng.randint(0, 4))) + "]"
    keys = ["k", '"k"', "a b", "'k'"]
    return "{" + ", ".join(rng.choice(keys) + ": " + bracketed_value(rng, depth + 1)
                           for _ in range(rng.randint(0, 3))) + "}"


def bracketed(rng: random.Random) -> str:
    """A few lines of YAML full of brackets, block scalars and comments, perhaps with one character more."""
    lines = []
    for _ in range(rng.randint(1, 8)):
        lines.append(rng.choice([
            f"{'  ' * rng.randint(0, 2)}{rng.choice(['k', '- k', '? k', '-'])}: {bracketed_value(rng)}",
            f"- {bracketed_value(rng)}",
            f"note: {rng.choice(['|', '>-', '|2', '> # c'])}\n  [[[ \" ' # ]]\n\n   more ]]",
            f"c: {bracketed_value(rng)} # a comment ]]] \"",
            f"x: [\n  {bracketed_value(rng)},\n  {bracketed_value(rng)}\n]",
            "t: plain text with [brackets) and 'quotes' and \"more\" and a: b",
        ]))
    text = "\n".join(lines) + "\n"
    if rng.random() < 0.5:
        i = rng.randrange(len(text) + 1)
        text = text[:i] + rng.choice(["[", "]", '"', "'", "#", "\n", ": ", "{", "}", ",", "|", "\n  "]) + text[i:]
    return text


# Cases ---------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    seed: int
    index: int
    mutations: tuple[str, ...]
    text: str

    def __str__(self) -> str:
        return (f"seed {self.seed}, case {self.index} ({', '.join(self.mutations)}); "
                f"make it again with: python tests/plan_fuzz.py {self.seed} {self.index}")


class Fuzzer:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.bases = bases()

    def case(self, index: int) -> Case:
        rng = random.Random(self.seed * 1_000_003 + index)
        # mostly the small plans: the whole example takes ten times longer to read
        weights = [5] * (len(self.bases) - 2) + [4, 1]
        tree = clone(rng.choices(self.bases, weights)[0])
        names = []
        for _ in range(rng.choice([1, 1, 2, 3])):
            tree, name = mutate_tree(tree, rng)
            names.append(name)
        text = dump(tree)
        if rng.random() < 0.5:
            text, name = mutate_text(text, rng)
            names.append(name)
        return Case(self.seed, index, tuple(names), text)

    def cases(self, count: int) -> Iterator[Case]:
        return (self.case(i) for i in range(count))


if __name__ == "__main__":
    seed, index = int(sys.argv[1]), int(sys.argv[2])
    made = Fuzzer(seed).case(index)
    print(f"# {made}", file=sys.stderr)
    sys.stdout.write(made.text)
