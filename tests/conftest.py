"""Fixtures: a fresh station in a temporary directory, and a clock we set."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import settings

# Qt, where a test uses it, draws offscreen: CI machines have no screen.
# The screen it draws on is a station's: a 1366×768 office laptop, also when
# the command that runs the suite asked for plain offscreen (`make test`).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).with_name('laptop_screen.json')}"
    )
# Nothing a test logs, here or in a subprocess it starts, lands in the real
# user log directory of whoever runs the suite.
os.environ.setdefault("SOHOA_LOG_DIR", tempfile.mkdtemp(prefix="sohoa-test-logs-"))
# Nothing a test keeps lands in the real OS keyring either: a test that needs
# a keyring installs the in-memory one below, or gives its subprocess one.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from batch_helpers import MemoryKeyring, memory_keyring_installed

from app.station.database import StationDatabase, init_station
from app.system.clock import VIETNAM
from ui.context import StationContext

TODAY = date(2026, 11, 22)
ADMIN_PASSWORD = "admin-password"


@dataclass
class FixedClock:
    """A clock that says what the test tells it to.

    Moving ``moment`` forward is time going by; :meth:`turn_back` is someone
    setting the wall clock back, which the clock of durations does not see.
    """

    moment: datetime
    turned_back: timedelta = field(default_factory=timedelta)

    def now(self) -> datetime:
        return self.moment

    def monotonic(self) -> float:
        return (self.moment + self.turned_back - datetime(2000, 1, 1, tzinfo=UTC)).total_seconds()

    def turn_back(self, by: timedelta) -> None:
        self.moment -= by
        self.turned_back += by

    def set_local(self, day: date, at: time) -> None:
        self.moment = datetime.combine(day, at, VIETNAM).astimezone(UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime.combine(TODAY, time(9, 30), VIETNAM))


@pytest.fixture
def vietnamese(qapp):
    """The UI in Vietnamese, its default language, for one test; after it,
    every translator is taken out, those the test installed too (the
    desktop's start installs its own for good)."""
    from PySide6.QtCore import QLocale, QTranslator

    from ui.i18n import install_translators

    locale = QLocale()
    before = set(qapp.findChildren(QTranslator))
    install_translators(qapp, "vi")
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)


@pytest.fixture
def station(tmp_path: Path) -> Iterator[StationDatabase]:
    """A new, initialised station with its admin user."""
    db = init_station(
        tmp_path / "station",
        code="TEST-01",
        office="UBND xã Tân Lập",
        admin_username="admin",
        admin_password=ADMIN_PASSWORD,
    )
    yield db
    db.close()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory OS keyring for one test."""
    with memory_keyring_installed() as backend:
        yield backend


# CI runs the property tests on a fixed sequence of examples, so that a red
# build always means a change broke something; locally they explore anew.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def window(qtbot, station, clock):
    """The main window of the station, shown and active, its admin logged in."""
    from sqlalchemy import select

    from app.db.models import User
    from ui.main_window import MainWindow

    with station.sessions() as session:
        user = session.scalars(select(User)).one()
    window = MainWindow(StationContext(station, user, clock, "vi"))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window
