"""The throwaway station ``sohoa --self-test`` keys into, and what it finds
stored there afterwards (the window's part is ui.self_test)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.db.models import Book, Entry, User
from app.specs import BookKind
from app.station.database import StationDatabase, init_station

OFFICE = "UBND xã Tân Lập"


@dataclass(frozen=True)
class SelfTestStation:
    db: StationDatabase
    admin: User  # the one user, who keys
    books: list[Book]  # one of each kind, in the order of BookKind


def self_test_station(folder: Path, admin_password: str) -> SelfTestStation:
    """A new station in ``folder`` with its admin and an empty book of each kind."""
    db = init_station(
        folder,
        code="SELF-TEST",
        office=OFFICE,
        admin_username="admin",
        admin_password=admin_password,
    )
    with db.sessions.begin() as session:
        books = [Book(kind=k.value, office=OFFICE, volume="01", year=2015) for k in BookKind]
        session.add_all(books)
    with db.sessions() as session:
        admin = session.scalars(select(User)).one()
    return SelfTestStation(db, admin, books)


def stored_entries(db: StationDatabase) -> list[tuple[str, str]]:
    """Each entry stored, as its book's kind and its status, in book order."""
    with db.sessions() as session:
        rows = session.execute(
            select(Book.kind, Entry.status).join(Entry.book).order_by(Book.id)
        ).all()
    return [(kind, status) for kind, status in rows]
