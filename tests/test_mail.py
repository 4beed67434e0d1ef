"""`inpublic mail`: a report sent through a real SMTP server on 127.0.0.1 (aiosmtpd), then read back as a mail
program reads it, with the email package. The learner is feedsites' Ada (W44 to W46 complete, W47 in progress on
Sunday 22 November 2026, a private note, a reflection with a link and an image)."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Mapping
from email.message import EmailMessage
from pathlib import Path

import lxml.html
import pytest

from cli_runner import Ran, run_inpublic
from feedsites import SECRET, SITE_URL, make_learner
from inpublic.mail.text import html_text
from smtpserver import PASSWORD, USER, Server, free_port, smtp_server

TODAY = "2026-11-22"  # a Sunday: the newest complete week is 2026-W46
SENDER = "ada@example.org"
RECORD = ".inpublic/sent.json"
SMTP_VARIABLES = ("SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "MAIL_FROM", "INPUBLIC_MAIL_TO",
                  "SOURCE_DATE_EPOCH")


@pytest.fixture(scope="module")
def learner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_learner(tmp_path_factory.mktemp("learner") / "ada").root


@pytest.fixture
def project(learner: Path, tmp_path: Path) -> Path:
    """A copy of the learner's repository of its own, so that each test starts with nothing sent."""
    return Path(shutil.copytree(learner, tmp_path / "ada", symlinks=True))


def mail(project: Path, *args: str, server: Server | None = None, **env: str | None) -> Ran:
    """`inpublic mail args` in `project` on TODAY, through `server`; `env` adds or unsets (None) variables."""
    variables: dict[str, str | None] = dict.fromkeys(SMTP_VARIABLES)
    variables |= {"INPUBLIC_TODAY": TODAY, "MAIL_FROM": SENDER}
    if server is not None:
        variables |= {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(server.port)}
        if server.ca_file is not None:
            variables["SSL_CERT_FILE"] = str(server.ca_file)
    variables |= env
    return run_inpublic("mail", *args, cwd=project, env=variables)


def parts(message: EmailMessage) -> tuple[str, str]:
    """The plain text and the HTML of a multipart/alternative message (its lines ended as in a file)."""
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert isinstance(text, EmailMessage) and isinstance(html, EmailMessage)
    return text.get_content().replace("\r\n", "\n"), html.get_content().replace("\r\n", "\n")


