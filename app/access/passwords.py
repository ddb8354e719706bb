"""Password hashing with Argon2id (argon2-cffi's recommended parameters).

When a later version raises those parameters, a hash made with the old ones
still verifies, and ``needs_rehash`` says to store a new one at the next
login (app.access.login).
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError

_hasher = PasswordHasher()

MIN_LENGTH = 8


class WeakPasswordError(ValueError):
    pass


def hash_password(password: str) -> str:
    """The Argon2id hash to store; refuses passwords shorter than MIN_LENGTH."""
    if len(password) < MIN_LENGTH:
        raise WeakPasswordError(f"a password needs at least {MIN_LENGTH} characters")
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether ``stored_hash`` was made with other parameters than today's."""
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def rehash(password: str) -> str:
    """A new hash of a password that has just verified, made with today's
    parameters (a password set under an older, shorter minimum stays valid)."""
    return _hasher.hash(password)
