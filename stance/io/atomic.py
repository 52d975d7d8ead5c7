"""One atomic write for every file the package produces.

The content goes to a temporary file beside the target, which then replaces it in one rename,
so a reader (or a crash) never meets half a table, figure or model. The finished file gets
the permissions ``open`` would have given it (``0o666`` less the process's umask), not the
private ``0o600`` of a temporary file.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


def _umask() -> int:
    # The umask can only be read by setting it; set it straight back.
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: Read once at import, so no write changes the umask while other threads run.
_UMASK = _umask()


@contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", **kwargs) -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success it replaces ``path``.

    Parameters
    ----------
    path : str or path-like
        The file to write; its folder must exist.
    mode : str
        ``"w"`` (text) or ``"wb"`` (bytes).
    **kwargs
        Passed to :func:`open` (``encoding``, ``newline``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "table.csv"
    >>> with atomic_open(target, encoding="utf-8") as fh:
    ...     _ = fh.write("a,b\\n")
    >>> target.read_text(encoding="utf-8")
    'a,b\\n'
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_open: mode {mode!r}; use 'w' or 'wb'")
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through :func:`atomic_open`."""
    with atomic_open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def write_csv_atomic(frame, path: str | os.PathLike) -> None:
    """Write a DataFrame as CSV (UTF-8, ``\\n`` line ends, no index) through :func:`atomic_open`."""
    with atomic_open(path, "w", encoding="utf-8", newline="") as fh:
        frame.to_csv(fh, index=False, lineterminator="\n")
