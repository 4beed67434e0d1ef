"""What an engine adapter reads of a project for `site.build_site`, read the same way without an engine (a helper,
not a test module): the plan, the two histories as they stand on `today`, the titles of the notes and the
learner's reflections, made into inputs by the adapters' own `build_inputs`. So a test calls the core in this
process, as the MkDocs plugin does in a build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from inpublic.activity.public import may_count
from inpublic.engines.project import build_inputs
from inpublic.feeds.site import FeedSettings
from inpublic.history.load import histories_as_of, read_histories
from inpublic.plan.load import load_plan
from inpublic.privacy import Privacy, public_plan
from inpublic.site import BuildInputs, BuildOptions, SiteFacts

TODAY = dt.date(2026, 11, 22)  # the run's fixed day (tests/conftest.py)


def inputs_of(
    project: Path,
    site: SiteFacts,
    *,
    today: dt.date = TODAY,
    options: BuildOptions | None = None,
    privacy: Privacy | None = None,
) -> BuildInputs:
    """The inputs of a build of `project` (docs in docs/, the plan in progress.yaml) with the feeds on unless
    `options` says otherwise; the private notes are left out, as the adapter leaves them out of the files."""
    privacy = privacy or Privacy()
    plan = public_plan(load_plan(project / "progress.yaml"))
    read = read_histories(project, project / "progress.yaml", privacy.marker)
    docs = project / "docs"
    pages = {p.relative_to(docs).as_posix(): p for p in sorted(docs.rglob("*.md"))}
    pages = {uri: path for uri, path in pages.items() if not privacy.is_private_path(uri)}
    now = histories_as_of(read, today, plan.learner.timezone,
                          lambda c: may_count(c, "docs", "progress.yaml", privacy))
    return build_inputs(plan=plan, histories=now, today=today, notes_dir="docs", plan_in_repo="progress.yaml",
                        privacy=privacy, pages=pages, options=options or BuildOptions(feeds=FeedSettings()), site=site)
