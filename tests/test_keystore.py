"""Secrets go to the OS keyring, or nowhere: never quietly into a file."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import keyring
import pytest
from batch_helpers import keyring_installed
from keyring.backends import fail, null
from keyring.errors import PasswordSetError
from keyrings.alt.file import PlaintextKeyring

from app.access.keystore import PLAINTEXT_OPT_IN, KeyringUnavailable, MemoryKeyring, open_keystore


@pytest.fixture
def installed():
    """Install a keyring backend for one test."""
    with ExitStack() as stack:
        yield lambda backend: stack.enter_context(keyring_installed(backend))


def test_no_keyring_at_all_is_said_plainly(installed) -> None:
    installed(fail.Keyring())

    with pytest.raises(KeyringUnavailable, match="no OS keyring was found"):
        open_keystore()


def test_a_disabled_keyring_is_refused(installed) -> None:
    installed(null.Keyring())

    with pytest.raises(KeyringUnavailable, match="disabled"):
        open_keystore()


def test_a_file_keyring_is_refused_without_the_opt_in(installed, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    installed(PlaintextKeyring())

    with pytest.raises(
        KeyringUnavailable, match=f"keeps secrets in a file; set {PLAINTEXT_OPT_IN}=1"
    ):
        open_keystore(environ={})

    assert list(tmp_path.rglob("*")) == [], "nothing was written"


def test_with_the_opt_in_a_file_keyring_works_and_warns(installed, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    installed(PlaintextKeyring())

    keystore = open_keystore(environ={PLAINTEXT_OPT_IN: "1"})
    keystore.put("station-signing-key/BP-01/X", "the secret")

    assert keystore.warning is not None and "kept in a file" in keystore.warning
    assert keystore.get("station-signing-key/BP-01/X") == "the secret"
    assert any(path.is_file() for path in Path(tmp_path).rglob("*"))


def test_an_opt_in_other_than_1_is_no_opt_in(installed, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    installed(PlaintextKeyring())

    with pytest.raises(KeyringUnavailable):
        open_keystore(environ={PLAINTEXT_OPT_IN: "yes"})


def test_a_real_keyring_is_used_without_warning(installed) -> None:
    backend = MemoryKeyring()
    installed(backend)

    keystore = open_keystore()
    keystore.put("name", "secret")

    assert keystore.warning is None
    assert backend.secrets == {("sohoa", "name"): "secret"}


class LockedKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("the collection is locked")


def test_a_keyring_that_refuses_to_store_is_said_plainly(installed) -> None:
    installed(LockedKeyring())

    with pytest.raises(KeyringUnavailable, match="cannot store: the collection is locked"):
        open_keystore().put("name", "secret")


class ThirdPartyKeyring(MemoryKeyring):
    """Stands for a keyring that is not the OS's (keyrings.cryptfile, say)."""


def test_a_keyring_that_is_not_the_oss_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(ThirdPartyKeyring, "__module__", "keyrings.cryptfile.cryptfile")
    with (
        keyring_installed(ThirdPartyKeyring()),
        pytest.raises(KeyringUnavailable, match="is not one of the OS's keyrings"),
    ):
        open_keystore()


def test_the_products_own_memory_keyring_is_no_os_keyring() -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        with pytest.raises(KeyringUnavailable, match="is not one of the OS's keyrings"):
            open_keystore()
    finally:
        keyring.set_keyring(before)
