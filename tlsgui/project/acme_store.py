"""What ACME keeps in a project's .tlsgui/acme/: the account key (0600), the remembered order, the journal, a log."""

from __future__ import annotations

import datetime
import json
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import filelock

from tlsgui.errors import TlsguiError
from tlsgui.project.atomic import private_dir, write_atomic
from tlsgui.project.locate import ProjectPaths

FORMAT = 1


@dataclass
class OrderSettings:
    """What `tlsgui acme` was asked for, remembered so that `tlsgui renew` asks for the same."""

    domains: list[str]
    directory: str
    email: str = ""
    challenge: str = "http-01"  # or dns-01
    http_port: int | None = None  # None with webroot or dns-01
    webroot: bool = False
    key_type: str = "rsa"
    ca_bundle: str = ""  # absolute path of the CA bundle trusted for the directory's HTTPS
    eab_kid: str = ""  # the key id only: the HMAC key binds the account once and is never stored
    dns_server: str = ""  # resolver used for the DNS-01 pre-check (tests; default: the system's)

    @classmethod
    def from_json(cls, data: dict) -> "OrderSettings":
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)


@dataclass
class Journal:
    """An order in progress: enough to finish it after a crash, or to remove what it left behind."""

    order_uri: str = ""
    finalize_uri: str = ""
    authorizations: list[str] = field(default_factory=list)
    csr_pem: str = ""
    token_files: list[str] = field(default_factory=list)  # webroot files written, removed on any exit
    made_folders: list[str] = field(default_factory=list)  # .well-known/acme-challenge/ if tlsgui made them
    started: str = ""


class AcmeStore:
    """The files of .tlsgui/acme/, named once."""

    def __init__(self, paths: ProjectPaths) -> None:
        self.paths = paths
        self.folder = paths.state_dir / "acme"

    account_key = property(lambda self: self.folder / "account-key.pem")
    accounts = property(lambda self: self.folder / "accounts.json")
    settings_file = property(lambda self: self.folder / "order.json")
    journal_file = property(lambda self: self.folder / "journal.json")
    order_key = property(lambda self: self.folder / "order-key.pem")  # the new key until it is installed
    log_file = property(lambda self: self.folder / "renew.log")
    lock_file = property(lambda self: self.folder / "lock")

    def _read_json(self, path: Path) -> dict | None:
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise TlsguiError(f"Cannot read tlsgui's ACME state ({exc}).", where=str(path),
                              fix="Delete the file; `tlsgui acme` writes it again.") from None
        return data if isinstance(data, dict) else None

    def _write_json(self, path: Path, data: dict, mode: int = 0o600) -> None:
        write_atomic(path, (json.dumps({"format": FORMAT, **data}, indent=2) + "\n").encode(), mode=mode)

    # The account: one key per project, one account URL per CA directory.
    def read_account_key(self) -> bytes | None:
        return self.account_key.read_bytes() if self.account_key.is_file() else None

    def write_account_key(self, pem: bytes) -> None:
        write_atomic(self.account_key, pem, mode=0o600)

    def account_uri(self, directory: str) -> str:
        return str((self._read_json(self.accounts) or {}).get("accounts", {}).get(directory, ""))

    def remember_account(self, directory: str, uri: str) -> None:
        data = self._read_json(self.accounts) or {}
        accounts = dict(data.get("accounts", {}))
        accounts[directory] = uri
        self._write_json(self.accounts, {"accounts": accounts})

    # The order's settings, for renewal.
    def read_settings(self) -> OrderSettings | None:
        data = self._read_json(self.settings_file)
        return OrderSettings.from_json(data["settings"]) if data and "settings" in data else None

    def write_settings(self, settings: OrderSettings) -> None:
        self._write_json(self.settings_file, {"settings": asdict(settings)}, mode=0o644)

    # The journal of an order in progress.
    def read_journal(self) -> Journal | None:
        data = self._read_json(self.journal_file)
        if not data:
            return None
        return Journal(**{k: data[k] for k in Journal.__dataclass_fields__ if k in data})

    def write_journal(self, journal: Journal) -> None:
        self._write_json(self.journal_file, asdict(journal))

    def clear_journal(self) -> None:
        self.journal_file.unlink(missing_ok=True)
        self.order_key.unlink(missing_ok=True)

    def ensure_folder(self) -> Path:
        """.tlsgui/acme/ as a real folder of mode 0700 (it holds the account key), never a symbolic link."""
        return private_dir(self.folder, inside=self.paths.root)

    def log(self, line: str) -> None:
        """Append one line to renew.log (what a timer's run did, readable later)."""
        self.ensure_folder()
        stamp = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        with open(self.log_file, "a", encoding="utf-8") as handle:
            handle.write(f"{stamp} {line}\n")

    @contextmanager
    def locked(self):
        """One ACME run per project at a time (a timer's renew and a user's acme never interleave)."""
        made = [f for f in (self.paths.state_dir, self.folder) if not f.exists()]
        self.ensure_folder()
        lock = filelock.FileLock(str(self.lock_file), timeout=0, mode=0o600)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise TlsguiError("Another tlsgui acme or renew is running for this project.",
                              where=str(self.lock_file), fix="Wait for it to finish.") from None
        try:
            yield
        finally:
            lock.release()
            # A first run refused before anything was kept (bad input, terms not agreed) leaves no trace.
            if made and [p.name for p in self.folder.iterdir()] == ["lock"]:
                self.lock_file.unlink(missing_ok=True)
                for folder in reversed(made):
                    try:
                        folder.rmdir()
                    except OSError:
                        break
