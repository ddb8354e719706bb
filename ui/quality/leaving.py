"""Leaving a dialog with typing in it: asked first, never thrown away on
an Escape. Going on is the default, so that Enter or a second Escape keeps
the typing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def leave_anyway(parent: QWidget, what_is_lost: str) -> bool:
    """Ask whether to leave although ``what_is_lost`` would be; True to leave."""
    question = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Leaving", "Leave without saving?"),
        what_is_lost,
        parent=parent,
    )
    question.setObjectName("leave_question")
    leave = question.addButton(
        QCoreApplication.translate("Leaving", "Leave, and lose what I typed"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    leave.setObjectName("leave")
    stay = question.addButton(
        QCoreApplication.translate("Leaving", "Go on"), QMessageBox.ButtonRole.RejectRole
    )
    stay.setObjectName("stay")
    question.setDefaultButton(stay)
    question.setEscapeButton(stay)
    question.exec()
    return question.clickedButton() is leave
