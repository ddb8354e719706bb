"""A station: its database file, opened, migrated and initialised."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, event, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from app.access.passwords import hash_password
from app.access.users import USERNAME
from app.batch.age import AgeError, parse_recipients
from app.db.checkpoints import Checkpointer
from app.db.engine import StationSessions, database_path, session_factory, sqlite_engine
from app.db.migrate import MigrationError, current_revision, head_revision, upgrade
from app.db.models import Role, Station, User
from app.db.online_copy import BackupError
from app.system.clock import SystemClock
from app.system.paths import backups_dir
from app.work import settings

STATION_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,31}$")


class StationError(RuntimeError):
    """Something the operator must fix; the message is one plain line."""


@dataclass
class StationDatabase:
    data_dir: Path
    engine: Engine
    sessions: StationSessions
    backup_taken: Path | None = None  # by the migration at this opening
    _checkpoints: Checkpointer | None = field(default=None, init=False, repr=False)

    @property
    def path(self) -> Path:
        return database_path(self.data_dir)

    def station(self) -> Station:
        with self.sessions() as session:
            station = session.scalars(select(Station)).one_or_none()
        if station is None:
            raise StationError(f"{self.data_dir} has a database but no station: run `sohoa init`")
        return station

    def checkpoint_in_background(self) -> None:
        """Keep the write-ahead log small from a thread of its own, until
        :meth:`close`: what a process that saves entries for hours does, so
        that no save waits for a checkpoint (app.db.checkpoints)."""
        if self._checkpoints is None:
            self._checkpoints = Checkpointer(self.path)
            self._checkpoints.start()
            event.listen(self.sessions, "after_commit", self._committed)

    def _committed(self, _session: Session) -> None:
        if self._checkpoints is not None:
            self._checkpoints.wake()

    def close(self) -> None:
        if self._checkpoints is not None:
            event.remove(self.sessions, "after_commit", self._committed)
            self._checkpoints.stop()
            self._checkpoints = None
        self.engine.dispose()


def station_code(data_dir: Path) -> str:
    """The code of the station in ``data_dir``, read without opening it for work
    (no migration, no change to the file)."""
    path = database_path(data_dir)
    if not path.exists():
        raise StationError(f"no station in {data_dir}: run `sohoa init` first")
    engine = sqlite_engine(path, read_only=True)
    try:
        with engine.connect() as connection:
            code = connection.scalar(select(Station.code))
    except DatabaseError as e:
        raise StationError(f"cannot read the database {path}: {e.orig}") from e
    finally:
        engine.dispose()
    if code is None:
        raise StationError(f"{data_dir} has a database but no station: run `sohoa init`")
    return code


def needs_upgrade(data_dir: Path) -> bool:
    """Whether opening the station in ``data_dir`` will upgrade its schema
    (read without changing anything; False when there is no database)."""
    path = database_path(data_dir)
    if not path.exists():
        return False
    engine = sqlite_engine(path, read_only=True)
    try:
        return current_revision(engine) != head_revision()
    except DatabaseError:
        return False  # opening will say what is wrong
    finally:
        engine.dispose()


def open_station(
    data_dir: Path, *, create: bool = False, read_only: bool = False
) -> StationDatabase:
    """Open the station database in ``data_dir``, upgrading its schema first.

    Without ``create``, a directory with no database is an error, so that a
    mistyped ``--data-dir`` does not quietly start an empty station.
    ``read_only`` opens it for reading alone, without upgrading it (a
    command that only reports; a station on a write-protected stick).
    """
    path = database_path(data_dir)
    if read_only and path.exists():
        return _open_read_only(data_dir)
    if not path.exists():
        if not create:
            raise StationError(f"no station in {data_dir}: run `sohoa init` first")
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StationError(f"cannot create the data directory {data_dir}: {e}") from e
    engine = sqlite_engine(path)
    try:
        backup = upgrade(engine, path, backups_dir(data_dir))
    except (DatabaseError, MigrationError, BackupError, OSError) as e:
        engine.dispose()
        reason = e.orig if isinstance(e, DatabaseError) else e
        raise StationError(f"cannot open the database {path}: {reason}") from e
    return StationDatabase(data_dir, engine, session_factory(engine), backup)


def _open_read_only(data_dir: Path) -> StationDatabase:
    path = database_path(data_dir)
    engine = sqlite_engine(path, read_only=True)
    try:
        revision = current_revision(engine)
    except DatabaseError as e:
        engine.dispose()
        raise StationError(f"cannot read the database {path}: {e.orig}") from e
    if revision != head_revision():
        engine.dispose()
        raise StationError(
            f"the database {path} is at revision {revision} and this version of Sohoa"
            f" reads {head_revision()}: open the station in the window, or run a command"
            " that writes, and it is upgraded"
        )
    return StationDatabase(data_dir, engine, session_factory(engine))


def init_station(
    data_dir: Path,
    *,
    code: str,
    office: str,
    admin_username: str,
    admin_password: str,
    centre_recipient: str | None = None,
    locality: str | None = None,
) -> StationDatabase:
    """Create the station in ``data_dir`` with its first (admin) user.

    ``locality`` names the station's own commune ("Xã Tân Lập, Huyện Đồng
    Phú, Tỉnh Bình Phước"), whose places the form suggests first.
    """
    if not STATION_CODE.match(code):
        raise StationError(
            f"station code {code!r}: 2 to 32 capital letters, digits or hyphens, e.g. BP-DONGPHU-01"
        )
    if not USERNAME.match(admin_username):
        raise StationError(f"user name {admin_username!r}: lower-case letters, digits, . _ -")
    if not office.strip():
        raise StationError("the office name is empty")
    try:
        recipients = " ".join(parse_recipients(centre_recipient)) if centre_recipient else None
    except AgeError as e:
        raise StationError(str(e)) from e
    try:
        commune = settings.find_locality(locality) if locality is not None else None
    except settings.InvalidSetting as e:
        raise StationError(str(e)) from e
    password_hash = hash_password(admin_password)
    db = open_station(data_dir, create=True)
    with db.sessions.begin() as session:
        if session.scalars(select(Station)).first() is not None:
            db.close()
            raise StationError(f"{data_dir} already holds a station")
        session.add(Station(code=code, office=office.strip(), centre_recipient=recipients))
        admin = User(
            username=admin_username,
            full_name=admin_username,
            role=Role.ADMIN.value,
            password_hash=password_hash,
        )
        session.add(admin)
        if commune is not None:
            session.flush()
            settings.set_locality(session, admin, commune, clock=SystemClock())
    return db
