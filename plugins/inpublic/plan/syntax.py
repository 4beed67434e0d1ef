"""The YAML syntax of progress.yaml: what is refused before a parser reads the text, and how syntax errors are worded.

Two mistakes are found in the text itself, before any YAML parser is given it: a `%YAML` directive for a version
the parsers do not read (ruamel.yaml fails an assertion on `%YAML 1.3`), and lists and mappings nested deeper than
a plan ever needs (libyaml's composer recurses in C and kills the process at 30,000 levels; ruamel's recurses in
Python). The nesting is bounded by a few regular expressions over the text, and by a reading of the brackets line
by line when there are many; only a text these cannot clear is tokenized, by ruamel's pure-Python scanner, which
stops as soon as it is too deep. Once composed, a tree that aliases repeat into millions of entries is refused too.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode
from ruamel.yaml.scanner import Scanner
from ruamel.yaml.tokens import (
    BlockEndToken,
    BlockEntryToken,
    BlockMappingStartToken,
    BlockSequenceStartToken,
    FlowEntryToken,
    FlowMappingEndToken,
    FlowMappingStartToken,
    FlowSequenceEndToken,
    FlowSequenceStartToken,
    KeyToken,
    ScalarToken,
    ValueToken,
)

Found = tuple[int, int, str]  # a mistake's 1-based line and column, and its message

MAX_DEPTH = 100  # lists and mappings inside each other; a plan needs five
BREAKS = "\r\x85\u2028\u2029\ufeff"  # where YAML starts a line, besides after "\n" (and a byte order mark)
AS_NEWLINES = str.maketrans(dict.fromkeys(BREAKS, "\n"))
DIRECTIVE = re.compile(r"^%YAML[ \t]+([0-9]+)\.([0-9]+)", re.MULTILINE)
# A '[' or '{' that can open a collection: first on its line, or after an indicator ('- ', ': ', '? ', '[', '{',
# ','), perhaps after an anchor or a tag. One inside a text ("limits [0, 1)") cannot; one at the start of a
# quoted text is counted too, which only makes the bound higher. Matched in the reversed text, so that each match
# starts at the bracket and the scan is quick.
OPENER_REVERSED = re.compile(r"[\[{](?:[ \t]+[^ \t\n]*[&!])*[ \t]*(?=[\[{,?:\-\n]|\Z)")
# Where a node can start on a line, matched against the line up to a bracket or a quote: loosely (a bracket after
# one of these may open a collection), after ': ' (one surely starts there), first on the line (after '- ' and the
# like), and after what starts a node inside brackets.
NODE_START = re.compile(r"(?:^|[\[{,?:\-])[ \t]*(?:[&!][^ \t]*[ \t]+)*$")
AFTER_VALUE = re.compile(r":[ \t]+(?:[&!][^ \t]*[ \t]+)*$")
LINE_START = re.compile(r"[ \t]*(?:[-?:][ \t]+)*(?:[&!][^ \t]*[ \t]+)*")
AFTER_FLOW = re.compile(r"[\[{,:?\-][ \t]*(?:[&!][^ \t]*[ \t]+)*$")
BLOCK_HEADER_END = re.compile(r"[-+0-9]*[ \t]*(?:#.*)?$")  # what may follow '|' or '>' on a block scalar's line
INDICATORS = re.compile(r"[ \t]*(?:[-?:][ \t]+)*")  # a line's indentation, with the '- ' that open collections
LONGEST_LINE = 2_000
LEXEME = re.compile(r"[\"'#\[\]{}|>]")
MAX_REPEATED = 10_000  # entries that aliases may add to a plan by repeating lists and mappings
ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]")
ALIAS = re.compile(r"(?:^|[\s\[{,])\*[^\s\[\]{},]")
# A line of its own inside a quoted text that reads like a line of the plan: a key, or a list item.
PLAN_LINE = re.compile(r"\n[ \t]*(?:- |-$|[^\s#'\"-][^:\n]*:(?: |$))", re.MULTILINE)


def refused(text: str) -> tuple[Found | None, bool]:
    """A mistake to report without giving the text to a parser, and whether libyaml may be given it.

    libyaml may read the text when its nesting is known to be within MAX_DEPTH; when the pure scanner stopped at a
    syntax error before that was known, only the pure parser (which stops at the same error) may read it.
    """
    lines = text.translate(AS_NEWLINES) if any(c in text for c in BREAKS) else text
    directive = bad_directive(lines)
    if directive:
        return directive, False
    if surely_shallow(lines):
        return None, True
    return too_deep(text)


def bad_directive(text: str) -> Found | None:
    for match in DIRECTIVE.finditer(text) if "%" in text else ():
        major, minor = match.groups()  # compared as text: Python reads no number of more than 4,300 digits
        if (major.lstrip("0"), minor.lstrip("0")) not in (("1", "1"), ("1", "2")) or len(major + minor) > 6:
            version = f"{major}.{minor}" if len(major + minor) <= 6 else f"{major[:3]}.{minor[:3]}…"
            return (text.count("\n", 0, match.start()) + 1, 1,
                    f"YAML syntax error: '%YAML {version}' asks for a YAML version inpublic does not read; expected "
                    "'%YAML 1.2' or no %YAML line at all: delete this line")
    return None


def surely_shallow(text: str) -> bool:
    """Whether the text nests at most MAX_DEPTH deep, known without parsing it (`text` breaks lines with "\\n").

    Block collections inside each other start at growing columns (a list under a key may share the key's column),
    so they nest at most twice as deep as the widest indentation, counting the '- ', '? ' and ': ' that open a
    collection on the same line. Each flow collection adds a level, and a `key: value` pair inside brackets one more.
    """
    flow = text.count("[") + text.count("{")  # brackets open at once, at most
    if MAX_DEPTH // 2 - flow - 2 < 1:
        flow = len(OPENER_REVERSED.findall(text[::-1]))
    if MAX_DEPTH // 2 - flow - 2 < 1:
        flow = flow_bound(text)
    widest = MAX_DEPTH // 2 - flow - 2  # block nesting 2 * (widest + 2) leaves room for flow nesting 2 * flow
    if widest < 1:
        return False
    indentation = f"(?:[ \t]|[-?:](?=[ \t\n]|\\Z)){{{widest + 1}}}"
    return not (re.match(indentation, text) or re.search("\n" + indentation, text))


def flow_bound(text: str) -> int:
    """At least the number of brackets ever open at once, from the brackets and quotes of each line, or MAX_DEPTH
    where that cannot be known quickly.

    A bracket can open a collection only where a node starts (as for OPENER_REVERSED). A ']' or '}' closes one:
    inside brackets that is so (a plain text there ends at one), and outside brackets none is open to close. What a
    quote holds is skipped, and so are a comment and the lines of a block scalar (`|`, `>`), when where they start
    is sure: after ': ', or first on a line outside brackets. A quote that may open a text inside brackets
    elsewhere (after '[', '{', ',', or first on a line that may continue a text), or that runs past its line, is
    where this stops and says MAX_DEPTH.
    """
    depth = deepest = 0
    scalar_above = -1  # the lines of a block scalar are those indented more than this (and blank lines)
    for line in text.split("\n"):
        if len(line) > LONGEST_LINE or deepest > MAX_DEPTH // 2:  # each check reads the line up to where it is
            return MAX_DEPTH
        if scalar_above >= 0:
            content = line.lstrip(" ")
            if not content.strip() or len(line) - len(content) > scalar_above:
                continue
            scalar_above = -1
        at = 0
        while match := LEXEME.search(line, at):
            char, start, at = match.group(), match.start(), match.end()
            if char == "#":
                if start == 0 or line[start - 1] in " \t":
                    break  # a comment
                if line[start - 1] in "[]{},:\"'?":  # a comment if a token ends there: not known here
                    return MAX_DEPTH
            elif char in "[{":
                if NODE_START.search(line, 0, start):
                    depth += 1
                    deepest = max(deepest, depth)
            elif char in "]}":
                depth = max(depth - 1, 0)
            elif AFTER_VALUE.search(line, 0, start) or (LINE_START.fullmatch(line, 0, start) and not depth):
                if char in "|>":
                    if BLOCK_HEADER_END.match(line, at):
                        scalar_above = len(INDICATORS.match(line).group())  # type: ignore[union-attr]
                        break
                else:
                    at = closing_quote(line, at, char)
                    if at < 0:
                        return MAX_DEPTH
            elif depth and char in "\"'" and (
                LINE_START.fullmatch(line, 0, start) or AFTER_FLOW.search(line, 0, start)
            ):
                return MAX_DEPTH  # a quote that may start a text inside brackets, or be in a plain text
    return deepest


def closing_quote(line: str, at: int, quote: str) -> int:
    """Where the quoted text that starts before `at` ends (after its closing quote), or -1 past the line's end."""
    while (end := line.find(quote, at)) >= 0:
        if quote == "'" and line.startswith("''", end):
            at = end + 2
        elif quote == '"' and (len(line[at:end]) - len(line[at:end].rstrip("\\"))) % 2:
            at = end + 1
        else:
            return end + 1
    return -1


def too_deep(text: str) -> tuple[Found | None, bool]:
    yaml = pure_yaml()
    stack: list[str] = []
    try:
        for token in yaml.scan(text):
            if nest(stack, token) > MAX_DEPTH:
                return too_deep_here(token.start_mark), False
    except TooDeep as err:
        return too_deep_here(err.mark), False
    except YAMLError:
        return None, False
    return None, True


def too_deep_here(mark: Any) -> Found:
    return (mark.line + 1, mark.column + 1, f"lists and mappings are nested more than {MAX_DEPTH} deep here, where a "
            "plan needs five at most; check the brackets and indentation of this line")


def pure_yaml() -> YAML:
    """ruamel's pure-Python parser, with PlanScanner."""
    yaml = YAML(typ="safe", pure=True)
    yaml.Scanner = PlanScanner
    return yaml


OPENING = (BlockMappingStartToken, BlockSequenceStartToken, FlowMappingStartToken, FlowSequenceStartToken)


class TooDeep(YAMLError):
    def __init__(self, mark: Any) -> None:
        super().__init__("too deep")
        self.mark = mark


class PlanScanner(Scanner):
    """ruamel's scanner, stopped as soon as it holds more than MAX_DEPTH collections open, and keeping each quoted
    text it reads (the one that runs on is the mistake to show when the parser fails further on).

    Stopping early keeps it quick: the scanner looks up to 1,024 characters ahead for a key, and each step of that
    look checks every open bracket again.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.quoted: list[ScalarToken] = []

    def fetch_more_tokens(self) -> Any:
        fetched = super().fetch_more_tokens()
        if self.flow_level + len(self.indents) > MAX_DEPTH:
            opened = [t for t in self.tokens if isinstance(t, OPENING)] or self.tokens
            raise TooDeep(opened[-1].start_mark if opened else self.reader.get_mark())
        return fetched

    def scan_flow_scalar(self, style: Any) -> Any:
        token = super().scan_flow_scalar(style)
        self.quoted.append(token)
        return token


def nest(stack: list[str], token: Any) -> int:
    """The nesting after `token`, on a stack of open collections: those the tokens open, and the list under a key
    (`key:` then `- item` lines at its column) and the pair inside brackets (`[a: b]`) that YAML opens without one."""
    top = stack[-1] if stack else ""
    if (top == "indentless" and isinstance(token, (KeyToken, ValueToken, BlockEndToken))) or (
        top == "pair" and isinstance(token, (FlowEntryToken, FlowSequenceEndToken))
    ):
        stack.pop()
        top = stack[-1] if stack else ""
    if isinstance(token, BlockMappingStartToken):
        stack.append("block-mapping")
    elif isinstance(token, (BlockSequenceStartToken, FlowSequenceStartToken, FlowMappingStartToken)):
        stack.append("flow-sequence" if isinstance(token, FlowSequenceStartToken) else "collection")
    elif isinstance(token, (BlockEndToken, FlowSequenceEndToken, FlowMappingEndToken)):
        if stack:
            stack.pop()
    elif isinstance(token, BlockEntryToken) and top == "block-mapping":
        stack.append("indentless")
    elif isinstance(token, (KeyToken, ValueToken)) and top == "flow-sequence":
        stack.append("pair")
    return len(stack)


def repeated_by_aliases(root: Node | None, text: str) -> Found | None:
    """Aliases that repeat a list or mapping into more entries than the file holds (a "billion laughs"), or that
    name the list or mapping they stand in: one mistake, at the list or mapping repeated most."""
    if root is None or not (ANCHOR.search(text) and ALIAS.search(text)):
        return None
    size: dict[int, int] = {}  # each node's entries, counting what aliases repeat
    refs: dict[int, int] = {}
    nodes: dict[int, Node] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        children = node.value if isinstance(node, SequenceNode) else (
            [n for pair in node.value for n in pair] if isinstance(node, MappingNode) else [])
        if children_done:
            size[key] = 1 + sum(size[id(child)] for child in children)
            continue
        refs[key] = refs.get(key, 0) + 1
        if key in size:
            continue
        if key in nodes:  # met again before its size is known: it is inside itself
            return (node.start_mark.line + 1, node.start_mark.column + 1, "an alias ('*') inside the list or mapping "
                    "that starts here stands for that list or mapping itself; write the entries out instead")
        nodes[key] = node
        stack.append((node, True))
        stack.extend((child, False) for child in children)
    if size[id(root)] - len(size) <= MAX_REPEATED:
        return None
    key = max(size, key=lambda k: (refs[k] - 1) * size[k])
    node = nodes[key]
    what = "list" if isinstance(node, SequenceNode) else "mapping" if isinstance(node, MappingNode) else "value"
    return (node.start_mark.line + 1, node.start_mark.column + 1,
            f"aliases ('*') make the {what} that starts here {size[key]:,} entries long, and the plan "
            f"{size[id(root)]:,}; write the entries out instead of repeating them with aliases")


def syntax_problem(err: MarkedYAMLError, text: str, quoted: list[ScalarToken]) -> Found:
    """Where a YAML syntax error is, and what to do about it: at the quote or bracket left open, when one was.

    `quoted` is the quoted texts the scanner read, in order (PlanScanner.quoted).
    """
    runaway = runaway_quote(err, text, quoted)
    if runaway is not None:
        start, end = runaway.start_mark, runaway.end_mark
        return (start.line + 1, start.column + 1,
                f"YAML syntax error: the quote that opens here is not closed on its line, so the text runs on to "
                f"line {end.line + 1}, where the next quote closes it; add the closing quote ({runaway.style}) where "
                "the text ends")
    if "could not find expected ':'" in (err.problem or "") and err.context_mark is not None:
        mark = err.context_mark  # where the line without ': ' starts, not the line after it
        return (mark.line + 1, mark.column + 1,
                "YAML syntax error: expected a key and its value here, like title: Calculus, but found no ': '; "
                "add ': ' after the key, or indent this line further if it continues the text above it")
    mark = err.context_mark if unclosed(err) else err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return line, column, syntax_message(err, text)


def runaway_quote(err: MarkedYAMLError, text: str, quoted: list[ScalarToken]) -> ScalarToken | None:
    """The quoted text, ending on the error's line or the one before, that runs over lines that read like the plan's
    own: a quote left open, closed by the opening quote of a later text, after which YAML cannot go on."""
    mark = err.problem_mark or err.context_mark
    before = [token for token in quoted if mark is not None and token.start_mark.index < mark.index]
    if not before or not 0 <= mark.line - before[-1].end_mark.line <= 1:
        return None
    last = before[-1]
    return last if PLAN_LINE.search(text, last.start_mark.index, last.end_mark.index) else None


def unclosed(err: MarkedYAMLError) -> bool:
    """A quote or bracket left open: the place to show is where it opens, not where the file ends."""
    context, problem = err.context or "", err.problem or ""
    quoted = "quoted scalar" in context and "end of stream" in problem
    return err.context_mark is not None and (quoted or context.startswith("while parsing a flow"))


def syntax_message(err: MarkedYAMLError, text: str) -> str:
    if unclosed(err):
        return unclosed_message(err)
    problem = " ".join((err.problem or err.context or "invalid YAML").split())
    message = f"YAML syntax error: {problem}"
    if "\t" in problem or "'\\t'" in problem:
        return message + "; indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return message + colon_hint(err, text)
    if "found '<scalar>'" in problem and after_quote(err.problem_mark, text):
        return message + "; a quote above this line is probably never closed, so this line's quote closed it"
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return message + "; check the indentation of this line against the lines above it"
    if "unknown escape character" in problem:
        return message + "; in double quotes '\\' starts an escape: use single quotes instead, like 'C:\\notes'"
    if "found undefined alias" in problem:
        return message + "; '*' starts an alias in YAML, quote text that starts with '*'"
    if "expected a single document" in (err.context or ""):
        return "YAML syntax error: a second document starts here; remove the '---' line, the plan is one document"
    return message


def after_quote(mark: Any, text: str) -> bool:
    """Whether the text at `mark` follows a quote: a quote left open above ended there."""
    lines = text.splitlines()
    if mark is None or mark.line >= len(lines) or mark.column == 0:
        return False
    return lines[mark.line][mark.column - 1] in "\"'"


def unclosed_message(err: MarkedYAMLError) -> str:
    if "quoted scalar" in (err.context or ""):
        return "YAML syntax error: the quote that opens here is never closed; add the closing quote"
    opening, closing = ("[", "]") if "sequence" in (err.context or "") else ("{", "}")
    found = (err.problem or "invalid YAML").strip()
    found += f" on line {err.problem_mark.line + 1}" if err.problem_mark else ""
    return f"YAML syntax error: {found}; check that the '{opening}' here is closed with '{closing}'"


def colon_hint(err: MarkedYAMLError, text: str) -> str:
    """A second ': ' on a line is text to quote; a ': ' on a line of its own is an indentation mistake."""
    mark, lines = err.problem_mark, text.splitlines()
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    first = line.find(": ")
    if mark is None or not 0 <= first < mark.column:
        return "; check the indentation of this line against the lines above it"
    key, value = line[:first].lstrip(" -\ufeff"), line[first + 2 :].strip()
    if '"' in value or "\\" in value or len(key + value) > 80 or not (key + value).isprintable():
        return "; quote text that contains ': '"
    return f"; quote text that contains ': ', for example {key}: \"{value}\""
