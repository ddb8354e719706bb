"""Checking a batch as the centre does: structure, signature, trust, bag.

Each check that fails says exactly what is wrong, in the order a person
would look: is it a whole batch, who signed it, is that station trusted,
is every file as signed. The signature covers the tag manifest, which covers
bagit.txt, bag-info.txt and the manifest, which covers the payload; every
link of that chain is checked here, every file in the one form Sohoa writes
it (app.batch.tagfiles), as ``bagit.py --validate`` would and more strictly.

Nothing on the stick is trusted to be small or to be a file: each is
checked for both before it is opened (app.batch.files), and the payload is
read once, a chunk at a time, whatever its size. Page scans (format 2) are
files of the payload like the entries' file: listed in the manifest and
Payload-Oxum, each read whole, one at a time, and checked against it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.batch.bag import sha512
from app.batch.files import (
    PayloadReader,
    batch_files,
    opened,
    printable_path,
    read_scan,
    read_tag_file,
    scan_names,
)
from app.batch.format import (
    BAG_INFO,
    BAGIT,
    MANIFEST,
    PARTIAL,
    PAYLOAD,
    SCAN_FILE,
    SCAN_MEDIA_TYPES,
    SCANS_FORMAT,
    SIGNATURE,
    TAG_FILES,
    TAGMANIFEST,
    BatchInfo,
    BatchRejected,
    SignedLabels,
    batch_name,
    parse_trusted_comment,
)
from app.batch.limits import shown
from app.batch.signature import SignatureError, StationPublicKey, signing_key_id, verify
from app.batch.tagfiles import (
    bag_info_fields,
    check_bagit_declaration,
    manifest_checksums,
    payload_oxum,
)
from app.batch.trust import TrustList

__all__ = [
    "BatchRejected",
    "OpenedBatch",
    "ScanFile",
    "VerifiedBatch",
    "open_batch",
    "read_scan_file",
    "verify_batch",
]


@dataclass(frozen=True)
class ScanFile:
    """A page scan's file in a batch, as its listing and manifest give it."""

    name: str  # data/scans/SHA256.jpg.age
    sha256: str  # of its plaintext, the page's image
    media_type: str
    size: int  # bytes of the encrypted file
    checksum: str  # SHA-512 of the encrypted file, from the manifest


@dataclass(frozen=True)
class VerifiedBatch:
    """A batch whose labels and files passed every check."""

    path: Path
    info: BatchInfo
    key: StationPublicKey
    scans: tuple[ScanFile, ...] = ()

    @property
    def scan_bytes(self) -> int:
        return sum(scan.size for scan in self.scans)


@dataclass(frozen=True)
class OpenedBatch:
    """A batch checked but for its payload's bytes, and its payload open to
    read them once: :meth:`PayloadReader.finish` ends the check."""

    verified: VerifiedBatch
    payload: PayloadReader


def verify_batch(path: Path, trust: TrustList) -> VerifiedBatch:
    """Check the batch at ``path`` against ``trust``, or raise :class:`BatchRejected`."""
    with open_batch(path, trust) as batch:
        batch.payload.finish()
        for scan in batch.verified.scans:
            read_scan_file(batch.verified, scan)
    return batch.verified


def read_scan_file(verified: VerifiedBatch, scan: ScanFile) -> bytes:
    """The encrypted page ``scan`` of ``verified``, whole and as signed; or
    :class:`BatchRejected` (within :func:`open_batch`'s block, a file that
    cannot be read is one too)."""
    return read_scan(verified.path, scan.name, scan.size, scan.checksum)


@contextmanager
def open_batch(path: Path, trust: TrustList) -> Iterator[OpenedBatch]:
    """The batch at ``path``, every check made but the payload's checksum,
    its payload open until the ``with`` block ends; or :class:`BatchRejected`.

    A file of the stick that cannot be read, here or while the payload is
    read in the block, is a :class:`BatchRejected` that names it.
    """
    try:
        verified, size, checksum = _check(path, trust)
        with opened(path / PAYLOAD, PAYLOAD) as file:
            yield OpenedBatch(verified, PayloadReader(file, size, checksum))
    except OSError as e:
        where = printable_path(e.filename) if e.filename else PAYLOAD
        raise BatchRejected(f"cannot read {where}: {e.strerror or e}") from e


