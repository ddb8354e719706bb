"""Where a station keeps its files."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

DATA_DIR_ENV = "SOHOA_DATA_DIR"


def default_data_dir() -> Path:
    """``$SOHOA_DATA_DIR``, or the platform's user data directory for Sohoa."""
    configured = os.environ.get(DATA_DIR_ENV)
    if configured:
        return Path(configured)
    return Path(user_data_dir("Sohoa", appauthor=False))


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def scans_dir(data_dir: Path) -> Path:
    """The station's scan store (app.scans.store): page images by content."""
    return data_dir / "scans"
