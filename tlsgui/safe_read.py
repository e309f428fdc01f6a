"""Read a file a person named (or a project holds) safely: regular files only, size checked before reading."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tlsgui.errors import TlsguiError

# Why: a FIFO blocks a plain open() until a writer appears (a hang), /dev/zero never ends (MemoryError), and a
# sparse 2 GB file used to be read whole before "too large"; so the kind and size are known before any byte.


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _size_words(size: int) -> str:
    return f"{size // (1024 * 1024)} MiB" if size >= 1024 * 1024 else f"{size // 1024} KiB"


def read_regular(path: Path | str, limit: int, what: str = "file", *, allow_pipe: bool = False,
                 fix: str = "") -> bytes:
    """The bytes of `path`, a regular file (or a pipe when `allow_pipe`) of at most `limit` bytes.

    FileNotFoundError is passed on (callers word "missing" themselves); anything else becomes TlsguiError.
    A folder, FIFO, device or socket is refused in words without being opened for reading (a pipe is
    read only with `allow_pipe`, for `--password-file <(pass show x)`).
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise TlsguiError(f"Cannot read the {what} ({exc.strerror or exc}).", where=str(path)) from None
    pipe = stat.S_ISFIFO(info.st_mode)
    if not stat.S_ISREG(info.st_mode) and not (pipe and allow_pipe):
        kind = _kind(info.st_mode)
        words = "is a folder, not a file" if kind == "a folder" else \
            f"is {kind}, not a regular file" if kind != "not a regular file" else "is not a regular file"
        raise TlsguiError(f"The {what} {words}.", where=str(path),
                          fix=fix or "Choose the file itself (tlsgui reads regular files only).")
    if not pipe and info.st_size > limit:
        raise TlsguiError(f"The {what} is {_size_words(info.st_size)}; far larger than it can be "
                          f"(limit {_size_words(limit)}); it was not read.", where=str(path),
                          fix=fix or "Choose the right file.")
    try:
        # O_NONBLOCK: if the name was swapped for a FIFO since the stat, open() must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise TlsguiError(f"Cannot read the {what} ({exc.strerror or exc}).", where=str(path)) from None
    try:
        opened = os.fstat(fd)
        if stat.S_ISFIFO(opened.st_mode) != pipe or not (pipe or stat.S_ISREG(opened.st_mode)):
            raise TlsguiError(f"The {what} changed while it was being opened.", where=str(path),
                              fix="Try again.")
        if pipe:
            os.set_blocking(fd, True)  # a pipe is read to its end: the writer decides when that is
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(65536, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise TlsguiError(f"Cannot read the {what} ({exc.strerror or exc}).", where=str(path)) from None
    finally:
        os.close(fd)
    if total > limit:
        raise TlsguiError(f"The {what} holds more than {_size_words(limit)}; far larger than it can be; it was "
                          "not used.", where=str(path), fix=fix or "Choose the right file.")
    return b"".join(chunks)