def _check(path: Path, trust: TrustList) -> tuple[VerifiedBatch, int, str]:
    _check_folder(path)
    sizes = batch_files(path)
    tagmanifest = read_tag_file(path, TAGMANIFEST)
    key, labels = _check_signature(path, tagmanifest, trust)
    _check_name(path, labels)
    tags = _check_tag_files(path, tagmanifest)
    check_bagit_declaration(tags[BAGIT])
    fields = bag_info_fields(tags[BAG_INFO])
    info = BatchInfo.from_bag_info(fields)
    for label, signed, written in (
        ("station", labels.station, info.station),
        ("sequence", labels.sequence, info.sequence),
        ("batch UUID", labels.batch, info.batch),
        ("signing key", key.key_id, info.key_id),
    ):
        if signed != written:
            raise BatchRejected(f"bag-info.txt gives {label} {written}, the signature {signed}")
    scans = scan_names(sizes)
    if scans and info.format < SCANS_FORMAT:
        raise BatchRejected(
            f"a format {info.format} batch carries no page scans, but it holds {len(scans):,}"
        )
    octets, files = payload_oxum(fields)
    if files != 1 + len(scans):
        raise BatchRejected(
            f"bag-info.txt's Payload-Oxum counts {files:,} payload files, the batch holds"
            f" {1 + len(scans):,}"
        )
    total = sizes[PAYLOAD] + sum(sizes[name] for name in scans)
    if total != octets:
        what = f"{PAYLOAD} is" if not scans else "the payload's files are"
        raise BatchRejected(
            f"{what} truncated or padded: {total:,} bytes, bag-info.txt says {octets:,}"
        )
    checksums = manifest_checksums(MANIFEST, tags[MANIFEST], (PAYLOAD, *scans))
    verified = VerifiedBatch(
        path, info, key, tuple(_scan_file(name, sizes[name], checksums[name]) for name in scans)
    )
    return verified, sizes[PAYLOAD], checksums[PAYLOAD]


def _scan_file(name: str, size: int, checksum: str) -> ScanFile:
    match = SCAN_FILE.fullmatch(name)
    assert match is not None  # scan_names took it by this pattern
    return ScanFile(name, match["sha256"], SCAN_MEDIA_TYPES[match["suffix"]], size, checksum)


def _check_folder(path: Path) -> None:
    if path.name.endswith(PARTIAL):
        raise BatchRejected(
            f"{printable_path(path.name)} is an export that did not finish ({PARTIAL}):"
            " it is not a batch"
        )
    if not path.is_dir():
        raise BatchRejected(
            f"{printable_path(path)} is not a batch directory"
            + ("" if path.exists() else ": it does not exist")
        )


def _check_signature(
    path: Path, tagmanifest: bytes, trust: TrustList
) -> tuple[StationPublicKey, SignedLabels]:
    signature_file = read_tag_file(path, SIGNATURE)
    try:
        key_id = signing_key_id(signature_file)
    except SignatureError as e:
        raise BatchRejected(str(e)) from e
    key = trust.key(key_id)
    if key is None:
        raise BatchRejected(f"signed by key {key_id}, which is not in the trust list")
    try:
        comment = verify(key, tagmanifest, signature_file)
    except SignatureError as e:
        raise BatchRejected(str(e)) from e
    labels = parse_trusted_comment(comment)
    if labels.station != key.station:
        raise BatchRejected(
            f"signed by the key of station {key.station}, but the batch claims station"
            f" {labels.station}"
        )
    return key, labels


def _check_name(path: Path, labels: SignedLabels) -> None:
    """The folder is named after the batch it holds: a batch renamed is
    taken for another on the stick and in every list of what came."""
    name = Path(os.path.abspath(path)).name
    expected = batch_name(labels.station, labels.sequence)
    if name != expected:
        raise BatchRejected(
            f"the folder is named {shown(name)}, but it holds batch {labels.sequence}"
            f" of station {labels.station}, which is named {expected}"
        )


def _check_tag_files(path: Path, tagmanifest: bytes) -> dict[str, bytes]:
    """The tag files, each matching its checksum in the (signed) tag manifest."""
    listed = manifest_checksums(TAGMANIFEST, tagmanifest, TAG_FILES)
    tags = {}
    for name in TAG_FILES:
        tags[name] = read_tag_file(path, name)
        if sha512(tags[name]) != listed[name]:
            raise BatchRejected(f"{name} was changed: it does not match {TAGMANIFEST}")
    return tags
