"""A batch as a BagIt bag (RFC 8493), written file by file, signature last.

The files are written here rather than by ``bagit.make_bag``, which changes
the process's working directory (unsafe beside a window's threads), adds a
date of its own and syncs nothing. ``bagit.py --validate`` accepts the
result, and app.batch.verify checks it more strictly, as the centre does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from app.batch.durable import sync_directory, write_file
from app.batch.format import (
    BAG_INFO,
    BAGIT,
    BAGIT_TEXT,
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
    directory: Path, info: BatchInfo, payload: bytes, sign: Callable[[bytes], bytes]
) -> None:
    """Write the batch into ``directory`` (new); ``sign`` signs the tag manifest."""
    directory.mkdir()
    (directory / "data").mkdir()
    write_file(directory / PAYLOAD, payload)
    sync_directory(directory / "data")
    tags = {
        BAGIT: BAGIT_TEXT.encode(),
        BAG_INFO: info.bag_info(len(payload)).encode(),
        MANIFEST: manifest_text({PAYLOAD: payload}).encode(),
    }
    for name in TAG_FILES:
        write_file(directory / name, tags[name])
    tagmanifest = manifest_text(tags).encode()
    write_file(directory / TAGMANIFEST, tagmanifest)
    write_file(directory / SIGNATURE, sign(tagmanifest))
    sync_directory(directory)
