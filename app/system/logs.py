"""Where Sohoa writes down what happened: a rotating file in the user log dir.

Every module logs with ``logging.getLogger(__name__)``; this sends those
records to ``sohoa.log`` (1 MB, five older files kept), in the platform's
user log directory unless ``$SOHOA_LOG_DIR`` names another, so that what a
clerk did not see on screen can still be read by whoever supports them.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_dir

LOG_DIR_ENV = "SOHOA_LOG_DIR"
LOG_NAME = "sohoa.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    """``$SOHOA_LOG_DIR``, or the platform's user log directory for Sohoa."""
    configured = os.environ.get(LOG_DIR_ENV)
    if configured:
        return Path(configured)
    return Path(user_log_dir("Sohoa", appauthor=False))


def setup_logging(directory: Path | None = None) -> RotatingFileHandler | None:
    """Log INFO and above to ``sohoa.log`` in ``directory`` (default :func:`log_dir`).

    Returns the handler added to the root logger, or the one already there
    for the same file (so that calling it twice writes each line once).
    When the directory cannot be written, returns None: the app runs
    without a log rather than not at all, and says so on stderr.
    """
    path = (directory or log_dir()) / LOG_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and handler.baseFilename == str(
            path.absolute()
        ):
            return handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as e:
        logging.getLogger(__name__).warning("no log file in %s: %s", path.parent, e)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if not root.isEnabledFor(logging.INFO):
        root.setLevel(logging.INFO)
    return handler
