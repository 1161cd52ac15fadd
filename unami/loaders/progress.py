"""Progress bars for long loads, on a terminal only; nothing at all otherwise.

tqdm takes a lock shared between processes even for a disabled bar. A forked build
killed while holding it (the fault tests SIGKILL builds at random moments) leaves that
lock taken, and the next bar in the parent waits forever. So off a terminal no tqdm
object is created.
"""

import sys
from collections.abc import Iterable

from tqdm import tqdm


class SilentProgress:
    """Stands in for a tqdm bar when stderr is not a terminal."""

    def update(self, count: int = 1) -> None:
        pass

    def set_description(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


def progress_bar(**options) -> "tqdm | SilentProgress":
    return tqdm(**options) if sys.stderr.isatty() else SilentProgress()


def progress_over(items: Iterable, **options) -> Iterable:
    return tqdm(items, **options) if sys.stderr.isatty() else items
