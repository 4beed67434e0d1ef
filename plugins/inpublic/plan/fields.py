"""The fields of progress.yaml, each with what it means and an example. The single source of its reference."""

from __future__ import annotations

from inpublic.model import LOG_KINDS, RESOURCE_KINDS
from inpublic.plan.peers import PEERS_DOC, PeerSite
from inpublic.plan.spec import Bool, Choice, Date, Id, Int, Key, ListOf, Record, Text, TimeZone, Url
from inpublic.plan.weekdays import Weekday

MAX_MINUTES = 24 * 60
MAX_UNITS = 100_000

LEARNER = Record(
    doc="Who is learning: shown on the home page and in the feeds.",
    example="name: Sam Rivera",
    keys=(
        Key("name", Text(doc="Your name as followers see it", example="Sam Rivera"), required=True),
        Key("bio", Text(doc="One line about you and what you are working towards",
                        example="Backend engineer moving into machine learning"), required=True),
        Key("timezone", TimeZone(doc="The IANA time zone your days and weeks are counted in"), required=True),
        Key("started", Date(doc="The day you started", example="2026-10-05"), required=True),
        Key("repo", Url(doc="The public repository of your notes, to link commits",
                        example="https://github.com/you/learning")),
    ),
)

RESOURCE = Record(
    doc="Something you learn from, counted in units (lectures, chapters, problem sets...).",
    keys=(
        Key("id", Id(doc="A short id, unique in the whole plan", example="stat110"), required=True),
        Key("title", Text(doc="Its name", example="Harvard Stat 110: Probability"), required=True),
        Key("kind", Choice(doc="What sort of resource it is", example="lectures", choices=RESOURCE_KINDS),
            required=True),
        Key("url", Url(doc="Where to find it", example="https://projects.iq.harvard.edu/stat110")),
        Key("units", Int(doc="How many units it has in all", example="35", minimum=1, maximum=MAX_UNITS),
            required=True),
        Key("unit", Text(doc="What one unit is, in the plural", example="lectures"), required=True),
        Key("done", Int(doc="Units done, when you do not log them one by one", example="12", maximum=MAX_UNITS)),
    ),
)

SUBJECT = Record(
    doc="A subject you study, with its resources.",
    keys=(
        Key("id", Id(doc="A short id, unique in the whole plan", example="probability"), required=True),
        Key("title", Text(doc="Its name", example="Probability"), required=True),
        Key("resources", ListOf(doc="The courses, books and lectures of this subject", item=RESOURCE,
                                min_items=1, example="[{id: stat110, ...}]"), required=True),
    ),
)

COMMITMENT = Record(
    doc="A public promise: what you will finish, and by when.",
    keys=(
        Key("id", Id(doc="A short id that never changes, even if the title does", example="june"), required=True),
        Key("title", Text(doc="The promise in a few words", example="Calculus and probability by the end of June"),
            required=True),
        Key("made", Date(doc="The day you made it public", example="2026-10-05"), required=True),
        Key("due", Date(doc="The day it is due", example="2027-06-30"), required=True),
        Key("covers", ListOf(doc="Ids of the resources it covers; a subject id stands for all its resources",
                             item=Id(example="stat110"), min_items=1, example="[calculus, stat110]"),
            required=True),
        Key("note", Text(doc="Why it matters, or how you will get there",
                         example="Two evenings and a weekend day a week")),
    ),
)

LOG_ENTRY = Record(
    doc="One study session.",
    keys=(
        Key("date", Date(doc="The day you studied", example="2026-10-05"), required=True),
        Key("minutes", Int(doc="How long, in minutes", example="90", minimum=1, maximum=MAX_MINUTES,
                           limit_why=" (a whole day)"), required=True),
        Key("resource", Id(doc="The id of the resource you studied (or subject/resource)", example="stat110",
                           ref=True), required=True),
        Key("units", Int(doc="Units finished in this session", example="2", maximum=1000)),
        Key("note", Text(doc="What you did, in a line", example="Conditional probability, strategy problems")),
        Key("kind", Choice(doc="study (default), review or practice", example="study", choices=LOG_KINDS)),
        Key("private", Bool(doc="Keep this entry off the site and the feeds", example="false")),
    ),
)

MILESTONE = Record(
    doc="A dated event of the journey.",
    keys=(
        Key("date", Date(doc="When it happened", example="2026-11-20"), required=True),
        Key("title", Text(doc="What happened", example="Finished Calculus 1"), required=True),
        Key("note", Text(doc="A line more", example="Seventy lectures and every problem set")),
        Key("private", Bool(doc="Keep this milestone off the site and the feeds", example="false")),
    ),
)

BREAK = Record(
    doc="Days off with dates (a holiday, an exam week elsewhere): they rest, like rest days.",
    keys=(
        Key("from", Date(doc="The first day of the break", example="2026-12-24"), required=True),
        Key("to", Date(doc="The last day of the break, included", example="2027-01-01"), required=True),
        Key("note", Text(doc="What the break is, shown on the heatmap", example="Christmas with family")),
        Key("private", Bool(doc="Keep the note off the site and the feeds (the days still rest)", example="false")),
    ),
)

PLAN = Record(
    doc="A learner's plan for inpublic: who you are, what you study, what you promised, and what you did.",
    keys=(
        Key("learner", LEARNER, required=True),
        Key("subjects", ListOf(doc="What you study", item=SUBJECT, min_items=1, example="[{id: calculus, ...}]"),
            required=True),
        Key("commitments", ListOf(doc="Your public deadlines", item=COMMITMENT)),
        Key("log", ListOf(doc="Your study sessions, one entry each", item=LOG_ENTRY)),
        Key("milestones", ListOf(doc="Events of your journey", item=MILESTONE)),
        Key("rest_days", ListOf(doc="The days of the week you do not plan to study: they do not break a streak",
                                item=Weekday(doc="A day of the week: mon, tue, wed, thu, fri, sat or sun"),
                                example="[sat, sun]")),
        Key("breaks", ListOf(doc="Dated breaks: days off that do not break a streak", item=BREAK,
                             example="[{from: 2026-12-24, to: 2027-01-01}]")),
        Key("peers", ListOf(doc=PEERS_DOC, item=PeerSite(), example="[https://sam.github.io/learning/]")),
    ),
)
