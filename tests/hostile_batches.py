"""Batches from a hostile station: a real station's key, signing whatever it is handed.

A stolen or misused station key makes batches that pass the signature and
the trust list; everything after that (tag files, payload, entries) must
still be refused with a reason when it is not as a station writes it.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import minisign
from batch_helpers import exporting_station
from pyrage import x25519
from sqlalchemy import select

from app.batch.age import decrypt, encrypt
from app.batch.bag import manifest_text
from app.batch.format import (
    BAG_INFO,
    BAGIT,
    BAGIT_TEXT,
    FORMAT_VERSION,
    MANIFEST,
    PAYLOAD,
    SIGNATURE,
    SUMMARY_FORMAT,
    TAGMANIFEST,
    BatchInfo,
    batch_name,
    json_line,
)
from app.batch.keys import centre_recipients, load_signing_key
from app.batch.signature import StationPublicKey, sign
from app.batch.trust import TrustList
from app.db.models import Station


@dataclass
class HostileStation:
    """A station's code, key and centre, and entries it really exported, to copy and change."""

    code: str
    office: str
    secret: minisign.SecretKey
    key: StationPublicKey
    recipients: list[str]
    identities: list[x25519.Identity]
    entries: list[dict[str, Any]]
    # The station's summary its batch carried, to copy and change.
    summary: dict[str, Any]

    @property
    def trust(self) -> TrustList:
        return TrustList.of([self.key])

    def fresh_entries(self, count: int | None = None) -> list[dict[str, Any]]:
        """Copies of its entries under new UUIDs: entries the centre has not seen."""
        chosen = self.entries[: count or len(self.entries)]
        return [{**copy.deepcopy(e), "uuid": str(uuid.uuid4())} for e in chosen]

    def batch(
        self,
        directory: Path,
        lines: list[bytes] | None = None,
        *,
        sequence: int = 1,
        count: int | None = None,
        header: Callable[[bytes], bytes] | None = None,
        plaintext: Callable[[bytes], bytes] | None = None,
        payload: bytes | None = None,
        edit: dict[str, Callable[[bytes], bytes]] | None = None,
        comment: str | None = None,
        name: str | None = None,
        summary: bytes | None = None,
        version: int = FORMAT_VERSION,
    ) -> Path:
        """A batch signed by this station's key, in ``directory``: as a station
        writes one, but for what is given: entry lines without their line
        feed, the entry count, the header line and the plaintext as changed
        by ``header`` and ``plaintext``, the summary line (format 3 on; by
        default the station's own), the whole ciphertext, tag files as
        ``edit`` changes them (the tag manifest after the others, before it
        is signed), the signed comment, the folder's name, the format."""
        edit = edit or {}
        if lines is None:
            lines = [entry_line(e) for e in self.fresh_entries()]
        info = BatchInfo(
            station=self.code,
            office=self.office,
            sequence=sequence,
            batch=str(uuid.uuid4()),
            entries=len(lines) if count is None else count,
            key_id=self.key.key_id,
            audit_head="0" * 64,
            bagging_date=date(2026, 11, 22),
            software="Sohoa test",
            format=version,
        )
        if payload is None:
            first = [(header or _same)(info.header().encode())]
            if version >= SUMMARY_FORMAT:
                own = json_line({**self.summary, "audit_head": info.audit_head}).encode()
                first.append(own if summary is None else summary)
            whole = b"".join(line + b"\n" for line in [*first, *lines])
            payload = encrypt((plaintext or _same)(whole), self.recipients)
        files = {
            BAGIT: BAGIT_TEXT.encode(),
            BAG_INFO: info.bag_info(len(payload)).encode(),
            MANIFEST: manifest_text({PAYLOAD: payload}).encode(),
        }
        files = {name: edit.get(name, _same)(data) for name, data in files.items()}
        files[TAGMANIFEST] = edit.get(TAGMANIFEST, _same)(manifest_text(files).encode())
        files[SIGNATURE] = sign(
            self.secret, files[TAGMANIFEST], info.trusted_comment() if comment is None else comment
        )
        folder = directory / (name or batch_name(self.code, sequence))
        (folder / "data").mkdir(parents=True)
        for file_name, data in {**files, PAYLOAD: payload}.items():
            (folder / file_name).write_bytes(data)
        return folder


def _same(data: bytes) -> bytes:
    return data


def entry_line(entry: dict[str, Any], **dumps: Any) -> bytes:
    """An entry's line as a station writes it, or as ``json.dumps(**dumps)`` does."""
    if not dumps:
        return json_line(entry).encode()
    return json.dumps(entry, **dumps).encode("utf-8", "surrogatepass")


def hostile_station(directory: Path, code: str | None = None) -> HostileStation:
    """A demo station's key in a hostile hand; the in-memory keyring must be installed."""
    station = exporting_station(directory, entries=12, code=code)
    written = station.export()
    assert written is not None
    _header, summary, *entries = decrypt(
        (written.path / PAYLOAD).read_bytes(), station.identities()
    ).splitlines()
    with station.db.sessions() as session:
        row = session.scalars(select(Station)).one()
        secret = load_signing_key(row, station.keystore)
        code, office, recipients = row.code, row.office, centre_recipients(row)
    return HostileStation(
        code=code,
        office=office,
        secret=secret,
        key=station.key,
        recipients=recipients,
        identities=station.identities(),
        entries=[json.loads(line) for line in entries],
        summary=json.loads(summary),
    )
