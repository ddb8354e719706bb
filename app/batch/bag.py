"""A batch as a BagIt bag (RFC 8493), written file by file, signature last.

The page scans are written before (app.batch.export, each synced and
renamed into place as it is done, so that an export cut short keeps them);
the manifest lists them as they are on the stick.

The files are written here rather than by ``bagit.make_bag``, which changes
the process's working directory (unsafe beside a window's threads), adds a
date of its own and syncs nothing. ``bagit.py --validate`` accepts the
result, and app.batch.verify checks it more strictly, as the centre does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from pathlib import Path

from app.batch.durable import sync_directory, write_file
from app.batch.format import (
    BAG_INFO,
    BAGIT,
    BAGIT_TEXT,
    DATA,
    MANIFEST,
    PAYLOAD,
    SIGNATURE,
    TAG_FILES,
    TAGMANIFEST,
    BatchInfo,
)


def sha512(data: bytes) -> str:
    return hashlib.sha512(data).hexdigest()


def manifest_text(files: dict[str, bytes]) -> str:
    """A manifest: one ``checksum  path`` line per file, as ``sha512sum`` writes them."""
    return "".join(f"{sha512(data)}  {name}\n" for name, data in files.items())


def write_bag(
    directory: Path,
    info: BatchInfo,
    payload: bytes,
    sign: Callable[[bytes], bytes],
    scans: Mapping[str, tuple[int, str]] | None = None,
) -> None:
    """Write the batch's payload and tag files into ``directory``, whose
    folder ``data`` holds its page scans already: ``scans`` gives each one's
    path, size and SHA-512, as read from the files written. ``sign`` signs
    the tag manifest, last."""
    scans = scans or {}
    write_file(directory / PAYLOAD, payload)
    sync_directory(directory / DATA)
    payload_bytes = len(payload) + sum(size for size, _ in scans.values())
    scan_lines = "".join(f"{checksum}  {name}\n" for name, (_, checksum) in sorted(scans.items()))
    tags = {
        BAGIT: BAGIT_TEXT.encode(),
        BAG_INFO: info.bag_info(payload_bytes, 1 + len(scans)).encode(),
        MANIFEST: (manifest_text({PAYLOAD: payload}) + scan_lines).encode(),
    }
    for name in TAG_FILES:
        write_file(directory / name, tags[name])
    tagmanifest = manifest_text(tags).encode()
    write_file(directory / TAGMANIFEST, tagmanifest)
    write_file(directory / SIGNATURE, sign(tagmanifest))
    sync_directory(directory)
