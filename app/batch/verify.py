"""Checking a batch as the centre does: structure, signature, trust, bag.

Each check that fails says exactly what is wrong, in the order a person
would look: is it a whole batch, who signed it, is that station trusted,
is every file as signed. The signature covers the tag manifest, which covers
bagit.txt, bag-info.txt and the manifest, which covers the payload; every
link of that chain is checked here, and ``bagit`` validates the whole bag
on top, as ``bagit.py --validate`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import bagit

from app.batch.bag import parse_manifest, sha512
from app.batch.format import (
    FILES,
    MANIFEST,
    PARTIAL,
    PAYLOAD,
    SIGNATURE,
    TAG_FILES,
    TAGMANIFEST,
    BatchInfo,
    FormatError,
    SignedLabels,
    parse_trusted_comment,
)
from app.batch.signature import SignatureError, StationPublicKey, signing_key_id, verify
from app.batch.trust import TrustList


class BatchRejected(Exception):
    """The batch is not accepted; the message is the one specific reason."""


@dataclass(frozen=True)
class VerifiedBatch:
    """A batch that passed every check; ``payload`` is the ciphertext as checked."""

    path: Path
    info: BatchInfo
    key: StationPublicKey
    payload: bytes


def verify_batch(path: Path, trust: TrustList) -> VerifiedBatch:
    """Check the batch at ``path`` against ``trust``, or raise :class:`BatchRejected`."""
    try:
        return _verify(path, trust)
    except OSError as e:
        raise BatchRejected(f"cannot read {e.filename}: {e.strerror}") from e


def _verify(path: Path, trust: TrustList) -> VerifiedBatch:
    _check_structure(path)
    tagmanifest = (path / TAGMANIFEST).read_bytes()
    key, labels = _check_signature(path, tagmanifest, trust)
    tags = _check_tag_files(path, tagmanifest)
    try:
        bag = bagit.Bag(str(path))
        info = BatchInfo.from_bag_info(bag.info)
    except (bagit.BagError, FormatError) as e:
        raise BatchRejected(str(e)) from e
    payload = _checked_payload(path, tags[MANIFEST], bag.info.get("Payload-Oxum"))
    try:
        bag.validate(processes=1)
    except bagit.BagError as e:
        raise BatchRejected(f"BagIt validation failed: {e}") from e
    for label, signed, written in (
        ("station", labels.station, info.station),
        ("sequence", labels.sequence, info.sequence),
        ("batch UUID", labels.batch, info.batch),
        ("signing key", key.key_id, info.key_id),
    ):
        if signed != written:
            raise BatchRejected(f"bag-info.txt gives {label} {written}, the signature {signed}")
    return VerifiedBatch(path, info, key, payload)


def _check_structure(path: Path) -> None:
    if path.name.endswith(PARTIAL):
        raise BatchRejected(
            f"{path.name} is an export that did not finish ({PARTIAL}): it is not a batch"
        )
    if not path.is_dir():
        raise BatchRejected(
            f"{path} is not a batch directory" + ("" if path.exists() else ": it does not exist")
        )
    found = set()
    for item in sorted(path.rglob("*")):
        name = item.relative_to(path).as_posix()
        if item.is_symlink():
            raise BatchRejected(f"unexpected link {name}")
        if item.is_dir():
            if name != "data":
                raise BatchRejected(f"unexpected directory {name}")
            continue
        if name not in FILES:
            raise BatchRejected(f"unexpected file {name}")
        found.add(name)
    for name in FILES:
        if name not in found:
            raise BatchRejected(f"missing file {name}")


def _check_signature(
    path: Path, tagmanifest: bytes, trust: TrustList
) -> tuple[StationPublicKey, SignedLabels]:
    signature_file = (path / SIGNATURE).read_bytes()
    try:
        key_id = signing_key_id(signature_file)
    except SignatureError as e:
        raise BatchRejected(str(e)) from e
    key = trust.key(key_id)
    if key is None:
        raise BatchRejected(f"signed by key {key_id}, which is not in the trust list")
    try:
        comment = verify(key, tagmanifest, signature_file)
        labels = parse_trusted_comment(comment)
    except (SignatureError, FormatError) as e:
        raise BatchRejected(str(e)) from e
    if labels.station != key.station:
        raise BatchRejected(
            f"signed by the key of station {key.station}, but the batch claims station"
            f" {labels.station}"
        )
    return key, labels


def _check_tag_files(path: Path, tagmanifest: bytes) -> dict[str, bytes]:
    """The tag files, each matching its checksum in the (signed) tag manifest."""
    listed = _manifest(tagmanifest, TAGMANIFEST)
    if sorted(listed) != sorted(TAG_FILES):
        raise BatchRejected(f"{TAGMANIFEST} does not list exactly {', '.join(TAG_FILES)}")
    tags = {}
    for name in TAG_FILES:
        tags[name] = (path / name).read_bytes()
        if sha512(tags[name]) != listed[name]:
            raise BatchRejected(f"{name} was changed: it does not match {TAGMANIFEST}")
    return tags


def _checked_payload(path: Path, manifest: bytes, oxum: object) -> bytes:
    listed = _manifest(manifest, MANIFEST)
    if list(listed) != [PAYLOAD]:
        raise BatchRejected(f"{MANIFEST} does not list exactly {PAYLOAD}")
    payload = (path / PAYLOAD).read_bytes()
    size = oxum.split(".")[0] if isinstance(oxum, str) else None
    if size != str(len(payload)):
        raise BatchRejected(
            f"{PAYLOAD} is truncated or padded: {len(payload)} bytes, bag-info.txt says {size}"
        )
    if sha512(payload) != listed[PAYLOAD]:
        raise BatchRejected(f"{PAYLOAD} was changed: it does not match {MANIFEST}")
    return payload


def _manifest(data: bytes, name: str) -> dict[str, str]:
    try:
        return parse_manifest(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise BatchRejected(f"{name} is malformed: {e}") from e
