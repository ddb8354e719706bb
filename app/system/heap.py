"""Keeping Python's garbage collector out of a clerk's saves.

Once the window is open, the app holds some hundred thousand objects for
good: modules, the places of Vietnam, the ORM's mappings and statements,
Qt's wrappers. Python's full collection walks every one of them, 50 to
100 ms on a station PC, at a moment nobody chooses: a save that happened
to allocate the object that set it off took four times its usual time.
:func:`settle` moves what exists once the window is open out of the
collector's sight (``gc.freeze``); a full collection then walks only what
came after.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect what is garbage now, then freeze what is left.

    Settling again (at the next login) first gives the frozen objects back
    to the collector: the window of the user before is garbage by then.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
