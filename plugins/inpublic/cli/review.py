"""`inpublic review`: what is due for review today, tomorrow, and what fell due in the last two weeks."""

from __future__ import annotations

import argparse

from inpublic.cli.status import add_site_arguments, site_and_today, use_colour
from inpublic.cli.terminal import format_reviews
from inpublic.rhythm.reviews import review_schedule, review_view


def add_review_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """The `review` command's arguments; `run_review` runs it."""
    review = subparsers.add_parser(
        "review", help="show what is due for review today",
        description="Show what your log makes due: the day after studying a resource, a review from another "
                    "resource of the subject; a week after, practice problems. Each counts when you log a review "
                    "or practice session for the subject on its day or in the two days after. Also lists "
                    "tomorrow's and what fell due in the last two weeks. Exit 0, or 1 when the plan cannot be read.")
    add_site_arguments(review)
    return review


def run_review(args: argparse.Namespace) -> int:
    found = site_and_today(args)
    if isinstance(found, int):
        return found
    site, today = found
    view = review_view(review_schedule(site.plan, today), today)
    print(format_reviews(view, colour=use_colour()), end="")
    return 0
