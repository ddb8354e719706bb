"""Minisign signatures of a batch's tag manifest, readable by ``minisign -V``.

Signing and checking are py-minisign's (by minisign's own author); this
module adds what a batch needs on top: the key ID as minisign prints it, a
station's public key file, and a signature file that must be exactly as
written, untrusted comment included, since minisign does not sign that line.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

import minisign

# Pure Ed25519 ("Ed") is the key's algorithm; signatures are over the
# BLAKE2b-512 hash of the file ("ED"), minisign's default since 0.10.
KEY_ALGORITHM = b"Ed"
PREHASHED = b"ED"
PUBLIC_KEY_BYTES = 42  # algorithm, key ID, Ed25519 public key
SIGNATURE_LINE_BYTES = 74  # algorithm, key ID, signature


class SignatureError(ValueError):
    """A signature that cannot be read or does not hold; the message says which."""


@dataclass(frozen=True)
class StationPublicKey:
    """A station's minisign public key: its base64 line and the station's code."""

    station: str
    line: str

    def __post_init__(self) -> None:
        raw = _decode(self.line, PUBLIC_KEY_BYTES, "public key")
        if raw[:2] != KEY_ALGORITHM:
            raise SignatureError("not an Ed25519 minisign public key")

    @property
    def key_id(self) -> str:
        return key_id_of(_decode(self.line, PUBLIC_KEY_BYTES, "public key")[2:10])

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the key, in groups of four, to read out when comparing keys."""
        digest = hashlib.sha256(_decode(self.line, PUBLIC_KEY_BYTES, "public key")).hexdigest()
        return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4)).upper()

    def pub_file(self) -> str:
        """The key as a minisign ``.pub`` file, naming its station and giving
        its fingerprint, to read out when the centre adds it to its trust list."""
        return (
            f"untrusted comment: Sohoa station {self.station} minisign public key {self.key_id}"
            f" fingerprint {self.fingerprint}\n{self.line}\n"
        )

    def minisign_key(self) -> minisign.PublicKey:
        return minisign.PublicKey.from_base64(self.line)


def key_id_of(raw: bytes) -> str:
    """A key ID as minisign prints it: the 8 bytes read as a little-endian number."""
    return raw[::-1].hex().upper()


def new_key_pair() -> tuple[minisign.SecretKey, str]:
    """A new secret key (unencrypted: the OS keyring protects it) and its public line."""
    pair = minisign.KeyPair.generate()
    return pair.secret_key, pair.public_key.to_base64().decode("ascii")


def public_line_of(secret: minisign.SecretKey) -> str:
    return secret.get_public_key().to_base64().decode("ascii")


def _untrusted_comment(key_id: str) -> str:
    return f"Sohoa batch signature, key {key_id}"


def sign(secret: minisign.SecretKey, data: bytes, trusted_comment: str) -> bytes:
    """The ``.minisig`` file for ``data``."""
    key_id = key_id_of(_decode(public_line_of(secret), PUBLIC_KEY_BYTES, "public key")[2:10])
    signature = secret.sign(
        data,
        prehash=True,
        untrusted_comment=_untrusted_comment(key_id),
        trusted_comment=trusted_comment,
    )
    return bytes(signature) + b"\n"


def signing_key_id(signature_file: bytes) -> str:
    """The ID of the key that made ``signature_file`` (not yet checked)."""
    lines = signature_file.split(b"\n")
    if len(lines) < 2:
        raise SignatureError("the signature file is damaged: too few lines")
    raw = _decode(lines[1], SIGNATURE_LINE_BYTES, "signature")
    if raw[:2] != PREHASHED:
        raise SignatureError("the signature is not a prehashed (ED) minisign signature")
    return key_id_of(raw[2:10])


def verify(key: StationPublicKey, data: bytes, signature_file: bytes) -> str:
    """Check that ``key`` signed ``data``; return the trusted comment."""
    key_id = signing_key_id(signature_file)
    try:
        signature = minisign.Signature.from_bytes(signature_file)
    except minisign.ParseError as e:
        raise SignatureError(f"the signature file is damaged: {e}") from e
    expected = bytes(signature) + b"\n"
    if signature.untrusted_comment != _untrusted_comment(key_id) or expected != signature_file:
        raise SignatureError("the signature file was changed: it is not exactly as signed")
    try:
        key.minisign_key().verify(data, signature)
    except minisign.VerifyError as e:
        raise SignatureError(
            f"the signature of key {key.key_id} does not match the tag manifest: {e}"
        ) from e
    return signature.trusted_comment


def _decode(text: str | bytes, length: int, what: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as e:
        raise SignatureError(f"the {what} is not valid base64") from e
    if len(raw) != length:
        raise SignatureError(f"the {what} has the wrong length")
    return raw
