"""The audit trail: every change kept with who, when, before and after, in a
chain that `sohoa check` walks and that names the first row tampered with."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from batch_helpers import exporting_station
from conftest import ADMIN_PASSWORD
from entries_factory import valid_entry
from sqlalchemy import select
from test_cli import sohoa
from work_helpers import add_book, add_user

from app.access.audit import GENESIS, chain_head, verify_chain
from app.access.login import LoginRefused, log_in
from app.batch.format import BAG_INFO
from app.db.models import AuditRecord, DeferralReason, Role
from app.keying.save import SaveAction, save_entry
from app.rules import FieldValue
from app.work import settings
from app.work.inventory import register_book
from app.work.queue import hold_book, move_book, release_book, take_book


@pytest.fixture
def audited(station, clock) -> Path:
    """An entry completed, corrected and deferred: three rows in the chain."""
    with station.sessions.begin() as session:
        an = add_user(session, "an")
        book = add_book(session)
        values = valid_entry("birth", number="1")
        entry = save_entry(
            session, book=book, values=values, user=an, action=SaveAction.COMPLETE, clock=clock
        ).entry
        save_entry(
            session, book=book, values=values | {"mother_name": FieldValue("Trần Thị Lan")},
            user=an, action=SaveAction.COMPLETE, clock=clock, entry=entry,
        )  # fmt: skip
        save_entry(
            session, book=book, values=values, user=an, action=SaveAction.DEFER, clock=clock,
            entry=entry, deferral_reason=DeferralReason.DAMAGED_PAGE,
        )  # fmt: skip
    station.close()
    return station.data_dir


def rows(data_dir: Path) -> list[tuple]:
    with sqlite3.connect(data_dir / "sohoa.sqlite3") as db:
        return db.execute("SELECT id, action, before, after FROM audit_log ORDER BY id").fetchall()


def check(data_dir: Path) -> dict:
    return json.loads(sohoa("check", "--json", data_dir=data_dir).stdout)


def tamper(data_dir: Path, *statements: str) -> None:
    """As someone with the sqlite3 tool would: the triggers go first."""
    with sqlite3.connect(data_dir / "sohoa.sqlite3") as db:
        db.execute("DROP TRIGGER audit_log_no_update")
        db.execute("DROP TRIGGER audit_log_no_delete")
        for statement in statements:
            db.execute(statement)


def test_each_change_is_kept_with_who_before_and_after(audited) -> None:
    created, corrected, deferred = rows(audited)

    assert (created[1], json.loads(created[3])["status"]) == ("entry.created", "completed")
    assert created[2] is None, "a new entry has no before"
    assert corrected[1] == "entry.changed"
    assert json.loads(corrected[2]) == {"values": {"mother_name": {"v": "Trần Thị Mai"}}}
    assert json.loads(corrected[3]) == {"values": {"mother_name": {"v": "Trần Thị Lan"}}}
    assert json.loads(deferred[3])["status"] == "deferred"
    assert json.loads(deferred[3])["deferral_reason"] == "damaged_page"
    assert check(audited)["audit"] == {"rows": 3, "broken": None}


def test_the_database_refuses_to_change_or_remove_a_row(audited) -> None:
    with sqlite3.connect(audited / "sohoa.sqlite3") as db:
        for statement in ("UPDATE audit_log SET user_id = NULL", "DELETE FROM audit_log"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                db.execute(statement)
    assert len(rows(audited)) == 3


@pytest.mark.parametrize(
    ("statements", "named"),
    [
        (
            ['UPDATE audit_log SET after = \'{"status": "completed"}\' WHERE id = 3'],
            "audit log row 3: changed since it was written",
        ),
        (["DELETE FROM audit_log WHERE id = 2"], "audit log row 2: missing: a row was removed"),
        (
            # Rows 1 and 2 swapped, each keeping its own id.
            [
                "UPDATE audit_log SET id = 100 WHERE id = 1",
                "UPDATE audit_log SET id = 1 WHERE id = 2",
                "UPDATE audit_log SET id = 2 WHERE id = 100",
            ],
            "audit log row 1: does not follow the row before it (removed or moved)",
        ),
        (
            [
                "INSERT INTO audit_log (id, at, user_id, action, subject, previous, hash)"
                " VALUES (4, '2026-11-22 03:00:00', 1, 'entry.created', 'entry:x',"
                f" '{'a' * 64}', '{'b' * 64}')"
            ],
            "audit log row 4: does not follow the row before it (removed or moved)",
        ),
    ],
    ids=["changed", "removed", "reordered", "forged"],
)
def test_sohoa_check_names_the_first_row_tampered_with(audited, statements, named) -> None:
    tamper(audited, *statements)

    result = sohoa("check", "--json", data_dir=audited)

    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["audit"]["broken"] == named
    assert f"the audit chain is broken: {named}" in result.stderr


@pytest.mark.usefixtures("memory_keyring")
def test_each_batch_carries_the_chain_head(tmp_path: Path) -> None:
    station = exporting_station(tmp_path)
    with station.db.sessions() as session:
        head_before = chain_head(session)

    written = station.export()

    info = (written.path / BAG_INFO).read_text("utf-8")
    assert f"Sohoa-Audit-Chain-Head: {head_before}\n" in info
    with station.db.sessions() as session:
        [last] = session.scalars(select(AuditRecord).order_by(AuditRecord.id.desc()).limit(1))
        assert (last.action, last.previous) == ("batch.written", head_before)
        assert verify_chain(session) is None


def test_an_empty_station_starts_the_chain(station) -> None:
    with station.sessions() as session:
        assert (chain_head(session), verify_chain(session)) == (GENESIS, None)


def test_every_login_is_kept_let_in_or_refused(station, clock) -> None:
    with pytest.raises(LoginRefused):
        log_in(station.sessions, "admin", "wrong-password", clock)
    user = log_in(station.sessions, " Admin ", ADMIN_PASSWORD, clock)

    with station.sessions() as session:
        kept = session.execute(
            select(AuditRecord.action, AuditRecord.user_id, AuditRecord.subject).order_by(
                AuditRecord.id
            )
        ).all()
    assert kept == [("login.refused", None, "user:admin"), ("login", user.id, "user:admin")]


def test_the_leads_changes_to_the_queue_books_and_settings_are_kept(station, clock) -> None:
    with station.sessions.begin() as session:
        lead = add_user(session, "lead", Role.LEAD)
        an = add_user(session, "an")
        first, second = add_book(session), add_book(session, volume="02")
        registered = register_book(
            session, lead, kind="death", office="UBND xã Tân Lập", volume="01", year=1990,
            clock=clock,
        )  # fmt: skip
        move_book(session, lead, second, -1, clock=clock)
        hold_book(session, lead, first, True, clock=clock)
        take_book(session, an, second, clock)  # the next in the queue
        release_book(session, lead, second, clock=clock)
        settings.set_quotas(session, lead, 120, 1500, clock=clock)
        settings.set_quotas(session, lead, 120, 1500, clock=clock)  # no change: no row

    with station.sessions() as session:
        kept = session.scalars(select(AuditRecord).order_by(AuditRecord.id)).all()
    assert [(r.action, r.subject) for r in kept] == [
        ("book.registered", f"book:{registered.id}"),
        ("book.moved", f"book:{second.id}"),
        ("book.held", f"book:{first.id}"),
        ("book.released", f"book:{second.id}"),
        ("setting.changed", "setting:quotas"),
    ]
    assert {r.user_id for r in kept} == {lead.id}
    assert kept[0].after["kind"] == "death"
    assert (kept[1].before, kept[1].after) == ({"place": 2}, {"place": 1})
    assert kept[3].before == {"taken_by": an.id}
    assert kept[4].before == {"value": None}
    assert kept[4].after == {"value": {"clerk_shift": 120, "team_day": 1500}}
