"""A structured status of a project's TLS files (key.pem, cert.pem, dhparams.pem, pending keys, backups)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from tlsgui.errors import TlsguiError
from tlsgui.project.backups import list_backups
from tlsgui.project.pending import list_pending


@dataclass
class FileStatus:
    path: Path
    present: bool = False
    mode: int | None = None  # permission bits, e.g. 0o600
    summary: dict = field(default_factory=dict)  # what the file holds, for display
    error: str = ""  # present but unreadable or unusable

    def as_json(self) -> dict:
        return {"path": str(self.path), "present": self.present,
                "mode": None if self.mode is None else oct(self.mode), "summary": self.summary,
                "error": self.error}


@dataclass
class FilesStatus:
    folder: Path
    key: FileStatus
    cert: FileStatus
    dhparams: FileStatus
    checks: list = field(default_factory=list)  # crypto.checks.Check for the installed certificate
    pending: list = field(default_factory=list)  # PendingKey, newest first
    backups: list = field(default_factory=list)  # Backup, newest first

    def as_json(self) -> dict:
        return {"folder": str(self.folder), "key": self.key.as_json(), "cert": self.cert.as_json(),
                "dhparams": self.dhparams.as_json(), "checks": [c.as_json() for c in self.checks],
                "pending": [p.as_json() for p in self.pending],
                "backups": [{"id": b.id, "created": b.created, "reason": b.reason,
                             "files": [str(f.original) for f in b.files]} for b in self.backups]}


def _status(path: Path) -> FileStatus:
    status = FileStatus(path, path.is_file())
    if status.present:
        status.mode = os.stat(path).st_mode & 0o777
    return status


def files_status(project) -> FilesStatus:
    """Read (never write) the TLS files of a loaded project and say what each holds."""
    from tlsgui.crypto.checks import check_certificate
    from tlsgui.crypto.dhparams import check_dhparams, inspect_dhparams
    from tlsgui.crypto.importer import order_chain, read_bundle
    from tlsgui.crypto.keys import describe_key, load_private_key
    from tlsgui.crypto.summary import certificate_summary
    from tlsgui.project.install import read_input, tls_folder

    folder = tls_folder(project)
    key, cert, dh = _status(folder / "key.pem"), _status(folder / "cert.pem"), _status(folder / "dhparams.pem")
    status = FilesStatus(folder, key, cert, dh, pending=list_pending(project.paths),
                         backups=list_backups(project.paths, also=[folder]))
    private_key = None
    if key.present:
        try:
            private_key = load_private_key(read_input(key.path), where=str(key.path))
            key.summary = {"key": describe_key(private_key)}
        except TlsguiError as exc:
            key.error = str(exc)
    if cert.present:
        try:
            chain = order_chain(read_bundle(read_input(cert.path), str(cert.path)).certificates)
            cert.summary = {**certificate_summary(chain.leaf), "chain_length": len(chain.certificates)}
            status.checks = check_certificate(chain.leaf, key=private_key,
                                              host_names=project.settings.web_host_names,
                                              missing_issuer=chain.missing_issuer)
        except TlsguiError as exc:
            cert.error = str(exc)
    if dh.present:
        try:
            data = read_input(dh.path)
            info = inspect_dhparams(data, str(dh.path))
            dh.summary = {"bits": info.bits, "group": info.group, "probable_prime": info.probable_prime,
                          "description": info.describe()}
            check_dhparams(data, str(dh.path), info)
        except TlsguiError as exc:
            dh.error = str(exc)
    return status
