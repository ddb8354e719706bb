"""A book's scans imported by the lead: read, checked, kept, counted.

Two steps, so that the long one holds no lock: :func:`prepare` reads and
checks the files and keeps each page in the store (no database);
:func:`record` then numbers the pages after the book's last, refuses the
duplicates of pages it has, and writes their rows in the caller's
transaction. A store's file without a row is harmless: a page imported
again is the same file.

Each page keeps its place in the order of the files, refused or not: a file
refused in the middle of a book leaves its page without a scan (said in the
report), never shifts the pages after it onto the wrong numbers. The mended
file is imported on its own later, numbered from that page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access import audit
from app.access.roles import require_lead
from app.db.models import Book, BookScan, User
from app.scans.images import PageImage, Problem, Refusal, page_files, read_pages
from app.scans.store import ScanStore
from app.system.clock import Clock

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class KeptPage:
    position: int  # its place among the pages imported, from 0
    source: str
    sha256: str
    media_type: str
    width: int
    height: int
    size: int


@dataclass
class Prepared:
    pages: list[KeptPage] = field(default_factory=list)
    # Each refused page with its place among the pages imported.
    refused: list[tuple[int, Refusal]] = field(default_factory=list)


@dataclass(frozen=True)
class ImportReport:
    book_id: int
    added: list[int]  # the pages added, by number
    refused: list[Refusal]
    left_empty: list[int]  # pages the refused files leave without a scan, before others
    pages: int  # the book's scanned pages now
    expected: int | None  # the pages the inventory expects of it

    @property
    def over(self) -> int:
        """Pages beyond what the inventory expects of the book."""
        return max(0, self.pages - self.expected) if self.expected else 0


class ScanImportError(ValueError):
    """The import cannot be done at all: said in one line."""


def prepare(store: ScanStore, paths: Sequence[Path], progress: Progress | None = None) -> Prepared:
    """Read and check every page of ``paths`` (files, or folders of them) in
    page order, keep the good ones in ``store``; duplicates among them refused."""
    files = page_files(paths)
    prepared = Prepared()
    first_of: dict[str, str] = {}
    position = 0
    for done, path in enumerate(files, start=1):
        for page in read_pages(path):
            if isinstance(page, Refusal):
                prepared.refused.append((position, page))
            else:
                kept = _keep(store, page, position)
                if kept.sha256 in first_of:
                    refusal = Refusal(page.source, Problem.DUPLICATE, first_of[kept.sha256])
                    prepared.refused.append((position, refusal))
                else:
                    first_of[kept.sha256] = page.source
                    prepared.pages.append(kept)
            position += 1
        if progress is not None:
            progress(done, len(files))
    return prepared


def _keep(store: ScanStore, page: PageImage, position: int) -> KeptPage:
    sha256 = store.put(page.data, page.media_type)
    return KeptPage(
        position, page.source, sha256, page.media_type, page.width, page.height, len(page.data)
    )  # fmt: skip


def record(
    session: Session,
    clock: Clock,
    user: User,
    book_id: int,
    prepared: Prepared,
    *,
    first_page: int | None = None,
) -> ImportReport:
    """Number ``prepared``'s pages from ``first_page`` (default: after the
    book's last scanned page) and add them to the book."""
    require_lead(user, "import the scans of a book")
    book = session.get(Book, book_id)
    if book is None:
        raise ScanImportError(f"there is no book {book_id}")
    have = dict(
        session.execute(
            select(BookScan.sha256, BookScan.page).where(BookScan.book_id == book_id)
        ).all()
    )
    taken = set(have.values())
    first = first_page if first_page is not None else max(taken, default=0) + 1
    if first < 1:
        raise ScanImportError("the first page is numbered 1 or more")
    elsewhere = _pages_elsewhere(session, book_id, [p.sha256 for p in prepared.pages])
    added: list[int] = []
    refused = [refusal for _, refusal in prepared.refused]
    left_empty = [first + position for position, _ in prepared.refused]
    for kept in prepared.pages:
        page = first + kept.position
        refusal: Refusal | None = None
        if kept.sha256 in have:
            refusal = Refusal(kept.source, Problem.DUPLICATE_PAGE, page=have[kept.sha256])
        elif kept.sha256 in elsewhere:
            other, other_page = elsewhere[kept.sha256]
            refusal = Refusal(kept.source, Problem.DUPLICATE_ELSEWHERE, other, other_page)
        elif page in taken:
            refusal = Refusal(kept.source, Problem.PAGE_TAKEN, page=page)
        if refusal is not None:
            refused.append(refusal)
            left_empty.append(page)
            continue
        session.add(
            BookScan(
                book_id=book_id, page=page, sha256=kept.sha256, media_type=kept.media_type,
                width=kept.width, height=kept.height, size=kept.size, source=kept.source,
                imported_at=clock.now(), imported_by=user.id,
            )
        )  # fmt: skip
        taken.add(page)
        have[kept.sha256] = page
        added.append(page)
    if added:
        audit.record(
            session, clock, user=user, action="scans.imported", subject=f"book:{book_id}",
            after={"pages": added, "refused": len(refused)},
        )  # fmt: skip
    session.flush()
    # Holes among the book's pages; a file refused after the last page left
    # none, for the next import is numbered from there anyway.
    empty = sorted(p for p in left_empty if p not in taken and p < max(taken, default=0))
    return ImportReport(book_id, added, refused, empty, len(taken), book.pages)


def _pages_elsewhere(
    session: Session, book_id: int, hashes: list[str]
) -> dict[str, tuple[str, int]]:
    """The pages of other books among ``hashes``: the book's id and volume, the page."""
    found: dict[str, tuple[str, int]] = {}
    for start in range(0, len(hashes), 500):
        rows = session.execute(
            select(BookScan.sha256, BookScan.page, Book.id, Book.volume, Book.year)
            .join(Book, Book.id == BookScan.book_id)
            .where(BookScan.book_id != book_id, BookScan.sha256.in_(hashes[start : start + 500]))
        ).all()
        for row in rows:
            found[row.sha256] = (f"#{row.id} ({row.volume}/{row.year})", row.page)
    return found


def page_ranges(pages: list[int]) -> str:
    """``[1, 2, 3, 5, 7, 8]`` as ``1–3, 5, 7–8``: pages said as runs."""
    runs: list[list[int]] = []
    for page in sorted(pages):
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    return ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in runs)
