"""A report's page as an email (pure: the site, the day and the moment are passed in).

The report is any page a build generates under reports/, looked up by its src_uri: a week's
(`reports/2026-W47.md`) or a month's (`reports/2026-11.md`). Its Markdown is converted with the site's Markdown
extensions, every link made absolute and the whole sanitised (feeds/html.py's `absolute_html`, as for a feed
item), each image replaced by a link to it (so that the message reads the same when remote images are blocked),
and given a little inline styling. The plain-text part is made from that HTML (mail/text.py). Headers carry the
learner's text only once every line break and control character is taken out of it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from urllib.parse import urlsplit

import lxml.html
from markupsafe import Markup

from inpublic.feeds.html import absolute_html
from inpublic.feeds.month_items import worth_a_month_item
from inpublic.feeds.views import page_path
from inpublic.mail.text import html_text
from inpublic.markdown_files import parse_markdown
from inpublic.site import Site
from inpublic.wording import format_date

WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# the inline styles the HTML part's elements get (most mail programs ignore a <style> sheet, or part of it)
STYLES = {
    "table": "border-collapse: collapse; margin: 0.5em 0 1em",
    "th": "border: 1px solid #d0d0d0; padding: 4px 8px; text-align: left; background: #f4f4f4",
    "td": "border: 1px solid #d0d0d0; padding: 4px 8px; text-align: left; vertical-align: top",
    "pre": "background: #f4f4f4; padding: 8px; overflow-x: auto; white-space: pre-wrap",
    "code": "font-family: Consolas, Menlo, monospace; font-size: 0.95em",
    "blockquote": "margin: 0 0 1em; padding-left: 1em; border-left: 3px solid #d0d0d0; color: #444",
    "a": "color: #1a56b0",
    "h1": "font-size: 1.5em; margin: 0 0 0.4em",
    "h2": "font-size: 1.2em; margin: 1.2em 0 0.4em",
}


class NoReport(Exception):
    """The report asked for is not there to send, with the reason in one line."""


@dataclass(frozen=True)
class Report:
    """One generated report page, ready to mail."""

    id: str  # 2026-W47 or 2026-11: what the sent record is keyed by
    src_uri: str  # reports/2026-W47.md
    markdown: str  # the page as the build generated it
    title: str  # "week 47, 2026" or "November 2026", plain text
    summary: str | None = None  # "3 notes, 5 h 30 min", when the build says it
    quiet: bool = False  # a week or a month with nothing to report (no feed item either)


@dataclass(frozen=True)
class Sender:
    address: str  # checked (mail/addresses.py)
    name: str  # shown beside it; the learner's name when --from gives none


def week_report(site: Site, week: str | None) -> Report:
    """The report of the ISO week `week` (2026-W47), or of the newest complete week when it is None."""
    if not site.inputs.options.reports:
        raise NoReport("the weekly reports are off in mkdocs.yml (reports: false): there is no report to send")
    if week is not None and not WEEK.match(week):
        raise NoReport(f"--week: expected a week like 2026-W47, got {week!r}")
    complete = [p for p in site.report_pages if p.report.complete]
    if week is None:
        if not complete:
            raise NoReport("no week is complete yet: the first report can be sent once its week ends on Sunday")
        page = complete[-1]
    else:
        found = [p for p in site.report_pages if p.report.slug == week]
        if not found:
            span = (f"the reports run from {site.report_pages[0].report.slug} to {site.report_pages[-1].report.slug}"
                    if site.report_pages else "there are no reports yet")
            raise NoReport(f"there is no report for {week}: {span}")
        page = found[0]
        if not page.report.complete:
            raise NoReport(f"{week} is still in progress: its report can be sent from "
                           f"{format_date(page.report.end + dt.timedelta(days=1))}, once the week is over")
    title = page.report.title
    if page.reflection is not None and page.reflection.title:
        title += f", “{page.reflection.title}”"
    return Report(page.report.slug, page.src_uri, _page_text(site, page.src_uri), title[:1].lower() + title[1:],
                  page.summary, page.quiet)


def month_report(site: Site, month: str | None, today: dt.date) -> Report:
    """The report of `month` (2026-11), or of the month before today's when it is None."""
    if not site.inputs.options.reports:
        raise NoReport("the reports are off in mkdocs.yml (reports: false): there is no report to send")
    if month is None:
        last_month = today.replace(day=1) - dt.timedelta(days=1)
        month = f"{last_month:%Y-%m}"
    match = MONTH.match(month)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise NoReport(f"--month: expected a month like 2026-11, got {month!r}")
    year, number = int(match.group(1)), int(match.group(2))
    last = dt.date(year, number, calendar.monthrange(year, number)[1])
    if last >= today:
        raise NoReport(f"{month} is not over yet: its report can be sent from "
                       f"{format_date(last + dt.timedelta(days=1))}")
    found = [p for p in site.month_pages if p.report.slug == month]
    if not found:
        months = site.month_pages
        span = (f"the monthly reports run from {months[0].report.slug} to {months[-1].report.slug}"
                if months else "there are no reports yet")
        raise NoReport(f"there is no report for {month}: {span}")
    page = found[0]
    title = page.report.title
    if page.reflection is not None and page.reflection.title:
        title += f", “{page.reflection.title}”"
    return Report(month, page.src_uri, _page_text(site, page.src_uri), title, page.summary,
                  not worth_a_month_item(page))


