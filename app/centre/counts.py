"""What the centre holds per station, counted without reading every entry.

The window reads these every minute and the daily report once a day, on a
province of a million and a half entries: a count over ``centre_entries``
would read them all each time. The entries held come from the ledger of
batches instead (each batch records how many of its entries were new to the
centre, and an entry is new once), and the entries completed in a span of
time from the index on ``completed_at``, which reads only that span.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, func, select

from app.centre.models import CentreEntry, ReceivedBatch


def entries_held(connection: Connection) -> dict[str, int]:
    """The entries the centre holds, per station that sent a batch."""
    return {
        station: int(count)
        for station, count in connection.execute(
            select(ReceivedBatch.station, func.sum(ReceivedBatch.new_entries)).group_by(
                ReceivedBatch.station
            )
        )
    }


def entries_completed(
    connection: Connection, since: datetime, until: datetime | None = None
) -> dict[str, int]:
    """The entries held per station whose ``completed_at`` is ``since`` or
    after, and before ``until`` if given."""
    query = (
        select(CentreEntry.station, func.count())
        .where(CentreEntry.completed_at >= since)
        .group_by(CentreEntry.station)
    )
    if until is not None:
        query = query.where(CentreEntry.completed_at < until)
    return {station: count for station, count in connection.execute(query)}
