"""A progress bar on stderr for batch runs: files done, documents per second, errors so far, time left.

It is drawn only when stderr is a terminal (never into a log file or a pipe) and can be switched off.
The bar is tqdm's, which spaCy already depends on: it handles terminal widths, redraw rates and time
estimates, and prints messages above the bar without tearing it.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.batch import FileResult

_FORMAT = "{desc}{percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} files [{elapsed}<{remaining}{postfix}]"


def stderr_is_terminal() -> bool:
    """Whether stderr is an interactive terminal (a progress bar elsewhere would only add noise)."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """Counts files, documents and errors of a run; draws them on stderr when it is a terminal."""

    def __init__(self, total: int, *, skipped: int = 0, enabled: bool = True) -> None:
        self.total = total
        self.skipped = skipped
        self.files = self.documents = self.errors = 0
        self.started = time.perf_counter()
        self._bar: Any = None
        if enabled and total and stderr_is_terminal():
            try:
                from tqdm import tqdm
            except ImportError:  # spaCy brings tqdm; without it, no bar
                return
            desc = f"korex ({skipped} unchanged) " if skipped else "korex "
            self._bar = tqdm(
                total=total, desc=desc, file=sys.stderr, bar_format=_FORMAT, dynamic_ncols=True, leave=False
            )

    def __enter__(self) -> Progress:
        return self

    def update(self, result: FileResult) -> None:
        """Count one finished file."""
        errors = len(result.errors)
        self.files += 1
        self.errors += errors
        self.documents += len(result.items) - errors
        if self._bar is not None:
            rate = self.documents / max(time.perf_counter() - self.started, 1e-9)
            self._bar.set_postfix_str(f"{rate:.1f} docs/s, {self.errors} errors", refresh=False)
            self._bar.update(1)

    def write(self, message: str) -> None:
        """Print a line on stderr above the bar."""
        if self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        """Remove the bar (the caller prints the summary line)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
