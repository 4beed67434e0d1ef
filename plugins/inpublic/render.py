"""The Jinja2 environment: templates format what the derive stage computed; they never compute."""

from __future__ import annotations

import datetime as dt

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .home import HomeView


def environment() -> Environment:
    """A strict environment: an undefined name fails, and HTML and XML templates escape what they insert."""
    env = Environment(
        loader=PackageLoader("inpublic", "templates"),
        autoescape=select_autoescape(["html", "xml", "md.j2", "html.j2", "xml.j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date"] = format_date
    env.filters["time"] = time_element
    env.filters["number"] = format_number
    return env


def format_date(day: dt.date) -> str:
    """30 June 2027."""
    return f"{day.day} {day:%B %Y}"


def time_element(day: dt.date) -> Markup:
    """A date as a <time> element, machine-readable for browsers, feeds and scrapers."""
    return Markup(f'<time datetime="{day.isoformat()}">{escape(format_date(day))}</time>')


def format_number(value: float) -> str:
    """1,234 or 12.5: no trailing .0."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def render_home(view: HomeView, env: Environment | None = None) -> str:
    """The home page's Markdown: static headings and HTML blocks of the learner's (escaped) text."""
    return (env or environment()).get_template("home.md.j2").render(home=view)
