"""A demo centre: a small province of demo stations, their batches taken in.

What the centre's window and ``sohoa centre`` need to be tried on: a plan
of districts and communes of Bình Phước with targets and deadlines, and
stations that each keyed, exported and sent their batches in the way a
real one does (a station of its own on disk, real signed and encrypted
batches, the real intake). Some are ahead, some behind; one sent its last
batch ten days ago (its whole work is moved back ten days, so it is
consistent); one batch of another never arrived; one commune of the plan
has a station that never sent anything.

Every station signs with a key held in memory for the build, never in the
OS keyring (a demo that no real centre trusts); the centre's trust list
written beside it names them all, so that the batches left in
``batches/`` can be verified and taken in again with the command line.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select

from app.access.keystore import SERVICE, Keystore, MemoryKeyring
from app.batch.age import read_identities, write_identity
from app.batch.export import export_batch
from app.batch.keys import keyring_name
from app.batch.signature import StationPublicKey, new_key_pair
from app.batch.trust import TrustList
from app.centre.database import open_central
from app.centre.intake import intake_batches
from app.centre.plan import import_plan
from app.db.engine import session_factory
from app.db.models import Station
from app.demo.station import add_demo_entries, create_demo_station
from app.demo.verifications import add_demo_double_keying
from app.station.database import StationDatabase
from app.system.clock import Clock, local_today

PROVINCE = "Bình Phước"
SILENT_DAYS = 10  # one station's last batch: later than the window calls silent


@dataclass(frozen=True)
class DemoUnit:
    """A row of the demo plan, and what its station did."""

    district: str
    commune: str | None  # None: the district as a whole, its own office
    station: str | None
    target: int | None
    deadline_in_days: int | None  # from today
    batches: tuple[int, ...] = ()  # entries keyed before each batch it sent
    lost: tuple[int, ...] = ()  # batch numbers that never reached the centre
    days_ago: int = 0  # its whole work moved back by as many days
    seat: str | None = None  # a district office's own commune

    @property
    def locality(self) -> str:
        return f"{self.commune or self.seat}, {self.district}, Tỉnh {PROVINCE}"


DEMO_PLAN = (
    DemoUnit("Huyện Đồng Phú", None, None, 16000, 120),
    DemoUnit("Huyện Đồng Phú", "Xã Tân Lập", "BP-TANLAP", 6000, 90, (1800, 1400)),
    DemoUnit("Huyện Đồng Phú", "Xã Tân Hưng", "BP-TANHUNG", 5000, 45, (700, 400)),
    DemoUnit("Huyện Đồng Phú", "Thị trấn Tân Phú", "BP-TANPHU", 4000, 90, (900, 700, 800), (2,)),
    DemoUnit("Thành phố Đồng Xoài", None, None, 8000, 60),
    DemoUnit("Thành phố Đồng Xoài", "Phường Tân Bình", "BP-TANBINH", 3200, 30, (1600, 1200)),
    DemoUnit(
        "Thành phố Đồng Xoài",
        "Phường Tân Xuân",
        "BP-TANXUAN",
        4500,
        60,
        (900,),
        days_ago=SILENT_DAYS,
    ),
    DemoUnit(
        "Huyện Lộc Ninh", None, "BP-LOCNINH", 9000, 150, (1500, 900), seat="Thị trấn Lộc Ninh"
    ),
    DemoUnit("Huyện Lộc Ninh", "Xã Lộc Hòa", "BP-LOCHOA", 2500, 150),
    DemoUnit("Huyện Bù Đăng", "Thị trấn Đức Phong", "BP-DUCPHONG", 5000, 75, (1300,)),
)


@dataclass(frozen=True)
class DemoCentre:
    database: Path
    identity: Path
    trust: Path
    plan: Path
    stations: int  # that sent batches
    batches: int  # taken in
    lost: int  # left out, as lost on the way
    entries: int  # held at the centre


class _Earlier:
    """A clock ``days`` behind ``clock``: a station whose work is older."""

    def __init__(self, clock: Clock, days: int) -> None:
        self._clock, self._by = clock, timedelta(days=days)

    def now(self) -> datetime:
        return self._clock.now() - self._by

    def monotonic(self) -> float:
        return self._clock.monotonic()


def create_demo_centre(
    directory: Path, *, seed: int, clock: Clock, size: float = 1.0
) -> DemoCentre:
    """The demo province in ``directory``, which must be empty or absent;
    each station's work and each target ``size`` times the plan's."""
    if directory.exists() and any(directory.iterdir()):
        raise FileExistsError(f"{directory} is not empty: a demo centre is made in a new folder")
    directory.mkdir(parents=True, exist_ok=True)
    identity = directory / "centre-identity.txt"
    recipient = write_identity(identity)
    batches = directory / "batches"
    batches.mkdir()
    keys: list[StationPublicKey] = []
    sent: list[tuple[Path, Clock]] = []
    lost = 0
    for number, unit in enumerate(u for u in DEMO_PLAN if u.batches):
        assert unit.station is not None
        when = _Earlier(clock, unit.days_ago) if unit.days_ago else clock
        rounds = [max(1, round(entries * size)) for entries in unit.batches]
        written, key = _station_batches(
            directory / "stations" / unit.station, unit, rounds, recipient, batches,
            seed + number, when,
        )  # fmt: skip
        keys.append(key)
        for sequence, path in enumerate(written, start=1):
            if sequence in unit.lost:
                shutil.rmtree(path)
                lost += 1
            else:
                sent.append((path, when))
    trust = directory / "trusted-stations.txt"
    trust.write_text("".join(key.pub_file() for key in keys), encoding="utf-8")
    database = directory / "centre.sqlite3"
    engine = open_central(str(database))
    try:
        plan = _plan_sheet(directory / "ke-hoach.xlsx", local_today(clock), size)
        with session_factory(engine).begin() as session:
            imported = import_plan(session, plan, clock=clock, province=PROVINCE)
        if not imported.ok:
            raise RuntimeError(f"the demo plan was refused: {imported.problems[0].message('en')}")
        entries = 0
        for path, when in sent:
            report = intake_batches(
                engine, [path], identities=read_identities(identity),
                trust=TrustList.of(keys), clock=when,
            )  # fmt: skip
            if not report.ok:
                raise RuntimeError(f"a demo batch was refused: {report.batches[0].note}")
            entries += report.batches[0].new
    finally:
        engine.dispose()
    return DemoCentre(database, identity, trust, plan, len(keys), len(sent), lost, entries)


def _station_batches(
    data_dir: Path,
    unit: DemoUnit,
    rounds: list[int],
    recipient: str,
    stick: Path,
    seed: int,
    clock: Clock,
) -> tuple[list[Path], StationPublicKey]:
    """A demo station of ``unit`` that keys ``rounds`` entries, exporting a
    batch after each round."""
    assert unit.station is not None
    db = create_demo_station(
        data_dir, code=unit.station, office=f"UBND {unit.commune or unit.district}",
        locality=unit.locality, centre_recipient=recipient,
    )  # fmt: skip
    try:
        keystore, key = memory_signing_key(db)
        written = []
        for round_number, entries in enumerate(rounds):
            add_demo_entries(db, entries, seed=seed * 10 + round_number, clock=clock)
            add_demo_double_keying(db, seed=seed * 10 + round_number, clock=clock)
            batch = export_batch(
                db.sessions, stick, keystore, by=None, clock=clock, last_backup=None
            )
            if batch is None:
                raise RuntimeError(f"demo station {unit.station} had nothing to export")
            written.append(batch.path)
    finally:
        db.close()
    return written, key


def memory_signing_key(db: StationDatabase) -> tuple[Keystore, StationPublicKey]:
    """A new signing key for a demo or bench station, its secret in memory only."""
    backend = MemoryKeyring()
    secret, line = new_key_pair()
    with db.sessions.begin() as session:
        station = session.scalars(select(Station)).one()
        station.signing_key = line
        key = StationPublicKey(station.code, line)
        backend.set_password(SERVICE, keyring_name(station, key), secret.to_base64().decode())
    return Keystore(backend), key


def _plan_sheet(path: Path, today: date, size: float) -> Path:
    """The plan as a province's office writes it, to be imported as theirs is."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["KẾ HOẠCH SỐ HÓA SỔ HỘ TỊCH (bản thử của Sohoa)"])
    sheet.append([])
    sheet.append(["STT", "Huyện", "Xã", "Mã trạm", "Chỉ tiêu (mục)", "Hạn hoàn thành"])
    for number, unit in enumerate(DEMO_PLAN, start=1):
        deadline = None
        if unit.deadline_in_days is not None:
            deadline = today + timedelta(days=unit.deadline_in_days)
        sheet.append(
            [number, unit.district, unit.commune, unit.station,
             None if unit.target is None else max(1, round(unit.target * size)),
             f"{deadline:%d/%m/%Y}" if deadline else None]
        )  # fmt: skip
    workbook.save(path)
    return path
