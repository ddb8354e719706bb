"""Encryption to the centre with age (pyrage): recipients, identities, files.

The centre makes an identity (``sohoa centre-key``) and keeps it; stations
are given its recipient, ``age1…``, and encrypt every batch to it. The
identity file is in age-keygen's format, so ``age -d -i FILE`` reads it.
"""

from __future__ import annotations

import io
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pyrage
from pyrage import x25519

SEPARATORS = re.compile(r"[\s,]+")


class AgeError(ValueError):
    """A recipient, identity or ciphertext that cannot be used; the message says why."""


def parse_recipients(text: str) -> list[str]:
    """The recipients in ``text`` (separated by spaces or commas), each checked."""
    recipients = [r for r in SEPARATORS.split(text.strip()) if r]
    if not recipients:
        raise AgeError("no centre recipient given (an age public key, age1…)")
    for recipient in recipients:
        try:
            x25519.Recipient.from_str(recipient)
        except pyrage.RecipientError as e:
            raise AgeError(f"{recipient!r} is not an age recipient (age1…): {e}") from e
    return recipients


def write_identity(path: Path) -> str:
    """Write a new centre identity to ``path`` (never over a file); return its recipient."""
    identity = x25519.Identity.generate()
    recipient = str(identity.to_public())
    created = datetime.now(UTC).replace(microsecond=0).isoformat()
    text = f"# created: {created}\n# public key: {recipient}\n{identity}\n"
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as e:
        raise AgeError(f"{path} already exists: an identity is never overwritten") from e
    except OSError as e:
        raise AgeError(f"cannot create {path}: {e.strerror}") from e
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    return recipient


def read_identities(path: Path) -> list[x25519.Identity]:
    """The identities in an age identity file (comments and blank lines skipped)."""
    try:
        lines = path.read_text(encoding="ascii").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise AgeError(f"cannot read the identity file {path}: {e}") from e
    identities = []
    for line in lines:
        if line.strip() and not line.startswith("#"):
            try:
                identities.append(x25519.Identity.from_str(line.strip()))
            except pyrage.IdentityError as e:
                raise AgeError(f"{path} holds a line that is not an age identity: {e}") from e
    if not identities:
        raise AgeError(f"{path} holds no age identity (AGE-SECRET-KEY-1…)")
    return identities


def encrypt(plaintext: bytes, recipients: list[str]) -> bytes:
    return pyrage.encrypt(plaintext, [x25519.Recipient.from_str(r) for r in recipients])


def decrypt(ciphertext: bytes, identities: list[x25519.Identity]) -> bytes:
    """A small ciphertext's plaintext, whole (a payload is read with :func:`decrypt_stream`)."""
    try:
        return pyrage.decrypt(ciphertext, identities)
    except pyrage.DecryptError as e:
        raise AgeError(f"the ciphertext cannot be decrypted with this identity: {e}") from e


def decrypt_stream(
    source: io.RawIOBase, sink: io.RawIOBase, identities: list[x25519.Identity]
) -> None:
    """Decrypt what ``source`` reads into ``sink``, 64 kB at a time: each
    chunk is authenticated before it is written, and the whole (its end
    included) when the last is. What ``sink`` raises goes through as it is."""
    try:
        pyrage.decrypt_io(source, sink, identities)
    except pyrage.DecryptError as e:
        raise AgeError(
            "the payload cannot be decrypted with this identity: it was encrypted for"
            " another centre key, or it is damaged"
        ) from e
    except OSError as e:  # pyrage's word for a chunk that does not authenticate
        raise AgeError(
            "the payload's encryption does not hold: it was cut short, extended or changed"
            " after it was encrypted"
        ) from e
