"""Who an entry is about, for each kind of book.

A person is the entry's identity per kind of book: the main name and date
(the child and their birth, the deceased and the death, the wife and her
birth, the adopted child and their birth) and the names or dates beside it
(the parents, the husband, the adoptive parents). A save keeps the main date
in its own column; the duplicate checks compare people by all of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.specs.model import BookKind


@dataclass(frozen=True)
class Identity:
    """The fields that say who an entry is about, for one kind of book."""

    name: str
    date: str
    others: tuple[str, ...]
    sex: str | None = None  # where the book records the person's sex


IDENTITIES = {
    BookKind.BIRTH: Identity(
        "child_name", "child_birth_date", ("mother_name", "father_name"), sex="child_sex"
    ),
    BookKind.DEATH: Identity(
        "deceased_name", "death_date", ("deceased_birth_date",), sex="deceased_sex"
    ),
    BookKind.MARRIAGE: Identity(
        "wife_name", "wife_birth_date", ("husband_name", "husband_birth_date")
    ),
    BookKind.ADOPTION: Identity(
        "child_name",
        "child_birth_date",
        ("adoptive_father_name", "adoptive_mother_name"),
        sex="child_sex",
    ),
}
