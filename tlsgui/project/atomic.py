"""Atomic file writes: a temporary file in the same folder, flushed, fsynced and renamed over the target."""

from __future__ import annotations

import errno
import os
import stat
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


PRIVATE_MODE = 0o700


def private_dir(folder: Path, *, inside: Path | None = None) -> Path:
    """Make `folder` (and its parents up to `inside`) a real folder of mode 0700, whatever the umask.

    A symbolic link is refused, never followed: tlsgui's state folders hold private keys, and a link (from a
    zip, or planted) would send them, and a chmod, out of the project.
    """
    folder = Path(folder)
    chain = [folder]
    if inside is not None:
        chain = []
        probe = folder
        while probe != inside and probe != probe.parent:
            chain.append(probe)
            probe = probe.parent
        chain.reverse()
    for item in chain:
        try:
            info = os.lstat(item)
        except FileNotFoundError:
            try:
                os.mkdir(item, PRIVATE_MODE)
            except FileExistsError:
                pass
            except OSError as exc:
                raise _words(exc, item) from None
            info = os.lstat(item)
        if stat.S_ISLNK(info.st_mode):
            raise TlsguiError("This folder of tlsgui's is a symbolic link; tlsgui keeps private keys only in a "
                              "real folder inside the project and does not follow it; nothing was written.",
                              where=str(item), fix="Remove the link (tlsgui creates the folder itself) and try again.")
        if not stat.S_ISDIR(info.st_mode):
            raise TlsguiError("tlsgui needs this to be a folder, but it is a file; nothing was written.",
                              where=str(item), fix="Move the file away and try again.")
        if stat.S_IMODE(info.st_mode) != PRIVATE_MODE:
            try:
                os.chmod(item, PRIVATE_MODE)  # mkdir's mode is masked by the umask (000 gave 0777)
            except OSError as exc:
                raise _words(exc, item) from None
    return folder


def check_plain_target(path: Path, what: str = "file") -> None:
    """Refuse an output path that is a symbolic link, a device, a pipe or a folder: replacing a link (or, as
    root, /dev/stdout) with a regular file is never what was meant."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _words(exc, Path(path)) from None
    if stat.S_ISLNK(info.st_mode):
        raise TlsguiError(f"The {what} is a symbolic link; tlsgui does not replace or follow it; nothing was "
                          "written.", where=str(path), fix="Give the path of a regular file (or a new one).")
    if not stat.S_ISREG(info.st_mode):
        raise TlsguiError(f"The {what} exists and is not a regular file (a device, pipe or folder); nothing was "
                          "written.", where=str(path), fix="Give the path of a regular file (or a new one).")
