"""The heap is settled once the window is open, and again at each login."""

from __future__ import annotations

import gc
import weakref

from app.system.heap import settle


class _Node:
    """An object in a cycle: only the collector frees it."""

    def __init__(self) -> None:
        self.itself = self


def test_settling_freezes_what_is_alive_and_frees_it_at_the_next_settle():
    window = _Node()  # the first user's window, open at their login
    alive = weakref.ref(window)
    try:
        settle()
        assert gc.get_freeze_count() > 0
        del window  # they log out: their window is garbage
        gc.collect()
        assert alive() is not None, "frozen: a collection does not walk it"

        settle()  # the next user logs in

        assert alive() is None
    finally:
        gc.unfreeze()
