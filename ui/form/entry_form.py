"""The entry form of one book kind, built from its spec, driven by the keyboard.

Enter moves on like Tab, in book order; F2, F3 and F4 mark the field as
illegible, uncertain or blank in the book; F5 puts in the field the text
its warning offered (Unicode for text typed in TCVN3, VNI or VIQR, Latin
letters for Cyrillic lookalikes) and drops characters that show as nothing.
A place or an ethnic group being typed shows numbered suggestions: Down or
Up moves to one (the field shows it), Alt and its number takes it; Enter
without one chosen keeps the text exactly as typed. A choice field takes an
option's number or name (ui/form/choice.py) and refuses other text, the
cursor staying there.

Leaving a field assesses the whole entry (through app/, as saving will) and
shows what is wrong at each field the clerk has left; a form just filled
says nothing, and asking to save shows everything. A message shows inside
its field (ui/form/message.py), so that nothing moves as messages come and
go; the field the clerk is on shows its message whole in a note under it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from app.keying.start import start_field
from app.reference.gazetteer import Place
from app.rules import Assessment, FieldValue, assess
from app.specs import BookSpec, Section, SourceStatus
from ui.form.choice import STAYING, ChoiceBox
from ui.form.editors import PICK_KEYS, FieldEditor
from ui.form.message import FieldNote
from ui.form.sections import SectionColumns

# Keyed by int: a key event's key() is a plain int, and Qt.Key is an IntEnum.
STATUS_KEYS: dict[int, SourceStatus] = {
    Qt.Key.Key_F2: SourceStatus.ILLEGIBLE,
    Qt.Key.Key_F3: SourceStatus.UNCERTAIN,
    Qt.Key.Key_F4: SourceStatus.BLANK,
}
CONVERT_KEY = Qt.Key.Key_F5
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# How wide a column of sections is at least, and its labels at most, in
# average characters of the form's font: about 280 and 105 pixels at 10 pt.
COLUMN_CHARACTERS = 40
LABEL_CHARACTERS = 15


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
        # The fields whose findings show: those the clerk has left since the
        # form was filled, and every field once they asked to save.
        self.touched: set[str] = set()
        self.assessment: Assessment | None = None
        self.body = SectionColumns([self._section_box(s) for s in spec.sections])
        self.note = FieldNote(self.body)
        self.setWidget(self.body)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inputs = [e.input for e in self.editors.values()]
        for before, after in pairwise(inputs):
            QWidget.setTabOrder(before, after)

    def _section_box(self, section: Section) -> QGroupBox:
        box = QGroupBox(section.label.get(self.language))
        box.setObjectName(f"section_{section.key}")
        # Columns share the width equally, whatever their inputs would like.
        box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        grid = QGridLayout(box)
        grid.setContentsMargins(6, 2, 6, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        label_width = self.fontMetrics().averageCharWidth() * LABEL_CHARACTERS
        fields = [f for f in self.spec.fields if f.section == section.key]
        for row, field in enumerate(fields):
            editor = FieldEditor(field, self.language, self.today)
            # A long label takes two lines, in a row no taller than two.
            editor.label.setFixedWidth(label_width)
            grid.addWidget(editor.label, row, 0, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(editor, row, 1)
            editor.input.installEventFilter(self)
            if editor.suggestion_list is not None:
                editor.suggestion_list.installEventFilter(self)
            editor.edited.connect(self.edited)
            editor.left.connect(self._left)
            editor.input.entered.connect(self._show_note)
            self.editors[field.key] = editor
        return box

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Columns by the width there is with a scroll bar or without: one
        # appearing does not change how many there are.
        bar = self.verticalScrollBar()
        width = self.width() - (bar.sizeHint().width() if bar else 0) - 2 * self.frameWidth()
        column = self.fontMetrics().averageCharWidth() * COLUMN_CHARACTERS
        self.body.arrange(width // column)
        super().resizeEvent(event)
        self.note.hide()

    # Keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            editor = self._editor_of(watched)
            if editor is not None and self._handle_key(editor, event):
                return True
        if (
            isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusOut
            and event.reason() not in STAYING
        ):
            self.note.hide()
        return super().eventFilter(watched, event)

    def _focused_input(self) -> QObject | None:
        focused = self.focusWidget()
        return focused if focused is not None and focused.objectName() in self.editors else None

    def _editor_of(self, watched: QObject) -> FieldEditor | None:
        # Key presses reach either an input or the suggestion list it shows.
        return self.editors.get(watched.objectName().removesuffix("__suggestions"))

    def _handle_key(self, editor: FieldEditor, event: QKeyEvent) -> bool:
        key, modifiers = event.key(), event.modifiers()
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        if key in STATUS_KEYS and plain:
            editor.toggle_status(STATUS_KEYS[key])
            self._left(editor.field.key)
            return True
        if key == CONVERT_KEY and plain:
            if editor.convert_text():
                self._left(editor.field.key)
            return True
        if isinstance(editor.input, ChoiceBox) and (
            (key in (*ENTER_KEYS, Qt.Key.Key_Tab) and plain) or key == Qt.Key.Key_Backtab
        ):
            self._leave_choice(editor, forward=key != Qt.Key.Key_Backtab)
            return True
        if (
            key in PICK_KEYS
            and modifiers == Qt.KeyboardModifier.AltModifier
            and editor.pick_suggestion(PICK_KEYS[key])
        ):
            return True
        if key in ENTER_KEYS and plain:
            if isinstance(editor.input, QLineEdit):
                editor.accept_suggestion()
                editor.input.editingFinished.emit()
            self._move_on(editor, forward=True)
            return True
        return False

    def _leave_choice(self, editor: FieldEditor, *, forward: bool) -> None:
        """Enter or Tab in a choice field: on with the option taken, or
        the text refused where it was typed."""
        assert isinstance(editor.input, ChoiceBox)  # called for choice fields only
        if editor.input.settle():
            self._move_on(editor, forward=forward)
            return
        self._left(editor.field.key)

    def _move_on(self, editor: FieldEditor, *, forward: bool) -> None:
        editor.input.setFocus(Qt.FocusReason.OtherFocusReason)
        if forward:
            self.focusNextChild()
        else:
            self.focusPreviousChild()

    # Values

    def values(self) -> dict[str, FieldValue]:
        return {key: editor.value() for key, editor in self.editors.items()}

    def load(self, values: dict[str, FieldValue], shown: Callable[[str, str], str]) -> None:
        """Fill the form; ``shown(key, stored)`` writes a stored value for display.

        A filled form says nothing yet: a field speaks once the clerk has
        been to it and left it, or asked to save.
        """
        self.touched.clear()
        self.note.hide()
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
        """Where the clerk starts on an entry opened again: the first field
        neither carried nor filled."""
        return self.editors[start_field(self.spec, self.values(), after_previous=True)]

    def focus(self, key: str) -> None:
        editor = self.editors[key]
        editor.visited = True  # it may have the focus already: no event says so
        editor.input.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureWidgetVisible(editor)

    # Findings

    @Slot(str)
    def _left(self, key: str) -> None:
        self.touched.add(key)
        self.refresh_findings()

    def refresh_findings(self, everywhere: bool = False) -> Assessment:
        """Assess the entry; show findings at the fields the clerk has left
        (``everywhere``: at every field, from now until the form is filled
        again, as when the clerk asks to save)."""
        if everywhere:
            self.touched.update(self.editors)
        self.assessment = assess(self.spec, self.values(), today=self.today())
        for key, editor in self.editors.items():
            editor.show_findings(self.assessment.at(key) if key in self.touched else [])
        self._show_note()
        return self.assessment

    @Slot()
    def _show_note(self) -> None:
        """The whole message of the field the clerk is on, if its line
        cuts it short."""
        focused = self._focused_input()
        if focused is None:
            self.note.hide()
            return
        editor = self.editors[focused.objectName()]
        left = editor.label.mapTo(self.body, editor.label.rect().topLeft()).x()
        self.note.show_under(editor, editor.message, left)
