"""The inventory: the books a station is to key.

The lead registers books one by one, or imports the list the office keeps
(.csv or .xlsx, as Excel writes them in Vietnam). An import is all or
nothing: one bad row and no book is registered, and every bad row is listed
with its number as the spreadsheet shows it and a message in Vietnamese and
English. Books registered before, exactly as the file lists them, are
skipped, so the same list can be imported again after it was corrected.

Reading the file is :mod:`app.work.inventory_sheet`'s; what can be wrong,
in both languages, :mod:`app.work.inventory_problems`'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Row, func, insert, select, tuple_
from sqlalchemy.orm import Session

from app.access import audit
from app.access.roles import require_lead
from app.db.models import Book, BookCondition, User
from app.rules.messages import CHARACTER_WORDS, SCRIPT_WORDS
from app.specs import BookKind, Text
from app.system.clock import Clock, SystemClock, local_today
from app.values.legacy_encodings import detect, mixed_scripts
from app.values.text import normalize, refused_characters, search_key, without_invisible
from app.work.inventory_problems import LABELS, Problem, listing, problem
from app.work.inventory_sheet import SheetRefused, cell_text, read_sheet
from app.work.queue import place_books

FIRST_YEAR = 1945  # the civil-status books of the Republic start here
MAX_OFFICE = 200
MAX_VOLUME = 32
# The columns a book cannot go without, in the form or in a file.
REQUIRED = ("kind", "office", "volume", "year")

KIND_TEXT = {
    BookKind.BIRTH: Text("khai sinh", "birth"),
    BookKind.MARRIAGE: Text("kết hôn", "marriage"),
    BookKind.DEATH: Text("khai tử", "death"),
    BookKind.ADOPTION: Text("nuôi con nuôi", "adoption"),
}
CONDITION_TEXT = {
    BookCondition.GOOD: Text("tốt", "good"),
    BookCondition.WORN: Text("cũ", "worn"),
    BookCondition.DAMAGED: Text("hư hỏng", "damaged"),
}
# The names a file or a form may use: either language, accents optional.
KIND_NAMES = {search_key(t.vi): k for k, t in KIND_TEXT.items()} | {
    t.en: k for k, t in KIND_TEXT.items()
}
CONDITION_NAMES = {search_key(t.vi): c for c, t in CONDITION_TEXT.items()} | {
    t.en: c for c, t in CONDITION_TEXT.items()
}
CONDITION_NAMES["hong"] = BookCondition.DAMAGED


class BookRefused(ValueError):
    """The book cannot be registered; ``problems`` say why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message("en") for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class BookDetails:
    """A book's inventory details, checked and normalised."""

    kind: BookKind
    office: str
    volume: str
    year: int
    pages: int | None
    expected_entries: int | None
    condition: BookCondition

    def columns(self) -> dict[str, object]:
        """The book's row in ``books``."""
        row = {name: getattr(self, name) for name in LABELS}
        return row | {"kind": self.kind.value, "condition": self.condition.value}

    @property
    def key(self) -> tuple[str, str, str, int]:
        """What tells two books apart (the unique constraint of ``books``)."""
        return (self.kind.value, self.office, self.volume, self.year)

    def differences(self, book: Book | Row[Any]) -> list[str]:
        """The columns whose values ``book`` (with the same key) has otherwise."""
        columns = self.columns()
        return [name for name in LABELS if getattr(book, name) != columns[name]]

    def new_book(self) -> Book:
        return Book(**self.columns())

    def duplicate_of(self, book: Book | Row[Any]) -> Problem:
        differ = self.differences(book)
        if differ:
            return problem("registered_differently", differ[0], fields=listing(differ))
        return problem(
            "already_registered",
            "volume",
            kind=KIND_TEXT[self.kind],
            volume=self.volume,
            year=self.year,
            office=self.office,
        )


