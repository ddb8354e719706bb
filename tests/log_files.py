"""Keeping a test's log in its temporary directory, never in the user's."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.system.logs import LOG_DIR_ENV


def isolated_log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``$SOHOA_LOG_DIR`` in ``tmp_path``; handlers added meanwhile are removed after."""
    directory = tmp_path / "log"
    monkeypatch.setenv(LOG_DIR_ENV, str(directory))
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield directory
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
