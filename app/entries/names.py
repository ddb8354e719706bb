"""The names of an entry's people, indexed for a search by name.

Each name field of a stored entry is kept as its accent-free search key
("Đặng Thị Hòa" → ``dang thi hoa``), so that a search by the start of a
name reads an index rather than every entry's values.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.db.models import Entry, EntryName
from app.rules import Assessment
from app.specs import BookSpec
from app.values import text


def index_names(
    session: Session, spec: BookSpec, entry: Entry, assessment: Assessment, *, replace: bool
) -> None:
    """Index the names of ``entry`` as assessed; ``replace`` drops those indexed before."""
    if replace:
        session.execute(delete(EntryName).where(EntryName.entry_id == entry.id))
    rows = [
        {"entry_id": entry.id, "field": field.key, "key": text.search_key(value)}
        for field in spec.name_fields
        if (value := assessment.values[field.key].value)
    ]
    if rows:
        session.execute(EntryName.__table__.insert(), rows)


def find_by_name(session: Session, query: str, limit: int = 50) -> list[Entry]:
    """Entries with a person whose name starts with ``query``, accents ignored.

    "nguyen van" finds "Nguyễn Văn An"; the match is on the start of the full
    name, as clerks search by family name first.
    """
    key = text.search_key(query)
    if not key:
        return []
    # A range on the indexed key is a prefix match that uses the index.
    matching = (
        select(EntryName.entry_id)
        .where(EntryName.key >= key, EntryName.key < key + "\uffff")
        .distinct()
        .limit(limit)
    )
    return list(session.scalars(select(Entry).where(Entry.id.in_(matching)).order_by(Entry.id)))
