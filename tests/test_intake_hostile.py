"""Intake refuses a hostile batch with its reason, the same on SQLite and PostgreSQL,
and goes on with the next; what it cannot do it says, and its exit status tells which.

The batches are signed with a real station's key (stolen, or misused): they
pass the signature and the trust list, and only what they hold can refuse
them. Each test runs on a SQLite file and on a PostgreSQL server.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import FixedMoment, memory_keyring_installed
from central_helpers import DATABASES, central_database, central_entries
from hostile_batches import HostileStation, entry_line, hostile_station
from sqlalchemy import Engine, insert

import app.centre.intake as intake_module
from app.batch.export import BATCH_ENTRIES
from app.batch.limits import MAX_ENTRIES, MAX_LINE_BYTES
from app.centre.intake import IntakeReport, IntakeResult, Outcome, SequenceGaps, intake_batches
from app.centre.models import ReceivedBatch
from app.cli import build_parser, run


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileStation]:
    with memory_keyring_installed():
        yield hostile_station(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(params=DATABASES)
def central(request, tmp_path: Path) -> Iterator[Engine]:
    with central_database(request.param, tmp_path) as engine:
        yield engine


def intake(engine: Engine, hostile: HostileStation, *paths: Path) -> IntakeReport:
    return intake_batches(
        engine, paths, identities=hostile.identities, trust=hostile.trust, clock=FixedMoment()
    )


def setting(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    """A change of one entry: the field at ``path`` (``book.office``) set to ``value``."""

    def change(entry: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = entry
        for name in parents:
            target = target[name]
        target[last] = value

    return change


def first_value(entry: dict[str, Any]) -> str:
    return next(iter(entry["values"]))


def without(name: str) -> Callable[[dict[str, Any]], None]:
    return lambda entry: entry.pop(name) and None


ALLOW_NAN = {"allow_nan": True}
ESCAPED = {"ensure_ascii": True}
RAW_SURROGATE = {"ensure_ascii": False}

# A change to the second entry of a batch, how it is written, and the
# reason a centre gives for line 4 (the header is line 1, the summary line 2).
HOSTILE_ENTRIES = {
    "version past 2³¹": (setting("version", 2**31), {}, "version 2147483648 is not a whole number"),
    "number past 2⁶³": (setting("number", 2**63), {}, "has more digits than any the format holds"),
    "a negative year": (setting("year", -1), {}, "year -1 is not a whole number from 0 to"),
    "a fraction": (setting("version", 1.5), {}, "the number '1.5' is not whole"),
    "infinity": (setting("book.year", float("inf")), ALLOW_NAN, "Infinity is not a number JSON"),
    "NaN": (setting("number", float("nan")), ALLOW_NAN, "NaN is not a number JSON allows"),
    "1e999": (setting("version", 1e999), ALLOW_NAN, "Infinity is not a number JSON allows"),
    "true for a number": (setting("version", True), {}, "version is true or false, not a whole"),
    "a UUID that is not one": (setting("uuid", "not-a-uuid"), {}, "uuid 'not-a-uuid' is not"),
    "a UUID in capitals": (
        setting("uuid", "1B4E28BA-2FA1-41D2-883F-0016D3CCA427"),
        {},
        "is not a UUID",
    ),
    "a NUL in the office": (
        setting("book.office", "UBND\x00"),
        {},
        "book.office holds a control character, U+0000",
    ),
    "an escaped lone surrogate": (
        lambda e: e["values"][first_value(e)].update(v="\ud800"),
        ESCAPED,
        "holds half a surrogate pair, U+D800",
    ),
    "a lone surrogate as bytes": (
        lambda e: e["values"][first_value(e)].update(v="\udfff"),
        RAW_SURROGATE,
        "not UTF-8 text: byte 0xed",
    ),
    "an office longer than its column": (
        setting("book.office", "x" * 201),
        {},
        "book.office is longer than 200 characters",
    ),
    "a value of 100,000 characters": (
        lambda e: e["values"][first_value(e)].update(v="x" * 100_000),
        {},
        "is longer than 2,000 characters",
    ),
    "a clerk's name longer than its column": (
        setting("completed_by", "c" * 65),
        {},
        "completed_by is longer than 64 characters",
    ),
    "a date that is not one": (
        setting("registration_date", "5/1/1994"),
        {},
        "registration_date '5/1/1994' is not a date (1962, 1962-03 or 1962-03-12)",
    ),
    "a moment without its zone": (
        setting("updated_at", "2026-11-21T14:03:19"),
        {},
        "updated_at '2026-11-21T14:03:19' is not a moment with its time zone",
    ),
    "a moment before year 1 in UTC": (
        setting("updated_at", "0001-01-01T00:00:00+05:00"),
        {},
        "is not a moment with its time zone",
    ),
    "an unknown field": (setting("note", "x"), {}, "unknown field 'note'"),
    "a claim of another station": (
        setting("station", "BP-99"),
        {},
        "the entry claims station 'BP-99', but the batch is station DEMO-01's",
    ),
    "a field a book of its kind has not": (
        lambda e: e["values"].update(shoe_size={"v": "42"}),
        {},
        "values has the field 'shoe_size', which a",
    ),
    "a value that is not v, s and t": (
        lambda e: e["values"].update({first_value(e): {"v": "x", "x": "y"}}),
        {},
        "is not an object of v, s and t",
    ),
    "a source status that is none": (
        lambda e: e["values"][first_value(e)].update(s="bogus"),
        {},
        "'bogus' is not a source status",
    ),
    "a kind of book that is none": (setting("kind", "unicorn"), {}, "kind 'unicorn' is not a"),
    "a missing version": (without("version"), {}, "version is missing"),
    "values a list 500 deep": (
        setting("values", json.loads("[" * 500 + "]" * 500)),
        {},
        "values is a list, not an object",
    ),
}


@pytest.mark.parametrize(
    ("change", "dumps", "reason"), HOSTILE_ENTRIES.values(), ids=HOSTILE_ENTRIES
)
def test_a_hostile_entry_is_refused_with_its_reason_on_either_database(
    hostile, central, tmp_path, change, dumps, reason
) -> None:
    entries = hostile.fresh_entries(3)
    change(entries[1])
    lines = [entry_line(e) for e in entries[:1]] + [entry_line(entries[1], **dumps)]
    batch = hostile.batch(tmp_path, [*lines, entry_line(entries[2])])

    report = intake(central, hostile, batch)

    refused = report.batches[0]
    assert refused.outcome is Outcome.REJECTED
    assert (refused.reason or "").startswith("payload line 4: ")
    assert reason in (refused.reason or "")
    assert central_entries(central) == {}


def raw_lines(hostile: HostileStation, *middle: bytes) -> list[bytes]:
    first, last = (entry_line(e) for e in hostile.fresh_entries(2))
    return [first, *middle, last]


@pytest.mark.parametrize(
    ("middle", "reason"),
    [
        (
            b'{"version":1,"version":2}',
            "payload line 4: 'version' is given twice: which one holds?",
        ),
        (b"[" * 100_000 + b"]" * 100_000, "payload line 4: nested too deeply to be an entry"),
        (b"x" * (MAX_LINE_BYTES + 1), "payload line 4 is longer than 262,144 bytes: no entry is"),
        (b'{"version":1e999}', "payload line 4: the number '1e999' is beyond any a database keeps"),
        (b"not json", "payload line 4: not JSON: Expecting value: line 1 column 1 (char 0)"),
        (b"[1, 2]", "payload line 4: not a JSON object"),
        (b"", "payload line 4: not JSON: Expecting value: line 1 column 1 (char 0)"),
        (b"\xff\xfe", "payload line 4: not UTF-8 text: byte 0xff at position 0"),
    ],
)
def test_a_line_that_is_no_json_object_is_refused(
    hostile, central, tmp_path, middle, reason
) -> None:
    batch = hostile.batch(tmp_path, raw_lines(hostile, middle))

    report = intake(central, hostile, batch)

    assert report.batches[0].reason == reason
    assert central_entries(central) == {}


def test_an_entry_twice_in_a_batch_is_refused(hostile, central, tmp_path) -> None:
    entry = hostile.fresh_entries(1)[0]
    batch = hostile.batch(tmp_path, [entry_line(entry), entry_line(entry)])

    report = intake(central, hostile, batch)

    assert report.batches[0].reason == f"entry {entry['uuid']} is twice in the batch (line 4)"


@pytest.mark.parametrize(
    ("header", "count", "reason"),
    [
        (
            lambda h: h.replace(b"}", b',"station_note":"x"}'),
            None,
            "the encrypted header has an unknown field 'station_note'",
        ),
        (
            lambda h: h.replace(b'"sequence":1', b'"sequence":2'),
            None,
            "the encrypted header gives sequence 2, bag-info.txt 1",
        ),
        (
            lambda h: h.replace(b'"sohoa_batch":3', b'"sohoa_batch":true'),
            None,
            "the encrypted header gives sohoa_batch true or false, bag-info.txt 3",
        ),
        (None, 3, "the payload holds 2 entries, bag-info.txt counts 3"),
        (None, 1, "the payload holds more than the 1 entries and the 0 pages the header counts"),
    ],
)
def test_a_header_or_a_count_that_does_not_hold_is_refused(
    hostile, central, tmp_path, header, count, reason
) -> None:
    lines = [entry_line(e) for e in hostile.fresh_entries(2)]
    batch = hostile.batch(tmp_path, lines, count=count, header=header)

    report = intake(central, hostile, batch)

    assert report.batches[0].reason == reason


def test_a_payload_cut_inside_a_line_is_refused(hostile, central, tmp_path) -> None:
    batch = hostile.batch(tmp_path, plaintext=lambda whole: whole[:-1])

    report = intake(central, hostile, batch)

    assert report.batches[0].reason == "the payload does not end with a whole line"


def test_a_hostile_batch_among_good_ones_is_refused_alone(hostile, central, tmp_path) -> None:
    good = [hostile.batch(tmp_path / str(n), sequence=n) for n in (1, 3)]
    entries = hostile.fresh_entries(2)
    entries[0]["version"] = 2**40
    bad = hostile.batch(tmp_path / "2", [entry_line(e) for e in entries], sequence=2)

    report = intake(central, hostile, good[0], bad, good[1])

    assert [b.outcome for b in report.batches] == [
        Outcome.LOADED, Outcome.REJECTED, Outcome.LOADED
    ]  # fmt: skip
    assert report.result is IntakeResult.SOME_REJECTED
    assert len(central_entries(central)) == 2 * len(hostile.entries)
    assert report.gaps == {"DEMO-01": SequenceGaps(((2, 2),), missing=1)}


def test_a_batch_numbered_two_billion_leaves_one_run_missing(hostile, central, tmp_path) -> None:
    batch = hostile.batch(tmp_path, sequence=2_000_000_000)

    report = intake(central, hostile, batch)

    assert report.batches[0].outcome is Outcome.LOADED
    assert report.gaps == {"DEMO-01": SequenceGaps(((1, 1_999_999_999),), missing=1_999_999_999)}


def test_the_gap_report_lists_the_first_runs_and_counts_the_rest(central) -> None:
    received = [
        {
            "uuid": f"00000000-0000-4000-8000-{n:012d}",
            "station": "BP-01",
            "sequence": n,
            "entry_count": 1,
            "signing_key_id": "0" * 16,
            "bagging_date": date(2026, 11, 22),
            "received_at": datetime(2026, 11, 22, tzinfo=UTC),
            "source": "stick",
            "new_entries": 1,
            "updated_entries": 0,
            "unchanged_entries": 0,
            "older_entries": 0,
        }
        for n in range(1, 100, 2)
    ]
    with central.begin() as connection:
        connection.execute(insert(ReceivedBatch), received)
        gaps = intake_module.sequence_gaps(connection, "BP-01")

    assert gaps.ranges == tuple((n, n) for n in range(2, 41, 2))
    assert (gaps.more_ranges, gaps.missing) == (29, 49)


def test_an_internal_error_in_one_batch_stops_no_other(
    hostile, central, tmp_path, monkeypatch, caplog
) -> None:
    batches = [hostile.batch(tmp_path / str(n), sequence=n) for n in (1, 2)]
    load = intake_module._load
    calls = []

    def load_failing_once(*args: Any) -> None:
        calls.append(args)
        if len(calls) == 1:
            raise RuntimeError("a bug of Sohoa's")
        load(*args)

    monkeypatch.setattr(intake_module, "_load", load_failing_once)

    with caplog.at_level(logging.ERROR, logger="app.centre.intake"):
        report = intake(central, hostile, *batches)

    assert [b.outcome for b in report.batches] == [Outcome.INTERNAL_ERROR, Outcome.LOADED]
    assert report.batches[0].reason == (
        "internal error (RuntimeError: a bug of Sohoa's): nothing was kept; the log has the details"
    )
    assert report.result is IntakeResult.INTERNAL_ERROR
    assert len(central_entries(central)) == len(hostile.entries)
    assert "RuntimeError: a bug of Sohoa's" in caplog.text  # the traceback, in the log


def test_export_never_writes_a_batch_the_centre_would_refuse_as_too_large() -> None:
    assert BATCH_ENTRIES <= MAX_ENTRIES


# The command line: its exit status and its --json say which of the three.


@pytest.fixture
def centre_files(hostile: HostileStation, tmp_path: Path) -> list[str]:
    trust = tmp_path / "trust.txt"
    trust.write_text(hostile.key.pub_file())
    identity = tmp_path / "identity.txt"
    identity.write_text("".join(f"{i}\n" for i in hostile.identities))
    database = tmp_path / "centre.sqlite3"
    return ["--db", str(database), "--identity", str(identity), "--trust", str(trust)]


def sohoa(*args: str | Path) -> int:
    return run(build_parser().parse_args([str(a) for a in args]))


@pytest.mark.parametrize(
    ("bad", "status", "result"),
    [
        (None, 0, "all loaded"),
        ("refused", 1, "some rejected"),
        ("internal error", 2, "internal error"),
    ],
)
def test_the_exit_status_tells_all_loaded_some_rejected_and_internal_error_apart(
    hostile, tmp_path, centre_files, monkeypatch, capsys, bad, status, result
) -> None:
    first = hostile.batch(tmp_path / "1", sequence=1)
    second = hostile.batch(tmp_path / "2", sequence=2)
    if bad == "refused":
        (second / "bag-info.txt").write_text("changed\n")
    if bad == "internal error":
        monkeypatch.setattr(intake_module, "payload_rows", _failing)

    status_given = sohoa("intake", first, second, *centre_files, "--json")

    captured = capsys.readouterr()
    shown = json.loads(captured.out)
    assert (status_given, shown["result"]) == (status, result)
    assert "Traceback" not in captured.err
    assert captured.err.count("\n") == (0 if status == 0 else 1)


def _failing(*args: object) -> list[dict[str, object]]:
    raise KeyError("a bug of Sohoa's")


def test_verify_tells_an_internal_error_from_a_refusal(
    hostile, tmp_path, centre_files, monkeypatch, capsys
) -> None:
    batch = hostile.batch(tmp_path)
    trust = centre_files[centre_files.index("--trust") + 1]
    monkeypatch.setattr("app.cli.verify.verify_batch", _failing)

    status = sohoa("verify", batch, "--trust", trust, "--json")

    captured = capsys.readouterr()
    assert status == 2
    assert json.loads(captured.out)["result"] == "internal error"
    assert captured.err == "sohoa verify: internal error (KeyError): the log has the details\n"


def test_the_gap_line_stays_short_however_many_are_missing(
    hostile, tmp_path, centre_files, capsys
) -> None:
    batch = hostile.batch(tmp_path, sequence=1_000_000)

    status = sohoa("intake", batch, *centre_files)

    out = capsys.readouterr().out
    assert status == 0
    assert out.splitlines()[-1] == (
        "Station DEMO-01: batch(es) 1–999,999 not received yet (999,999 in all)."
    )
