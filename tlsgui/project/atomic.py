"""Atomic file writes: a temporary file in the same folder, flushed, fsynced and renamed over the target."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from tlsgui.errors import TlsguiError


def _read_only(path: Path) -> bool:
    # Mode bits are checked too: root may write anywhere, but a file or folder someone marked read-only
    # (no write bit for anyone) is a decision tlsgui respects.
    return not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222


def check_writable(path: Path) -> None:
    """Refuse early, with words, when `path` could not be replaced (rename would ignore a read-only file)."""
    folder = path.parent
    if path.exists() and _read_only(path):
        raise TlsguiError(
            "The file is read-only; nothing was written.", where=str(path),
            fix="Make it writable (or save elsewhere) and try again.",
        )
    probe = folder
    while not probe.exists():
        probe = probe.parent
    if _read_only(probe) or not os.access(probe, os.X_OK):
        raise TlsguiError(
            "The folder is read-only; nothing was written.", where=str(probe),
            fix="Make the folder writable and try again.",
        )


def write_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace `path` with `data` so that readers see the old file or the new one, never a mix.

    `mode` defaults to the existing file's mode (or 0644); key files pass 0600, applied before any byte
    is written so a private key is never readable by others, not even briefly.
    """
    path = Path(path)
    check_writable(path)
    if mode is None:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _words(exc, path) from None
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _words(exc, path) from None
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform (Windows), which is fine.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _words(exc: OSError, path: Path) -> TlsguiError:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return TlsguiError("Permission denied; nothing was written.", where=str(path),
                           fix="Make the file and its folder writable and try again.")
    if exc.errno == errno.ENOSPC:
        return TlsguiError("The disk is full; nothing was written.", where=str(path),
                           fix="Free some space and try again.")
    return TlsguiError(f"Could not write the file ({exc.strerror or exc}); nothing was written.",
                       where=str(path))
