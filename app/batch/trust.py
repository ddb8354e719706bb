"""The centre's trust list: the public keys of the stations it accepts.

The file is the stations' public key files one after another, as
``sohoa key --public`` prints them (so ``cat *.pub > trusted-stations.txt``
makes one)::

    # Bình Phước, Đồng Phú district
    untrusted comment: Sohoa station BP-DONGPHU-01 minisign public key 9F999D0FED43D940 …
    RWRA2UPtD52ZnyU6jBUCZmr/QocAVFMCMWV3eDAB/EXMRkr1FcjBrRda

Each key line follows a comment line naming its station (``station CODE``);
lines starting with ``#`` and blank lines are skipped. The comment is
"untrusted" to minisign, but here it is the centre's own word: a batch must
claim the station its key is listed for. A station may have several keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.batch.signature import SignatureError, StationPublicKey

COMMENT = "untrusted comment:"
# The code runs to the next space or the end: a code may end in "-".
_STATION = re.compile(r"\bstation ([A-Z0-9][A-Z0-9-]{1,31})(?=\s|$)")
_KEY_ID = re.compile(r"\bpublic key ([0-9A-F]{16})\b")


class TrustListError(ValueError):
    """A trust list that cannot be read; the message names the line."""


@dataclass(frozen=True)
class TrustList:
    """Public keys by key ID."""

    keys: dict[str, StationPublicKey]

    @classmethod
    def of(cls, keys: Iterable[StationPublicKey]) -> TrustList:
        return cls({key.key_id: key for key in keys})

    def key(self, key_id: str) -> StationPublicKey | None:
        return self.keys.get(key_id)


def read_trust_list(path: Path) -> TrustList:
    """The trust list in ``path`` (format in this module's docstring)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise TrustListError(f"cannot read the trust list {path}: {e}") from e
    keys: dict[str, StationPublicKey] = {}
    comment: str | None = None
    for number, line in enumerate((line.strip() for line in lines), start=1):
        where = f"{path}, line {number}"
        if not line or line.startswith("#"):
            continue
        if line.startswith(COMMENT):
            comment = line
            continue
        station = _STATION.search(comment or "")
        if station is None:
            raise TrustListError(f"{where}: a key without a comment line naming its station")
        try:
            key = StationPublicKey(station[1], line)
        except SignatureError as e:
            raise TrustListError(f"{where}: {e}") from e
        stated = _KEY_ID.search(comment or "")
        if stated is not None and stated[1] != key.key_id:
            raise TrustListError(
                f"{where}: the comment names key {stated[1]}, the key is {key.key_id}"
            )
        if key.key_id in keys and keys[key.key_id] != key:
            raise TrustListError(f"{where}: key ID {key.key_id} is listed twice")
        keys[key.key_id] = key
        comment = None
    if not keys:
        raise TrustListError(f"the trust list {path} holds no key")
    return TrustList(keys)
