"""Wikilinks and backlinks as the core finds and resolves them (notelinks/, pure): by title or file name, with a
folder, a heading or a text of their own, code left alone, and a problem for a link that goes nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from pymdownx.slugs import slugify

from inpublic.markdown_files import PageFacts, read_pages
from inpublic.notelinks.backlinks import backlink_views, backlinks, wikilink_problems
from inpublic.notelinks.render import render_backlinks, rewrite_wikilinks
from inpublic.notelinks.resolve import note_index, resolve
from inpublic.notelinks.scan import FoundLink, scan_links

TITLES = {
    "calculus/limits.md": "Limits",
    "calculus/chain-rule.md": "The chain rule",
    "calculus/series/geometric.md": "Geometric series",
    "analysis/limits.md": "Limits of sequences",
    "index-cards.md": "Index cards",
}
INDEX = note_index(TITLES)


@pytest.mark.parametrize(("written", "source", "target"), [
    ("The chain rule", "index-cards.md", "calculus/chain-rule.md"),  # by title
    ("the CHAIN rule", "index-cards.md", "calculus/chain-rule.md"),  # in any letter case
    ("chain-rule", "index-cards.md", "calculus/chain-rule.md"),  # by file name
    ("chain-rule.md", "index-cards.md", "calculus/chain-rule.md"),
    ("geometric", "index-cards.md", "calculus/series/geometric.md"),
    ("series/geometric", "index-cards.md", "calculus/series/geometric.md"),  # with part of its folder
    ("calculus/limits", "index-cards.md", "calculus/limits.md"),  # the folder tells two limits apart
    ("analysis/limits.md", "index-cards.md", "analysis/limits.md"),
    ("../analysis/limits", "calculus/chain-rule.md", "analysis/limits.md"),  # relative to the note's folder
    ("Limits of sequences", "index-cards.md", "analysis/limits.md"),
])
def test_a_wikilink_names_a_note_by_title_or_file_name(written: str, source: str, target: str) -> None:
    assert resolve(INDEX, source, written).src_uri == target


def test_a_name_two_notes_share_is_ambiguous_and_says_which_two() -> None:
    found = resolve(INDEX, "index-cards.md", "limits")  # calculus/limits.md by name and title, analysis/limits.md
    assert found.src_uri is None
    assert found.problem == ("'limits' is both analysis/limits.md and calculus/limits.md; write the folder too, "
                             "like [[analysis/limits]]")


def test_a_whole_path_is_never_ambiguous() -> None:
    index = note_index({"limits.md": "Limits", "calculus/limits.md": "Limits, again"})
    assert resolve(index, "a.md", "limits").src_uri == "limits.md"
    assert resolve(index, "a.md", "calculus/limits").src_uri == "calculus/limits.md"


def test_a_missing_note_suggests_the_closest_title() -> None:
    found = resolve(INDEX, "index-cards.md", "Geometrik series")
    assert found.src_uri is None
    assert found.problem == "no note is called 'Geometrik series'; did you mean 'Geometric series'?"
    assert resolve(INDEX, "index-cards.md", "Topology").problem == "no note is called 'Topology'"


def test_wikilinks_become_relative_links_with_their_text_and_heading_anchor() -> None:
    text = "See [[The chain rule]], [[geometric|the series]] and [[calculus/limits#One side, then the other]].\n"
    assert rewrite_wikilinks(text, "analysis/limits.md", INDEX) == (
        "See [The chain rule](../calculus/chain-rule.md), [the series](../calculus/series/geometric.md) and "
        "[calculus/limits › One side, then the other](../calculus/limits.md#one-side-then-the-other).\n")
    assert rewrite_wikilinks("Up to [[#Why it works]].", "calculus/limits.md", INDEX) == \
        "Up to [Why it works](#why-it-works)."


def test_a_heading_anchor_is_the_one_the_sites_slugify_gives() -> None:
    index = note_index(TITLES, slugify(case="lower"), "-")  # pymdownx's, as a site may configure toc with
    assert rewrite_wikilinks("[[Limits of sequences#Cauchy’s test]]", "index-cards.md", index) == \
        "[Limits of sequences › Cauchy’s test](analysis/limits.md#cauchys-test)"


def test_a_broken_wikilink_is_text_marked_broken_not_a_dead_link() -> None:
    assert rewrite_wikilinks("[[Topology|open <sets> & *more*]]", "index-cards.md", INDEX) == \
        '<span class="inpublic-broken-link" title="No such note">open &lt;sets&gt; &amp; \\*more\\*</span>'


def test_a_file_name_with_spaces_is_a_working_link() -> None:
    index = note_index({"notes/my first note.md": "Day one"})
    assert rewrite_wikilinks("[[my first note]]", "other.md", index) == "[my first note](notes/my%20first%20note.md)"


CODE = """\
`[[Limits of sequences]]` in a code span, ``a [[Limits of sequences]] span``, and \\[[escaped]].

