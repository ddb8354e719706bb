"""``sohoa demo-centre``: a small province whose centre shows what the
window must: stations ahead and behind, one silent, one never heard from,
a batch lost on the way; its batches taken in again by the command line."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.orm import Session

from app.centre.database import open_central
from app.centre.plan_progress import plan_progress
from app.centre.status import province_status
from app.cli import build_parser, run
from app.demo.centre import DEMO_PLAN, SILENT_DAYS, create_demo_centre
from app.system.clock import SystemClock, local_today


@pytest.fixture(scope="module")
def centre(tmp_path_factory):
    folder = tmp_path_factory.mktemp("province") / "centre"
    return create_demo_centre(folder, seed=3, clock=SystemClock(), size=0.03)


def test_the_demo_province_is_ahead_behind_silent_and_missing_a_batch(centre) -> None:
    engine = open_central(str(centre.database))
    try:
        with Session(engine) as session:
            progress = plan_progress(session, clock=SystemClock())
            status = province_status(session.connection(), local_today(SystemClock()))
    finally:
        engine.dispose()
    stations = {s.station: s for s in progress.stations}
    assert sorted(stations) == sorted(u.station for u in DEMO_PLAN if u.station)
    assert all(s.in_plan for s in stations.values())
    assert stations["BP-TANXUAN"].silent and stations["BP-TANXUAN"].days_silent == SILENT_DAYS
    assert stations["BP-LOCHOA"].silent and stations["BP-LOCHOA"].last_received is None
    assert not stations["BP-TANLAP"].silent
    assert sorted(d.district for d in progress.districts) == sorted({u.district for u in DEMO_PLAN})
    by_code = {s.station: s for s in status.stations}
    assert [(s, g.gaps.ranges) for s, g in by_code.items() if g.gaps.missing] == [
        ("BP-TANPHU", ((2, 2),))
    ]
    assert all(s.summary is not None and s.done for s in status.stations)
    assert (
        status.totals.entries
        == centre.entries
        == sum(s.progress.received for s in stations.values())
    )
    assert (centre.stations, centre.batches, centre.lost) == (7, 12, 1)


def test_its_batches_verify_with_its_trust_list_and_are_already_loaded(centre, capsys) -> None:
    batches = sorted(str(p) for p in (centre.database.parent / "batches").iterdir())
    assert len(batches) == centre.batches
    args = ["intake", *batches, "--db", str(centre.database), "--identity",
            str(centre.identity), "--trust", str(centre.trust), "--json"]  # fmt: skip
    assert run(build_parser().parse_args(args)) == 0
    outcomes = [b["outcome"] for b in json.loads(capsys.readouterr().out)["batches"]]
    assert outcomes == ["already loaded"] * centre.batches


def test_a_demo_centre_is_made_only_in_a_new_folder(centre, capsys) -> None:
    args = ["demo-centre", "--to", str(centre.database.parent)]
    assert run(build_parser().parse_args(args)) == 1
    assert "is not empty" in capsys.readouterr().err
