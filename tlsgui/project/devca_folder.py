"""The development CA's folder in the user's data folder (platformdirs): create it once, load it, say where."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tlsgui.crypto.devca import DevCa, load_ca, make_ca
from tlsgui.errors import TlsguiError
from tlsgui.project.atomic import write_atomic

CA_CERT, CA_KEY = "ca.pem", "ca-key.pem"


def devca_folder() -> Path:
    """$XDG_DATA_HOME/tlsgui/devca on Linux (~/.local/share/...), ~/Library/Application Support/tlsgui/devca
    on macOS, %LOCALAPPDATA%\\tlsgui\\devca on Windows: this machine user's, never a project's."""
    from platformdirs import user_data_path

    return user_data_path("tlsgui", appauthor=False, roaming=False) / "devca"


def ca_exists(folder: Path | None = None) -> bool:
    folder = folder or devca_folder()
    return (folder / CA_CERT).exists() or (folder / CA_KEY).exists()


def create_ca(name: str | None = None, folder: Path | None = None) -> DevCa:
    """Make the CA and write it: the folder 0700, the key 0600; never replaces an existing CA."""
    folder = folder or devca_folder()
    if ca_exists(folder):
        raise TlsguiError("A development CA already exists; tlsgui never replaces it (certificates it issued "
                          "and the trust stores that hold it would stop matching).", where=str(folder),
                          fix="Use it as it is (`tlsgui devca status`), or run `tlsgui devca untrust` and move "
                              "the folder away first.")
    key, cert = make_ca(name)
    ca = DevCa(key, cert)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)  # mkdir's mode is masked by the umask; the CA key's folder must be private
    except OSError as exc:
        raise TlsguiError(f"Cannot create the development CA folder ({exc.strerror or exc}).",
                          where=str(folder), fix="Check that your data folder is writable.") from None
    # Key first: a cert without its key would look like a CA that cannot sign. If the cert write fails,
    # the key goes too, so the folder holds both files or neither.
    write_atomic(folder / CA_KEY, ca.key_pem(), mode=0o600)
    try:
        write_atomic(folder / CA_CERT, ca.cert_pem(), mode=0o644)
    except BaseException:
        (folder / CA_KEY).unlink(missing_ok=True)
        raise
    return ca


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise TlsguiError(f"The development CA's {what} is missing.", where=str(path),
                          fix="Put it back, or move the devca folder away and run `tlsgui devca create`.") from None
    except OSError as exc:
        raise TlsguiError(f"Cannot read the development CA's {what} ({exc.strerror or exc}).",
                          where=str(path)) from None


def load_devca(folder: Path | None = None) -> DevCa | None:
    """The CA of this machine user, None when there is none; TlsguiError for a damaged or foreign one."""
    folder = folder or devca_folder()
    if not ca_exists(folder):
        return None
    ca = load_ca(_read(folder / CA_CERT, "certificate"), _read(folder / CA_KEY, "key"),
                 str(folder / CA_CERT), str(folder / CA_KEY))
    return ca


def key_mode_problem(folder: Path | None = None) -> str | None:
    """Words when the CA key or its folder can be read by others (e.g. after a copy), else None."""
    folder = folder or devca_folder()
    for path, wanted in ((folder, 0o700), (folder / CA_KEY, 0o600)):
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            continue
        if os.name == "posix" and mode & 0o077:
            return f"{path} has mode {mode:04o}; others on this computer can read it (chmod {wanted:o} it)."
    return None
