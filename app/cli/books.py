"""``sohoa books``: import the list of books to key; list the books."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from app.cli.common import CommandError, Report, add_json_flag, first_admin, station_of
from app.system.clock import SystemClock
from app.work.inventory import all_books, import_books


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "books", parents=[common], help="import the list of books to key, or list the books"
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    importing = actions.add_parser(
        "import",
        parents=[common],
        help="register the books listed in a .csv or .xlsx file",
        description="Register the books listed in a .csv (UTF-8, comma or semicolon) or .xlsx "
        "file (first sheet), whose header row names the columns in Vietnamese or English: "
        "Loại sổ/kind, Nơi đăng ký/office, Quyển số/volume, Năm/year, and optionally "
        "Số trang/pages, Số mục dự kiến/expected entries, Tình trạng/condition. All or "
        "nothing: if a row is bad, no book is registered and every bad row is listed. Books "
        "registered before with the same details are skipped. There is no login at the "
        "command line: the import is done in the name of the station's first admin.",
    )
    importing.add_argument("file", type=Path, metavar="FILE", help="the .csv or .xlsx list")
    add_json_flag(importing)
    importing.set_defaults(handler=run_import, writes=True)
    listing = actions.add_parser(
        "list", parents=[common], help="the books of the station, in queue order"
    )
    add_json_flag(listing)
    listing.set_defaults(handler=run_list)


def run_import(args: argparse.Namespace) -> Report:
    if not args.file.is_file():
        raise CommandError(f"no such file: {args.file}")
    db = station_of(args)
    started = time.monotonic()
    try:
        with db.sessions.begin() as session:
            admin = first_admin(session)
            result = import_books(session, admin, args.file, clock=SystemClock())
    finally:
        db.close()
    seconds = time.monotonic() - started
    problems = [
        {"row": p.row, "field": p.field, "vi": p.message("vi"), "en": p.message("en")}
        for p in result.problems
    ]
    data = {
        "file": str(args.file),
        "registered": result.registered,
        "skipped": len(result.skipped),
        "skipped_rows": result.skipped,
        "ignored_columns": result.ignored_columns,
        "problems": problems,
        "seconds": round(seconds, 2),
    }
    if not result.ok:
        lines = [
            f"{f'row {p.row}' if p.row else args.file.name}: {p.message('en')}"
            for p in result.problems
        ]
        rows = {p.row for p in result.problems}
        reason = f"{len(rows)} bad row(s) in {args.file.name}: nothing registered"
        return Report(data={**data, "reason": reason}, lines=lines, ok=False)
    lines = [
        f"{result.registered:,} books registered, {len(result.skipped):,} already registered "
        f"(skipped), in {seconds:.1f} s."
    ]
    if result.ignored_columns:
        lines.append("Columns ignored: " + ", ".join(result.ignored_columns) + ".")
    return Report(data=data, lines=lines)


def run_list(args: argparse.Namespace) -> Report:
    db = station_of(args)
    try:
        with db.sessions() as session:
            books = [
                {
                    "id": b.id,
                    "kind": b.kind,
                    "office": b.office,
                    "volume": b.volume,
                    "year": b.year,
                    "pages": b.pages,
                    "expected_entries": b.expected_entries,
                    "condition": b.condition,
                    "queue_rank": b.queue_rank,
                    "on_hold": b.on_hold,
                    "finished": b.finished_at is not None,
                }
                for b in all_books(session)
            ]
    finally:
        db.close()
    row = "{:<9} {:<32} {:>6} {:>4} {:>5} {:>8} {:<8} {}"
    lines = [
        row.format(
            "kind", "office", "volume", "year", "pages", "expected", "condition", ""
        ).rstrip()
    ]
    lines += [
        row.format(
            b["kind"],
            b["office"],
            b["volume"],
            b["year"],
            b["pages"] or "",
            b["expected_entries"] or "",
            b["condition"],
            "finished" if b["finished"] else "held" if b["on_hold"] else "",
        ).rstrip()
        for b in books
    ]
    lines.append(f"{len(books):,} books.")
    return Report(data={"books": books}, lines=lines)
