"""What went wrong is written down: the log file, Qt's messages, crashes."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from log_files import isolated_log_dir
from PySide6.QtCore import qInstallMessageHandler, qWarning
from PySide6.QtWidgets import QMessageBox

from app.system.logs import LOG_NAME, setup_logging
from ui import crash


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    yield from isolated_log_dir(tmp_path, monkeypatch)


def test_modules_log_to_a_file_in_the_log_dir(log_dir: Path) -> None:
    setup_logging()
    setup_logging()  # a second start does not write each line twice

    logging.getLogger("app.keying.save").info("complete entry 7 of book 2")

    lines = (log_dir / LOG_NAME).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    assert lines[0].endswith("INFO app.keying.save: complete entry 7 of book 2")


def test_a_qt_warning_lands_in_the_log(log_dir: Path, qapp) -> None:
    setup_logging()
    previous = qInstallMessageHandler(crash.qt_message)
    try:
        qWarning("This plugin does not support raise()")
    finally:
        qInstallMessageHandler(previous)

    text = (log_dir / LOG_NAME).read_text(encoding="utf-8")
    assert "WARNING qt: This plugin does not support raise()" in text


def raised() -> tuple[type[BaseException], BaseException, object]:
    try:
        {}["child_name"]
    except KeyError:
        return sys.exc_info()
    raise AssertionError("unreachable")


def test_an_uncaught_exception_is_logged_with_its_traceback(
    log_dir: Path, qapp, monkeypatch
) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args))
    log_file = setup_logging().baseFilename

    crash.CrashReporter(Path(log_file))(*raised())

    text = (log_dir / LOG_NAME).read_text(encoding="utf-8")
    assert "CRITICAL ui.crash: uncaught exception" in text
    assert "Traceback (most recent call last)" in text
    assert "KeyError: 'child_name'" in text
    assert shown == [], "offscreen, there is nobody to show a dialog to"


@pytest.mark.usefixtures("vietnamese")
def test_at_a_screen_the_clerk_sees_a_plain_dialog(log_dir: Path, qapp, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[1:3]))
    monkeypatch.setattr(crash, "headless", lambda: False)
    log_file = Path(setup_logging().baseFilename)

    crash.CrashReporter(log_file)(*raised())

    [(title, message)] = shown
    assert title == "Sohoa — lỗi không lường trước"
    assert message.startswith("Sohoa gặp một lỗi không lường trước. Các mục đã lưu vẫn an toàn.")
    assert message.endswith(f"Chi tiết lỗi được ghi trong tệp {log_file}")


def test_the_self_test_leaves_qt_notes_in_the_log_not_on_the_terminal(tmp_path: Path) -> None:
    sohoa = Path(sys.executable).with_name("sohoa")
    result = subprocess.run(
        [str(sohoa), "--self-test"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "SOHOA_LOG_DIR": str(tmp_path)},
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "This plugin does not support raise()" in (tmp_path / LOG_NAME).read_text("utf-8")
