"""``sohoa scans``: import a book's page images; list a book's pages."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from app.cli.common import CommandError, Report, add_json_flag, data_dir_of, first_admin, station_of
from app.scans.importing import ScanImportError, page_ranges, prepare, record
from app.scans.pages import book_pages
from app.scans.store import ScanStore
from app.system.clock import SystemClock
from app.system.paths import scans_dir


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "scans", parents=[common], help="import the page images of a book, or list them"
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    importing = actions.add_parser(
        "import",
        parents=[common],
        help="add page images (JPEG, PNG, TIFF, PDF) to a book, in page order",
        description="Add the page images of a book: files, or folders whose images are "
        "taken in the order of their names (page2 before page10). Multi-page TIFF and PDF "
        "files give a page each. A page that cannot be read, is too small to read "
        "handwriting from, or is the same image as a page already imported is refused "
        "with its reason; the others are numbered after the book's last page (or from "
        "--first-page). The import is done in the name of the station's first admin.",
    )
    importing.add_argument("--book", type=int, required=True, metavar="ID", help="the book's id")
    importing.add_argument("paths", type=Path, nargs="+", metavar="PATH", help="files or folders")
    importing.add_argument(
        "--first-page", type=int, metavar="N", help="the number of the first page imported"
    )
    add_json_flag(importing)
    importing.set_defaults(handler=run_import, writes=True)
    listing = actions.add_parser("list", parents=[common], help="the scanned pages of a book")
    listing.add_argument("--book", type=int, required=True, metavar="ID", help="the book's id")
    add_json_flag(listing)
    listing.set_defaults(handler=run_list)


def run_import(args: argparse.Namespace) -> Report:
    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        raise CommandError(f"no such file or folder: {', '.join(missing)}")
    db = station_of(args)
    store = ScanStore(scans_dir(data_dir_of(args)))
    started = time.monotonic()
    try:
        prepared = prepare(store, args.paths, progress=_progress if sys.stderr.isatty() else None)
        with db.sessions.begin() as session:
            admin = first_admin(session)
            report = record(
                session, SystemClock(), admin, args.book, prepared, first_page=args.first_page
            )
    except ScanImportError as e:
        raise CommandError(str(e)) from e
    finally:
        db.close()
    seconds = time.monotonic() - started
    refused = [
        {"source": r.source, "problem": r.problem.value, "vi": r.message("vi"),
         "en": r.message("en")}
        for r in report.refused
    ]  # fmt: skip
    data = {
        "book": args.book,
        "added": report.added,
        "left_empty": report.left_empty,
        "refused": refused,
        "pages": report.pages,
        "expected_pages": report.expected,
        "seconds": round(seconds, 2),
    }
    lines = [f"{r.source}: {r.message('en')}" for r in report.refused]
    span = f" (pages {page_ranges(report.added)})" if report.added else ""
    lines.append(
        f"{len(report.added):,} pages added{span}, {len(report.refused):,} refused, "
        f"in {seconds:.1f} s. The book has {report.pages:,} scanned pages"
        + (f" of the {report.expected:,} expected." if report.expected else ".")
    )
    if report.left_empty:
        lines.append(
            f"Pages {page_ranges(report.left_empty)} are left without a scan: import each "
            "mended file on its own with --first-page set to its page."
        )
    if report.over:
        lines.append(f"That is {report.over:,} more than the inventory expects: check the book.")
    if report.refused:
        data["reason"] = f"{len(report.refused):,} page(s) refused, listed above"
    return Report(data=data, lines=lines, ok=not report.refused)


def _progress(done: int, total: int) -> None:
    print(f"\r{done}/{total} files", end="\n" if done == total else "", file=sys.stderr)


def run_list(args: argparse.Namespace) -> Report:
    db = station_of(args)
    try:
        with db.sessions() as session:
            pages = book_pages(session, args.book)
    finally:
        db.close()
    rows = [
        {"page": p.page, "sha256": p.sha256, "media_type": p.media_type,
         "width": p.width, "height": p.height}
        for p in pages
    ]  # fmt: skip
    lines = [f"{p.page:>5}  {p.width} × {p.height}  {p.media_type}  {p.sha256}" for p in pages]
    lines.append(f"{len(pages):,} scanned pages.")
    return Report(data={"book": args.book, "pages": rows}, lines=lines)