```python
a = [[1, 2], [3, 4]]  # [[Limits of sequences]]
```

~~~~
[[Limits of sequences]]
~~~~

    [[Limits of sequences]] in an indented block

<!-- [[Limits of sequences]] in a comment -->

- a list
    - an item nested [[chain-rule]]

![[an embed is left alone]]
"""


def test_code_comments_escapes_and_embeds_are_left_alone() -> None:
    rewritten = rewrite_wikilinks(CODE, "index-cards.md", INDEX)
    assert rewritten == CODE.replace("[[chain-rule]]", "[chain\\-rule](calculus/chain-rule.md)")  # text escaped
    assert [link.target for link in scan_links(CODE)] == ["chain-rule"]


def test_links_are_found_with_their_line_and_column_in_the_file() -> None:
    body = "# Chain\n\nSee [[Limits]] and [the series](series/geometric.md#sum \"title\").\n\n[ref]: limits.md\n"
    assert scan_links(body, first_line=4) == (
        FoundLink(6, 5, "Limits", wiki=True),
        FoundLink(6, 20, "series/geometric.md#sum"),
        FoundLink(8, 1, "limits.md"),
    )


def test_backlinks_count_markdown_links_and_wikilinks_once_each_and_never_a_note_itself() -> None:
    links = {
        "calculus/chain-rule.md": scan_links("[[calculus/limits]], [again](limits.md#x), [self](chain-rule.md), "
                                             "[[The chain rule]], [web](https://example.org/limits.md)\n"),
        "analysis/limits.md": scan_links("[ref]: ../calculus/limits.md\n\n[[Geometric series]]\n"),
        "index.md": scan_links("[[calculus/limits]]\n"),  # a page that is not a note: not a backlink
        "calculus/series/geometric.md": scan_links("[[nowhere]] [[Limits]] ![figure](../limits.md)\n"),
    }
    assert backlinks(links, INDEX) == {
        "calculus/limits.md": ("analysis/limits.md", "calculus/chain-rule.md"),  # by title: Limits of…, The chain…
        "calculus/series/geometric.md": ("analysis/limits.md",),
    }


def test_the_linked_from_section_links_each_note_from_the_pages_address() -> None:
    sources = ("analysis/limits.md", "calculus/chain-rule.md")
    titles = {**TITLES, "calculus/chain-rule.md": "<script>alert(1)</script> & co"}
    pretty = backlink_views("calculus/limits/", sources, titles, use_directory_urls=True)
    assert [b.url for b in pretty] == ["../../analysis/limits/", "../chain-rule/"]
    plain = backlink_views("calculus/limits.html", sources, titles, use_directory_urls=False)
    assert [b.url for b in plain] == ["../analysis/limits.html", "chain-rule.html"]
    home = backlink_views("", ["index-cards.md"], TITLES, use_directory_urls=True)
    assert [b.url for b in home] == ["index-cards/"]
    html = render_backlinks(pretty)
    assert '<a href="../chain-rule/">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</a>' in html
    assert "<script>" not in html and "Linked from" in html


def test_each_broken_wikilink_is_a_problem_with_its_file_line_and_column() -> None:
    links = {"calculus/chain-rule.md": scan_links("\nSee [[Limts of sequences]] and [[limits]].\n", first_line=3)}
    assert [str(p) for p in wikilink_problems(links, INDEX, "docs")] == [
        "docs/calculus/chain-rule.md:4:5: wikilink [[Limts of sequences]]: no note is called 'Limts of sequences'; "
        "did you mean 'Limits of sequences'?",
        "docs/calculus/chain-rule.md:4:32: wikilink [[limits]]: 'limits' is both analysis/limits.md and "
        "calculus/limits.md; write the folder too, like [[analysis/limits]]",
    ]


def test_pages_are_read_once_for_their_title_and_links_and_again_only_when_changed(tmp_path: Path) -> None:
    note = tmp_path / "chain.md"
    note.write_text("---\ntitle: The chain rule\n---\n\nSee [[Limits]].\n", encoding="utf-8")
    known: dict[Path, tuple[int, int, PageFacts]] = {}
    first = read_pages({"chain.md": note}, known)
    assert first == read_pages({"chain.md": note}) == {
        "chain.md": PageFacts("The chain rule", (FoundLink(5, 5, "Limits", wiki=True),))}  # lines of the file
    assert read_pages({"chain.md": note}, known)["chain.md"] is first["chain.md"]  # not read again
    note.write_text("# Chain\n\n[[Limits]] and [[Series]]\n", encoding="utf-8")
    assert [link.target for link in read_pages({"chain.md": note}, known)["chain.md"].links] == ["Limits", "Series"]
