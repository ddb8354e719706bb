"""Central databases for tests: a SQLite file, or a database of its own on a
PostgreSQL server (SOHOA_TEST_POSTGRES_URL, which .ci/run sets; locally the
PostgreSQL runs are skipped without it)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url

from app.centre.database import open_central
from app.centre.models import CentreEntry

POSTGRES_ENV = "SOHOA_TEST_POSTGRES_URL"
DATABASES = ("sqlite", "postgresql")


@contextmanager
def central_database(kind: str, directory: Path) -> Iterator[Engine]:
    """A new, empty central database of ``kind`` (one of DATABASES)."""
    if kind == "sqlite":
        engine = open_central(str(directory / f"centre-{uuid.uuid4().hex[:8]}.sqlite3"))
        try:
            yield engine
        finally:
            engine.dispose()
        return
    with postgres_database() as url:
        engine = open_central(url)
        try:
            yield engine
        finally:
            engine.dispose()


def postgres_server() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{POSTGRES_ENV} is not set: .ci/run starts a PostgreSQL server")
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_ENV}=postgresql://…")
    return url


@contextmanager
def postgres_database() -> Iterator[str]:
    """A database of its own on the test server, dropped afterwards."""
    server = make_url(postgres_server())
    name = f"sohoa_test_{uuid.uuid4().hex[:12]}"
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def central_entries(engine: Engine) -> dict[str, tuple[int, str]]:
    """Each entry at the centre: its version and its values."""
    with engine.connect() as connection:
        rows = connection.execute(select(CentreEntry.uuid, CentreEntry.version, CentreEntry.values))
        return {u: (v, values) for u, v, values in rows}
