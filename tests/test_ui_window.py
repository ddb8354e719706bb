"""What the main window says around the work: a test keyring in the status
bar, why the screen is locked, and a save's outcome that belongs to its book."""

from __future__ import annotations

import pytest
from batch_helpers import keyring_installed
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtWidgets import QLabel
from test_ui_work import open_window
from work_helpers import add_book, add_user

from app.access.keystore import PLAINTEXT_OPT_IN
from app.specs import BookKind

pytestmark = pytest.mark.usefixtures("vietnamese")


def test_a_test_keyring_is_warned_about_in_the_status_bar(
    qtbot, station, clock, tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setenv(PLAINTEXT_OPT_IN, "1")
    with station.sessions.begin() as session:
        add_user(session, "an")
    with keyring_installed(PlaintextKeyring()):
        window = open_window(qtbot, station, clock, "an")

    warning = window.statusBar().findChild(QLabel, "plaintext_keyring")
    assert warning is not None and warning.isVisible()
    assert warning.text() == "Kho khóa thử nghiệm: không dùng cho công việc thật"
    assert "hệ điều hành không bảo vệ" in warning.toolTip()


def test_the_os_keyring_is_not_warned_about(
    qtbot, station, clock, memory_keyring, monkeypatch
) -> None:
    monkeypatch.setenv(PLAINTEXT_OPT_IN, "1")  # allowed, but not the keyring in use
    with station.sessions.begin() as session:
        add_user(session, "an")
    window = open_window(qtbot, station, clock, "an")

    assert window.statusBar().findChild(QLabel, "plaintext_keyring") is None


def explanation(window) -> str:
    return window.lock.findChild(QLabel, "lock_explanation").text()


def test_a_screen_locked_by_hand_says_so(window, qtbot) -> None:
    window.lock_screen()

    assert explanation(window).startswith("Bạn đã tự khóa màn hình.\n")
    assert "phút" not in explanation(window)


def test_a_screen_locked_for_idleness_says_after_how_long(window, clock) -> None:
    clock.moment += window.idle.limit
    window.check_idle()

    assert explanation(window).startswith("Màn hình tự khóa sau 10 phút không dùng.\n")


def test_what_became_of_the_last_save_goes_when_another_book_is_opened(window, station) -> None:
    with station.sessions.begin() as session:
        births, deaths = add_book(session), add_book(session, BookKind.DEATH)
        ids = births.id, deaths.id
    window.open_book(ids[0])
    window.keying.outcome.saved(1, (), {})
    assert window.keying.outcome.text() == "Đã lưu mục số 1."

    window.open_book(ids[0])
    assert window.keying.outcome.text() == "Đã lưu mục số 1.", "the same book: still true"

    window.open_book(ids[1])
    assert window.keying.outcome.text() == ""
