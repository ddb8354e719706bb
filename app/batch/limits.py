"""How much of anything the centre reads from a batch, and why each limit is where it is.

A batch comes from a station the centre trusts, but a station's key can be
stolen or misused and a stick can hold anything. Every size, count and
number read from a batch is bounded before it is used, so that what is
refused is refused with a reason, in seconds, in little memory, and the
same way by a SQLite and a PostgreSQL central database.
"""

from __future__ import annotations

import re

# Entries in one batch: a station writes 10,000 at most
# (app.batch.export.BATCH_ENTRIES, which a test keeps at or below this).
MAX_ENTRIES = 10_000
# The encrypted payload. 10,000 entries of about 1.5 kB each make 15 MB:
# eight times that is no station's batch. It is read 64 kB at a time; what
# stays in memory is the entries it holds, so this bounds that memory too.
MAX_PAYLOAD_BYTES = 128 * 1024 * 1024
# One line of the payload: an entry is about 1.5 kB; the longest book's
# every field filled to the station's limits, and transcribed, is ~40 kB.
MAX_LINE_BYTES = 256 * 1024
# The station's summary line (app.batch.summary): its inventory, about 170
# bytes a book, is the bulk; a whole province has 27,548 books.
MAX_SUMMARY_BYTES = 8 * 1024 * 1024
# Rows of each list of a summary: books (more than a whole province's
# 27,548, or the 34,612 of the benchmark's campaign-sized demo station,
# which keys a province alone), days (ten years of a campaign), and the
# rows of a fortnight's tally and errors (14 days, 4 shifts, 100 clerks,
# 4 kinds, 2 outcomes is 44,800).
MAX_SUMMARY_BOOKS = 40_000
MAX_SUMMARY_DAYS = 3_660
MAX_SUMMARY_ROWS = 50_000
# bagit.txt, bag-info.txt, the manifests, the signature: a few hundred bytes.
MAX_TAG_FILE_BYTES = 64 * 1024
# Page scans one batch carries: each is the page of at least one of its
# entries, so never more than the entries.
MAX_BATCH_PAGES = MAX_ENTRIES
# One page scan's file: a page is 100 to 500 kB, a 600 dpi colour scan of a
# large register a few MB; 50 MB is no page. It is read whole, one at a time.
MAX_SCAN_BYTES = 50 * 1024 * 1024
# The manifest lists the payload and each page: about 220 bytes a line.
MAX_MANIFEST_BYTES = MAX_TAG_FILE_BYTES + MAX_BATCH_PAGES * 256
# A page's width or height in pixels: an A3 page at 1,200 dpi is 20,000.
MAX_PAGE_PIXELS = 100_000
# A value keyed in a field, or its transcription: the station's longest
# field takes 500 characters.
MAX_TEXT_CHARS = 2_000
# A whole number: each goes into an INTEGER column, of 32 bits in
# PostgreSQL (64 in SQLite), so that both take or refuse the same batch.
MAX_INTEGER = 2**31 - 1
# Digits of a JSON number read at all: MAX_INTEGER has 10.
MAX_NUMBER_DIGITS = 10
# Ranges of missing batch numbers listed per station; the count says the rest.
MAX_GAP_RANGES = 20
# A C0 or C1 control character, or half a surrogate pair: no text of a
# batch holds one (a station refuses them at the keyboard), no terminal
# shows one, and PostgreSQL takes no NUL.
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# Characters quoted from a batch in a message.
MAX_QUOTED_CHARS = 40


def quoted(text: str) -> str:
    """``text`` as a message quotes it: escaped (no control character or
    half a surrogate pair reaches a terminal), and cut short when long."""
    if len(text) > MAX_QUOTED_CHARS:
        return repr(text[:MAX_QUOTED_CHARS]) + "…"
    return repr(text)


def shown(name: str) -> str:
    """A name from a batch as a message shows it: as it is when plain and short, else quoted."""
    return name if name.isprintable() and len(name) <= MAX_QUOTED_CHARS else quoted(name)
