"""Checks that span fields of progress.yaml: unique ids, references that resolve, dates in order, totals."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from ruamel.yaml.nodes import Node

from inpublic.plan.fields import MAX_MINUTES
from inpublic.plan.peers import check_peers
from inpublic.plan.spec import INVALID, Fields, Report
from inpublic.problems import did_you_mean, quote


def check_plan(plan: Fields, report: Report) -> None:
    """Report every cross-field mistake of a plan that was read field by field.

    A mistake is reported once, not again through what follows from it: references are checked only when every
    subject and resource was read with its id (else any reference could look unknown), and one bad reference
    repeated across the plan is one message at its first place that lists the others.
    """
    subjects = list(records(plan.get("subjects")))
    resources = [r for s in subjects for r in records(s.get("resources"))]
    check_unique_ids(subjects, resources, report)
    check_resources(resources, report)
    subject_ids = {s.get("id"): s for s in subjects if is_ok(s.get("id"))}
    resource_ids = {r.get("id"): r for r in resources if is_ok(r.get("id"))}
    resource_subject = {r.get("id"): s.get("id") for s in subjects for r in records(s.get("resources"))}
    commitments = list(records(plan.get("commitments")))
    check_unique(commitments, "commitment", report, fold_case=True)
    references = References() if all_ids_read(plan) else None
    for commitment in commitments:
        check_commitment(commitment, subject_ids, resource_ids, references, report)
    check_log(list(records(plan.get("log"))), resource_ids, resource_subject, references, report)
    check_rest_days(plan, report)
    check_peers(plan, report)
    for item in records(plan.get("breaks")):
        start, end = item.get("from"), item.get("to")
        if is_ok(start) and is_ok(end) and end < start:
            node, path = item.where("to")
            report(node, path, f"the break ends on {end}, before it starts ({start}); from is its first day "
                               "and to its last, both included (were they swapped?)")
    if references is not None:
        references.report_to(report)


def check_rest_days(plan: Fields, report: Report) -> None:
    """A day of the week listed twice, or every day of the week listed: rest days leave days to study."""
    days = plan.get("rest_days")
    if not isinstance(days, list):
        return
    node = plan.value_nodes["rest_days"]
    seen: dict[int, int] = {}
    for i, day in enumerate(days):
        if not is_ok(day):
            continue
        if day in seen:
            first = node.value[seen[day]]
            report(node.value[i], f"rest_days[{i}]", f"{quote(node.value[i].value)} is listed twice (first on line "
                                                     f"{first.start_mark.line + 1} as {quote(first.value)}); keep one")
        else:
            seen[day] = i
    if len(seen) == 7:
        report(node, "rest_days", "every day of the week is a rest day, which leaves no day to study; list only "
                                  "the days you do not plan to study, for example [sat, sun] (for time off, "
                                  "write a break under breaks:)")


class References:
    """Mistaken references, gathered so that one mistake repeated is reported once, where it first appears."""

    def __init__(self) -> None:
        self.places: dict[tuple[str, str], list[tuple[Node, str, str, Callable[[], str]]]] = defaultdict(list)

    def add(self, node: Node, path: str, key: tuple[str, str], message: str, hint: Callable[[], str]) -> None:
        """A mistaken reference; `key` says which are the same mistake, `hint` ('; did you mean...') ends the message
        (worked out once, for the place that is reported)."""
        self.places[key].append((node, path, message, hint))

    def report_to(self, report: Report) -> None:
        for places in self.places.values():
            places.sort(key=lambda p: (p[0].start_mark.line, p[0].start_mark.column))
            node, path, message, hint = places[0]
            lines = sorted({p[0].start_mark.line + 1 for p in places[1:]} - {node.start_mark.line + 1})
            report(node, path, message + also_on(lines) + hint())


def also_on(lines: list[int], most: int = 6) -> str:
    """', also on lines 40, 52 and 61' for the other places of a repeated mistake."""
    if not lines:
        return ""
    shown = [str(n) for n in lines[:most]]
    if len(lines) > most:
        return f", also on lines {', '.join(shown)} and {len(lines) - most} more"
    if len(shown) == 1:
        return f", also on line {shown[0]}"
    return f", also on lines {', '.join(shown[:-1])} and {shown[-1]}"


def suggest(word: str, choices: list[str], otherwise: str) -> Callable[[], str]:
    """The end of a message, worked out only for the message shown: '; did you mean ...?', or `otherwise`."""
    return lambda: did_you_mean(word, choices) or otherwise


def all_ids_read(plan: Fields) -> bool:
    """Whether every subject and resource was read with its id, so that a reference to no id is a mistake."""
    subjects = plan.get("subjects")
    if not isinstance(subjects, list):
        return False
    for subject in subjects:
        if not isinstance(subject, Fields) or not is_ok(subject.get("id")):
            return False
        resources = subject.get("resources")
        if not isinstance(resources, list):
            return False
        if not all(isinstance(r, Fields) and is_ok(r.get("id")) for r in resources):
            return False
    return True


def records(value: object) -> Iterator[Fields]:
    """The records of a list that could be read (a list or an item with a problem is skipped)."""
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, Fields))


def is_ok(value: object) -> bool:
    return value is not INVALID and value is not None


def check_unique(items: list[Fields], what: str, report: Report, fold_case: bool = False) -> dict[str, Fields]:
    """The items by id, reporting an id used twice; with `fold_case`, ids that differ only in case are one id too
    (a commitment's id names its page, and 'June/' and 'june/' are one folder on macOS and Windows)."""
    seen: dict[str, Fields] = {}
    for item in items:
        ident = item.get("id")
        if not is_ok(ident):
            continue
        key = ident.lower() if fold_case else ident
        if key in seen:
            node, path = item.where("id")
            first_id = seen[key].get("id")
            first = seen[key].where("id")[0].start_mark.line + 1
            if first_id == ident:
                report(node, path, f"{what} id {quote(ident)} is used twice (first on line {first}); "
                                   "ids must be unique")
            else:
                report(node, path, f"{what} id {quote(ident)} differs from {quote(first_id)} (line {first}) only in "
                                   f"case, and both would name one page; ids must be unique, whatever their case")
        else:
            seen[key] = item
    return seen


def check_unique_ids(subjects: list[Fields], resources: list[Fields], report: Report) -> None:
    subject_ids = check_unique(subjects, "subject", report)
    check_unique(resources, "resource", report)
    for resource in resources:
        ident = resource.get("id")
        if is_ok(ident) and ident in subject_ids:
            node, path = resource.where("id")
            report(node, path, f"{quote(ident)} is already the id of a subject; a resource needs an id of its own, "
                               f"for example {quote(ident + '-book')}")


def check_resources(resources: list[Fields], report: Report) -> None:
    for resource in resources:
        done, units = resource.get("done"), resource.get("units")
        if is_ok(done) and is_ok(units) and done > units:
            node, path = resource.where("done")
            unit = resource.get("unit") if is_ok(resource.get("unit")) else "units"
            report(node, path, f"done is {done} but the resource has only {units} {unit}")


def check_commitment(
    commitment: Fields, subjects: dict[str, Fields], resources: dict[str, Fields], references: References | None,
    report: Report,
) -> None:
    made, due = commitment.get("made"), commitment.get("due")
    if is_ok(made) and is_ok(due) and due < made:
        node, path = commitment.where("due")
        report(node, path, f"due date {due} is before the date it was made ({made}); "
                           "a deadline comes after the promise")
    covers = commitment.get("covers")
    if references is None or not isinstance(covers, list):
        return
    known = list(subjects) + list(resources)
    for i, ref in enumerate(covers):
        if is_ok(ref) and ref not in subjects and ref not in resources:
            node = commitment.value_nodes["covers"].value[i]
            references.add(node, f"{commitment.path}.covers[{i}]", ("unknown", ref),
                           f"unknown subject or resource {quote(ref)}",
                           suggest(ref, known, "; use the id of a subject, or of a resource listed under subjects"))


def check_log(
    log: list[Fields], resources: dict[str, Fields], resource_subject: dict[str, str], references: References | None,
    report: Report,
) -> None:
    logged: dict[str, int] = defaultdict(int)
    minutes_by_day: dict[object, int] = defaultdict(int)
    for entry in log:
        ref = entry.get("resource")
        resource_id = None
        if references is not None and is_ok(ref):
            resource_id = resolve(entry, ref, resources, resource_subject, references)
        minutes, day = entry.get("minutes"), entry.get("date")
        if is_ok(minutes) and is_ok(day):
            minutes_by_day[day] += minutes
            if minutes_by_day[day] > MAX_MINUTES >= minutes_by_day[day] - minutes:  # once a day, where it tips over
                node, path = entry.where("minutes")
                report(node, path, f"the log adds up to {minutes_by_day[day]} minutes on {day}, more than a whole day "
                                   f"({MAX_MINUTES}); check the minutes of that day's entries")
        units = entry.get("units")
        if resource_id is None or not is_ok(units):
            continue
        logged[resource_id] += units
        resource = resources[resource_id]
        total = resource.get("units")
        if is_ok(total) and logged[resource_id] > total >= logged[resource_id] - units:  # once, where it tips over
            node, path = entry.where("units")
            unit = resource.get("unit") if is_ok(resource.get("unit")) else "units"
            report(node, path, f"this entry brings {resource_id} to {logged[resource_id]} {unit} done, but it has only "
                               f"{total}; check the units logged, or the resource's total")


def resolve(
    entry: Fields, ref: str, resources: dict[str, Fields], resource_subject: dict[str, str], references: References
) -> str | None:
    """The resource id a log entry names (`id` or `subject/id`), or None after noting why not."""
    node, path = entry.where("resource")
    subject, _, ident = ref.rpartition("/")
    owned = [r for r, s in resource_subject.items() if s == ident and is_ok(r)]
    if not subject and ident not in resources and owned:
        example = owned[0]
        references.add(node, path, ("subject", ident), f"{quote(ident)} is a subject",
                       lambda: f"; log the resource you studied, for example {quote(example)}")
        return None
    if ident not in resources:
        references.add(node, path, ("unknown", ident), f"unknown resource {quote(ref)}",
                       suggest(ident, list(resources), "; use the id of a resource listed under subjects"))
        return None
    owner = resource_subject.get(ident)
    if subject and is_ok(owner) and owner != subject:
        references.add(node, path, ("owner", ref),
                       f"resource {quote(ident)} belongs to subject {quote(str(owner))}, not {quote(subject)}", str)
        return None
    return ident
