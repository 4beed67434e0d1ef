"""The rhythm of the work on the site: the heatmap and streaks of the home page, the review page, and the
reviews of each week for the weekly reports. Computed by activity/days.py, rhythm/heatmap.py,
rhythm/reviews.py and rhythm/home.py; rendered here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from jinja2 import Environment

from inpublic.activity.days import DayActivity, counted_commit_times, daily_activity, streaks
from inpublic.activity.notes import NoteLife
from inpublic.model import History, Plan
from inpublic.render import environment
from inpublic.reports.weeks import Sources, WeekReport
from inpublic.rhythm.heatmap import Heatmap, heatmap
from inpublic.rhythm.home import REVIEW_PAGE, HomeRhythm
from inpublic.rhythm.reviews import Review, ReviewView, ReviewWeek, review_schedule, review_view, review_weeks


@dataclass(frozen=True)
class Rhythm:
    home: HomeRhythm
    files: tuple[tuple[str, str, bool], ...]  # (src_uri, content, in_nav): the review page, when reviews are on
    review_weeks: Mapping[str, ReviewWeek] | None  # by week slug (2026-W47); None when reviews are off
    reviews: tuple[Review, ...] = ()  # the review schedule as of today; () when reviews are off
    days: Mapping[dt.date, DayActivity] = field(default_factory=dict)  # each active day's figures, up to today


def rhythm(plan: Plan, commit_days: Iterable[dt.date], today: dt.date, *, reviews: bool = True,
           env: Environment | None = None) -> Rhythm:
    """Everything the rhythm adds to a site; ``plan`` is the public plan, ``commit_days`` one day per counted
    commit in the learner's time zone, ``today`` the build date there."""
    days = daily_activity(plan.log, commit_days, today)
    hm = heatmap(days, plan.learner.started, today, streaks(days, today, plan.rest), plan.rest)
    if not reviews:
        return Rhythm(HomeRhythm(hm, None), (), None, days=days)
    schedule = review_schedule(plan, today)
    view = review_view(schedule, today)
    return Rhythm(HomeRhythm(hm, view), ((REVIEW_PAGE, render_review_page(view, env), True),), review_weeks(schedule),
                  schedule, days)


def report_commit_days(reports: Sequence[WeekReport]) -> list[dt.date]:
    """One day per counted commit, from the weekly reports (which date them in the learner's time zone)."""
    return [c.authored.date() for r in reports for c in r.commits]


def history_commit_days(
    history: History, sources: Sources, timezone: str, *, public: Sequence[NoteLife] | None = None
) -> list[dt.date]:
    """One day per counted commit, from the history, when there are no weekly reports to take them from.
    ``public`` are the public notes (``activity.public.public_lives``) when the caller has them already."""
    return [t.date() for t in counted_commit_times(history, sources, ZoneInfo(timezone), public=public)]


def render_heatmap(hm: Heatmap, env: Environment | None = None) -> str:
    """The heatmap as an SVG element (no XML declaration: it is meant to be inlined in HTML)."""
    return (env or environment()).get_template("heatmap.svg.j2").render(heatmap=hm)


def render_review_page(view: ReviewView, env: Environment | None = None) -> str:
    return (env or environment()).get_template("review.md.j2").render(view=view)
