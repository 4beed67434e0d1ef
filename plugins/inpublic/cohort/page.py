"""The cohort page (cohort.md), rendered from `cohort.view.CohortView`."""

from __future__ import annotations

from jinja2 import Environment

from inpublic.cohort.view import CohortView
from inpublic.render import environment

COHORT = "cohort.md"


def render_cohort(view: CohortView, env: Environment | None = None) -> str:
    return (env or environment()).get_template("cohort.md.j2").render(view=view)
