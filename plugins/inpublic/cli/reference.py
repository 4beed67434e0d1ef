"""The reference pages' generated parts, made from the code they describe so that they cannot drift from it.

Each part is Markdown made from one source: the fields of progress.yaml from `plan/fields.py`,
the plugin options from `engines/mkdocs/options.py` (their docstrings and defaults), the command line from
`cli.main.build_parser()`, and how weeks are counted from the docstrings of `reports/weeks.py` and
`activity/public.py`. A page holds a part between two markers, `<!-- generated: NAME -->` and
`<!-- end generated -->`; `fill` puts the current text there, and a test fails while a page
in docs/inpublic/ differs from what `fill` makes of it (`pytest --regen-golden` rewrites them).
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import inspect
import json
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inpublic.activity import public as activity
from inpublic.plan.peers import PeerSite
from inpublic.plan.spec import Bool, Choice, Date, Id, Int, Key, Kind, ListOf, Record, Text, TimeZone, Url
from inpublic.plan.weekdays import Weekday
from inpublic.reports import weeks

if TYPE_CHECKING:
    from mkdocs.config.base import BaseConfigOption

GENERATED = re.compile(r"(<!-- generated: ([a-z-]+) -->\n)(.*?)(<!-- end generated -->)", re.DOTALL)


def fill(page: str, parts: Mapping[str, Callable[[], str]]) -> str:
    """`page` with the text between each pair of markers replaced by the part the opening marker names."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(2)
        if name not in parts:
            raise KeyError(f"unknown generated part {name!r}; known: {', '.join(sorted(parts))}")
        return f"{match.group(1)}\n{parts[name]().strip()}\n\n{match.group(4)}"

    return GENERATED.sub(replace, page)


def parts() -> dict[str, Callable[[], str]]:
    """Every generated part by name (imports that need MkDocs happen only when a part is made)."""
    return {
        "plan-fields": plan_fields,
        "plan-example": plan_example,
        "plugin-options": plugin_options,
        "plugin-example": plugin_example,
        "cli": cli_reference,
        "weeks": lambda: docstring_body(weeks),
        "activity": lambda: docstring_body(activity),
    }


# progress.yaml


def plan_fields() -> str:
    """One table per mapping of progress.yaml: each key, whether it is required, what it holds, an example."""
    from inpublic.plan.fields import PLAN

    return "\n\n".join(record_table(path, record) for path, record in records("", PLAN))


def records(path: str, record: Record) -> Iterator[tuple[str, Record]]:
    """Every mapping of the plan with its path (`subjects[].resources[]`), parents first."""
    yield path, record
    for key in record.keys:
        child = f"{path}.{key.name}" if path else key.name
        if isinstance(key.kind, Record):
            yield from records(child, key.kind)
        elif isinstance(key.kind, ListOf) and isinstance(key.kind.item, Record):
            yield from records(f"{child}[]", key.kind.item)


def record_table(path: str, record: Record) -> str:
    heading = f"### `{path}`" if path else "### The top level"
    rows = ["| key | | type | what it holds | example |", "| --- | --- | --- | --- | --- |"]
    for key in record.keys:
        rows.append(f"| `{key.name}` | {'required' if key.required else 'optional'} | {kind_label(key, path)} | "
                    f"{cell(key.kind.doc)} | {example(key)} |")
    return f"{heading}\n\n{record.doc}\n\n" + "\n".join(rows)


def kind_label(key: Key, path: str) -> str:
    kind = key.kind
    child = f"{path}.{key.name}" if path else key.name
    if isinstance(kind, Record):
        return f"mapping, see [`{child}`](#{anchor(child)})"
    if isinstance(kind, ListOf):
        if isinstance(kind.item, Record):
            return f"list, see [`{child}[]`](#{anchor(child + '[]')})"
        if isinstance(kind.item, Weekday):
            return "list of days of the week, `mon` to `sun` (or `Monday` to `Sunday`)"
        if isinstance(kind.item, PeerSite):
            return "list of web addresses, each alone or as `{url: ..., name: ...}`"
        return f"list of {scalar_label(kind.item)}s" + (f", at least {kind.min_items}" if kind.min_items else "")
    return scalar_label(kind)


def scalar_label(kind: Kind) -> str:
    if isinstance(kind, Choice):
        return "one of " + ", ".join(f"`{c}`" for c in kind.choices)
    if isinstance(kind, Int):
        limits = f" from {kind.minimum}" + (f" to {kind.maximum:,}" if kind.maximum is not None else "")
        return "whole number" + limits
    labels: list[tuple[type[Kind], str]] = [
        (Id, "id"), (Url, "web address"), (Date, "date"), (Bool, "`true` or `false`"), (TimeZone, "time zone"),
        (Text, "text"),
    ]
    return next((label for cls, label in labels if isinstance(kind, cls)), "text")


def example(key: Key) -> str:
    nested = isinstance(key.kind, Record) or (isinstance(key.kind, ListOf) and isinstance(key.kind.item, Record))
    return "" if nested or not key.kind.example else f"`{key.name}: {key.kind.example}`"


