"""What each user of a station chose for the window: its language, where
the main window was on each screen, and how a page beside a form is split.

The clerks of a station share the laptop's one system account, so the
choices are kept per user of the station, in a file beside the station's
data (``preferences.ini``), not in the system account's settings. The
language last chosen on the station is also the login window's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QScreen

from ui.i18n import LANGUAGES

FILE_NAME = "preferences.ini"


class Preferences:
    def __init__(self, data_dir: Path) -> None:
        self.settings = QSettings(str(data_dir / FILE_NAME), QSettings.Format.IniFormat)

    def language(self, username: str | None = None) -> str | None:
        """The language ``username`` chose (with None: the station's last
        chosen), or None when none was."""
        key = "station/language" if username is None else f"{_user(username)}/language"
        chosen = self.settings.value(key)
        return chosen if chosen in LANGUAGES else None

    def set_language(self, username: str, language: str) -> None:
        self.settings.setValue(f"{_user(username)}/language", language)
        self.settings.setValue("station/language", language)
        self.settings.sync()

    def window_geometry(self, username: str, screen: QScreen) -> QByteArray | None:
        """The main window as ``username`` left it on this screen, if they did."""
        saved = self.settings.value(_window_key(username, screen))
        return saved if isinstance(saved, QByteArray) else None

    def set_window_geometry(self, username: str, screen: QScreen, geometry: QByteArray) -> None:
        self.settings.setValue(_window_key(username, screen), geometry)
        self.settings.sync()

    def split_sizes(self, username: str, name: str) -> list[int] | None:
        """The widths ``username`` left the splitter ``name`` at, if they moved it."""
        saved = self.settings.value(f"{_user(username)}/split/{name}")
        if not isinstance(saved, list | str):
            return None
        sizes = [saved] if isinstance(saved, str) else saved
        try:
            widths = [int(size) for size in sizes]
        except (TypeError, ValueError):
            return None  # a file edited by hand: the window's own split
        return widths if widths and all(w >= 0 for w in widths) else None

    def set_split_sizes(self, username: str, name: str, sizes: list[int]) -> None:
        self.settings.setValue(f"{_user(username)}/split/{name}", [str(s) for s in sizes])
        self.settings.sync()


def _user(username: str) -> str:
    # A user name is a key of its own, whatever it holds.
    return "users/" + username.replace("/", "%2F")


def _window_key(username: str, screen: QScreen) -> str:
    """A screen is known by its name and size: the laptop's own, or the
    projector it is plugged into."""
    size = screen.size()
    name = screen.name().replace("/", "%2F")
    return f"{_user(username)}/window/{name} {size.width()}x{size.height()}"
