"""The schema is built and upgraded by Alembic revisions, never by hand."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select, text
from storage_helpers import small_filesystem

from app.db import migrate
from app.db.engine import sqlite_engine
from app.db.models import Base, Station
from app.station.database import StationError, init_station, open_station

SECOND_REVISION = '''
"""a later release adds a column"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("station") as batch:
        batch.add_column(sa.Column("later_column", sa.String(10)))


def downgrade():
    with op.batch_alter_table("station") as batch:
        batch.drop_column("later_column")
'''


def test_the_revision_chain_is_linear() -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert len(scripts.get_heads()) == 1
    assert len(scripts.get_bases()) == 1
    for revision in scripts.walk_revisions():
        assert not revision.is_merge_point
        assert not revision.is_branch_point


def test_the_head_known_without_alembic_is_alembics() -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert scripts.get_current_head() == migrate.HEAD_REVISION


def test_upgrading_an_empty_database_gives_exactly_the_models(tmp_path: Path) -> None:
    engine = sqlite_engine(tmp_path / "empty.sqlite3")
    migrate.upgrade(engine, tmp_path / "empty.sqlite3", tmp_path / "backups")

    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        revision = MigrationContext.configure(connection).get_current_revision()
    engine.dispose()

    assert differences == []
    assert revision == migrate.head_revision()
    assert not (tmp_path / "backups").exists(), "nothing to back up in a new database"


def test_the_database_runs_with_wal_full_sync_and_foreign_keys(station) -> None:
    with station.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL
        assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1


def later_migrations(tmp_path: Path, revision: str) -> Path:
    """This version's migrations and one more ``revision`` after them."""
    later = tmp_path / "later_migrations"
    (later / "versions").mkdir(parents=True)
    for name in ("env.py", "script.py.mako"):
        (later / name).write_text((migrate.MIGRATIONS_DIR / name).read_text())
    for existing in (migrate.MIGRATIONS_DIR / "versions").glob("*.py"):
        (later / "versions" / existing.name).write_text(existing.read_text())
    (later / "versions" / "9999_later.py").write_text(revision)
    return later


def test_a_database_behind_is_backed_up_then_upgraded(
    station, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = station.data_dir
    station.close()
    head = migrate.head_revision()
    monkeypatch.setattr(
        migrate, "MIGRATIONS_DIR", later_migrations(tmp_path, SECOND_REVISION.format(head=head))
    )
    monkeypatch.setattr(migrate, "HEAD_REVISION", "9999")

    reopened = open_station(data_dir)

    assert reopened.backup_taken is not None
    assert reopened.backup_taken.parent == data_dir / "backups"
    assert head in reopened.backup_taken.name
    with reopened.engine.connect() as connection:
        columns = [row[1] for row in connection.execute(text("PRAGMA table_info(station)"))]
    assert "later_column" in columns
    with sqlite3.connect(reopened.backup_taken) as backup:
        assert backup.execute("SELECT code FROM station").fetchall() == [("TEST-01",)]
        assert backup.execute("SELECT version_num FROM alembic_version").fetchall() == [(head,)]
    reopened.close()


FAILING_REVISION = SECOND_REVISION.replace(
    'batch.add_column(sa.Column("later_column", sa.String(10)))',
    'batch.add_column(sa.Column("later_column", sa.String(10)))\n'
    '    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))\n'
    '    raise RuntimeError("the migration breaks half way")',
)


def test_a_migration_that_fails_half_way_changes_nothing(
    station, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = station.data_dir
    station.close()
    head = migrate.head_revision()
    monkeypatch.setattr(
        migrate, "MIGRATIONS_DIR", later_migrations(tmp_path, FAILING_REVISION.format(head=head))
    )
    monkeypatch.setattr(migrate, "HEAD_REVISION", "9999")

    with pytest.raises(RuntimeError, match="half way"):
        open_station(data_dir)

    monkeypatch.undo()
    with sqlite3.connect(data_dir / "sohoa.sqlite3") as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(head,)]
    assert "half_done" not in tables
    open_station(data_dir).close()  # and the station still opens


def test_a_database_from_a_newer_version_is_refused(station) -> None:
    data_dir = station.data_dir
    with station.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '7777'"))
    station.close()

    with pytest.raises(StationError, match="written by a newer version"):
        open_station(data_dir)
    assert not (data_dir / "backups").exists()


def test_a_current_database_is_opened_without_a_backup(station) -> None:
    data_dir = station.data_dir
    station.close()

    reopened = open_station(data_dir)

    assert reopened.backup_taken is None
    with reopened.sessions() as session:
        assert session.scalars(select(Station.code)).all() == ["TEST-01"]
    reopened.close()


OLD_ROWS = [
    "INSERT INTO users (id, username, full_name, role, password_hash, active, created_at)"
    " VALUES (7, 'clerk07', 'clerk07', 'clerk', 'x', 1, '2026-01-01 00:00:00')",
    "INSERT INTO books (id, kind, office, volume, year, condition, created_at)"
    " VALUES (1, 'birth', 'A', '01', 1990, 'good', '2026-01-01 00:00:00')",
    *(
        'INSERT INTO entries (uuid, book_id, year, number, title, status, version, "values",'
        " created_by, updated_by, created_at, updated_at, completed_at)"
        f" VALUES ('u{n}', 1, 1990, {n}, '', '{status}', 1, '{{}}', 7, 7,"
        f" '2026-01-02 00:00:00', '2026-01-02 00:00:00', {completed})"
        for n, status, completed in (
            (1, "completed", "'2026-01-02 01:00:00'"),
            (2, "draft", "NULL"),
        )
    ),
    "INSERT INTO entry_names (entry_id, field, key) VALUES (1, 'child_name', 'le van an')",
]


def test_upgrading_from_0001_keeps_entries_and_fills_who_completed_them(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = sqlite_engine(path)
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        for statement in OLD_ROWS:
            connection.execute(text(statement))

    backup = migrate.upgrade(engine, path, tmp_path / "backups")

    with engine.connect() as connection:
        rows = connection.execute(text("SELECT number, completed_by FROM entries ORDER BY 1")).all()
    engine.dispose()
    assert rows == [(1, 7), (2, None)]
    assert backup is not None and backup.exists()
    with sqlite_engine(path).connect() as connection:
        names = connection.execute(text("SELECT entry_id, key FROM entry_names")).all()
    assert names == [(1, "le van an")], "copying the entries table must not cascade"


def test_upgrading_from_0011_gives_each_entry_its_main_date(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = sqlite_engine(path)
    config = migrate.alembic_config()
    kept = {"child_birth_date": {"v": "1990-03-04"}, "wife_birth_date": {"v": "1966-01-02"}}
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0011")
        connection.execute(text(OLD_ROWS[0]))
        for book, kind in ((1, "birth"), (2, "marriage"), (3, "death")):
            connection.execute(
                text(
                    "INSERT INTO books (id, kind, office, volume, year, condition, created_at,"
                    " queue_rank, on_hold)"
                    f" VALUES ({book}, '{kind}', 'A', '01', 1990, 'good', '2026-01-01', 0, 0)"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO entries (uuid, book_id, year, number, title, status, version,"
                    ' "values", created_by, updated_by, created_at, updated_at)'
                    f" VALUES ('u{book}', {book}, 1990, 1, '', 'completed', 1, :values, 7, 7,"
                    " '2026-01-02', '2026-01-02')"
                ),
                {"values": json.dumps(kept)},
            )

    migrate.upgrade(engine, path, tmp_path / "backups")

    with engine.connect() as connection:
        dates = connection.execute(text("SELECT book_id, main_date FROM entries ORDER BY 1")).all()
    engine.dispose()
    assert dates == [(1, "1990-03-04"), (2, "1966-01-02"), (3, None)], "each kind its own date"


@pytest.fixture
def small_disk(tmp_path: Path):
    with small_filesystem(tmp_path / "disk", "4M") as disk:
        yield disk


def test_an_upgrade_with_no_room_for_its_backup_says_so_and_changes_nothing(
    small_disk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = small_disk / "station"
    init_station(
        data_dir, code="TEST-01", office="X", admin_username="admin", admin_password="a-password"
    ).close()
    before = (data_dir / "sohoa.sqlite3").read_bytes()
    # Room for the database's own log, not for a copy of it.
    room = shutil.disk_usage(small_disk).free - len(before) // 3
    (small_disk / "the rest of the disk").write_bytes(b"\0" * room)
    head = migrate.head_revision()
    monkeypatch.setattr(
        migrate, "MIGRATIONS_DIR", later_migrations(tmp_path, SECOND_REVISION.format(head=head))
    )
    monkeypatch.setattr(migrate, "HEAD_REVISION", "9999")

    with pytest.raises(StationError) as refused:
        open_station(data_dir)

    assert str(refused.value).endswith(
        f"there is no room in {data_dir / 'backups'} for a copy of the database"
        f" ({len(before):,} bytes): the disk is full; nothing was changed"
    )
    assert list((data_dir / "backups").iterdir()) == [], "no half copy is left"
    (small_disk / "the rest of the disk").unlink()
    with closing(sqlite3.connect(data_dir / "sohoa.sqlite3")) as database:
        assert database.execute("SELECT version_num FROM alembic_version").fetchall() == [(head,)]


def test_upgrading_from_0017_leaves_entries_unassigned_and_the_counts_kept(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    engine = sqlite_engine(path)
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0017")
        connection.execute(text(OLD_ROWS[0]))
        connection.execute(
            text(
                "INSERT INTO books (id, kind, office, volume, year, condition, created_at,"
                " queue_rank, on_hold) VALUES (1, 'birth', 'A', '01', 1990, 'good', '2026-01-01',"
                " 0, 0)"
            )
        )
        for statement in OLD_ROWS[2:4]:
            connection.execute(text(statement))

    migrate.upgrade(engine, path, tmp_path / "backups")

    with engine.begin() as connection:
        assigned = connection.execute(text("SELECT assigned_to FROM entries")).scalars().all()
        connection.execute(text("UPDATE entries SET status = 'deferred' WHERE number = 1"))
        counts = connection.execute(
            text("SELECT done_entries, deferred_entries, draft_entries FROM books")
        ).one()
    engine.dispose()
    assert assigned == [None, None]
    assert tuple(counts) == (0, 1, 1), "the triggers that keep the counts are still there"
