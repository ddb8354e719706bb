"""The main window: for now, the station's books and how far each has come."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView

from app.overview import book_progress
from app.station import StationDatabase
from ui.models.books import BookTableModel


class MainWindow(QMainWindow):
    def __init__(self, db: StationDatabase) -> None:
        super().__init__()
        self._db = db
        station = db.station()
        self.setWindowTitle(
            self.tr("Sohoa — station {code} ({office})").format(
                code=station.code, office=station.office
            )
        )
        self.books = BookTableModel()
        self.table = QTableView()
        self.table.setObjectName("books")
        self.table.setModel(self.books)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setCentralWidget(self.table)
        self.summary = QLabel()
        self.statusBar().addWidget(self.summary)
        self.resize(1000, 640)
        self.refresh()

    def refresh(self) -> None:
        with self._db.sessions() as session:
            books = book_progress(session)
        self.books.set_books(books)
        done = sum(b.done for b in books)
        expected = sum(b.expected or 0 for b in books)
        deferred = sum(b.deferred for b in books)
        locale = QLocale()
        self.summary.setText(
            self.tr(
                "{books} books · {done} of {expected} entries done · {deferred} deferred"
            ).format(
                books=locale.toString(len(books)),
                done=locale.toString(done),
                expected=locale.toString(expected),
                deferred=locale.toString(deferred),
            )
        )
