"""The windows on a station's screen, a 1366×768 laptop (tests/laptop_screen.json):
the main window opens maximised or as its user left it; every dialog fits,
with its buttons in sight."""

from __future__ import annotations

import pytest
from batch_helpers import FixedMoment
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget
from screen_helpers import assert_fits_the_screen
from sqlalchemy import select
from test_ui_batches import exporting, lead_of  # noqa: F401  (a fixture, and a helper)
from test_ui_work import open_window
from verification_helpers import entry_values, key_twice, make_team, user
from work_helpers import add_book, add_user

from app.db.models import User
from app.keying.save import SaveAction, save_entry
from ui.access.login import LoginDialog
from ui.access.password import ChangePasswordDialog
from ui.access.users import UsersDialog
from ui.batches.dialog import ExportDialog
from ui.context import StationContext
from ui.file_dialogs import file_dialog
from ui.keys_help import KeysHelp
from ui.quality.arbitration import ArbitrationDialog
from ui.quality.findings_window import FindingsDialog, ReasonDialog
from ui.quality.second_keying import SecondKeyingDialog
from ui.screen_fit import fit_to_screen
from ui.station.backups import BackupsDialog

pytestmark = pytest.mark.usefixtures("vietnamese")


def shown(qtbot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_tests_see_a_laptop_screen(qapp) -> None:
    assert qapp.primaryScreen().geometry() == QRect(0, 0, 1366, 768)


def test_the_main_window_opens_maximised_the_first_time(window) -> None:
    assert window.isMaximized()
    assert window.frameGeometry() == window.screen().availableGeometry()
    assert window.statusBar().isVisible(), "the status bar and F9/F10 are on the screen"


def test_the_main_window_opens_as_its_user_left_it_on_this_screen(qtbot, station, clock) -> None:
    with station.sessions.begin() as session:
        add_user(session, "an")
        add_user(session, "binh")
    first = open_window(qtbot, station, clock, "an")
    first.showNormal()
    first.setGeometry(100, 80, 900, 600)
    first.close()

    again = open_window(qtbot, station, clock, "an")
    other = open_window(qtbot, station, clock, "binh")

    assert not again.isMaximized()
    assert again.geometry() == QRect(100, 80, 900, 600)
    assert other.isMaximized(), "another user's window is theirs"


def test_a_dialog_sized_for_a_larger_screen_is_brought_within_the_laptop_s(qtbot) -> None:
    dialog = QDialog()
    dialog.resize(1100, 900)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    QVBoxLayout(dialog).addWidget(buttons)
    fit_to_screen(dialog)

    shown(qtbot, dialog)

    assert_fits_the_screen(dialog)
    assert dialog.width() == 1100, "as wide as it asked: the screen has room"


def test_a_list_takes_a_share_of_the_screen_so_a_larger_screen_shows_more(
    qtbot, station, clock
) -> None:
    with station.sessions() as session:
        admin = session.scalars(select(User)).one()
    dialog = shown(qtbot, FindingsDialog(StationContext(station, admin, clock, "vi")))

    available = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().width() >= 0.85 * available.width()
    assert dialog.frameGeometry().height() >= 0.8 * available.height()
    assert_fits_the_screen(dialog)


def test_the_clerk_s_dialogs_fit_the_laptop_with_their_buttons_in_sight(
    qtbot, station, clock
) -> None:
    make_team(station)
    with station.sessions.begin() as session:
        book = add_book(session)
        save_entry(
            session, book=book, values=entry_values(0), user=user(session, "an"),
            action=SaveAction.COMPLETE, clock=clock,
        )  # fmt: skip
        binh = user(session, "binh")
    context = StationContext(station, binh, clock, "vi")
    window = open_window(qtbot, station, clock, "binh")

    second = shown(qtbot, SecondKeyingDialog(context, window))
    assert second.form is not None, "an entry to key again"
    assert_fits_the_screen(second)
    assert second.form.height() > 500, "the form has the screen's height"
    for dialog in (
        LoginDialog(station, clock),
        ChangePasswordDialog(context, parent=window),
        KeysHelp(binh, [], window),
        file_dialog(window, "Lưu", station.data_dir),
    ):
        assert_fits_the_screen(shown(qtbot, dialog))


def test_the_lead_s_and_admin_s_dialogs_fit_the_laptop_with_their_buttons_in_sight(
    qtbot, station, clock
) -> None:
    make_team(station)
    key_twice(station, clock)
    window = open_window(qtbot, station, clock, "lead")
    with station.sessions() as session:
        admin = session.scalars(select(User).where(User.username == "admin")).one()
    lead = StationContext(station, window.user, clock, "vi")
    admin_context = StationContext(station, admin, clock, "vi")
    for dialog in (
        ArbitrationDialog(lead, window),
        FindingsDialog(lead, window),
        ReasonDialog("Bỏ qua", "Có thể trùng người", "Vì sao?", window),
        KeysHelp(window.user, [], window),
        UsersDialog(admin_context, window),
        BackupsDialog(admin_context, window),
    ):
        assert_fits_the_screen(shown(qtbot, dialog))


def test_the_batches_dialog_fits_the_laptop(qtbot, exporting) -> None:  # noqa: F811
    dialog = ExportDialog(StationContext(exporting.db, lead_of(exporting.db), FixedMoment(), "vi"))
    assert_fits_the_screen(shown(qtbot, dialog))
