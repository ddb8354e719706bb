"""``sohoa quality``: run the checks across entries; list what is open."""

from __future__ import annotations

import argparse
from typing import Any, TypedDict

from app.cli.common import Report, add_json_flag, station_of
from app.quality.check_kinds import CheckKind
from app.quality.checks import run_checks
from app.quality.open_findings import ListedFinding, listed_findings
from app.system.clock import SystemClock

LABELS: dict[str, str] = {
    CheckKind.POSSIBLE_DUPLICATE: "possible duplicate",
    CheckKind.NUMBER_REPEATED: "number keyed twice",
    CheckKind.NUMBER_SKIPPED: "number(s) skipped",
    CheckKind.DATES_OUT_OF_ORDER: "registration dates out of order",
    CheckKind.INCOMPLETE: "little read from the book",
    CheckKind.UNKNOWN_PLACE: "place not in the gazetteer",
}


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "quality",
        parents=[common],
        help="check across entries (duplicates, numbering, completeness, places); "
        "list what is open",
        description="Run the checks across the station's entries: possible duplicates of "
        "each kind of book, numbers keyed twice or skipped, registration dates out of "
        "order, entries with little read from the book, places the gazetteer does not "
        "know. What is new is kept as a finding for the lead; every open one is listed.",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run, writes=True)


def run(args: argparse.Namespace) -> Report:
    db = station_of(args)
    try:
        result = run_checks(db.sessions, SystemClock())
        with db.sessions() as session:
            findings = [_finding(f) for f in listed_findings(session)]
    finally:
        db.close()
    lines = [
        f"{result.new} new finding(s), {result.known} found before; {result.open} open:",
        *(
            f"  #{f['id']} {LABELS[f['check']]}: "
            + "; ".join(f"{e['book']} no. {e['number']} {e['title']}" for e in f["entries"])
            for f in findings
        ),
    ]
    return Report(data={"new": result.new, "known": result.known, "open": findings}, lines=lines)


class _EntryData(TypedDict):
    id: int
    number: int | None
    title: str
    book: str


class _FindingData(TypedDict):
    """A finding as ``--json`` gives it."""

    id: int
    check: str
    detail: dict[str, Any]
    entries: list[_EntryData]


def _finding(finding: ListedFinding) -> _FindingData:
    return {
        "id": finding.id,
        "check": finding.check,
        "detail": finding.detail,
        "entries": [
            {"id": e.id, "number": e.number, "title": e.title, "book": e.book.reference}
            for e in finding.entries
        ],
    }
