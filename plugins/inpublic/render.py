"""The Jinja2 environment: templates format what the derive stage computed; they never compute."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from zoneinfo import ZoneInfo

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from inpublic.activity.notes import NoteDates
from inpublic.feeds.views import FeedLink
from inpublic.history.limits import SHALLOW_NOTICE
from inpublic.home.card import BAR, CardEmbed, CardView
from inpublic.home.card import HEIGHT as CARD_HEIGHT
from inpublic.home.card import WIDTH as CARD_WIDTH
from inpublic.home.view import HomeReports, HomeView
from inpublic.rhythm.home import HomeRhythm
from inpublic.sanitise import unmarked
from inpublic.wording import format_date as format_date  # also imported from here by modules that render
from inpublic.wording import format_duration as format_duration
from inpublic.wording import format_number
from inpublic.wording import plural as plural
from inpublic.wording import units as units


def environment(compiled: BytecodeCache | None = None) -> Environment:
    """A strict environment: an undefined name fails, and HTML and XML templates escape what they insert.

    A new one each call: a build makes one (site.build_site) and passes it to every render function, since
    compiling a template costs far more than rendering it, and a hundred weekly reports render the same one.
    `compiled`: where an adapter keeps the templates compiled from one build to the next.
    """
    env = Environment(
        bytecode_cache=compiled,
        loader=PackageLoader("inpublic", "templates"),
        autoescape=select_autoescape(["html", "xml", "md.j2", "html.j2", "xml.j2", "svg.j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date"] = format_date
    env.filters["time"] = time_element
    env.filters["number"] = format_number
    env.filters["duration"] = format_duration
    env.filters["md"] = markdown_text
    env.filters["plural"] = plural
    env.filters["units"] = units
    env.filters["code"] = inline_code
    env.filters["unmarked"] = unmarked
    env.filters["theme"] = theme_text
    env.globals["shallow_notice"] = SHALLOW_NOTICE
    return env


def time_element(when: dt.date, shown: str | None = None) -> Markup:
    """A date (or date and time) as a <time> element, machine-readable for browsers, feeds and scrapers."""
    if shown is None:
        shown = format_date(when) if not isinstance(when, dt.datetime) else f"{format_date(when)}, {when:%H:%M}"
    return Markup(f'<time datetime="{when.isoformat()}">{escape(shown)}</time>')


# Python-Markdown's escapable characters and '|' of tables ('<', '>' and '&' are HTML-escaped after); not '(' and
# ')': with '[' and ']' escaped they start no link, and an escaped one, `\(`, is where arithmatex (on in Zensical)
# starts inline maths
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#+!|-])")


def theme_text(text: str) -> Markup:
    """Text in a template that the theme renders in turn (partials/comments.html): HTML escaped, and its braces as
    character references, so that the theme's Jinja reads no tag or expression in it."""
    return Markup(str(escape(text)).replace("{", "&#123;").replace("}", "&#125;"))


def markdown_text(text: str) -> Markup:
    """The learner's text inside Markdown: HTML escaped, and every character Markdown reads backslash-escaped."""
    return escape(MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " "))


def inline_code(text: str) -> Markup:
    """Plain text as HTML, escaped, its `backquoted` parts as <code>: for messages written for a terminal too."""
    parts = str(text).split("`")
    if len(parts) % 2 == 0:  # an unpaired backquote: no code at all
        return escape(text)
    return Markup("").join(escape(p) if i % 2 == 0 else Markup("<code>%s</code>") % p for i, p in enumerate(parts))


def render_home(view: HomeView, env: Environment | None = None, rhythm: HomeRhythm | None = None,
                reports: HomeReports | None = None,
                subject_feeds: Mapping[str, Sequence[FeedLink]] | None = None, card: CardEmbed | None = None) -> str:
    """The home page's Markdown: static headings and HTML blocks of the learner's (escaped) text.

    `rhythm` adds the activity section (heatmap, streaks, reviews due), `reports` the links to the weekly reports,
    `subject_feeds` (subject id -> the links to its feeds) a "Follow" line in each subject's section, `card` the
    progress card with the snippets that embed it in a README."""
    return (env or environment()).get_template("home.md.j2").render(home=view, rhythm=rhythm, reports=reports,
                                                                    subject_feeds=subject_feeds or {}, card=card)


def render_note_dates(dates: NoteDates, zone: ZoneInfo) -> str:
    """The line under a note: when it was first written and last updated, in the learner's time zone (only
    the update when git cannot say when it was written: before the edge of a shallow clone)."""
    updated = dates.updated.astimezone(zone)
    if dates.created is None:
        return f'<p class="inpublic-dates">Last updated {time_element(updated, format_date(updated))}</p>\n'
    created = dates.created.astimezone(zone)
    line = f"First written {time_element(created, format_date(created))}"
    if updated.date() != created.date():
        line += f" · last updated {time_element(updated, format_date(updated))}"
    return f'<p class="inpublic-dates">{line}</p>\n'


def render_shallow_notice(env: Environment | None = None) -> str:
    """The notice that the site was built from a shallow clone, and how to fix it, as an admonition."""
    return (env or environment()).get_template("shallow_notice.md.j2").render() + "\n"


def render_card(card: CardView, scheme: str, env: Environment | None = None) -> str:
    """The progress card as SVG, in `scheme`: auto (the reader's light or dark setting), light or dark."""
    return (env or environment()).get_template("card.svg.j2").render(
        card=card, scheme=scheme, width=CARD_WIDTH, height=CARD_HEIGHT, bar=BAR,
    )
