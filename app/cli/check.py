"""``sohoa check``: report whether the database and its schema are sound."""

from __future__ import annotations

import argparse

from app.cli.common import CommandError, Report, add_json_flag, data_dir_of
from app.station.health import check_station


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "check",
        parents=[common],
        help="check the database, its schema and migrations (changes nothing)",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> Report:
    try:
        health = check_station(data_dir_of(args))
    except FileNotFoundError as e:
        raise CommandError(f"{e}: run `sohoa init` first") from e
    problems = health.problems()
    entries = sum(health.entries_by_status.values())
    lines = [
        f"Database:   {health.database}",
        f"Integrity:  {health.integrity}; foreign keys: "
        + ("ok" if not health.foreign_key_violations else f"{health.foreign_key_violations} bad"),
        f"Migrations: revision {health.revision}, head {health.head}"
        + (", schema matches" if health.migrations_current else ""),
        f"Entries:    {entries:,} "
        + "("
        + ", ".join(f"{k} {v:,}" for k, v in sorted(health.entries_by_status.items()))
        + ")",
        f"Audit log:  {health.audit_rows:,} rows, "
        + ("chain holds" if health.audit_broken is None else health.audit_broken),
        "Healthy." if health.healthy else "NOT HEALTHY: " + "; ".join(problems),
    ]
    return Report(
        data={
            "healthy": health.healthy,
            "database": {
                "path": str(health.database),
                "integrity": health.integrity,
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
            "problems": problems,
            "reason": "; ".join(problems),
        },
        lines=lines,
        ok=health.healthy,
    )
