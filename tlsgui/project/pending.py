"""Pending private keys in `.tlsgui/pending/` (0600): kept until their certificate is installed, CA delays or not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from tlsgui.crypto.keys import describe_key, generate_key, key_to_pem, load_private_key, same_key
from tlsgui.errors import TlsguiError
from tlsgui.project.atomic import private_dir
from tlsgui.project.locate import ProjectPaths
from tlsgui.project.transaction import project_lock, write_files

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
    def paths(self) -> ProjectPaths:
        return ProjectPaths(self.key_path.parents[2])  # <root>/.tlsgui/pending/<id>.key.pem

    @property
    def created(self) -> datetime:
        return datetime.strptime(self.id[:22], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=timezone.utc)

    def load(self):
        from tlsgui.policy.limits import MAX_TLS_FILE
        from tlsgui.safe_read import read_regular

        return load_private_key(read_regular(self.key_path, MAX_TLS_FILE, "pending key"), where=str(self.key_path))

    def as_json(self) -> dict:
        try:
            key = describe_key(self.load())
        except (OSError, TlsguiError) as exc:
            key = f"unreadable: {exc}"
        return {"id": self.id, "key": key, "created": self.created.isoformat(timespec="seconds"),
                "key_file": str(self.key_path),
                "csr_file": str(self.csr_path) if self.csr_path.is_file() else None}


def _ensure_dir(paths: ProjectPaths) -> Path:
    # 0700 whatever the umask, and never a symlink out of the project (D8, D14): private keys live here.
    return private_dir(paths.pending_dir, inside=paths.root)


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
    with project_lock(paths):
        folder = _ensure_dir(paths)
        new_id = _new_id(paths, key)
        pending = PendingKey(new_id, folder / (new_id + KEY_SUFFIX))
        write_files(paths, [(pending.key_path, key_to_pem(key), 0o600)])
    from tlsgui.project.gitignore import protect_keys

    protect_keys(paths)
    return pending


def create_pending_key(paths: ProjectPaths, key_type: str = "rsa", bits: int | None = None,
                       curve: str | None = None) -> PendingKey:
    """Generate a new private key and store it as pending; options are checked before anything is written."""
    return save_pending_key(paths, generate_key(key_type, bits=bits, curve=curve))


def list_pending(paths: ProjectPaths) -> list[PendingKey]:
    """Every pending key, newest first."""
    if not paths.pending_dir.is_dir() or paths.pending_dir.is_symlink() or paths.state_dir.is_symlink():
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
    write_files(pending.paths, [(pending.csr_path, csr_pem, 0o644)])
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
    with project_lock(pending.paths):
        pending.key_path.unlink(missing_ok=True)
        pending.csr_path.unlink(missing_ok=True)
