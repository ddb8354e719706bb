"""Whatever a station's key signs, verify and intake answer with a reason.

Hypothesis makes batches a hostile station (a stolen or misused key) could
sign: entries with any JSON value in any field, lines of any bytes, a wrong
count or header, tag files with bytes put in or cut out, any signed comment.
Each is verified and taken in by a SQLite and (where a server is given, as
in CI) a PostgreSQL central database. Neither may raise, neither may meet an
internal error, and both must give the same answer, word for word.

The budget is fixed and small (derandomized, a few dozen examples) so that
CI stays fast and a red build always means a change broke something.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import pytest
from batch_helpers import FixedMoment, memory_keyring_installed
from central_helpers import POSTGRES_ENV, central_database
from hostile_batches import HostileStation, entry_line, hostile_station
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from app.batch.format import BAG_INFO, BAGIT, MANIFEST, TAGMANIFEST, BatchRejected
from app.batch.verify import verify_batch
from app.centre.intake import Outcome, intake_batches

EXAMPLES = 40
TAG_FILES = (BAGIT, BAG_INFO, MANIFEST, TAGMANIFEST)
FIELDS = (
    "uuid", "version", "kind", "book", "year", "number", "registration_date", "completed_at",
    "completed_by", "updated_at", "values", "station", "extra",
)  # fmt: skip


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileStation]:
    with memory_keyring_installed():
        yield hostile_station(tmp_path_factory.mktemp("fuzz-station"))


@pytest.fixture(scope="module")
def centres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Engine]]:
    """One central database of each kind at hand, loaded by every example in turn."""
    kinds = ["sqlite"]
    if os.environ.get(POSTGRES_ENV) or os.environ.get("CI") == "true":
        kinds.append("postgresql")
    with ExitStack() as stack:
        directory = tmp_path_factory.mktemp("fuzz-centres")
        yield [stack.enter_context(central_database(kind, directory)) for kind in kinds]


# Any JSON value, and what json.dumps makes of Python's that JSON has not:
# huge and negative numbers, fractions, NaN and infinities, every character
# (lone surrogates, NUL and other controls among them), nesting.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.text(st.characters(exclude_categories=()), max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)
# How a line is written: as a station does, escaped to ASCII, or with its
# lone surrogates as the bytes no UTF-8 decoder takes.
writings = st.sampled_from(
    [{}, {"allow_nan": True, "ensure_ascii": True}, {"allow_nan": True, "ensure_ascii": False}]
)


@dataclass(frozen=True)
class EntryChange:
    """One field of an entry set to a value, or taken out."""

    path: tuple[str, ...]
    value: object
    remove: bool

    def apply(self, entry: dict[str, Any]) -> None:
        target: Any = entry
        for name in self.path[:-1]:
            if not isinstance(target, dict):
                return
            target = target.setdefault(name, {})
        if not isinstance(target, dict):
            return
        if self.remove:
            target.pop(self.path[-1], None)
        else:
            target[self.path[-1]] = self.value


entry_changes = st.builds(
    EntryChange,
    path=st.one_of(
        st.tuples(st.sampled_from(FIELDS)),
        st.tuples(st.just("book"), st.sampled_from(["office", "volume", "year", "extra"])),
        st.tuples(
            st.just("values"),
            st.sampled_from(["child_name", "number", "notes", "unknown"]),
            st.sampled_from(["v", "s", "t", "x"]),
        ),
    ),
    value=json_values,
    remove=st.booleans(),
)


@st.composite
def lines_of(draw: st.DrawFn, hostile: HostileStation) -> list[bytes]:
    lines = []
    for entry in hostile.fresh_entries(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["as written", "changed", "any bytes"]))
        if kind == "any bytes":
            lines.append(draw(st.binary(max_size=120)))
            continue
        if kind == "changed":
            for change in draw(st.lists(entry_changes, min_size=1, max_size=3)):
                change.apply(entry)
        lines.append(entry_line(entry, **draw(writings)))
    return lines


def splice(at: float, cut: int, put: bytes) -> Callable[[bytes], bytes]:
    """A change of a file: ``cut`` bytes from a point ``at`` of the way in, ``put`` there."""

    def change(data: bytes) -> bytes:
        start = int(at * len(data))
        return data[:start] + put + data[start + cut :]

    return change


tag_file_edits = st.dictionaries(
    st.sampled_from(TAG_FILES),
    st.builds(
        splice,
        st.floats(0, 1),
        st.integers(0, 8),
        st.binary(max_size=12) | st.sampled_from([b"\n", b": ", b"\xff", b"\r", b"\x00"]),
    ),
    max_size=2,
)
comments = st.none() | st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E, include_characters="\t"), max_size=80
)
headers = st.none() | st.builds(
    lambda value: lambda _: json.dumps(value, allow_nan=True).encode(),
    st.dictionaries(
        st.sampled_from(["sohoa_batch", "station", "sequence", "batch", "entries", "x"]),
        json_values,
    ),
)


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_every_signed_batch_gets_the_same_reasoned_answer_from_either_database(
    hostile, centres, tmp_path_factory, data
) -> None:
    lines = data.draw(lines_of(hostile))
    batch = hostile.batch(
        tmp_path_factory.mktemp("fuzz"),
        lines,
        count=data.draw(st.none() | st.integers(0, 5)),
        header=data.draw(headers),
        edit=data.draw(tag_file_edits),
        comment=data.draw(comments),
    )

    try:
        verify_batch(batch, hostile.trust)
    except BatchRejected as e:
        refused: str | None = str(e)
    else:
        refused = None
    answers = {
        (b.outcome, b.reason)
        for engine in centres
        for b in intake_batches(
            engine, [batch], identities=hostile.identities, trust=hostile.trust,
            clock=FixedMoment(),
        ).batches
    }  # fmt: skip

    assert len(answers) == 1, answers
    ((outcome, reason),) = answers
    assert outcome in (Outcome.LOADED, Outcome.REJECTED), reason
    if refused is not None:
        assert (outcome, reason) == (Outcome.REJECTED, refused)
    if reason is not None:
        assert reason.isprintable() and len(reason) < 500, reason
