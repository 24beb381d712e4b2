"""Python's cyclic garbage collector held off during bulk work (issues 11 and 17).

A bulk step (a receive of 1,000 packages, the window's read of 20,000 tasks) makes hundreds of
thousands of objects that stay alive until it ends; each of them counts towards the next
collection, and every full collection walks everything alive, so the collections cost more the
further the step goes (measured: the read of 20,000 tasks 3.7 s with them, 2.1 s without; a
receive 0.5-1.5 s of 5-7 s CPU). What such a step makes and drops is freed by reference counting
as it goes; a cycle made meanwhile is collected once the collector is back.
"""

from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No automatic collections inside; the collector back as it was after (a pause inside a
    pause leaves it off until the outer one ends). The switch is the whole process's."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
