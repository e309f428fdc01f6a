"""Reading a key, certificate or DH file given by a person or found in a project: one function, one limit."""

from __future__ import annotations

from pathlib import Path

from tlsgui.errors import TlsguiError
from tlsgui.policy.limits import MAX_TLS_FILE


def read_tls_file(path: Path | str, what: str = "file") -> bytes:
    """The bytes of the file, refusing folders, missing and oversized files with words (nothing is changed)."""
    path = Path(path)
    if not path.exists():
        raise TlsguiError(f"The {what} does not exist.", where=str(path))
    if not path.is_file():
        raise TlsguiError(f"The {what} is a folder, not a file.", where=str(path))
    try:
        size = path.stat().st_size
        if size > MAX_TLS_FILE:
            raise TlsguiError(f"The file is {size // 1024} KiB; certificate and key files are far smaller "
                              f"(limit {MAX_TLS_FILE // (1024 * 1024)} MiB).", where=str(path),
                              fix="Choose the certificate file itself.")
        return path.read_bytes()
    except OSError as exc:
        raise TlsguiError(f"Cannot read the {what} ({exc.strerror or exc}).", where=str(path)) from None