def check_book(
    *,
    kind: object,
    office: object,
    volume: object,
    year: object,
    pages: object = None,
    expected_entries: object = None,
    condition: object = None,
) -> tuple[BookDetails | None, list[Problem]]:
    """Check a book's details as typed or read from a file (text, numbers or enums).

    Returns the normalised details, or None and every problem found.
    """
    problems: list[Problem] = []
    details = BookDetails(
        kind=_kind(cell_text(kind), problems),
        office=_name(
            "office", _written("office", cell_text(office), problems), MAX_OFFICE, problems
        ),
        volume=_name(
            "volume", _written("volume", cell_text(volume), problems), MAX_VOLUME, problems
        ),
        year=_year(cell_text(year), problems),
        pages=_count("pages", cell_text(pages), problems),
        expected_entries=_count("expected_entries", cell_text(expected_entries), problems),
        condition=_condition(cell_text(condition), problems),
    )
    return (None, problems) if problems else (details, [])


def register_book(
    session: Session,
    user: User,
    *,
    kind: object,
    office: object,
    volume: object,
    year: object,
    pages: object = None,
    expected_entries: object = None,
    condition: object = BookCondition.GOOD,
    clock: Clock,
) -> Book:
    """Register one book and give it its place in the queue (lead only).

    Raises ``BookRefused`` with every problem of the details, or when the
    same book (kind, office, volume, year) is registered already.
    """
    require_lead(user, "register a book")
    details, problems = check_book(
        kind=kind,
        office=office,
        volume=volume,
        year=year,
        pages=pages,
        expected_entries=expected_entries,
        condition=condition,
    )
    if details is None:
        raise BookRefused(problems)
    existing = session.scalars(
        select(Book).where(tuple_(Book.kind, Book.office, Book.volume, Book.year) == details.key)
    ).first()
    if existing is not None:
        raise BookRefused([details.duplicate_of(existing)])
    book = details.new_book()
    session.add(book)
    session.flush()
    place_books(session, [book])
    audit.record(
        session, clock, user=user, action="book.registered", subject=f"book:{book.id}",
        after=_label(details.columns()),
    )  # fmt: skip
    return book


