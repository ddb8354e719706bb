"""``sohoa --self-test``: prove on this machine that a clerk can key and save.

In a temporary station it opens the real main window offscreen, keys one
entry of each book kind through the real widgets from the keyboard, saves
each with F10, and checks that the four entries are in the database as
completed. Exit status 0 means the installation works.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

from app.db.models import EntryStatus
from app.demo.entries import MAKERS
from app.demo.people import PeopleFactory
from app.demo.self_test import OFFICE, self_test_station, stored_entries
from app.entries.field_values import display_value
from app.specs import BookKind
from app.system.clock import SystemClock, local_today

PASSWORD = "self-test-password"


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.context import StationContext
    from ui.crash import start_logging
    from ui.i18n import install_translators
    from ui.keying.keyboard_driver import Clerk, Keyboard
    from ui.main_window import MainWindow

    # The offscreen platform's notes ("does not support raise()") go there too.
    start_logging()

    app = QApplication.instance() or QApplication(sys.argv)
    install_translators(app, "vi")
    clock = SystemClock()
    with tempfile.TemporaryDirectory(prefix="sohoa-self-test-") as folder:
        station = self_test_station(Path(folder), PASSWORD)
        db = station.db
        window = MainWindow(StationContext(db, station.admin, clock, "vi"))
        window.show()
        window.activateWindow()
        app.processEvents()
        keyboard = Keyboard()
        people = PeopleFactory(random.Random(2015))
        for book in station.books:
            window.open_book(book.id)
            app.processEvents()
            values = MAKERS[BookKind(book.kind)](people, date(2015, 6, 15))
            values.update(number="1", page="1", registration_date="2015-06-15", office=OFFICE)
            target = {k: display_value(book, k, v) for k, v in values.items()}
            Clerk(window.form, keyboard, local_today(clock)).key_entry(target)
            app.processEvents()
        window.close()
        # Let Qt destroy the window now, while Python is still whole.
        window.deleteLater()
        app.processEvents()
        del window
        saved = stored_entries(db)
        db.close()
    expected = [(k.value, EntryStatus.COMPLETED.value) for k in BookKind]
    for kind, status in saved:
        print(f"self-test: {kind} entry keyed and {status}")
    if saved != expected:
        print(f"self-test FAILED: expected {expected}, found {saved}", file=sys.stderr)
        return 1
    print(f"self-test passed: {len(saved)} entries keyed with {keyboard.keys} keys")
    return 0
