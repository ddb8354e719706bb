"""A save acknowledged to the clerk survives the app being killed at any moment.

A child process keys birth entries through the same service the form uses,
and says "saved" only once the writer's transaction has committed. The test
kills it with SIGKILL at random moments, many times over, on the same station,
so that each child opens a database left by a killed one. Afterwards every
entry the children acknowledged must be there as it was acknowledged, and the
database, its kept counts and its audit chain must be sound.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.access.audit import verify_chain
from app.db.models import AuditRecord, Entry, EntryStatus
from app.demo.entries import MAKERS
from app.demo.people import PeopleFactory
from app.specs import BookKind
from app.station.database import open_station
from app.station.health import check_station

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="kills the child with SIGKILL, which Windows does not have"
)

ROUNDS = 20
# A failure replays with the same rounds, ways of saving and kill points
# (the kill's exact moment still depends on the machine's timing).
SEED = 20261122

# The child: keys entries one after another, mixing the ways a clerk saves.
# After each commit it prints one line: "kept <id>" when the entry has
# reached a state it will leave again (a draft, a deferral, a completion that
# is corrected next), "saved <id> <digest> <child name>" when the entry is
# completed for good. Nothing is printed before the `with` block has exited,
# that is before the commit: a line on stdout is a save acknowledged.
KEYING = textwrap.dedent(
    """
    import hashlib, json, random, sys
    from pathlib import Path
    from sqlalchemy import func, select
    from app.system.clock import SystemClock
    from app.db.models import Book, DeferralReason, Entry, User
    from app.keying.save import SaveAction, save_entry
    from app.keying.start import entry_to_edit
    from app.rules import FieldValue
    from app.station.database import open_station

    OFFICE = "UBND xã Tân Lập"
    REGISTERED = "12/03/1985"
    db = open_station(Path(sys.argv[1]))
    rng = random.Random(int(sys.argv[2]))
    people = json.loads(Path(sys.argv[3]).read_text("utf-8"))
    clock = SystemClock()

    with db.sessions.begin() as session:
        book = session.scalars(select(Book).where(Book.volume == "01")).first()
        if book is None:
            book = Book(kind="birth", office=OFFICE, volume="01", year=1985)
            session.add(book)
        user = session.scalars(select(User)).one()
    book_id, user_id = book.id, user.id

    def digest(values):
        stored = json.dumps(values, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(stored.encode("utf-8")).hexdigest()[:16]

    def save(session, values, action, entry_id=None, **kwargs):
        entry = session.get(Entry, entry_id) if entry_id is not None else None
        outcome = save_entry(
            session, book=session.get(Book, book_id), values=values,
            user=session.get(User, user_id), action=action, clock=clock, entry=entry,
            **kwargs,
        )
        assert outcome.saved, outcome.assessment.errors
        return outcome.entry

    def next_values(session):
        number = (session.scalar(
            select(func.max(Entry.number)).where(Entry.book_id == book_id)) or 0) + 1
        # In the order of the form: the number and date first.
        values = {"number": str(number), "registration_date": REGISTERED, "office": OFFICE}
        values.update(people[number - 1])
        return {key: FieldValue(value) for key, value in values.items()}

    def kept(entry_id):
        print("kept", entry_id, flush=True)

    for _ in range(len(people)):  # never outlive a test that went wrong
        flow = rng.choice(("straight", "drafted", "deferred", "corrected"))
        with db.sessions.begin() as session:
            values = next_values(session)
            if flow == "straight":
                entry = save(session, values, SaveAction.COMPLETE)
            elif flow == "drafted":  # a pause in typing, half way through
                typed = dict(list(values.items())[: rng.randrange(3, len(values))])
                entry = save(session, typed, SaveAction.DRAFT)
            elif flow == "deferred":
                reason = rng.choice(
                    (DeferralReason.NEEDS_VERIFICATION, DeferralReason.DAMAGED_PAGE))
                entry = save(session, values, SaveAction.DEFER,
                             deferral_reason=reason, deferral_note="Hỏi lại cán bộ tư pháp")
            else:  # completed with the wrong given name
                given = "Bình" if not values["child_name"].value.endswith("Bình") else "An"
                wrong = values["child_name"].value.rsplit(" ", 1)[0] + " " + given
                entry = save(session, {**values, "child_name": FieldValue(wrong)},
                             SaveAction.COMPLETE)
        entry_id = entry.id
        if flow == "straight":
            print("saved", entry_id, digest(entry.values), entry.title, flush=True)
            continue
        kept(entry_id)
        if flow == "corrected":  # the clerk retypes the name and pauses: a pending edit
            with db.sessions.begin() as session:
                save(session, values, SaveAction.DRAFT, entry_id)
            kept(entry_id)
        with db.sessions.begin() as session:
            # Reopened as the form reopens it: with its pending edit, if any.
            entry, typed = entry_to_edit(session, session.get(Entry, entry_id))
            if flow == "corrected":
                assert typed["child_name"].value == values["child_name"].value
            else:  # the clerk types the rest, or checks what was asked, then F10
                typed = values
            entry = save(session, typed, SaveAction.COMPLETE, entry_id)
        print("saved", entry_id, digest(entry.values), entry.title, flush=True)
    """
)


@dataclass
class Acknowledged:
    """What the children said they had saved, across all rounds."""

    saved: dict[int, tuple[str, str]] = field(default_factory=dict)  # id: (digest, name)
    kept: set[int] = field(default_factory=set)
    lines: int = 0

    def take(self, line: str) -> None:
        word, rest = line.split(" ", 1)
        if word == "kept":
            self.kept.add(int(rest))
        else:
            assert word == "saved", line
            entry_id, digest, name = rest.split(" ", 2)
            self.saved[int(entry_id)] = (digest, name)
        self.lines += 1


def digest(values: dict) -> str:
    """As the child computes it over the values it saved."""
    stored = json.dumps(values, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(stored.encode("utf-8")).hexdigest()[:16]


def write_people(path: Path, count: int) -> None:
    """The values of ``count`` birth entries, the n-th for entry number n.

    Made once here and read by every child: making people loads the
    reference data, which would double the start of each child.
    """
    people = PeopleFactory(random.Random(SEED))
    births = [MAKERS[BookKind.BIRTH](people, date(1985, 3, 12)) for _ in range(count)]
    path.write_text(json.dumps(births, ensure_ascii=False), "utf-8")


def key_until_killed(
    data_dir: Path, people: Path, seed: int, wait_for: int, pause: float, err: Path
) -> str:
    """Start a child keying on the station, kill it after ``wait_for``
    acknowledgements and ``pause`` seconds; all it printed before dying."""
    with (
        err.open("w") as stderr,
        subprocess.Popen(
            [sys.executable, "-c", KEYING, str(data_dir), str(seed), str(people)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            encoding="utf-8",
        ) as keying,
    ):
        # A child stuck on something would block readline for good.
        watchdog = threading.Timer(60, keying.kill)
        watchdog.start()
        try:
            printed = []
            while len(printed) < wait_for:
                line = keying.stdout.readline()
                assert line, f"the child stopped by itself:\n{err.read_text('utf-8')}"
                printed.append(line)
            # No pause kills the child on the heels of the commit it just
            # acknowledged; a pause moves the kill into the transactions after.
            time.sleep(pause)
            os.kill(keying.pid, signal.SIGKILL)
            assert keying.wait(timeout=30) == -signal.SIGKILL
            # Lines it printed before the kill were acknowledged too.
            printed.extend(keying.stdout.read().splitlines(keepends=True))
        finally:
            watchdog.cancel()
    # A line cut short was not a whole acknowledgement.
    return "".join(line for line in printed if line.endswith("\n"))


def test_every_save_acknowledged_before_a_kill_is_there_and_the_database_is_sound(
    station, tmp_path
) -> None:
    data_dir: Path = station.data_dir
    station.close()  # the children write; we look afterwards
    people = tmp_path / "people.json"
    write_people(people, 1000)
    rng = random.Random(SEED)
    acknowledged = Acknowledged()

    for round_ in range(ROUNDS):
        # A third of the kills come right after an acknowledgement, where a
        # save acknowledged before its commit would be cut short (a mutation
        # that prints inside the `with` block fails this test); the others
        # land anywhere in the next transaction or the few after it.
        printed = key_until_killed(
            data_dir,
            people,
            seed=rng.randrange(2**32),
            wait_for=rng.randint(2, 16),
            pause=rng.choice((0.0, rng.uniform(0, 0.01), rng.uniform(0, 0.1))),
            err=tmp_path / f"child-{round_}.err",
        )
        for line in printed.splitlines():
            acknowledged.take(line)

    # The last child was killed too: the check reads what it left, as
    # `sohoa check` would after a crash.
    health = check_station(data_dir)
    assert health.healthy, health.problems()

    db = open_station(data_dir)
    try:
        with db.sessions() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            entries = {
                e.id: e
                for e in session.scalars(
                    select(Entry).where(Entry.id.in_(acknowledged.saved.keys() | acknowledged.kept))
                )
            }
            assert acknowledged.kept <= entries.keys(), "a draft or deferral acknowledged is lost"
            for entry_id, (saved_digest, name) in acknowledged.saved.items():
                entry = entries.get(entry_id)
                assert entry is not None, f"entry {entry_id} was acknowledged as saved, and is lost"
                assert entry.status == EntryStatus.COMPLETED, (entry_id, entry.status)
                assert entry.title == name
                assert digest(entry.values) == saved_digest, f"entry {entry_id} changed"
            assert verify_chain(session) is None
            # Each completion left its record in the audit log, in its transaction.
            audited = set(session.scalars(select(AuditRecord.subject)))
            assert {f"entry:{entries[i].uuid}" for i in acknowledged.saved} <= audited
    finally:
        db.close()
    # Not vacuous: the kills landed among many saves, not on an idle child.
    assert len(acknowledged.saved) >= 2 * ROUNDS
