"""The entry form of one book kind, built from its spec, driven by the keyboard.

Enter moves on like Tab, in book order; F2, F3 and F4 mark the field as
illegible, uncertain or blank in the book; F5 puts in the field the text
its warning offered (Unicode for text typed in TCVN3, VNI or VIQR, Latin
letters for Cyrillic lookalikes) and drops characters that show as nothing.
A place or an ethnic group being typed shows numbered suggestions: Down or
Up moves to one (the field shows it), Alt and its number takes it; Enter
without one chosen keeps the text exactly as typed. Leaving a field assesses
the whole entry (through app/, as saving will) and shows what is wrong at
each field the clerk has already passed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from app.reference.gazetteer import Place
from app.rules import Assessment, FieldValue, assess
from app.specs import BookSpec, SourceStatus
from ui.form.editors import PICK_KEYS, FieldEditor

# Keyed by int: a key event's key() is a plain int, and Qt.Key is an IntEnum.
STATUS_KEYS: dict[int, SourceStatus] = {
    Qt.Key.Key_F2: SourceStatus.ILLEGIBLE,
    Qt.Key.Key_F3: SourceStatus.UNCERTAIN,
    Qt.Key.Key_F4: SourceStatus.BLANK,
}
CONVERT_KEY = Qt.Key.Key_F5
SECTION_COLUMNS = 2


class EntryForm(QScrollArea):
    """Every field of a book kind, in sections, in book order."""

    edited = Signal()

    def __init__(
        self,
        spec: BookSpec,
        language: str,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.language = language
        self.today = today
        self.editors: dict[str, FieldEditor] = {}
        self.touched: set[str] = set()
        self.assessment: Assessment | None = None
        body = QWidget()
        grid = QGridLayout(body)
        for index, section in enumerate(spec.sections):
            box = QGroupBox(section.label.get(language))
            box.setObjectName(f"section_{section.key}")
            rows = QFormLayout(box)
            rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for field in (f for f in spec.fields if f.section == section.key):
                editor = FieldEditor(field, language, today)
                label = field.label.get(language) + (" *" if field.required else "")
                rows.addRow(label, editor)
                # addRow() with a text makes the row's label a QLabel.
                cast(QLabel, rows.labelForField(editor)).setBuddy(editor.input)
                editor.input.installEventFilter(self)
                if editor.suggestion_list is not None:
                    editor.suggestion_list.installEventFilter(self)
                editor.edited.connect(self.edited)
                editor.left.connect(self._left)
                self.editors[field.key] = editor
            grid.addWidget(box, index // SECTION_COLUMNS, index % SECTION_COLUMNS)
        self.setWidget(body)
        self.setWidgetResizable(True)
        inputs = [e.input for e in self.editors.values()]
        for before, after in pairwise(inputs):
            QWidget.setTabOrder(before, after)

    # Keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            editor = self._editor_of(watched)
            if editor is not None and self._handle_key(editor, event):
                return True
        if event.type() == QEvent.Type.FocusOut:
            editor = self._editor_of(watched)
            if editor is not None and isinstance(editor.input, QComboBox):
                self._left(editor.field.key)
        return super().eventFilter(watched, event)

    def _editor_of(self, watched: QObject) -> FieldEditor | None:
        # Key presses reach either an input or the suggestion list it shows.
        return self.editors.get(watched.objectName().removesuffix("__suggestions"))

    def _handle_key(self, editor: FieldEditor, event: QKeyEvent) -> bool:
        key = event.key()
        if key in STATUS_KEYS and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            editor.toggle_status(STATUS_KEYS[key])
            self._left(editor.field.key)
            return True
        if key == CONVERT_KEY and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if editor.convert_text():
                self._left(editor.field.key)
            return True
        box = editor.input
        if isinstance(box, QComboBox) and event.text().isdigit():
            # A digit picks the numbered choice at once, however fast the
            # clerk types (Qt's own search joins keys typed close together).
            number = int(event.text())
            if 0 < number < box.count():
                box.setCurrentIndex(number)
            return True
        if (
            key in PICK_KEYS
            and event.modifiers() == Qt.KeyboardModifier.AltModifier
            and editor.pick_suggestion(PICK_KEYS[key])
        ):
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            if isinstance(editor.input, QLineEdit):
                editor.accept_suggestion()
                editor.input.editingFinished.emit()
            editor.input.setFocus(Qt.FocusReason.OtherFocusReason)
            self.focusNextChild()
            return True
        return False

    # Values

    def values(self) -> dict[str, FieldValue]:
        return {key: editor.value() for key, editor in self.editors.items()}

    def load(self, values: dict[str, FieldValue], shown: Callable[[str, str], str]) -> None:
        """Fill the form; ``shown(key, stored)`` writes a stored value for display."""
        self.touched.clear()
        for key, editor in self.editors.items():
            value = values.get(key, FieldValue())
            editor.set_value(value, shown(key, value.value))
            editor.show_findings([])
        self.assessment = None

    def set_book_context(self, near: Place | None, year: int | None) -> None:
        """Where and when the book was kept: the station's commune and the
        book's year, whose places the suggestions put first."""
        for editor in self.editors.values():
            editor.near, editor.year = near, year

    def first_to_key(self) -> FieldEditor:
        """Where the clerk starts: the first field neither carried nor filled."""
        for editor in self.editors.values():
            if not editor.field.carry and not editor.value().value:
                return editor
        return next(iter(self.editors.values()))

    def focus(self, key: str) -> None:
        editor = self.editors[key]
        editor.input.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureWidgetVisible(editor)

    # Findings

    @Slot(str)
    def _left(self, key: str) -> None:
        keys = list(self.editors)
        # Leaving a field means every field before it has been passed.
        self.touched.update(keys[: keys.index(key) + 1])
        self.refresh_findings()

    def refresh_findings(self, everywhere: bool = False) -> Assessment:
        """Assess the entry; show findings at touched fields (or at all)."""
        self.assessment = assess(self.spec, self.values(), today=self.today())
        for key, editor in self.editors.items():
            shown = everywhere or key in self.touched
            editor.show_findings(self.assessment.at(key) if shown else [])
        return self.assessment