def _page_text(site: Site, src_uri: str) -> str:
    return next(f.content for f in site.files if f.src_uri == src_uri)


def header_text(text: str, limit: int = 250) -> str:
    """`text` on one line, fit for a header: line breaks, tabs and control characters become single spaces (a
    title with a line break in it cannot add a header of its own)."""
    one_line = " ".join("".join(" " if ord(c) < 32 or 0x7F <= ord(c) < 0xA0 else c for c in text).split())
    return one_line if len(one_line) <= limit else one_line[:limit - 1].rstrip() + "…"


def subject(learner: str, report: Report) -> str:
    """'Sam Rivera: week 47, 2026: 3 notes, 5 h 30 min'."""
    parts = [learner, report.title] + ([report.summary] if report.summary else [])
    return header_text(": ".join(parts))


def message_id(report: Report, site_url: str) -> str:
    """The same for every copy of one report, whoever it goes to and however often it is sent: a mail program
    that sees it twice knows it is one message."""
    host = urlsplit(site_url).hostname or "inpublic.invalid"
    digest = hashlib.sha256(f"{site_url}\n{report.id}".encode()).hexdigest()[:16]
    return f"<report-{report.id}.{digest}@{host}>"


def report_html(site: Site, report: Report, markdown: Callable[[str], str]) -> str:
    """The report's page as HTML for an email: the site's Markdown, links absolute, sanitised, images as links,
    inline styles."""
    facts = site.inputs.site
    page_url = facts.url + page_path(report.src_uri, facts.use_directory_urls)
    body = parse_markdown(report.markdown).body
    clean = absolute_html(markdown(body), page_url, site_url=facts.url, source=report.src_uri,
                          url_of=lambda src: facts.url + page_path(src, facts.use_directory_urls))
    return styled(clean)


def styled(fragment: str) -> str:
    """Sanitised HTML with each image replaced by a link to it, and the inline styles of STYLES."""
    if not fragment.strip():
        return fragment
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for image in list(root.iter("img")):
        link = lxml.html.Element("a", href=image.get("src") or "")
        link.text = f"[{image.get('alt') or 'image'}]"
        link.tail = image.tail
        parent = image.getparent()
        if parent is not None:
            parent.replace(image, link)
        if not link.get("href"):
            del link.attrib["href"]
    for element in root.iter():
        style = STYLES.get(str(element.tag))
        if style and element is not root:
            element.set("style", style)
    out = str(lxml.html.tostring(root, encoding="unicode"))
    return out.removeprefix("<div>").removesuffix("</div>")


@dataclass(frozen=True)
class MailParts:
    """What the templates put into the message's two parts."""

    subject: str
    html: str  # the report, sanitised and styled
    text: str  # the report as plain text
    url: str  # the report's page on the site
    site_name: str
    site_url: str
    learner: str
    language: str


def report_message(site: Site, report: Report, sender: Sender, when: dt.datetime,
                   markdown: Callable[[str], str]) -> EmailMessage:
    """The report as a multipart/alternative message (plain text, then HTML), addressed to nobody yet
    (`addressed` gives each recipient a copy). `when` is the Date header."""
    facts, learner = site.inputs.site, site.inputs.plan.learner.name
    body = report_html(site, report, markdown)
    parts = MailParts(subject(learner, report), body, html_text(body),
                      facts.url + page_path(report.src_uri, facts.use_directory_urls), facts.name, facts.url,
                      learner, facts.language or "en")
    message = EmailMessage()
    message["Subject"] = parts.subject
    message["From"] = Address(display_name=header_text(sender.name, 100), addr_spec=sender.address)
    message["Date"] = format_datetime(when)
    message["Message-ID"] = message_id(report, facts.url)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office reply to a report
    message["X-Inpublic-Report"] = report.id
    text = site.env.get_template("mail_report.txt.j2").render(mail=parts)
    page = site.env.get_template("mail_report.html.j2").render(mail=parts, body=Markup(body))
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(page, subtype="html", cte="quoted-printable")
    return message


def addressed(message: EmailMessage, recipient: str) -> EmailMessage:
    """A copy of `message` to `recipient` alone: nobody sees who else gets the report."""
    copy = deepcopy(message)
    del copy["To"]
    copy["To"] = recipient
    return copy


def readable(message: EmailMessage) -> str:
    """The whole message as a person reads it: its headers, then each part decoded (what --dry-run prints)."""
    headers = "".join(f"{name}: {value}\n" for name, value in message.items() if name.lower() != "content-type")
    out = [headers + "Content-Type: multipart/alternative (each part below)\n"]
    for part in message.iter_parts():
        if isinstance(part, EmailMessage):
            out.append(f"--- {part.get_content_type()} ---\n{part.get_content()}")
    return "\n".join(out)
