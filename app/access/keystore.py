"""Secrets in the OS keyring, through this one adapter.

The station's signing key must never land in a file by accident. The
``keyring`` library falls back quietly to whatever backend it finds, so this
adapter judges the backend before every use: none, a disabled one, a
failing one or one that is not the OS's is refused with a plain reason; a
file backend (keyrings.alt) is refused unless the operator opts in with
``SOHOA_ALLOW_PLAINTEXT_KEYRING=1``, and then every use carries a warning
for the operator to see.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError

SERVICE = "sohoa"
PLAINTEXT_OPT_IN = "SOHOA_ALLOW_PLAINTEXT_KEYRING"
# Backends that keep secrets in a plain or self-encrypted file of their own.
FILE_BACKENDS = ("keyrings.alt",)
# The OS keyrings, which keyring ships: Windows Credential Manager, the
# macOS Keychain, Secret Service, KWallet. Any other backend (a third-party
# file keyring named in PYTHON_KEYRING_BACKEND, say) is refused.
OS_KEYRINGS = ("keyring.backends.",)


class KeyringUnavailable(RuntimeError):
    """There is no OS keyring to keep a secret in; the message says why."""


@dataclass(frozen=True)
class Keystore:
    """The OS keyring, judged usable; ``warning`` is set for a file backend."""

    backend: KeyringBackend
    warning: str | None = None

    @property
    def name(self) -> str:
        return backend_name(self.backend)

    def get(self, name: str) -> str | None:
        """The secret kept as ``name``, or None."""
        try:
            return self.backend.get_password(SERVICE, name)
        except KeyringError as e:
            raise KeyringUnavailable(f"the OS keyring ({self.name}) cannot be read: {e}") from e

    def put(self, name: str, secret: str) -> None:
        """Keep ``secret`` as ``name``, and read it back to be sure it is kept."""
        try:
            self.backend.set_password(SERVICE, name, secret)
            kept = self.backend.get_password(SERVICE, name)
        except KeyringError as e:
            raise KeyringUnavailable(f"the OS keyring ({self.name}) cannot store: {e}") from e
        if kept != secret:
            raise KeyringUnavailable(f"the OS keyring ({self.name}) did not keep the secret")


def backend_name(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def open_keystore(environ: Mapping[str, str] = os.environ) -> Keystore:
    """The OS keyring, or :class:`KeyringUnavailable` with the reason why not."""
    try:
        backend = keyring.get_keyring()
    except (ImportError, AttributeError) as e:
        raise KeyringUnavailable(f"the configured keyring backend cannot be loaded: {e}") from e
    if isinstance(backend, chainer.ChainerBackend):
        # Writes go to the first of a chain: judge that one, and use it alone
        # so that a secret is never read from a file behind a real keyring.
        chained = backend.backends
        backend = chained[0] if chained else fail.Keyring()
    if isinstance(backend, fail.Keyring):
        raise KeyringUnavailable(
            "no OS keyring was found (on Linux: a Secret Service such as GNOME Keyring or"
            " KWallet, unlocked in this session)"
        )
    if isinstance(backend, null.Keyring):
        raise KeyringUnavailable("the OS keyring is disabled (keyring's null backend)")
    name = backend_name(backend)
    if name.startswith(FILE_BACKENDS):
        if environ.get(PLAINTEXT_OPT_IN) != "1":
            raise KeyringUnavailable(
                f"the keyring found ({name}) keeps secrets in a file; set"
                f" {PLAINTEXT_OPT_IN}=1 to accept that (test machines only)"
            )
        return Keystore(
            backend,
            warning=f"warning: {PLAINTEXT_OPT_IN}=1: secrets are kept in a file by {name},"
            " readable by anyone who can read that file",
        )
    if not name.startswith(OS_KEYRINGS):
        raise KeyringUnavailable(f"the keyring found ({name}) is not one of the OS's keyrings")
    return Keystore(backend)


def plaintext_keyring_in_use(environ: Mapping[str, str] = os.environ) -> bool:
    """The operator accepted a file keyring (a test machine's) and it is the
    one found: a signing key made or used here is not protected by the OS.
    Without the opt-in the keyring is not even looked at."""
    if environ.get(PLAINTEXT_OPT_IN) != "1":
        return False
    try:
        return open_keystore(environ).warning is not None
    except KeyringUnavailable:
        return False


class MemoryKeyring(KeyringBackend):
    """Secrets in this process's memory, gone when it ends: the bench's
    throwaway signing key, and the tests'. Never the OS keyring:
    :func:`open_keystore` refuses it."""

    priority = 0

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.secrets[(service, username)]
