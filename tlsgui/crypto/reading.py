"""Reading a key, certificate or DH file given by a person or found in a project: one function, one limit."""

from __future__ import annotations

from pathlib import Path

from tlsgui.errors import TlsguiError
from tlsgui.policy.limits import MAX_TLS_FILE
from tlsgui.safe_read import read_regular


def read_tls_file(path: Path | str, what: str = "file") -> bytes:
    """The bytes of a TLS file: a regular file under the policy's size limit, or TlsguiError in words.

    Missing files, folders, pipes, devices and oversized files are refused without reading them
    (tlsgui.safe_read); nothing is changed on disk.
    """
    path = Path(path)
    try:
        return read_regular(path, MAX_TLS_FILE, what, fix="Choose the certificate, key or DH parameters file itself "
                                                       "(these are far smaller than 1 MiB).")
    except FileNotFoundError:
        raise TlsguiError(f"The {what} does not exist.", where=str(path)) from None