def record(project: Path) -> Mapping[str, object]:
    data = json.loads((project / RECORD).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_the_newest_complete_week_is_sent_once(project: Path, tmp_path: Path) -> None:
    with smtp_server(tmp_path) as server:
        first = mail(project, "--to", "mentor@example.org", server=server)
        second = mail(project, "--to", "mentor@example.org", server=server)
    assert first.returncode == 0, first.stderr
    assert "Sent 2026-W46" in first.stdout
    assert len(server.inbox.received) == 1  # the second run sent nothing
    assert second.returncode == 0, second.stderr
    assert "Already sent: 2026-W46" in second.stdout
    got = server.inbox.received[0]
    assert got.rcpt_tos == ["mentor@example.org"] and got.mail_from == SENDER
    message = got.message
    assert message["Subject"] == "Ada Example: week 46, 2026: 1 note, 30 min, 1 commit"
    assert message["From"] == f"Ada Example <{SENDER}>"
    assert message["To"] == "mentor@example.org"
    assert message["Date"] == "Sun, 22 Nov 2026 12:00:00 -0500"
    assert re.fullmatch(r"<report-2026-W46\.[0-9a-f]{16}@example\.org>", message["Message-ID"])
    assert message["Auto-Submitted"] == "auto-generated"
    assert record(project) == {"version": 1, "sent": {"2026-W46": {"at": "2026-11-22T12:00:00-05:00",
                                                                   "recipients": 1}}}


def test_both_parts_carry_the_report_with_absolute_links_and_no_remote_image(project: Path, tmp_path: Path) -> None:
    with smtp_server(tmp_path) as server:
        ran = mail(project, "--week", "2026-W45", "--to", "mentor@example.org", server=server)
    assert ran.returncode == 0, ran.stderr
    text, html = parts(server.inbox.received[0].message)
    page = lxml.html.document_fromstring(html)
    links = [a.get("href") for a in page.iter("a")]
    assert f"{SITE_URL}limits/#limits" in links  # the reflection's ../limits.md#limits
    assert f"{SITE_URL}reports/2026-W44/" in links and f"{SITE_URL}reports/2026-W45/" in links
    assert all(href.startswith(("https://", "mailto:")) for href in links), links
    assert list(page.iter("img")) == []  # the sketch is a link to it instead
    assert page.xpath("//a[text()='[My sketch]']/@href") == [f"{SITE_URL}img/limits.png"]
    assert page.find(".//h1").text_content() == "Week 45, 2026: A good week"
    assert page.xpath("//td[text()='Commits']/following-sibling::td/text()") == ["1"]
    assert "Week 45, 2026: A good week\n==========================" in text
    assert f"epsilon-delta ({SITE_URL}limits/#limits)" in text
    assert f"Read it on the site: {SITE_URL}reports/2026-W45/" in text
    assert "Commits | 1" in text
    assert "<" not in text.replace("<from", "")  # no markup in the plain text
    for part in (text, html):
        assert SECRET not in part and "Salary" not in part  # a private note and a [private] commit


def test_each_recipient_gets_a_copy_of_their_own(project: Path, tmp_path: Path) -> None:
    followers = tmp_path / "followers.txt"
    followers.write_text("# my followers\nbo@example.org\n\ncy@example.net  # from the meetup\n", encoding="utf-8")
    with smtp_server(tmp_path) as server:
        ran = mail(project, "--to", "mentor@example.org, bo@example.org", "--followers", str(followers),
                   server=server)
    assert ran.returncode == 0, ran.stderr
    got = server.inbox.received
    assert sorted(r.rcpt_tos[0] for r in got) == ["bo@example.org", "cy@example.net", "mentor@example.org"]
    for received in got:
        assert len(received.rcpt_tos) == 1
        assert received.message["To"] == received.rcpt_tos[0]
        others = {"bo@example.org", "cy@example.net", "mentor@example.org"} - set(received.rcpt_tos)
        assert not any(other in received.message.as_string() for other in others)
    assert len({r.message["Message-ID"] for r in got}) == 1  # one report, one Message-ID
    assert record(project)["sent"] == {"2026-W46": {"at": "2026-11-22T12:00:00-05:00", "recipients": 3}}
    assert "mentor@example.org" not in (project / RECORD).read_text(encoding="utf-8")


def test_the_secret_and_the_default_followers_file_are_read_without_to(project: Path, tmp_path: Path) -> None:
    (project / ".inpublic").mkdir(exist_ok=True)
    (project / ".inpublic" / "followers.txt").write_text("bo@example.org\n", encoding="utf-8")
    with smtp_server(tmp_path) as server:
        ran = mail(project, server=server, INPUBLIC_MAIL_TO="mentor@example.org\ncy@example.net")
    assert ran.returncode == 0, ran.stderr
    assert sorted(r.rcpt_tos[0] for r in server.inbox.received) == [
        "bo@example.org", "cy@example.net", "mentor@example.org"]


def test_hostile_titles_add_no_header_and_run_nothing(project: Path, tmp_path: Path) -> None:
    hostile = 'Bad\\r\\nBcc: thief@example.com\\n<script>alert(1)</script> & \\"more\\"'
    (project / "docs" / "reports" / "2026-W46.md").write_text(
        f'---\ntitle: "{hostile}"\n---\n\nMy week <img src=x onerror=alert(1)> '
        "<script>steal()</script>[a trap](javascript:alert(1))\n", encoding="utf-8")
    with smtp_server(tmp_path) as server:
        ran = mail(project, "--to", "mentor@example.org", server=server)
    assert ran.returncode == 0, ran.stderr
    got = server.inbox.received
    assert [r.rcpt_tos for r in got] == [["mentor@example.org"]]
    message = got[0].message
    assert message["Bcc"] is None
    subject = message["Subject"]
    assert "\n" not in subject and "\r" not in subject
    assert subject.startswith('Ada Example: week 46, 2026, “Bad Bcc: thief@example.com <script>alert(1)</script> & '
                              '"more"”: ')
    text, html = parts(message)
    page = lxml.html.document_fromstring(html)
    assert list(page.iter("script")) == [] and "steal()" not in html and "onerror" not in html
    assert "javascript:" not in html
    assert page.find(".//title").text.startswith("Ada Example: week 46, 2026, “Bad Bcc")  # escaped, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "My week" in text and "steal()" not in text


def test_starttls_is_used_when_offered_and_the_login_made(project: Path, tmp_path: Path) -> None:
    with smtp_server(tmp_path, starttls=True, login=True) as server:
        ran = mail(project, "--to", "mentor@example.org", server=server, SMTP_USER=USER, SMTP_PASSWORD=PASSWORD,
                   MAIL_FROM=None)
    assert ran.returncode == 0, ran.stderr
    got = server.inbox.received
    assert len(got) == 1 and got[0].tls and got[0].authenticated
    assert got[0].message["From"] == f"Ada Example <{USER}>"  # SMTP_USER, an address, is the sender


def test_a_wrong_password_is_one_message_and_nothing_is_recorded(project: Path, tmp_path: Path) -> None:
    with smtp_server(tmp_path, starttls=True, login=True) as server:
        ran = mail(project, "--to", "mentor@example.org", server=server, SMTP_USER=USER, SMTP_PASSWORD="wrong")
    assert ran.returncode == 1
    assert server.inbox.received == []
    assert f"refused the login of SMTP_USER {USER}: 535" in ran.stderr
    assert "Traceback" not in ran.stderr and "wrong" not in ran.stderr + ran.stdout
    assert not (project / RECORD).exists()


def test_the_password_is_not_sent_without_encryption(project: Path, tmp_path: Path) -> None:
    with smtp_server(tmp_path) as server:
        ran = mail(project, "--to", "mentor@example.org", server=server, SMTP_USER=USER, SMTP_PASSWORD=PASSWORD)
    assert ran.returncode == 1
    assert "offers no STARTTLS: inpublic does not send SMTP_PASSWORD unencrypted" in ran.stderr
    assert server.inbox.received == []


def test_a_server_that_cannot_be_reached_is_one_message(project: Path) -> None:
    ran = mail(project, "--to", "mentor@example.org", SMTP_HOST="127.0.0.1", SMTP_PORT=str(free_port()))
    assert ran.returncode == 1
    assert ran.stderr.startswith("inpublic mail: cannot reach the SMTP server 127.0.0.1:")
    assert "Traceback" not in ran.stderr
    assert "nothing was sent; 2026-W46 is not recorded" in ran.stderr
    assert not (project / RECORD).exists()


def test_a_refused_recipient_does_not_stop_the_others(project: Path, tmp_path: Path) -> None:
    with smtp_server(tmp_path) as server:
        ran = mail(project, "--to", "mentor@example.org,nobody@example.org", server=server)
        again = mail(project, "--to", "mentor@example.org,nobody@example.org", server=server)
    assert ran.returncode == 1
    assert [r.rcpt_tos for r in server.inbox.received] == [["mentor@example.org"]]
    assert "not delivered to no…@example.org: 550 5.1.1 no such mailbox here" in ran.stderr
    assert "nobody@" not in ran.stderr  # a workflow's log may be public
    assert record(project)["sent"] == {"2026-W46": {"at": "2026-11-22T12:00:00-05:00", "recipients": 1,
                                                    "failed": 1}}
    assert again.returncode == 0 and "Already sent" in again.stdout


def test_force_sends_a_report_again(project: Path, tmp_path: Path) -> None:
    with smtp_server(tmp_path) as server:
        mail(project, "--to", "mentor@example.org", server=server)
        forced = mail(project, "--to", "mentor@example.org", "--force", server=server)
    assert forced.returncode == 0, forced.stderr
    assert len(server.inbox.received) == 2


def test_a_dry_run_prints_the_message_and_sends_nothing(project: Path, tmp_path: Path) -> None:
    with smtp_server(tmp_path) as server:
        ran = mail(project, "--to", "mentor@example.org", "--dry-run", server=server)
    assert ran.returncode == 0, ran.stderr
    assert server.inbox.received == []
    assert not (project / RECORD).exists()
    assert "Subject: Ada Example: week 46, 2026: 1 note, 30 min, 1 commit\n" in ran.stdout
    assert "To: mentor@example.org\n" in ran.stdout
    assert "--- text/plain ---\nWeek 46, 2026\n" in ran.stdout
    assert "--- text/html ---\n<!DOCTYPE html>" in ran.stdout
    assert "nothing was sent or recorded" in ran.stderr


@pytest.mark.parametrize(("args", "env", "said"), [
    ((), {}, "SMTP_HOST is not set"),
    ((), {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": "smtp"}, "SMTP_PORT: expected a port number"),
    ((), {"SMTP_HOST": "127.0.0.1", "SMTP_USER": USER}, "SMTP_USER is set but SMTP_PASSWORD is not"),
    ((), {"MAIL_FROM": None}, "no sender: pass --from ADDRESS or set MAIL_FROM"),
    (("--from", "Ada <not an address>"), {}, "--from: 'Ada <not an address>' is not an email address"),
    (("--to", "mentor@example"), {}, "--to: 'mentor@example' is not an email address"),
    (("--week", "47"), {}, "--week: expected a week like 2026-W47, got '47'"),
    (("--week", "2026-W47"), {}, "2026-W47 is still in progress: its report can be sent from 23 November 2026"),
    (("--week", "2025-W47"), {}, "there is no report for 2025-W47: the reports run from 2026-W44 to 2026-W47"),
    (("--month", "2026-13"), {}, "--month: expected a month like 2026-11, got '2026-13'"),
    (("--month", "2026-11"), {}, "2026-11 is not over yet: its report can be sent from 1 December 2026"),
    (("--month", "2026-09"), {}, "there is no report for 2026-09: the monthly reports run from 2026-10 to 2026-11"),
])
def test_what_is_missing_or_wrong_is_one_clear_message(project: Path, args: tuple[str, ...],
                                                       env: dict[str, str | None], said: str) -> None:
    to = () if "--to" in args else ("--to", "mentor@example.org")
    ran = mail(project, *to, *args, **env)
    assert ran.returncode == 1
    assert ran.stderr.startswith("inpublic mail: ") and said in ran.stderr, ran.stderr
    assert "Traceback" not in ran.stderr
    assert not (project / RECORD).exists()


def test_nobody_to_send_to_is_said(project: Path) -> None:
    ran = mail(project)
    assert ran.returncode == 1
    assert "nobody to send it to: pass --to ADDRESS or --followers FILE, set INPUBLIC_MAIL_TO" in ran.stderr


def test_a_followers_file_inside_the_docs_is_refused(project: Path) -> None:
    (project / "docs" / "followers.txt").write_text("bo@example.org\n", encoding="utf-8")
    ran = mail(project, "--followers", "docs/followers.txt", "--dry-run")
    assert ran.returncode == 1
    assert "a followers file inside the docs folder" in ran.stderr and "would be published" in ran.stderr


def test_each_wrong_line_of_a_followers_file_is_named(project: Path, tmp_path: Path) -> None:
    followers = tmp_path / "followers.txt"
    followers.write_text("bo@example.org\nbo at example.org\n# fine\nmentor@@example.org\n", encoding="utf-8")
    ran = mail(project, "--followers", str(followers), "--dry-run")
    assert ran.returncode == 1
    assert f"{followers}:2: 'bo at example.org' is not an email address" in ran.stderr
    assert f"{followers}:4: 'mentor@@example.org' is not an email address" in ran.stderr


def test_a_damaged_record_stops_the_run_and_is_kept(project: Path, tmp_path: Path) -> None:
    (project / ".inpublic").mkdir(exist_ok=True)
    (project / RECORD).write_text('{"version": 1, "sent": {"2026-W45": ', encoding="utf-8")
    with smtp_server(tmp_path) as server:
        ran = mail(project, "--to", "mentor@example.org", server=server)
    assert ran.returncode == 1
    assert f"{RECORD}: line 1, column 37: not JSON (Expecting value)" in ran.stderr and "Nothing was sent" in ran.stderr
    assert server.inbox.received == []
    assert (project / RECORD).read_text(encoding="utf-8") == '{"version": 1, "sent": {"2026-W45": '


def test_a_site_without_an_address_cannot_mail(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f"site_url: {SITE_URL}\n", ""), encoding="utf-8")
    ran = mail(project, "--to", "mentor@example.org", "--dry-run")
    assert ran.returncode == 1
    assert "site_url is not set; an email's links must lead to your site" in ran.stderr


def test_a_month_is_delivered_once_and_a_second_run_sends_nothing(project: Path, tmp_path: Path) -> None:
    """The issue's own check: `inpublic mail --month 2026-11 --to mentor@example.org`, on 3 December, twice."""
    with smtp_server(tmp_path) as server:
        first = mail(project, "--month", "2026-11", "--to", "mentor@example.org", server=server,
                     INPUBLIC_TODAY="2026-12-03")
        second = mail(project, "--month", "2026-11", "--to", "mentor@example.org", server=server,
                      INPUBLIC_TODAY="2026-12-03")
    assert first.returncode == 0, first.stderr
    assert "Sent 2026-11" in first.stdout
    assert second.returncode == 0, second.stderr
    assert "Already sent: 2026-11" in second.stdout
    [got] = server.inbox.received
    assert got.rcpt_tos == ["mentor@example.org"]
    message = got.message
    assert message["Subject"].startswith("Ada Example: November 2026: ")
    assert re.fullmatch(r"<report-2026-11\.[0-9a-f]{16}@example\.org>", message["Message-ID"])
    text, html = parts(message)
    page = lxml.html.document_fromstring(html)
    assert page.find(".//h1").text_content() == "November 2026"
    headings = [h.text_content() for h in page.iter("h2")]
    assert headings[:4] == ["The month in figures", "Commitments at the end of the month",
                            "Deadlines changed this month", "What comes next"]
    links = [a.get("href") for a in page.iter("a")]
    assert f"{SITE_URL}reports/2026-W46/" in links and f"{SITE_URL}reports/2026-10/" in links
    assert all(href.startswith(("https://", "mailto:")) for href in links), links
    assert "The month in figures\n--------------------" in text
    assert f"Read it on the site: {SITE_URL}reports/2026-11/" in text
    assert SECRET not in text and SECRET not in html
    assert set(record(project)["sent"]) == {"2026-11"}  # type: ignore[arg-type]


def test_a_quiet_week_is_not_sent_unless_forced(tmp_path: Path) -> None:
    repo = make_learner(tmp_path / "ada")
    repo.commit("Nothing but a README", "2026-11-18T10:00:00-05:00")  # no note, no plan: W47 counts nothing
    with smtp_server(tmp_path) as server:
        quiet = mail(repo.root, "--to", "mentor@example.org", server=server, INPUBLIC_TODAY="2026-11-29")
        forced = mail(repo.root, "--to", "mentor@example.org", "--force", server=server, INPUBLIC_TODAY="2026-11-29")
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout.startswith("Nothing to send: week 47, 2026 had no activity and no reflection")
    assert forced.returncode == 0, forced.stderr
    assert [r.message["Subject"] for r in server.inbox.received] == ["Ada Example: week 47, 2026: no activity"]


@pytest.mark.parametrize(("html", "text"), [
    ("<p>One  <em>two</em>\nthree</p>", "One two three\n"),
    ('<p><a href="https://e.org/a/">A</a> and <a href="https://e.org/b/">https://e.org/b/</a></p>',
     "A (https://e.org/a/) and https://e.org/b/\n"),
    ("<ol start=\"3\"><li>c</li><li>d<ul><li>e</li></ul></li></ol>", "3. c\n4. d\n   - e\n"),
    ("<table><tr><th>Week</th><th></th></tr><tr><td>Commits</td><td>7</td></tr></table>", "Week\nCommits | 7\n"),
    ("<h2>Notes</h2><p>a<br>b</p>", "Notes\n-----\n\na\nb\n"),
    ("", ""),
])
def test_the_plain_text_part(html: str, text: str) -> None:
    assert html_text(html) == text
