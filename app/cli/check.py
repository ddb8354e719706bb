"""``sohoa check``: report whether the database and its schema are sound."""

from __future__ import annotations

import argparse

from app.cli.common import CommandError, Report, add_json_flag, data_dir_of
from app.station.health import Health, check_station


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "check",
        parents=[common],
        help="check the database, its schema and migrations (changes nothing)",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run)


# Findings of the integrity check printed; the JSON carries them all.
SHOWN = 10
RESTORE = "restore it as an admin in the window: Station › Backups… (Ctrl+Shift+B)"


def run(args: argparse.Namespace) -> Report:
    try:
        health = check_station(data_dir_of(args))
    except FileNotFoundError as e:
        raise CommandError(f"{e}: run `sohoa init` first") from e
    problems = health.problems()
    lines = [f"Database:   {health.database}"]
    if health.integrity == "ok":
        lines += _sound(health)
    else:
        lines += _damaged(health)
    lines.append("Healthy." if health.healthy else "NOT HEALTHY: " + "; ".join(problems))
    backup = health.good_backup
    return Report(
        data={
            "healthy": health.healthy,
            "database": {
                "path": str(health.database),
                "readable": health.readable,
                "integrity": health.integrity,
                "integrity_findings": list(health.integrity_findings),
                "foreign_key_violations": health.foreign_key_violations,
            },
            "migrations": {
                "revision": health.revision,
                "head": health.head,
                "current": health.migrations_current,
                "schema_differences": health.schema_differences,
            },
            "entries": health.entries_by_status,
            "daily_counts_off": health.daily_counts_off,
            "book_counts_off": health.book_counts_off,
            "backlog_counts_off": health.backlog_counts_off,
            "audit": {"rows": health.audit_rows, "broken": health.audit_broken},
            "latest_good_backup": None if backup is None else str(backup.path),
            "problems": problems,
            "reason": "; ".join(problems),
        },
        lines=lines,
        ok=health.healthy,
    )


def _sound(health: Health) -> list[str]:
    entries = sum(health.entries_by_status.values())
    return [
        "Integrity:  ok; foreign keys: "
        + ("ok" if not health.foreign_key_violations else f"{health.foreign_key_violations} bad"),
        f"Migrations: revision {health.revision}, head {health.head}"
        + (", schema matches" if health.migrations_current else ""),
        f"Entries:    {entries:,} "
        + "("
        + ", ".join(f"{k} {v:,}" for k, v in sorted(health.entries_by_status.items()))
        + ")",
        f"Audit log:  {health.audit_rows:,} rows, "
        + ("chain holds" if health.audit_broken is None else health.audit_broken),
    ]


def _damaged(health: Health) -> list[str]:
    """What SQLite found, and what to restore: nothing else is read from a
    damaged file."""
    if not health.readable:
        lines = [f"Integrity:  the file cannot be read as a database ({health.integrity})"]
    else:
        findings = health.integrity_findings
        lines = [f"Integrity:  DAMAGED, {len(findings):,} finding(s) of SQLite's integrity check:"]
        lines += [f"            {finding}" for finding in findings[:SHOWN]]
        if len(findings) > SHOWN:
            lines.append(f"            … and {len(findings) - SHOWN:,} more (--json lists them)")
    backup = health.good_backup
    if backup is None:
        lines.append("Backup:     no sound backup in the station's backups folder")
    else:
        lines.append(
            f"Backup:     the latest sound one is {backup.path} "
            f"({backup.taken_at:%Y-%m-%d %H:%M}): {RESTORE}"
        )
    return lines
