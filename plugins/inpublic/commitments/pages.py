"""The commitments pages, their open data and their calendar: what each shows, rendered through the templates.

- ``commitments/index.md``: every commitment with its status, the reason, its chart, and the subscribe link;
- ``commitments/<id>.md``: one commitment with its progress per resource and its deadline history;
- ``commitments.json``: the same as open data; ``commitments.ics``: the due dates (commitments/calendar.py).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import escape

from inpublic.commitments.addresses import COMMITMENTS_DIR, page_slug
from inpublic.commitments.burnup import BurnUp, burnup
from inpublic.commitments.calendar import commitments_calendar
from inpublic.commitments.deadlines import HORIZON, Change
from inpublic.commitments.reasons import WINDOWS
from inpublic.commitments.status import CommitmentStatus, commitment_statuses
from inpublic.model import Plan, PlanHistory
from inpublic.render import environment
from inpublic.wording import commit_url, reason_text

CALENDAR = "commitments.ics"
DATA = "commitments.json"


@dataclass(frozen=True)
class CommitmentPage:
    status: CommitmentStatus
    chart: BurnUp

    @property
    def slug(self) -> str:
        return page_slug(self.status.id)

    @property
    def src_uri(self) -> str:
        return f"{COMMITMENTS_DIR}/{self.slug}.md"


@dataclass(frozen=True)
class Links:
    """Where followers find the calendar and the data, and how a commit is linked."""

    calendar: str | None  # webcal:// address to subscribe, when the site's address is known
    repo: str | None  # the learner's public repository, to link commits
    # commits marked private: a deadline they moved is shown, but they are not named or linked
    hidden: frozenset[str] = frozenset()

    def private(self, sha: str | None) -> bool:
        return sha is not None and sha in self.hidden

    def commit(self, sha: str) -> str | None:
        return commit_url(self.repo, sha)


@dataclass(frozen=True)
class CommitmentsOutput:
    statuses: tuple[CommitmentStatus, ...] = ()
    files: tuple[tuple[str, str, bool], ...] = ()  # (src_uri, content, in_nav)


def commitments_output(
    plan: Plan, history: PlanHistory, today: dt.date, *, site_url: str = "", history_incomplete: bool = False,
    hidden: frozenset[str] = frozenset(), env: Environment | None = None,
) -> CommitmentsOutput:
    """The commitments' statuses and every file that shows them; nothing when no commitment was ever made.

    A change recorded by a commit in ``hidden`` (marked private) is shown without naming its commit: marking a
    commit private must not hide a moved deadline."""
    statuses = commitment_statuses(plan, history, today)
    if not statuses:
        return CommitmentsOutput()
    pages = tuple(CommitmentPage(s, burnup(s)) for s in statuses)
    links = Links(calendar_address(site_url), plan.learner.repo, hidden)
    env = env or environment()
    files = [(f"{COMMITMENTS_DIR}/index.md", render_index(pages, links, history_incomplete, env), True)]
    files += [(p.src_uri, render_page(p, pages, links, history_incomplete, env), False) for p in pages]
    files.append((DATA, commitments_json(statuses, site_url, today, hidden, learner=plan.learner.name), False))
    files.append((CALENDAR, commitments_calendar(statuses, plan.learner, site_url,
                                                 lambda ident: page_url(site_url, ident) if site_url else None), False))
    return CommitmentsOutput(statuses, tuple(files))


def page_url(site_url: str, ident: str) -> str:
    """The address of a commitment's page (relative to the site when ``site_url`` is empty)."""
    return f"{site_url}{COMMITMENTS_DIR}/{page_slug(ident)}/"


def calendar_address(site_url: str) -> str | None:
    """webcal://example.org/learning/commitments.ics: the address calendar apps subscribe to."""
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"webcal://{parts.netloc}{path}{CALENDAR}"


def render_index(
    pages: Sequence[CommitmentPage], links: Links, history_incomplete: bool, env: Environment | None = None
) -> str:
    env = env or environment()
    current = [p for p in pages if p.status.status != "withdrawn"]
    withdrawn = [p for p in pages if p.status.status == "withdrawn"]
    return env.get_template("commitments_index.md.j2").render(
        current=current, withdrawn=withdrawn, links=links, history_incomplete=history_incomplete,
        titles=_titles(pages), windows=WINDOWS, horizon=HORIZON,
    )


