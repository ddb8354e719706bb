"""``sohoa handoff``: a book handed over as the Ministry asks, one workbook and one zip."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from sqlalchemy import Engine

from app.centre.books import CentreBookSource, NoSuchCentreBook, centre_books
from app.centre.database import CentralDatabaseError, centre_scans, open_central
from app.cli.common import CommandError, Report, add_json_flag, data_dir_of, station_of
from app.handoff.book import Assessment, HandoffError, assess, make_handoff
from app.handoff.names import DEFAULT_PDF_PATTERN, PLACEHOLDERS
from app.handoff.source import BookSource
from app.handoff.station import NoSuchBook, name_pattern, station_book
from app.scans.store import ScanStore
from app.system.paths import scans_dir


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "handoff",
        parents=[common],
        help="a book handed over as the Ministry asks: an Excel workbook and a zip of PDFs",
        description="Write a book's hand-off into DIR: an Excel workbook with a row per entry "
        "completed, verified or exported, and a zip with a colour PDF of each entry's page "
        "(about 100 kB for an A4 page). The PDFs are named by the station's pattern (default "
        "{kind_code}.{year}.{volume}.{page}.{number}.pdf, e.g. KS.1995.01.12.35.pdf), the "
        "workbook and the zip by the book (KS.1995.01.xlsx, KS.1995.01.zip); a hand-off of "
        "the same book made before is replaced. A book with deferred entries, drafts, entries "
        "awaiting their second keying or entries whose page is not scanned is refused "
        "unless --anyway is given. Reads the station; changes nothing in it. With --db, the "
        "centre makes the hand-off of a book its batches brought: --book names it as "
        "STATION/KIND/VOLUME/YEAR (e.g. BP-TANLAP/birth/01/1995), --office when the station "
        "keyed books of two offices.",
    )
    parser.add_argument(
        "--book",
        required=True,
        metavar="ID",
        help="the book's id; at the centre (--db) STATION/KIND/VOLUME/YEAR",
    )
    parser.add_argument("--to", type=Path, required=True, metavar="DIR", help="the folder")
    parser.add_argument(
        "--template",
        type=Path,
        metavar="FILE.xlsx",
        help="the Ministry's template: its header row is filled where Sohoa recognises it",
    )
    parser.add_argument(
        "--pattern",
        metavar="P",
        help="how each PDF is named (default: the station's setting); placeholders: "
        + ", ".join(f"{{{name}}} {meaning}" for name, meaning in PLACEHOLDERS.items()),
    )
    parser.add_argument(
        "--anyway",
        action="store_true",
        help="hand over a book with entries not handed or pages not scanned",
    )
    parser.add_argument(
        "--db", metavar="PATH|URL", help="the centre's database: hand over a book it holds"
    )
    parser.add_argument(
        "--scans",
        type=Path,
        metavar="DIR",
        help="the centre's page scans (default: beside a SQLite file; required with a URL)",
    )
    parser.add_argument("--office", metavar="NAME", help="at the centre: the book's office")
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> Report:
    if not args.to.is_dir():
        raise CommandError(f"no such folder: {args.to}")
    if args.template is not None and not args.template.is_file():
        raise CommandError(f"no such file: {args.template}")
    if args.db is None:
        source, pattern = _station_book(args)
        return _hand_over(args, source, pattern)
    try:
        engine = open_central(args.db)
    except CentralDatabaseError as e:
        raise CommandError(str(e)) from e
    try:
        return _hand_over(args, *_centre_book(args, engine))
    finally:
        engine.dispose()


def _hand_over(args: argparse.Namespace, source: BookSource, pattern: str) -> Report:
    assessment = assess(source)
    if not assessment.whole and not args.anyway:
        raise CommandError(
            f"book {args.book} {_left_out(assessment)}: nothing written; "
            "hand it over anyway with --anyway"
        )
    started = time.monotonic()
    try:
        made = make_handoff(
            source,
            args.to,
            template=args.template,
            pattern=pattern,
            progress=_progress if sys.stderr.isatty() else None,
            assessment=assessment,
        )
    except HandoffError as e:
        raise CommandError(f"{e}: nothing written") from e
    seconds = time.monotonic() - started
    data = {
        "book": args.book,
        "workbook": str(made.workbook),
        "archive": str(made.archive) if made.archive else None,
        "rows": made.rows,
        "pdfs": made.pdfs,
        "wrapped": made.wrapped,
        "deferred": assessment.deferred,
        "drafts": assessment.drafts,
        "awaiting_verification": assessment.awaiting_verification,
        "without_scan": [e.number for e in assessment.without_scan],
        "renamed": [{"wanted": r.wanted, "given": r.given} for r in made.renamed],
        "unfilled": made.unfilled,
        "replaced": [str(p) for p in made.replaced],
        "seconds": round(seconds, 2),
    }
    lines = [f"{made.workbook}: {made.rows:,} rows, one per entry handed."]
    if made.archive is not None:
        lines.append(
            f"{made.archive}: {made.pdfs:,} PDFs, each opened and one page"
            f" ({made.wrapped:,} holding their scan's own JPEG)."
        )
    else:
        lines.append("No zip: no page of the book is scanned.")
    if assessment.without_scan:
        lines.append(
            f"{len(assessment.without_scan):,} entries have no PDF, their page not scanned: "
            + ", ".join(_numbered(e.number) for e in assessment.without_scan[:20])
            + (" …" if len(assessment.without_scan) > 20 else "")
        )
    if not assessment.whole and assessment.not_handed:
        lines.append(f"Not handed: {_not_handed(assessment)}.")
    for renamed in made.renamed:
        lines.append(f"{renamed.wanted} was taken: named {renamed.given}.")
    if made.unfilled:
        lines.append("Columns of the template left empty: " + "; ".join(made.unfilled) + ".")
    if made.replaced:
        lines.append("Replaced: " + ", ".join(p.name for p in made.replaced) + ".")
    lines.append(f"Done in {seconds:.1f} s.")
    return Report(data=data, lines=lines)


def _station_book(args: argparse.Namespace) -> tuple[BookSource, str]:
    if not args.book.isdigit():
        raise CommandError(f"a station's book is named by its id, not {args.book!r}")
    db = station_of(args)
    try:
        with db.sessions() as session:
            store = ScanStore(scans_dir(data_dir_of(args)))
            source = station_book(session, int(args.book), store)
            return source, args.pattern if args.pattern is not None else name_pattern(session)
    except NoSuchBook as e:
        raise CommandError(str(e)) from e
    finally:
        db.close()


def _centre_book(args: argparse.Namespace, engine: Engine) -> tuple[BookSource, str]:
    """The centre's book ``args.book`` names."""
    parts = args.book.split("/")
    if len(parts) != 4 or not parts[3].isdigit():
        raise CommandError(f"name the centre's book as STATION/KIND/VOLUME/YEAR, not {args.book}")
    station, kind, volume, year = parts[0], parts[1], parts[2], int(parts[3])
    try:
        books = [
            b for b in centre_books(engine)
            if (b.station, b.kind, b.volume, b.year) == (station, kind, volume, year)
            and args.office in (None, b.office)
        ]  # fmt: skip
        if not books:
            raise CommandError(f"the centre holds no entry of book {args.book}")
        if len(books) > 1:
            offices = "; ".join(b.office for b in books)
            raise CommandError(f"book {args.book} is kept by two offices, name one (--office): "
                               f"{offices}")  # fmt: skip
        store = ScanStore(centre_scans(engine, args.scans))
        return CentreBookSource(engine, store, books[0].handoff_book), (
            args.pattern if args.pattern is not None else DEFAULT_PDF_PATTERN
        )
    except (CentralDatabaseError, NoSuchCentreBook) as e:
        raise CommandError(str(e)) from e


def _left_out(assessment: Assessment) -> str:
    parts = [_not_handed(assessment)] if assessment.not_handed else []
    if assessment.without_scan:
        parts.append(f"{len(assessment.without_scan):,} entries whose page is not scanned")
    return "has " + " and ".join(parts)


def _not_handed(assessment: Assessment) -> str:
    counts = [
        (assessment.deferred, "deferred"),
        (assessment.drafts, "draft(s)"),
        (assessment.awaiting_verification, "awaiting their second keying"),
    ]
    return ", ".join(f"{count:,} {what}" for count, what in counts if count)


def _numbered(number: int | None) -> str:
    return f"no. {number}" if number is not None else "no number"


def _progress(done: int, total: int) -> None:
    print(f"\r{done}/{total}", end="\n" if done == total else "", file=sys.stderr)
