"""``sohoa quality``: run the checks across entries; list what is open."""

from __future__ import annotations

import argparse

from sqlalchemy import select

from app.cli.common import Report, add_json_flag, station_of
from app.clock import SystemClock
from app.db.models import Book, CheckFinding, Entry
from app.quality.checks import open_findings, run_checks

LABELS = {
    "possible_duplicate": "possible duplicate",
    "number_repeated": "number keyed twice",
    "number_skipped": "number(s) skipped",
    "dates_out_of_order": "registration dates out of order",
}


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "quality",
        parents=[common],
        help="check across entries (duplicates, numbering) and list the open findings",
        description="Run the checks across the station's entries: possible duplicates of "
        "each kind of book, numbers keyed twice or skipped, registration dates out of "
        "order. What is new is kept as a finding for the lead; every open one is listed.",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> Report:
    db = station_of(args)
    try:
        with db.sessions.begin() as session:
            result = run_checks(session, SystemClock())
            findings = [_finding(session, f) for f in open_findings(session)]
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


def _finding(session, finding: CheckFinding) -> dict[str, object]:
    rows = session.execute(
        select(Entry.id, Entry.number, Entry.title, Book.kind, Book.volume, Book.year)
        .join(Book)
        .where(Entry.id.in_(finding.entry_ids))
        .order_by(Entry.id)
    )
    return {
        "id": finding.id,
        "check": finding.check,
        "detail": finding.detail,
        "entries": [
            {"id": i, "number": n, "title": t, "book": f"{kind} {volume}/{year}"}
            for i, n, t, kind, volume, year in rows
        ],
    }
