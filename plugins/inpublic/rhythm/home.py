"""The rhythm's part of the home page: the heatmap and streaks, and the reviews due (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from inpublic.rhythm.heatmap import Heatmap
from inpublic.rhythm.reviews import ReviewView

REVIEW_PAGE = "review.md"


@dataclass(frozen=True)
class HomeRhythm:
    """The home page's activity section."""

    heatmap: Heatmap
    reviews: ReviewView | None  # None when the review schedule is off
    review_link: str = REVIEW_PAGE  # relative to the home page (index.md)
