"""What went wrong when the station's storage failed, said as what it is.

A write can fail for reasons outside Sohoa: another program holds the
database, the disk is full, the file or its folder is read-only, the file is
damaged. Each window says which, in the user's language; this module tells
them apart from the exception, so that no window reads a driver's message.
"""

from __future__ import annotations

import errno
import sqlite3
from enum import Enum

from sqlalchemy.exc import DBAPIError


class StorageFailure(Enum):
    LOCKED = "locked"  # another program (or copy of Sohoa) holds the database
    FULL = "full"  # no room left on the disk
    READ_ONLY = "read_only"  # the file or its folder cannot be written
    DAMAGED = "damaged"  # the file is not a sound database
    OTHER = "other"  # the storage failed in a way not told apart here


_SQLITE_CODES = {
    sqlite3.SQLITE_BUSY: StorageFailure.LOCKED,
    sqlite3.SQLITE_LOCKED: StorageFailure.LOCKED,
    sqlite3.SQLITE_FULL: StorageFailure.FULL,
    sqlite3.SQLITE_READONLY: StorageFailure.READ_ONLY,
    sqlite3.SQLITE_CORRUPT: StorageFailure.DAMAGED,
    sqlite3.SQLITE_NOTADB: StorageFailure.DAMAGED,
    sqlite3.SQLITE_CANTOPEN: StorageFailure.READ_ONLY,
}
_ERRNOS = {
    errno.ENOSPC: StorageFailure.FULL,
    errno.EDQUOT: StorageFailure.FULL,
    errno.EROFS: StorageFailure.READ_ONLY,
    errno.EACCES: StorageFailure.READ_ONLY,
    errno.EPERM: StorageFailure.READ_ONLY,
}
# SQLite's messages, for drivers that give no error code.
_WORDS = (
    ("locked", StorageFailure.LOCKED),
    ("busy", StorageFailure.LOCKED),
    ("full", StorageFailure.FULL),
    ("readonly", StorageFailure.READ_ONLY),
    ("read-only", StorageFailure.READ_ONLY),
    ("malformed", StorageFailure.DAMAGED),
    ("not a database", StorageFailure.DAMAGED),
)


def storage_failure(error: BaseException) -> StorageFailure | None:
    """What ``error`` says of the storage; None when it is not a storage failure."""
    if isinstance(error, DBAPIError):
        return _of_driver_error(error.orig)
    if isinstance(error, sqlite3.Error):
        return _of_driver_error(error)
    if isinstance(error, OSError):
        return _ERRNOS.get(error.errno or 0, StorageFailure.OTHER)
    return None


def _of_driver_error(error: BaseException | None) -> StorageFailure:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _SQLITE_CODES:
        return _SQLITE_CODES[code & 0xFF]
    reason = str(error).lower()
    for word, failure in _WORDS:
        if word in reason:
            return failure
    return StorageFailure.OTHER
