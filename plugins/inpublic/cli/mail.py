"""`inpublic mail`: the adapter that reads the project as a build does, picks a report's page from the core's
`build_site`, makes it an email (mail/message.py), finds out whom it goes to and through which server (the command
line, the environment, the followers file), sends it (mail/send.py) and records it (mail/record.py)."""

from __future__ import annotations

import argparse
import os
import sys
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

from inpublic.engines.notices import ProjectError, say_notices
from inpublic.mail.addresses import AddressError, checked_address, followers_addresses, split_addresses, unique
from inpublic.mail.message import (
    NoReport,
    Report,
    Sender,
    addressed,
    month_report,
    readable,
    report_message,
    week_report,
)
from inpublic.mail.record import RECORD, RecordError, Sending, SentRecord, read_record, write_record
from inpublic.mail.send import MailError, SmtpSettings, send_copies, smtp_settings
from inpublic.plan.save import Busy, locked
from inpublic.today import TodayError, learner_now

LATEST = "latest"  # --week without a week: the newest complete one
FOLLOWERS = ".inpublic/followers.txt"  # beside mkdocs.yml, outside the docs: never on the site
MAIL_TO = "INPUBLIC_MAIL_TO"  # addresses a workflow keeps in a secret
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0"})
LOCK_WAIT = 30  # seconds to wait for another `inpublic mail` to finish


def add_mail_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """The `mail` command's arguments; `run_mail` runs it."""
    mail = subparsers.add_parser(
        "mail", help="email a weekly or monthly report to your mentor and followers",
        description="Send a report as an email (plain text and HTML, links to your site) through the SMTP server "
                    "named by SMTP_HOST, SMTP_PORT (default 587; 465 is TLS), SMTP_USER and SMTP_PASSWORD, with "
                    "STARTTLS when the server offers it. Each recipient gets a copy of their own. What was sent is "
                    f"recorded in {RECORD} beside mkdocs.yml, so a report is sent once. Exit 0 when it is sent or "
                    "there is nothing to send, 1 when something went wrong.")
    mail.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                      help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    which = mail.add_mutually_exclusive_group()
    which.add_argument("--week", nargs="?", const=LATEST, metavar="YYYY-Www",
                       help="the report of this week, like 2026-W47; without one, of the newest complete week "
                            "(the default)")
    which.add_argument("--month", nargs="?", const=LATEST, metavar="YYYY-MM",
                       help="the report of this month, like 2026-11, once it is over; without one, of last month")
    mail.add_argument("--to", action="append", default=[], metavar="ADDRESS",
                      help="send it to this address (repeat it, or separate addresses with commas); with --to or "
                           f"--followers, {MAIL_TO} and {FOLLOWERS} are not read")
    mail.add_argument("--followers", type=Path, metavar="FILE",
                      help=f"a file of addresses, one a line (default: {FOLLOWERS} beside mkdocs.yml when there "
                           f"is one, with the addresses in {MAIL_TO}); never one inside the docs folder")
    mail.add_argument("--from", dest="sender", metavar="ADDRESS",
                      help="the sender, like 'Sam Rivera <sam@example.org>' (default: MAIL_FROM, else SMTP_USER "
                           "when it is an address)")
    mail.add_argument("--dry-run", action="store_true",
                      help="print the message as the first recipient would get it; send and record nothing")
    mail.add_argument("--force", action="store_true",
                      help="send it even if it was sent before, or had nothing to report")
    return mail


def run_mail(args: argparse.Namespace) -> int:
    try:
        return _mail(args)
    except (ProjectError, NoReport, AddressError, RecordError, MailError, TodayError) as err:
        print(f"inpublic mail: {err}", file=sys.stderr)
        return 1
    except Busy as err:
        print(f"inpublic mail: another `inpublic mail` is sending ({err.lock} is held); try again once it is done",
              file=sys.stderr)
        return 1


