"""The open findings of the checks across entries, as a lead reads them:
with the books and the entries they concern (the findings window, and
``sohoa quality``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Book, Entry
from app.quality.checks import open_findings
from app.specs import BookKind

# Entries read per query: SQLite takes at most 32,766 values in one.
CHUNK = 10_000


@dataclass(frozen=True)
class ListedBook:
    kind: BookKind
    office: str
    volume: str
    year: int

    @property
    def reference(self) -> str:
        return f"{self.kind.value} {self.volume}/{self.year}"


@dataclass(frozen=True)
class ListedEntry:
    id: int
    number: int | None
    title: str
    book: ListedBook


@dataclass(frozen=True)
class ListedFinding:
    """An open finding as the list shows it: plain values, no database object.

    ``check`` is a :class:`~app.quality.check_kinds.CheckKind`'s value, or
    the name of a kind this version does not know; ``detail`` is as stored,
    read as its kind's by :func:`~app.quality.check_kinds.read_detail`.
    """

    id: int
    check: str
    detail: dict[str, Any]
    found_at: datetime
    books: tuple[ListedBook, ...]
    entries: tuple[ListedEntry, ...]


def listed_findings(session: Session) -> list[ListedFinding]:
    """The open findings, in the order they were found, with their books and entries."""
    findings = open_findings(session)
    entry_ids = sorted({i for f in findings for i in f.entry_ids})
    entries = {
        row.id: row
        for start in range(0, len(entry_ids), CHUNK)
        for row in session.execute(
            select(Entry.id, Entry.book_id, Entry.number, Entry.title).where(
                Entry.id.in_(entry_ids[start : start + CHUNK])
            )
        )
    }
    book_ids = {f.book_id for f in findings} | {e.book_id for e in entries.values()}
    books = {
        b.id: ListedBook(BookKind(b.kind), b.office, b.volume, b.year)
        for b in session.scalars(select(Book).where(Book.id.in_(book_ids - {None})))
    }
    listed = []
    for finding in findings:
        concerned = [entries[i] for i in finding.entry_ids if i in entries]
        # The finding's own book first, then each entry's (a duplicate spans two).
        in_books = dict.fromkeys([finding.book_id, *(e.book_id for e in concerned)])
        listed.append(
            ListedFinding(
                id=finding.id,
                check=finding.check,
                detail=dict(finding.detail),
                found_at=finding.found_at,
                books=tuple(books[b] for b in in_books if b is not None),
                entries=tuple(
                    ListedEntry(e.id, e.number, e.title, books[e.book_id]) for e in concerned
                ),
            )
        )
    return listed
