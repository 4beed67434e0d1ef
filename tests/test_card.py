"""The progress card, card.svg at the site's root: what it says (pure), and the SVG a build writes, in three schemes,
with the home page's snippets to embed it in a GitHub profile README."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from core_inputs import inputs_of
from gitrepo import GitRepo
from inpublic.activity.days import DayActivity, Run, Streaks
from inpublic.home.card import LONGEST, card_embed, card_view
from inpublic.model import Rest
from inpublic.plan.load import parse_plan
from inpublic.site import SiteFacts, build_site
from sites import MINIMAL_CONFIG, MINIMAL_PLAN, build_in_process, make_site

SVG = "{http://www.w3.org/2000/svg}"
THURSDAY = dt.date(2026, 11, 19)
SITE_URL = "https://example.org/learning/"


def days(*spec: tuple[str, int, int]) -> dict[dt.date, DayActivity]:
    return {dt.date.fromisoformat(d): DayActivity(dt.date.fromisoformat(d), minutes=m, sessions=1 if m else 0,
                                                  commits=c) for d, m, c in spec}


def test_this_week_so_far_counts_the_days_gone_by_that_were_not_resting() -> None:
    plan = replace(parse_plan(MINIMAL_PLAN), rest=Rest(weekdays=frozenset({1})))  # Tuesdays off
    activity = days(("2026-11-15", 60, 0), ("2026-11-16", 30, 2), ("2026-11-18", 45, 0), ("2026-11-19", 0, 1))
    streaks = Streaks(THURSDAY, Run(dt.date(2026, 11, 18), THURSDAY, 2), None)
    card = card_view(plan, (), streaks, activity, THURSDAY)
    # Monday to Thursday: Tuesday rests; Sunday the 15th is last week's
    assert (card.week_active, card.week_days, card.week_minutes, card.week_commits) == (3, 3, 75, 3)
    assert card.week_text == "3 of 3 days active, 1 h 15 min, 3 commits"
    assert card.streak_text == "2 days"
    assert card.deadline is None and card.description.startswith("No deadline to come.")


@pytest.fixture(scope="module")
def learner(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    long_title = "Calculus by spring, with every exercise of every chapter done twice"
    root = make_site(tmp_path_factory.mktemp("card") / "ada", config=MINIMAL_CONFIG,
                     plan=MINIMAL_PLAN.replace("name: Ada Example", 'name: Ada <Example> & "Co"')
                     .replace("title: Calculus by spring", f"title: {long_title}"))
    repo = GitRepo(root)
    repo.write("docs/limits.md", "# Limits\n\nFirst go.\n")
    repo.commit("Limits", "2026-11-19T20:00:00-05:00")
    return repo


def test_the_card_names_the_next_deadline_its_status_and_shortens_a_long_title(learner: GitRepo) -> None:
    site = build_site(inputs_of(learner.root, SiteFacts(url=SITE_URL, name="Ada"), today=dt.date(2026, 11, 22)))
    card = {f.src_uri: f.content for f in site.files if f.src_uri.startswith("card")}
    assert set(card) == {"card.svg", "card-light.svg", "card-dark.svg"}
    root = lxml.etree.fromstring(card["card.svg"].encode())  # parses as XML, in the SVG namespace
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.findtext(f"{SVG}title") == 'Ada <Example> & "Co": learning in public'
    desc = root.findtext(f"{SVG}desc")
    assert desc is not None and "Calculus by spring, with every exercise of every chapter done twice, due" in desc
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    shown = next(t for t in texts if t.startswith("Calculus by spring"))
    assert len(shown) == LONGEST and shown.endswith("…")
    status = next(t for t in root.iter(f"{SVG}tspan"))
    assert status.text in ("on track", "at risk") and status.get("class") in ("on-track", "at-risk")
    assert "This week so far" in texts and "1 of 7 days active, 1 commit" in texts  # on Sunday: the whole week
    assert texts[texts.index("Streak") + 1] == "none yet"  # nothing on Friday, Saturday or Sunday
    # the schemes: the automatic one carries both palettes, the fixed ones one each
    assert "prefers-color-scheme:dark" in card["card.svg"]
    assert "prefers-color-scheme" not in card["card-light.svg"] + card["card-dark.svg"]
    assert "#ffffff" in card["card-light.svg"] and "#ffffff" not in card["card-dark.svg"]


def test_a_build_writes_the_card_and_the_home_offers_its_snippets(learner: GitRepo, tmp_path: Path) -> None:
    result = build_in_process(learner.root, tmp_path / "site")
    assert result.returncode == 0, result.output
    for name in ("card.svg", "card-light.svg", "card-dark.svg"):
        assert lxml.etree.parse(str(tmp_path / "site" / name)).getroot().tag == f"{SVG}svg"
    page = lxml.html.fromstring(result.page())
    embed = card_embed(SITE_URL, 'Ada <Example> & "Co"')
    assert embed is not None
    # what the reader copies is the snippet itself, the learner's name escaped for the page and not twice
    assert page.xpath("//details[@class='inpublic-card-embed']//pre/code/text()") == [embed.markdown, embed.html]
    assert embed.markdown == f'[![Ada <Example> & "Co": learning in public]({SITE_URL}card.svg)]({SITE_URL})'
    assert f'srcset="{SITE_URL}card-dark.svg"' in embed.html
    assert 'alt="Ada &lt;Example> &amp; &quot;Co&quot;' in embed.html
    [img] = page.xpath("//details[@class='inpublic-card-embed']//img")
    assert img.get("src") == "card.svg" and img.get("alt") == 'Ada <Example> & "Co": learning in public'


def test_without_a_site_address_there_is_no_snippet_to_offer() -> None:
    assert card_embed("", "Ada") is None
    embed = card_embed(SITE_URL, "Ada [the] learner")
    assert embed is not None and embed.markdown.startswith("[![Ada \\[the\\] learner: learning in public](")