def _mail(args: argparse.Namespace) -> int:
    from inpublic.engines.project import read_inputs, read_project
    from inpublic.feeds.site import markdown_converter
    from inpublic.site import build_site

    project = read_project(args.config_file)
    site_url = project.config.site_url or ""
    if not site_url:
        raise ProjectError(f"{args.config_file}: site_url is not set; an email's links must lead to your site: set "
                           "site_url, or the SITE_URL variable the starter mkdocs.yml reads")
    if (urlsplit(site_url).hostname or "") in LOCAL_HOSTS:
        raise ProjectError(f"{args.config_file}: site_url is {site_url}, on this computer, where no reader can "
                           "follow a link: set SITE_URL to your site's address, like https://you.github.io/notes/")
    read = read_inputs(project)
    say_notices(read.notices)
    site = build_site(read.inputs)
    if args.month:
        report = month_report(site, None if args.month == LATEST else args.month, read.inputs.today)
    else:
        report = week_report(site, None if args.week in (None, LATEST) else args.week)
    if report.quiet and not args.force:
        print(f"Nothing to send: {report.title} had no activity and no reflection (as in the feeds); "
              "--force sends it anyway.")
        return 0
    recipients = _recipients(args, project.folder, project.docs_dir)
    sender = _sender(args.sender, site.inputs.plan.learner.name)
    now = learner_now(site.inputs.plan.learner.timezone)
    message = report_message(site, report, sender, now,
                             markdown_converter(project.config.markdown_extensions, project.config.mdx_configs))
    record_path = project.folder / RECORD
    if args.dry_run:
        sent = read_record(record_path).sent.get(report.id)
        print(readable(addressed(message, recipients[0])), end="")
        before = f" It was sent on {sent.at}; only --force sends it again." if sent else ""
        print(f"Dry run: {report.id} would go to {_count(len(recipients))}; nothing was sent or recorded.{before}",
              file=sys.stderr)
        return 0
    settings = smtp_settings(os.environ)
    with locked(record_path, LOCK_WAIT):
        record = read_record(record_path)
        sent = record.sent.get(report.id)
        if sent and not args.force:
            print(f"Already sent: {report.id} went to {_count(sent.recipients)} on {sent.at} "
                  f"({RECORD}); nothing sent. --force sends it again.")
            return 0
        return _send(report, [(to, addressed(message, to)) for to in recipients], sender, settings, record,
                     record_path, now.isoformat())


def _send(report: Report, copies: list[tuple[str, EmailMessage]], sender: Sender, settings: SmtpSettings,
          record: SentRecord, record_path: Path, at: str) -> int:
    """Send every copy, record the report when one went, and say what happened; the exit status."""
    failure = None
    try:
        delivery = send_copies(settings, copies, sender.address)
    except MailError as err:
        failure, delivery = err, err.delivery
    delivered, total = len(delivery.delivered), len(copies)
    if delivered:
        write_record(record_path, record.with_sending(report.id, Sending(at, delivered, total - delivered)))
        print(f"Sent {report.id} ({report.title}) to {_count(delivered)}; recorded in {RECORD}.")
    for refused in delivery.refused:
        print(f"inpublic mail: not delivered to {refused}", file=sys.stderr)
    if failure is not None:
        print(f"inpublic mail: {failure}", file=sys.stderr)
    if delivered and delivered < total:
        print(f"inpublic mail: {total - delivered} of {total} copies did not go. {report.id} is recorded as sent, so "
              "that nobody gets it twice; to send it to the others, run `inpublic mail` again with --to for them "
              "and --force.", file=sys.stderr)
    elif not delivered:
        print(f"inpublic mail: nothing was sent; {report.id} is not recorded, so the next run tries again.",
              file=sys.stderr)
    return 0 if delivered == total else 1


def _recipients(args: argparse.Namespace, folder: Path, docs_dir: Path) -> list[str]:
    """Every address the report goes to, each once: --to and --followers, else INPUBLIC_MAIL_TO and the default
    followers file."""
    addresses = split_addresses(args.to, "--to")
    explicit = bool(args.to) or args.followers is not None
    path: Path | None = args.followers
    if not explicit:
        addresses += split_addresses([os.environ.get(MAIL_TO, "")], MAIL_TO)
        path = folder / FOLLOWERS if (folder / FOLLOWERS).is_file() else None
    if path is not None:
        if path.resolve().is_relative_to(docs_dir.resolve()):
            raise AddressError(f"{path}: a followers file inside the docs folder ({docs_dir}) would be published "
                               f"with the site; move it out (the default is {FOLLOWERS} beside mkdocs.yml), or "
                               f"keep the addresses in the {MAIL_TO} secret")
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as err:
            raise AddressError(f"{path}: cannot be read ({err.strerror or err})") from None
        addresses += followers_addresses(text, str(path))
    if not addresses:
        raise AddressError(f"nobody to send it to: pass --to ADDRESS or --followers FILE, set {MAIL_TO}, or write "
                           f"the addresses in {FOLLOWERS} beside mkdocs.yml")
    return unique(addresses)


def _sender(flag: str | None, learner: str) -> Sender:
    """--from, else MAIL_FROM, else SMTP_USER when it is an address; the learner's name beside it unless given."""
    for where, value in (("--from", flag), ("MAIL_FROM", os.environ.get("MAIL_FROM"))):
        if value and value.strip():
            name, address = parseaddr(value.strip()) if "<" in value else ("", value.strip())
            checked = checked_address(address)
            if checked is None:
                raise AddressError(f"{where}: {value.strip()!r} is not an email address (expected one like "
                                   "sam@example.org, or 'Sam Rivera <sam@example.org>')")
            return Sender(checked, name or learner)
    user = checked_address(os.environ.get("SMTP_USER", ""))
    if user is None:
        raise AddressError("no sender: pass --from ADDRESS or set MAIL_FROM (SMTP_USER is used when it is an "
                           "address)")
    return Sender(user, learner)


def _count(number: int) -> str:
    return f"{number} recipient" if number == 1 else f"{number} recipients"
