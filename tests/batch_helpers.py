"""Building stations that export, and looking at their batches, in tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from unittest.mock import patch

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import func, select

from app.access import keystore
from app.access.keystore import Keystore, MemoryKeyring, open_keystore
from app.batch.age import read_identities
from app.batch.export import WrittenBatch, export_batch
from app.batch.keys import create_signing_key
from app.batch.signature import StationPublicKey
from app.batch.trust import TrustList
from app.db.models import Book, Entry, EntryStatus, Station, User
from app.demo import DEMO_CENTRE_IDENTITY, add_demo_entries, create_demo_station
from app.entries.field_values import display_value
from app.keying.save import SaveAction, save_entry
from app.keying.start import entry_to_edit
from app.rules import FieldValue
from app.specs import spec_for
from app.station.backups import last_backup_at
from app.station.database import StationDatabase

EXPORTED_AT = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


# The in-memory keyrings of the tests, taken for OS keyrings while installed.
TEST_KEYRINGS = (*keystore.OS_KEYRINGS, "app.access.keystore.MemoryKeyring", "test_keystore.")


@contextmanager
def keyring_installed(backend: KeyringBackend) -> Iterator[None]:
    """``backend`` as the OS keyring, for the ``with`` block."""
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        with patch.object(keystore, "OS_KEYRINGS", TEST_KEYRINGS):
            yield
    finally:
        keyring.set_keyring(before)


@contextmanager
def memory_keyring_installed() -> Iterator[MemoryKeyring]:
    """The in-memory keyring as the OS keyring, for the ``with`` block."""
    backend = MemoryKeyring()
    with keyring_installed(backend):
        yield backend


@dataclass
class FixedMoment:
    moment: datetime = EXPORTED_AT

    def now(self) -> datetime:
        return self.moment

    def monotonic(self) -> float:
        return self.moment.timestamp()


@dataclass
class ExportingStation:
    """A demo station with its signing key and its demo centre, and a stick."""

    db: StationDatabase
    keystore: Keystore
    key: StationPublicKey
    stick: Path

    @property
    def identity(self) -> Path:
        return self.db.data_dir / DEMO_CENTRE_IDENTITY

    @property
    def trust(self) -> TrustList:
        return TrustList.of([self.key])

    def identities(self):
        return read_identities(self.identity)

    def export(self, by: User | None = None, **kwargs) -> WrittenBatch | None:
        return export_batch(
            self.db.sessions, self.stick, self.keystore, by=by, clock=FixedMoment(),
            last_backup=last_backup_at(self.db.data_dir), **kwargs,
        )  # fmt: skip

    def add_entries(self, count: int, seed: int) -> None:
        add_demo_entries(self.db, count, seed=seed, clock=FixedMoment())

    def count(self, status: EntryStatus) -> int:
        with self.db.sessions() as session:
            return session.scalar(
                select(func.count()).select_from(Entry).where(Entry.status == status.value)
            )


def exporting_station(
    directory: Path, entries: int = 30, seed: int = 1, code: str | None = None
) -> ExportingStation:
    """A demo station in ``directory`` (named ``code`` if given); the
    in-memory keyring must be installed."""
    db = create_demo_station(directory / "station")
    add_demo_entries(db, entries, seed=seed, clock=FixedMoment())
    keystore = open_keystore()
    with db.sessions.begin() as session:
        if code is not None:
            session.scalars(select(Station)).one().code = code
        key = create_signing_key(session, keystore)
    stick = directory / "stick"
    stick.mkdir()
    return ExportingStation(db, keystore, key, stick)


def correct_entry(db: StationDatabase, entry_id: int, title: str) -> int:
    """A clerk opens an entry, retypes its main name and completes it; its new version."""
    with db.sessions.begin() as session:
        entry, values = entry_to_edit(session, session.get_one(Entry, entry_id))
        book = session.get_one(Book, entry.book_id)
        typed = {
            key: FieldValue(display_value(book, key, v.value), v.status, v.transcription)
            for key, v in values.items()
        }
        typed[spec_for(book.kind).title_field] = FieldValue(title)
        clerk = session.scalars(select(User).where(User.username == "clerk01")).one()
        outcome = save_entry(
            session, book=book, values=typed, user=clerk, action=SaveAction.COMPLETE,
            clock=FixedMoment(), entry=entry,
        )  # fmt: skip
        assert outcome.saved, outcome.assessment.errors
        return outcome.entry.version


def copy_batch(batch: Path, directory: Path) -> Path:
    """A copy of ``batch`` in ``directory``, under the same name, to damage."""
    copy = directory / batch.name
    shutil.copytree(batch, copy)
    return copy


def tool(name: str, package: str | None = None) -> str:
    """The path of a standard tool; in CI its absence fails the test."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed: .ci/run installs it")
        pytest.skip(f"{name} is not installed (apt-get install {package or name})")
    return found
