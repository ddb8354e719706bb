"""Choosing a file or a folder: in the window's language, where the file goes.

The system's own file dialog cannot be given Qt's translations, and Qt
ships no Vietnamese; Sohoa uses Qt's dialog with its own (resources/
translations/qt_vi.ts), so that "Look in" and "File name" read as the rest
of the window. It opens where a commune office keeps such files: a plugged
stick for what leaves the station (batches, backups, the public key), the
user's Documents for what is printed or sent (the daily report); both are
in its side bar, with the home folder.
"""

from __future__ import annotations

import os
import string
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.screen_fit import fit_to_screen

# Where Linux desktops mount a stick (udisks): /media/USER/LABEL, or
# /run/media/USER/LABEL on Fedora and its kin.
LINUX_MOUNT_ROOTS = (Path("/media"), Path("/run/media"))
WINDOWS_REMOVABLE = 2  # GetDriveTypeW's DRIVE_REMOVABLE


def documents_folder() -> Path:
    """The user's Documents folder, or their home when there is none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def removable_drives(roots: tuple[Path, ...] = LINUX_MOUNT_ROOTS) -> list[Path]:
    """The sticks and card readers plugged in now, by name."""
    if sys.platform == "win32":
        return _windows_removable_drives()
    user = os.environ.get("USER") or Path.home().name
    drives = []
    for root in roots:
        mounted = root / user
        if mounted.is_dir():
            drives += sorted(p for p in mounted.iterdir() if p.is_dir())
    return drives


def _windows_removable_drives() -> list[Path]:
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]  # Windows only
    return [
        Path(f"{letter}:\\")
        for letter in string.ascii_uppercase
        if kernel.GetDriveTypeW(f"{letter}:\\") == WINDOWS_REMOVABLE
    ]


def starting_folder(on_a_stick: bool) -> Path:
    """A plugged stick for what goes on one, else the Documents."""
    drives = removable_drives() if on_a_stick else []
    return drives[0] if drives else documents_folder()


def file_dialog(
    parent: QWidget | None, caption: str, folder: Path, filters: list[str] | None = None
) -> QFileDialog:
    """Qt's own file dialog, in the window's language, opened on ``folder``."""
    dialog = QFileDialog(parent, caption, str(folder))
    dialog.setObjectName("file_dialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    places = [documents_folder(), *removable_drives(), Path.home()]
    dialog.setSidebarUrls([QUrl.fromLocalFile(str(p)) for p in dict.fromkeys(places)])
    if filters:
        dialog.setNameFilters(filters)
    dialog.resize(900, 560)
    fit_to_screen(dialog)
    return dialog


def save_file_name(
    parent: QWidget | None,
    caption: str,
    file_name: str,
    filters: list[str],
    *,
    on_a_stick: bool,
    folder: Path | None = None,
) -> tuple[Path | None, str]:
    """The file to save as, and the filter chosen; None if none was chosen."""
    dialog = file_dialog(parent, caption, folder or starting_folder(on_a_stick), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectFile(file_name)
    if not dialog.exec():
        return None, ""
    return Path(dialog.selectedFiles()[0]), dialog.selectedNameFilter()


def open_file_name(
    parent: QWidget | None,
    caption: str,
    filters: list[str],
    *,
    on_a_stick: bool,
    folder: Path | None = None,
) -> Path | None:
    """The existing file chosen, or None."""
    dialog = file_dialog(parent, caption, folder or starting_folder(on_a_stick), filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return Path(dialog.selectedFiles()[0]) if dialog.exec() else None


def existing_folder(
    parent: QWidget | None, caption: str, folder: Path | None = None
) -> Path | None:
    """A folder to write to (a stick's, for a batch or a backup), or None."""
    dialog = file_dialog(parent, caption, folder or starting_folder(on_a_stick=True))
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    return Path(dialog.selectedFiles()[0]) if dialog.exec() else None
