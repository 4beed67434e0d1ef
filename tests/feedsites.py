"""A learner's repository for the feed tests, built for real (a helper, not a test module).

Three completed weeks in New York (W44 to W46 of 2026, across the end of daylight saving time on 1 November)
and W47 in progress on the build date (sites.FIXED_EPOCH, Sunday 22 November). The plan changes in git: a
due date moved, a commitment withdrawn, one kept and one missed, so every kind of commitment event is there.
"""

from __future__ import annotations

from pathlib import Path

from gitrepo import GitRepo
from sites import FIXED_EPOCH, Build, build_in_process

SITE_URL = "https://example.org/learning/"
REPO_URL = "https://github.com/ada/learning"
SECRET = "Salary negotiation notes"
# a 1x1 PNG, so that an image in a feed item points at a real file
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf"
    "c0f01f0005ff02fe0b4fd5a40000000049454e44ae426082"
)

CONFIG = f"""\
site_name: Ada learns calculus
site_url: {SITE_URL}
repo_url: {REPO_URL}
theme:
  name: material
  features: [navigation.prune]
plugins:
  - inpublic
"""

PLAN = """\
learner:
  name: Ada Example
  bio: Learning calculus
  timezone: America/New_York
  started: 2026-10-26
  repo: https://github.com/ada/learning
subjects:
  - id: calculus
    title: Calculus
    resources:
      - {{id: calc1, title: Calculus 1, kind: course, units: 10, unit: weeks}}
      - {{id: limits, title: Limits drill, kind: practice, units: 2, unit: sheets}}
      - {{id: derivs, title: Derivatives drill, kind: practice, units: 5, unit: sheets}}
commitments:
  - {{id: spring, title: Calculus by spring, made: 2026-10-27, due: {spring_due}, covers: [calculus]}}
  - {{id: sprint, title: Limits sprint, made: 2026-10-27, due: 2026-11-10, covers: [limits]}}
  - {{id: oops, title: Derivatives sprint, made: 2026-10-27, due: 2026-11-12, covers: [derivs]}}
{gone}log:
  - {{date: 2026-10-28, minutes: 60, resource: calc1, units: 1}}
{more_log}"""
GONE = "  - {id: gone, title: Integrals by January, made: 2026-10-27, due: 2027-01-31, covers: [calc1]}\n"
LOG_W45 = (
    "  - {date: 2026-11-03, minutes: 45, resource: limits, units: 1}\n"
    "  - {date: 2026-11-05, minutes: 50, resource: limits, units: 1}\n"
)
LOG_W46 = "  - {date: 2026-11-11, minutes: 30, resource: derivs, units: 1}\n"


def plan(spring_due: str = "2027-02-28", gone: bool = True, more_log: str = "") -> str:
    return PLAN.format(spring_due=spring_due, gone=GONE if gone else "", more_log=more_log)


def make_learner(root: Path, config: str = CONFIG) -> GitRepo:
    repo = GitRepo(root)
    repo.write("mkdocs.yml", config)
    repo.write("progress.yaml", plan())
    repo.write("docs/limits.md", "# Limits\n\nFirst go.\n\n![A sketch](img/limits.png)\n")
    (root / "docs" / "img").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "img" / "limits.png").write_bytes(PNG)
    repo.commit("First note: limits", "2026-10-27T20:00:00-04:00")
    repo.write("docs/derivatives.md", "---\ntitle: Derivatives, from the definition\n---\n\nBody.\n")
    repo.commit("Derivatives <from the definition> & more", "2026-10-29T21:30:00-04:00")
    repo.write("docs/private/salary.md", f"# {SECRET}\n\nNot for the site.\n")
    repo.commit("Private notes", "2026-11-03T08:00:00-05:00")
    repo.write("docs/limits.md", "# Limits\n\nSecond go, with epsilon and delta.\n\n![A sketch](img/limits.png)\n")
    repo.commit(f"[private] {SECRET} and limits", "2026-11-04T22:00:00-05:00")
    repo.write("progress.yaml", plan("2027-03-31", more_log=LOG_W45))
    repo.commit("Limits drill finished; spring deadline moved to March", "2026-11-05T22:00:00-05:00")
    repo.write(
        "docs/reports/2026-W45.md",
        "---\ntitle: A good week\n---\n\nI finally *got* [epsilon-delta](../limits.md#limits).\n\n"
        "![My sketch](../img/limits.png)\n",
    )
    repo.commit("Reflection on week 45", "2026-11-08T18:00:00-05:00")
    repo.write("docs/chain-rule.md", "# The chain rule\n\nOutside, then inside.\n")
    repo.write("progress.yaml", plan("2027-03-31", gone=False, more_log=LOG_W45 + LOG_W46))
    repo.commit("The chain rule; no integrals goal for now", "2026-11-11T07:00:00-05:00")
    return repo


def build_at(project: Path, site: Path, epoch: str = FIXED_EPOCH, *, strict: bool = True) -> Build:
    """`mkdocs build` of `project`, in this process, as if run at `epoch` (seconds since 1970, as SOURCE_DATE_EPOCH)."""
    return build_in_process(project, site, strict=strict, epoch=epoch)