def render_page(
    page: CommitmentPage,
    pages: Sequence[CommitmentPage],
    links: Links,
    history_incomplete: bool,
    env: Environment | None = None,
) -> str:
    return (env or environment()).get_template("commitment.md.j2").render(
        page=page, s=page.status, chart=page.chart, links=links, history_incomplete=history_incomplete,
        titles=_titles(pages), front_matter=front_matter(page.status.commitment.title),
    )


def front_matter(title: str) -> str:
    """The page's front matter. The title is HTML-escaped: themes insert `page.meta.title` into <title> as is."""
    return json.dumps({"title": str(escape(title))}, ensure_ascii=False)


def _titles(pages: Sequence[CommitmentPage]) -> Mapping[str, tuple[str, str]]:
    """id -> (title, page file name), for links between commitments."""
    return {p.status.id: (p.status.commitment.title, f"{p.slug}.md") for p in pages}


# --- open data ----------------------------------------------------------------------------------


def commitments_json(
    statuses: Sequence[CommitmentStatus], site_url: str, today: dt.date, hidden: frozenset[str] = frozenset(),
    *, learner: str = "",
) -> str:
    """commitments.json: whose site it is (`learner`: their name and the site's address, which a peer's cohort
    page shows), then each commitment with its status, progress, forecast and deadline history.

    '<', '>' and '&' are written as \\u escapes, so the file is safe to paste into an HTML page too.
    """
    data = {
        "learner": {"name": learner or None, "url": site_url or None},
        "as_of": today.isoformat(),
        "pace_unit": "share of the commitment per day (0 to 1); each covered resource weighs the same",
        "commitments": [_record(s, site_url, hidden) for s in statuses],
    }
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def _record(s: CommitmentStatus, site_url: str, hidden: frozenset[str]) -> dict[str, Any]:
    c = s.commitment
    return {
        "id": s.id,
        "title": c.title,
        "url": page_url(site_url, s.id),
        "made": c.made.isoformat(),
        "due": c.due.isoformat(),
        "first_due": s.record.original_due.isoformat(),
        "status": s.status,
        "reason": reason_text(s.reason),
        "as_of": s.as_of.isoformat(),
        "judged_by": s.judged_by.isoformat(),
        "withdrawn": s.record.withdrawn.on.isoformat() if s.record.withdrawn else None,
        "progress": {
            "fraction": round(float(s.fraction), 4),
            "percent": s.percent,
            "finished_on": _iso(s.finished_on),
            "resources": [
                {"id": r.resource.id, "title": r.resource.title, "unit": r.resource.unit, "done": r.done,
                 "total": r.total, "finished_on": _iso(r.finished_on)}
                for r in s.resources
            ],
        },
        "pace": {
            **{f"last_{p.days}_days": round(float(p.per_day), 6) for p in s.paces},
            "needed": round(float(s.needed), 6) if s.needed is not None else None,
        },
        "forecast": _iso(s.forecast),
        "replaces": list(s.record.replaces),
        "replaced_by": list(s.record.replaced_by),
        "history": [_change(ch, hidden) for ch in s.record.changes],
    }


def _change(ch: Change, hidden: frozenset[str]) -> dict[str, Any]:
    commit = None if ch.sha in hidden else ch.sha  # a commit marked private is not named
    out: dict[str, Any] = {"change": ch.kind, "date": ch.on.isoformat(), "commit": commit}
    if ch.committed_on:
        out["committed"] = ch.committed_on.isoformat()
    for key, value in (("from", ch.before), ("to", ch.after)):
        if value is not None:
            out[key] = value.isoformat() if isinstance(value, dt.date) else value
    if ch.added or ch.removed or ch.resized:
        out["added"] = [{"id": i.id, "units": i.units, "unit": i.unit} for i in ch.added]
        out["removed"] = [{"id": i.id, "units": i.units, "unit": i.unit} for i in ch.removed]
        out["resized"] = [{"id": b.id, "from": a.units, "to": b.units, "unit": b.unit} for a, b in ch.resized]
    if ch.other:
        out["replaces"] = ch.other
    if ch.due is not None:
        out["due_then"] = ch.due.isoformat()
        out["days_before_due"] = ch.days_to_due
        out["easier"] = ch.easier
        out["after_due"] = ch.after_due
        out["last_minute"] = ch.last_minute
    return out


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