@dataclass
class ImportResult:
    """What an import did: books registered, rows skipped, or why nothing was."""

    registered: int = 0
    skipped: list[int] = field(default_factory=list)  # rows of books registered before
    problems: list[Problem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def import_books(session: Session, user: User, path: Path, *, clock: Clock) -> ImportResult:
    """Register the books listed in a .csv or .xlsx file (lead only).

    The header row names the columns in Vietnamese or English; rows that are
    wholly empty are ignored. All new books are added in the caller's
    transaction and placed in the queue at once; if any row is bad, none is
    added and the result lists every bad row.
    """
    require_lead(user, "import books")
    try:
        sheet = read_sheet(Path(path))
    except SheetRefused as refused:
        return ImportResult(problems=[refused.problem])
    columns = sheet.columns
    result = ImportResult(ignored_columns=sheet.ignored_columns)
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        result.problems.append(problem("missing_columns", columns=listing(missing)))
        return result
    existing = {
        (b.kind, b.office, b.volume, b.year): b
        for b in session.execute(select(*(getattr(Book, name) for name in LABELS)))
    }
    first_row_of: dict[tuple[str, str, str, int], int] = {}
    new: list[BookDetails] = []
    for number, cells in sheet.rows:
        if not any(cells):
            continue
        details, problems = check_book(
            **{name: cells[at] if at < len(cells) else "" for name, at in columns.items()}
        )
        if details is not None:
            if details.key in first_row_of:
                problems = [problem("repeated_in_file", other=first_row_of[details.key])]
            elif details.key in existing:
                duplicate = details.duplicate_of(existing[details.key])
                if duplicate.code == "already_registered":
                    result.skipped.append(number)
                else:
                    problems = [duplicate]
            else:
                new.append(details)
            first_row_of.setdefault(details.key, number)
        result.problems += [replace(p, row=number) for p in problems]
    if not new and not result.skipped and not result.problems:
        result.problems.append(problem("no_books"))
    if result.problems or not new:
        return result
    # The new books are placed while still transient (place_books sets their
    # ranks and flushes only the books already queued), then inserted with
    # their ranks in one statement: a whole campaign's list takes seconds.
    books = [d.new_book() for d in new]
    place_books(session, books)
    first_id = (session.scalar(select(func.max(Book.id))) or 0) + 1
    session.execute(
        insert(Book),
        [{**d.columns(), "queue_rank": b.queue_rank} for d, b in zip(new, books, strict=True)],
    )
    result.registered = len(books)
    # One row for the list (a campaign's is 27,548 books): the file, and
    # the books it registered, whose ids follow one another.
    audit.record(
        session, clock, user=user, action="books.imported", subject=f"file:{Path(path).name}"[:80],
        after={"registered": len(books), "first_book": first_id,
               "last_book": session.scalar(select(func.max(Book.id)))},
    )  # fmt: skip
    return result


def _label(columns: dict[str, object]) -> dict[str, object]:
    """A book's details as the audit log keeps them (plain JSON values)."""
    return {k: v if isinstance(v, int | str | None) else str(v) for k, v in columns.items()}


def all_books(session: Session) -> list[Book]:
    """Every book of the station: the queue in its order, then the finished ones."""
    return list(
        session.scalars(
            select(Book).order_by(
                Book.finished_at.is_not(None), Book.finished_at, Book.queue_rank, Book.id
            )
        )
    )


# Reading the values of a book


# A list repeats the same few offices, kinds and conditions thousands of times.
_normalized = lru_cache(maxsize=4096)(normalize)


@lru_cache(maxsize=256)
def _kind_named(text: str) -> BookKind | None:
    # "Sổ đăng ký khai sinh", "Đăng ký khai sinh" and "Khai sinh" all name births.
    key = re.sub(r"^(so )?(dang ky )?", "", search_key(text))
    return KIND_NAMES.get(re.sub(r" (register|book)$", "", key))


def _kind(text: str, problems: list[Problem]) -> BookKind:
    kind = _kind_named(text)
    if kind is not None:
        return kind
    problems.append(
        problem("required_missing", "kind")
        if not text
        else problem("unknown_kind", "kind", value=text)
    )
    return BookKind.BIRTH


def _condition(text: str, problems: list[Problem]) -> BookCondition:
    if not text:
        return BookCondition.GOOD
    condition = _condition_named(text)
    if condition is not None:
        return condition
    problems.append(problem("unknown_condition", "condition", value=text))
    return BookCondition.GOOD


@lru_cache(maxsize=256)
def _condition_named(text: str) -> BookCondition | None:
    return CONDITION_NAMES.get(search_key(text))


def _written(field: str, text: str, problems: list[Problem]) -> str:
    """``text`` normalised, after refusing what no book's detail holds:
    invisible characters, emoji, symbols, and text in a legacy encoding or
    with letters of another script (old lists were typed in ABC fonts)."""
    shown = without_invisible(text)
    conversion = detect(shown)
    mixed = mixed_scripts(shown) if conversion is None else None
    # The font bytes of a legacy encoding are symbols ("©" is â in TCVN3):
    # the conversion says all there is to say of them.
    for refused in refused_characters(normalize(conversion.converted if conversion else text)):
        what = CHARACTER_WORDS[refused.kind.value]
        problems.append(problem("refused_character", field, what=what, point=refused.code_point))
    if conversion is not None:
        problems.append(
            problem(
                "legacy_encoding",
                field,
                value=shown,
                encoding=conversion.encoding,
                converted=conversion.converted,
            )
        )
    elif mixed is not None:
        problems.append(
            problem(
                "mixed_scripts",
                field,
                value=shown,
                script=SCRIPT_WORDS[mixed.script],
                char=mixed.char,
            )
        )
    return _normalized(text)


def _name(field: str, text: str, limit: int, problems: list[Problem]) -> str:
    if not text:
        problems.append(problem("required_missing", field))
    elif len(text) > limit:
        problems.append(problem("too_long", field, limit=limit))
    return text


# Whole numbers, with thousands grouped as Vietnamese and English write them.
_WHOLE = re.compile(r"\d+|\d{1,3}(?:[., ]\d{3})+")


def _count(field: str, text: str, problems: list[Problem]) -> int | None:
    if not text:
        return None
    number = int(re.sub(r"\D", "", text)) if _WHOLE.fullmatch(text) else 0
    if number <= 0:
        problems.append(problem("not_a_number", field, value=text))
        return None
    return number


def _year(text: str, problems: list[Problem]) -> int:
    last = local_today(SystemClock()).year
    if not text:
        problems.append(problem("required_missing", "year"))
    elif not text.isdecimal() or not FIRST_YEAR <= int(text) <= last:
        problems.append(
            problem("year_out_of_range", "year", value=text, first=FIRST_YEAR, last=last)
        )
    else:
        return int(text)
    return 0