def anchor(path: str) -> str:
    """The id Python-Markdown's toc gives the heading `path` in code (slugify: lower case, no punctuation)."""
    return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", path).strip().lower())


def cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def plan_example() -> str:
    """The plan `inpublic init` writes, as a fenced block (made for a fixed day, so the page does not change)."""
    from inpublic.moving_in.starter import Settings, starter_files

    settings = Settings(today=dt.date(2026, 10, 5), version="", name="Sam Rivera", timezone="Europe/London")
    plan = next(f.content for f in starter_files(settings) if f.path == "progress.yaml")
    return f"```yaml\n{plan.rstrip()}\n```"


# plugin options


def plugin_options() -> str:
    """A section per option of the plugin: its type, default and docstring."""
    sections = []
    for name, option, doc in options():
        default = json.dumps(option.default, ensure_ascii=False)
        kind = getattr(option, "label", None) or type_name(option.default)
        sections.append(f"### `{name}`\n\nDefault: `{default}` ({kind})\n\n{doc}")
    return "\n\n".join(sections)


def plugin_example() -> str:
    """mkdocs.yml's `plugins:` with every option at its default."""
    lines = ["plugins:", "  - search", "  - inpublic:"]
    lines += [f"      {name}: {json.dumps(option.default, ensure_ascii=False)}" for name, option, _ in options()]
    return "```yaml\n" + "\n".join(lines) + "\n```"


def options() -> list[tuple[str, BaseConfigOption[Any], str]]:
    """(name, MkDocs option, docstring) for each option of `InpublicConfig`, in the order
    engines/mkdocs/options.py lists them."""
    from inpublic.engines.mkdocs import options as config

    docs = option_docstrings(Path(inspect.getfile(config)).read_text(encoding="utf-8"))
    return [(name, option, docs.get(name, "")) for name, option in config.InpublicConfig._schema]


def option_docstrings(source: str) -> dict[str, str]:
    """The docstring written under each `name = opt....` line of the class InpublicConfig."""
    tree = ast.parse(source)
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "InpublicConfig")
    out = {}
    for node, after in zip(cls.body, cls.body[1:]):
        if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)):
            out[node.targets[0].id] = " ".join(after.value.value.split())
    return out


def type_name(value: object) -> str:
    if isinstance(value, bool):
        return "`true` or `false`"
    if isinstance(value, list):
        return "a list of texts"
    return "text"


# the command line


def cli_reference() -> str:
    """Each command of `inpublic`: its usage, what it does and its arguments, from the argparse parser."""
    from inpublic.cli.main import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in commands._choices_actions}
    sections = []
    for name, sub in commands.choices.items():
        summary = sub.description or f"{(helps.get(name) or '').capitalize()}."
        epilog = f"\n\n```text\n{sub.epilog.strip()}\n```" if sub.epilog else ""
        sections.append(f"### `inpublic {name}`\n\n{summary}\n\n```text\n{usage(sub)}\n```\n\n"
                        f"{arguments(sub)}{epilog}".rstrip())
    return "\n\n".join(sections)


def usage(parser: argparse.ArgumentParser) -> str:
    """`inpublic check [-f CONFIG_FILE] [--plan PLAN]`, the same on every Python version."""
    words = [parser.prog]
    for action in visible(parser):
        words.append(f"[{spelling(action, short=True)}]" if action.option_strings and not action.required
                     else spelling(action, short=True))
    return " ".join(words)


def arguments(parser: argparse.ArgumentParser) -> str:
    rows = ["| argument | what it does |", "| --- | --- |"]
    formatter = parser._get_formatter()
    for action in visible(parser):
        rows.append(f"| `{spelling(action)}` | {cell(formatter._expand_help(action))} |")
    return "\n".join(rows) if len(rows) > 2 else ""


def visible(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if not isinstance(a, argparse._HelpAction) and a.help != argparse.SUPPRESS]


def spelling(action: argparse.Action, *, short: bool = False) -> str:
    """How an argument is written: `DIR`, `--plan PLAN`, `-f, --config-file CONFIG_FILE` (`-f CONFIG_FILE` short)."""
    metavar = action.metavar or (action.dest.upper() if action.option_strings else action.dest)
    shown = metavar if isinstance(metavar, str) else " ".join(metavar)
    value = "" if action.nargs == 0 else f" {shown}" + (" ..." if action.nargs in ("*", "+") else "")
    if not action.option_strings:
        return f"[{shown}]" if action.nargs == "?" else shown + (" ..." if action.nargs in ("*", "+") else "")
    names = action.option_strings[:1] if short else action.option_strings
    return ", ".join(names) + value


# how weeks are counted


def docstring_body(module: object) -> str:
    """A module's docstring without its first line, in Markdown (``code`` becomes `code`)."""
    doc = inspect.getdoc(module) or ""
    body = doc.partition("\n\n")[2]
    return re.sub(r"``(.+?)``", r"`\1`", body)


def regenerate(folder: Path) -> list[Path]:
    """Rewrite the generated parts of every page in `folder`; return the pages that changed."""
    changed = []
    for page in sorted(folder.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        new = fill(text, parts())
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed.append(page)
    return changed
