"""Pending private keys in `.tlsgui/pending/` (0600): kept until their certificate is installed, CA delays or not."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from tlsgui.crypto.keys import describe_key, generate_key, key_to_pem, load_private_key, same_key
from tlsgui.errors import TlsguiError
from tlsgui.project.atomic import write_atomic
from tlsgui.project.locate import ProjectPaths

KEY_SUFFIX = ".key.pem"
CSR_SUFFIX = ".csr.pem"


@dataclass(frozen=True)
class PendingKey:
    id: str  # a UTC timestamp: sorting ids sorts by age
    key_path: Path

    @property
    def csr_path(self) -> Path:
        return self.key_path.with_name(self.id + CSR_SUFFIX)

    @property
    def created(self) -> datetime:
        return datetime.strptime(self.id[:22], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=timezone.utc)

    def load(self):
        return load_private_key(self.key_path.read_bytes(), where=str(self.key_path))

    def as_json(self) -> dict:
        try:
            key = describe_key(self.load())
        except (OSError, TlsguiError) as exc:
            key = f"unreadable: {exc}"
        return {"id": self.id, "key": key, "created": self.created.isoformat(timespec="seconds"),
                "key_file": str(self.key_path),
                "csr_file": str(self.csr_path) if self.csr_path.is_file() else None}


def _ensure_dir(paths: ProjectPaths) -> Path:
    for folder in (paths.state_dir, paths.pending_dir):
        if not folder.is_dir():
            try:
                folder.mkdir(mode=0o700)
            except OSError as exc:
                raise TlsguiError(f"Cannot create the folder for pending keys ({exc.strerror}); nothing was "
                                  "written.", where=str(folder), fix="Make the project folder writable.") from None
    os.chmod(paths.pending_dir, 0o700)  # private keys live here
    return paths.pending_dir


def _new_id(paths: ProjectPaths, key) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    kind = describe_key(key).split()[0].lower()
    size = getattr(key, "key_size", 0)
    candidate = f"{stamp}-{kind}{size}"
    while (paths.pending_dir / (candidate + KEY_SUFFIX)).exists():
        candidate += "x"
    return candidate


def save_pending_key(paths: ProjectPaths, key) -> PendingKey:
    """Store `key` as a new pending key (mode 0600 from the first byte)."""
    folder = _ensure_dir(paths)
    new_id = _new_id(paths, key)
    pending = PendingKey(new_id, folder / (new_id + KEY_SUFFIX))
    write_atomic(pending.key_path, key_to_pem(key), mode=0o600)
    return pending


def create_pending_key(paths: ProjectPaths, key_type: str = "rsa", bits: int | None = None,
                       curve: str | None = None) -> PendingKey:
    """Generate a new private key and store it as pending; options are checked before anything is written."""
    return save_pending_key(paths, generate_key(key_type, bits=bits, curve=curve))


def list_pending(paths: ProjectPaths) -> list[PendingKey]:
    """Every pending key, newest first."""
    if not paths.pending_dir.is_dir():
        return []
    found = []
    for path in paths.pending_dir.glob("*" + KEY_SUFFIX):
        pending = PendingKey(path.name.removesuffix(KEY_SUFFIX), path)
        try:
            _ = pending.created  # parses the timestamp in the name
        except ValueError:
            continue  # not a name we wrote
        found.append(pending)
    return sorted(found, key=lambda p: p.id, reverse=True)


def get_pending(paths: ProjectPaths, pending_id: str | None = None) -> PendingKey:
    """The pending key `pending_id`, or the newest one; TlsguiError saying what to do when there is none."""
    pending = list_pending(paths)
    if not pending:
        raise TlsguiError("There is no pending private key in this project.", where=str(paths.pending_dir),
                          fix="Create one first with `tlsgui key PROJECT`.")
    if pending_id is None:
        return pending[0]
    for item in pending:
        if item.id == pending_id:
            return item
    raise TlsguiError(f"No pending key {pending_id!r}.", fix=f"Known: {', '.join(p.id for p in pending)}.")


def write_pending_csr(pending: PendingKey, csr_pem: bytes) -> Path:
    write_atomic(pending.csr_path, csr_pem, mode=0o644)
    return pending.csr_path


def find_pending_for(paths: ProjectPaths, public_key) -> PendingKey | None:
    """The pending key whose public key is `public_key` (a certificate's), newest first; unreadable ones skipped."""
    for pending in list_pending(paths):
        try:
            if same_key(pending.load(), public_key):
                return pending
        except (OSError, TlsguiError):
            continue
    return None


def remove_pending(pending: PendingKey) -> None:
    """Forget a pending key once its certificate is installed (key.pem then holds the same key)."""
    pending.key_path.unlink(missing_ok=True)
    pending.csr_path.unlink(missing_ok=True)
