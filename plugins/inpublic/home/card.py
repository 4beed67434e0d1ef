"""The progress card, `card.svg` at the site's root, for a GitHub profile README (pure: no I/O, no clock).

It shows, as of the build: the next deadline (the nearest current commitment not yet due, its status and how far
along it is), the current streak, and this week so far (the active days of the days gone by that were not resting,
the time logged, the commits). Every coordinate is computed here; templates/card.svg.j2 writes them out in three
schemes: `card.svg` follows the reader's light or dark setting, `card-light.svg` and `card-dark.svg` are fixed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from inpublic.activity.days import DayActivity, Streaks
from inpublic.commitments.reasons import AT_RISK, LABELS, ON_TRACK
from inpublic.commitments.status import CommitmentStatus
from inpublic.model import Plan
from inpublic.wording import format_date, format_duration, plural, relative_days

CARD = "card.svg"  # follows the reader's scheme
CARD_FILES = {CARD: "auto", "card-light.svg": "light", "card-dark.svg": "dark"}
WIDTH, HEIGHT = 480, 170
BAR = 200  # the width of the deadline's progress bar
LONGEST = 54  # characters of a title the card has room for


@dataclass(frozen=True)
class CardDeadline:
    title: str  # shortened to fit
    full_title: str
    due: dt.date
    when: str  # "in 209 days", "due today"
    status: str  # the status's key: on-track, at-risk
    label: str  # "on track", "at risk"
    percent: int
    bar: int  # the filled part of the progress bar, in pixels


@dataclass(frozen=True)
class CardView:
    name: str
    today: dt.date
    deadline: CardDeadline | None  # None: no current commitment still to come
    streak: int  # days
    week_active: int  # active days this week so far
    week_days: int  # the days of this week so far that could have been active (resting days without study left out)
    week_minutes: int
    week_commits: int

    @property
    def streak_text(self) -> str:
        return plural(self.streak, "day") if self.streak else "none yet"

    @property
    def week_text(self) -> str:
        """'4 of 4 days active, 3 h 45 min, 1 commit'."""
        parts = [f"{self.week_active} of {plural(self.week_days, 'day')} active"]
        if self.week_minutes:
            parts.append(format_duration(self.week_minutes))
        if self.week_commits:
            parts.append(plural(self.week_commits, "commit"))
        return ", ".join(parts)

    @property
    def description(self) -> str:
        """The card in words, for its <desc> and for readers who cannot see it."""
        if self.deadline is None:
            first = "No deadline to come."
        else:
            d = self.deadline
            first = (f"Next deadline: {d.full_title}, due {format_date(d.due)} ({d.when}), {d.label}, "
                     f"{d.percent}% done.")
        return f"{first} Current streak: {self.streak_text}. This week so far: {self.week_text}."


def card_view(
    plan: Plan,
    statuses: Sequence[CommitmentStatus],
    streaks: Streaks,
    days: Mapping[dt.date, DayActivity],
    today: dt.date,
) -> CardView:
    """The card as of `today`: `statuses` as the commitment pages show them, `streaks` and `days` as the heatmap's."""
    monday = today - dt.timedelta(days=today.weekday())
    week = [monday + dt.timedelta(days=n) for n in range((today - monday).days + 1)]
    activity = [days[d] for d in week if d in days and days[d].active]
    active = {a.day for a in activity}
    return CardView(
        name=plan.learner.name,
        today=today,
        deadline=_next_deadline(statuses, today),
        streak=streaks.current_days,
        week_active=len(active),
        week_days=sum(1 for d in week if d in active or not plan.rest.resting(d)),
        week_minutes=sum(a.minutes for a in activity),
        week_commits=sum(a.commits for a in activity),
    )


def _next_deadline(statuses: Sequence[CommitmentStatus], today: dt.date) -> CardDeadline | None:
    s = next((s for s in statuses if s.status in (ON_TRACK, AT_RISK) and s.commitment.due >= today), None)
    if s is None:
        return None
    title = s.commitment.title
    if len(title) > LONGEST:
        title = title[: LONGEST - 1].rstrip() + "…"
    bar = round(BAR * min(max(float(s.fraction), 0.0), 1.0))
    return CardDeadline(title, s.commitment.title, s.commitment.due, relative_days(s.days_left), s.status,
                        LABELS[s.status], s.percent, bar)


@dataclass(frozen=True)
class CardEmbed:
    """What the home page offers the learner to paste into a GitHub profile README."""

    image: str  # the card's absolute address
    markdown: str  # the card, linked to the site
    html: str  # the same with a <picture>: the light or the dark card as GitHub's reader has it set


def card_embed(site_url: str, name: str) -> CardEmbed | None:
    """The snippets for a site at `site_url` (None without one: a README needs the card's whole address)."""
    if not site_url:
        return None
    alt = f"{name}: learning in public".replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    html_alt = alt.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    image = f"{site_url}{CARD}"
    markdown = f"[![{alt}]({image})]({site_url})"
    html = (f'<a href="{site_url}"><picture>'
            f'<source media="(prefers-color-scheme: dark)" srcset="{site_url}card-dark.svg">'
            f'<img alt="{html_alt}" src="{site_url}card-light.svg"></picture></a>')
    return CardEmbed(image, markdown, html)
