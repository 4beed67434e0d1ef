"""The options of the `inpublic` MkDocs plugin, typed and checked by MkDocs' own config machinery."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import BaseConfigOption, Config, ConfigErrors, ConfigWarnings, ValidationError

from inpublic.giscus import CommentsError, CommentSettings, comment_settings
from inpublic.problems import did_you_mean


class Comments(BaseConfigOption[CommentSettings | None]):
    """giscus's settings (`giscus.comment_settings`), None when not set: every mistake said at once."""

    label = "a mapping; see [Comments](comments.md)"  # its type in the options' reference

    def run_validation(self, value: object, /) -> CommentSettings | None:
        if value is None:
            return None
        try:
            return comment_settings(value)
        except CommentsError as err:
            raise ValidationError(str(err)) from None


class InpublicConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs types no __init_subclass__
    plan = opt.Type(str, default="progress.yaml")
    """Path of the study plan, relative to mkdocs.yml."""
    private = opt.ListOfItems(opt.Type(str), default=["private/**"])
    """Glob patterns, relative to docs_dir, of files that never reach the site: no page, no title, no count."""
    not_notes = opt.ListOfItems(opt.Type(str), default=["index.md", "reports/**", "blog/**"])
    """Glob patterns of published pages that are not study notes (a home, an about page, documentation):
    changes to them are not counted in the reports, and they carry no git dates."""
    private_marker = opt.Type(str, default="[private]")
    """Commits whose message contains this text, in its subject or its body, in any letter case, are left out of
    every report, count, note date and feed."""
    reports = opt.Type(bool, default=True)
    """Weekly reports at reports/YYYY-Www/, their index at reports/ and their figures at reports/weeks.json."""
    note_dates = opt.Type(bool, default=True)
    """Show on every note when it was first written and last updated, from git."""
    backlinks = opt.Type(bool, default=True)
    """Under every note that other notes link to (by a Markdown link or a `[[wikilink]]`), a "Linked from" section
    listing them. Wikilinks are resolved whatever this says."""
    reviews = opt.Type(bool, default=True)
    """The review schedule (a review the day after studying, practice a week after): the page review/, the
    reviews due on the home page, and the reviews done and missed in each weekly report. Set to false if
    you do not review on this schedule."""
    reports_in_search = opt.Type(bool, default=False)
    """Whether the weekly reports are in the site's search. They are not by default: a report lists the notes of
    its week, so a search for a note would find every report that names it (and the search index that followers
    download is a quarter smaller on a site of 200 notes). The reports index is always in it; a reflection's
    front matter can put its own week in with `search: {exclude: false}`."""
    feed_items = opt.ListOfItems(
        opt.Choice(("reports", "commitments", "blog")), default=["reports", "commitments", "blog"]
    )
    """What the feeds (feed.xml, atom.xml, feed.json) hold: completed weekly reports, commitment events (made,
    due date moved, kept, missed, withdrawn) and the posts of Material's blog plugin; each subject's feeds
    (`subjects/<id>/feed.xml`, `atom.xml`) hold its weeks and its commitments' events, when `reports` or
    `commitments` is chosen. An empty list turns the feeds off. The feeds need `site_url`."""
    feed_limit = opt.Type(int, default=20)
    """How many items each feed (and each subject's) holds, newest first. Of these, weekly reports are at most the
    newest 8 weeks with something to report (a quiet week is no item), so that a first build does not publish
    years of weeks."""
    offline = opt.Type(bool, default=False)
    """Build the cohort page without reading the peers' sites: each peer is shown as last read (kept in
    .cache/inpublic/peers.json). Setting the environment variable INPUBLIC_OFFLINE=1, or `inpublic build
    --offline`, does the same for one build."""
    feed_id = opt.Optional(opt.Type(str))
    """The authority and date the feeds' item ids are made from, like `you.github.io,2026`. By default they are
    made from `learner.repo` in progress.yaml, so that moving the site to another address re-delivers nothing."""
    comments = Comments()
    """Comments under the pages, through giscus (GitHub Discussions): off unless set. `repo`, `repo_id`,
    `category` and `category_id` are the ones giscus.app gives; `mapping` (how a page finds its discussion:
    `pathname`, `url`, `title` or `og:title`; `pathname` by default), `pages` (which pages get comments: `notes`,
    `reports`, `commitments`; all three by default), `lang` (the site's language by default) and `reactions`
    (true by default) are optional. Nothing is loaded from giscus.app until the reader reaches the comments."""

    def validate(self) -> tuple[ConfigErrors, ConfigWarnings]:
        """MkDocs' checks, with a suggestion added to an unknown option's warning."""
        errors, warnings = super().validate()
        names = [name for name, _ in self._schema]
        return errors, [
            (key, msg + did_you_mean(key, names) if msg.startswith("Unrecognised") else msg) for key, msg in warnings
        ]
