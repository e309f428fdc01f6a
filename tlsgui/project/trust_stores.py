"""This computer's trust stores for the development CA: the browsers' NSS database, the system store, macOS, Windows."""

# Each store answers `holds`, `add` and `remove`; a change to several stores is all-or-nothing (`trust` and
# `untrust` undo the stores already changed when a later one fails). The test suite exercises the NSS
# database and Debian's update-ca-certificates (on temporary folders); the macOS and Windows stores are
# written from Apple's and Microsoft's documentation and are untested here.

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tlsgui.crypto.devca import DevCa
from tlsgui.errors import TlsguiError

TIMEOUT = 60  # seconds; certutil waits about 2 s on a locked database before it gives up
NSS_PACKAGE = "libnss3-tools"


class TrustStore(Protocol):
    """What `trust`, `untrust` and `status` need of a store."""

    label: str

    @property
    def where(self) -> str: ...

    def holds(self, ca: DevCa) -> bool: ...

    def add(self, ca: DevCa) -> None: ...

    def remove(self, ca: DevCa) -> None: ...


def nickname(ca: DevCa) -> str:
    """The CA's name in a store: its common name plus the start of its fingerprint, so two CAs never clash."""
    return f"{ca.name} [{ca.fingerprint.replace(':', '')[:12]}]"


def default_nss_db() -> Path:
    """Chrome's and Chromium's NSS database on Linux (and other NSS programs that follow the shared-DB rule)."""
    return Path.home() / ".pki" / "nssdb"


def _run(argv: list[str], *, input: bytes | None = None) -> subprocess.CompletedProcess:
    try:
        # A new session has no controlling terminal, so certutil can never stop to ask for a password on
        # /dev/tty (invisible from the window, a hang in a script): it fails, and the failure has words.
        return subprocess.run(argv, input=input, stdin=None if input is not None else subprocess.DEVNULL,
                              capture_output=True, timeout=TIMEOUT, start_new_session=True)
    except subprocess.TimeoutExpired:
        raise TlsguiError(f"{argv[0]} did not finish within {TIMEOUT} s.", where=" ".join(argv[:3]),
                          fix="Close the programs that use this trust store and try again.") from None
    except OSError as exc:
        raise TlsguiError(f"Cannot run {argv[0]} ({exc.strerror or exc}).") from None


def _words(done: subprocess.CompletedProcess) -> str:
    text = (done.stderr or done.stdout or b"").decode(errors="replace").strip()
    return " ".join(text.split())[:400] or f"exit code {done.returncode}"


@dataclass
class NssDb:
    """An NSS certificate database (cert9.db) changed with NSS's own `certutil`."""

    folder: Path
    label = "NSS database"

    @property
    def where(self) -> str:
        return str(self.folder)

    @property
    def spec(self) -> str:
        return f"sql:{self.folder}"

    def certutil(self) -> str:
        found = shutil.which("certutil")
        if not found or (sys.platform == "win32" and "nss" not in found.lower()):
            raise TlsguiError("NSS's certutil is not installed, so the browsers' NSS database cannot be changed.",
                              where=self.where, fix=f"Install the package {NSS_PACKAGE} (Debian/Ubuntu: "
                                                    f"sudo apt-get install {NSS_PACKAGE}; Fedora: nss-tools), "
                                                    "then try again.")
        return found

    def exists(self) -> bool:
        return (self.folder / "cert9.db").is_file()

    def _trust_flags(self, nick: str) -> str | None:
        """The trust attributes ("C,,", ",,") of the certificate called `nick`, None when there is none."""
        done = _run([self.certutil(), "-L", "-d", self.spec])
        if done.returncode != 0:
            raise self._fail(done, "looked up")
        for line in done.stdout.decode(errors="replace").splitlines():
            name, _, flags = line.rstrip().rpartition(" ")
            if name.strip() == nick:
                return flags
        return None

    def holds(self, ca: DevCa) -> bool:
        """The CA is there, trusted for TLS servers ("C" in the SSL column), and is this very certificate."""
        if not self.exists():
            return False
        flags = self._trust_flags(nickname(ca))
        if flags is None or "C" not in flags.split(",")[0]:
            return False
        done = _run([self.certutil(), "-L", "-d", self.spec, "-n", nickname(ca), "-a"])
        if done.returncode != 0:
            raise self._fail(done, "looked up")
        return ca.cert_pem().strip() in done.stdout.replace(b"\r\n", b"\n")

    def _fail(self, done: subprocess.CompletedProcess, doing: str) -> TlsguiError:
        words = _words(done)
        if "SEC_ERROR_BAD_PASSWORD" in words or "could not authenticate" in words:
            return TlsguiError(f"The NSS database is protected by a password, which tlsgui does not ask for, so "
                               f"the CA could not be {doing}.", where=self.where,
                               fix="Add it yourself (certutil asks for the password): certutil -A -d "
                                   f"sql:{self.folder} -t C,, -n \"tlsgui development CA\" -i CA.pem, with "
                                   "CA.pem from `tlsgui devca status`.")
        if "SEC_ERROR_READ_ONLY" in words or "read-only" in words:
            return TlsguiError(f"The NSS database is read-only, so the CA could not be {doing}.", where=self.where,
                               fix="Make the folder and its cert9.db writable for you, or choose another with "
                                   "--nss-db DIR.")
        if "PKCS11_GENERAL_ERROR" in words or "locked" in words or "BAD_DATABASE" in words:
            return TlsguiError(f"The NSS database is locked or damaged, so the CA could not be {doing} "
                               f"(certutil: {words}).", where=self.where,
                               fix="Close the browsers that use it (Chrome, Chromium, Firefox) and try again.")
        return TlsguiError(f"certutil could not change the NSS database ({words}).", where=self.where)

    def create(self) -> None:
        """A new empty database (no password), as Chrome makes on first start."""
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise TlsguiError(f"Cannot create the NSS database folder ({exc.strerror or exc}).",
                              where=self.where) from None
        done = _run([self.certutil(), "-N", "-d", self.spec, "--empty-password"])
        if done.returncode != 0:
            raise self._fail(done, "added (the database could not be created)")

    def add(self, ca: DevCa) -> None:
        # Trust "C,,": a CA trusted to issue TLS server certificates, and nothing else (no e-mail, no code).
        done = _run([self.certutil(), "-A", "-d", self.spec, "-n", nickname(ca), "-t", "C,,"], input=ca.cert_pem())
        if done.returncode != 0:
            error = self._fail(done, "added")
            # certutil can store the certificate and then fail to set its trust (a password-protected
            # database): take the certificate out again, so the database is as it was.
            try:
                if self._trust_flags(nickname(ca)) is not None:
                    self.remove(ca)
            except TlsguiError as again:
                error.message += f" The certificate may be left in it untrusted ({again})."
                error.args = (error.message,)
            raise error

    def remove(self, ca: DevCa) -> None:
        done = _run([self.certutil(), "-D", "-d", self.spec, "-n", nickname(ca)])
        if done.returncode != 0:
            raise self._fail(done, "removed")

    def others(self) -> list[str]:
        """Nicknames of other tlsgui development CAs in this database (e.g. from a CA that was moved away)."""
        if not self.exists():
            return []
        done = _run([self.certutil(), "-L", "-d", self.spec])
        lines = done.stdout.decode(errors="replace").splitlines() if done.returncode == 0 else []
        return [line.rsplit(None, 1)[0].strip() for line in lines if line.startswith("tlsgui development CA")]


# Where Debian/Ubuntu and Fedora/RHEL keep local CA certificates, and the command that rebuilds the bundle.
SYSTEM_STORES = ((Path("/usr/local/share/ca-certificates"), ["update-ca-certificates"]),
                 (Path("/etc/pki/ca-trust/source/anchors"), ["update-ca-trust", "extract"]))


@dataclass
class SystemStore:
    """The Linux system store (OpenSSL, curl, Python): a root-owned folder plus a rebuild command."""

    folder: Path
    rebuild: list[str]
    label = "system store"

    @classmethod
    def find(cls) -> "SystemStore | None":
        for folder, command in SYSTEM_STORES:
            if folder.is_dir() and shutil.which(command[0]):
                return cls(folder, command)
        return None

    @property
    def where(self) -> str:
        return str(self.folder)

    def file(self, ca: DevCa) -> Path:
        return self.folder / f"tlsgui-devca-{ca.fingerprint.replace(':', '')[:12].lower()}.crt"

    def holds(self, ca: DevCa) -> bool:
        try:
            return self.file(ca).read_bytes() == ca.cert_pem()
        except OSError:
            return False

    def writable(self) -> bool:
        return os.access(self.folder, os.W_OK)

    def _rebuild(self) -> None:
        done = _run(self.rebuild)
        if done.returncode != 0:
            raise TlsguiError(f"{self.rebuild[0]} failed ({_words(done)}).", where=self.where)

    def add(self, ca: DevCa) -> None:
        from tlsgui.project.atomic import write_atomic

        write_atomic(self.file(ca), ca.cert_pem(), mode=0o644)
        try:
            self._rebuild()
        except TlsguiError:
            self.file(ca).unlink(missing_ok=True)
            raise

    def remove(self, ca: DevCa) -> None:
        self.file(ca).unlink(missing_ok=True)
        self._rebuild()


@dataclass
class MacKeychain:
    """The login keychain, trusted for SSL by `security add-trusted-cert` (UNTESTED here: no macOS runner)."""

    pem_file: Path
    label = "macOS login keychain"

    @property
    def where(self) -> str:
        return str(Path.home() / "Library" / "Keychains" / "login.keychain-db")

    def holds(self, ca: DevCa) -> bool:
        done = _run(["security", "find-certificate", "-a", "-Z", "-c", ca.name, self.where])
        return done.returncode == 0 and ca.sha1.encode() in done.stdout.upper()

    def add(self, ca: DevCa) -> None:
        # macOS asks for the user's password in a dialog; -r trustRoot -p ssl limits the trust to TLS servers.
        done = _run(["security", "add-trusted-cert", "-r", "trustRoot", "-p", "ssl", "-k", self.where,
                     str(self.pem_file)])
        if done.returncode != 0:
            raise TlsguiError(f"security add-trusted-cert failed ({_words(done)}).", where=self.where)

    def remove(self, ca: DevCa) -> None:
        done = _run(["security", "remove-trusted-cert", str(self.pem_file)])
        if done.returncode == 0:
            done = _run(["security", "delete-certificate", "-Z", ca.sha1, self.where])
        if done.returncode != 0:
            raise TlsguiError(f"security could not remove the CA ({_words(done)}).", where=self.where)


@dataclass
class WindowsRoot:
    """The current user's Root store via Windows' certutil (UNTESTED here: no Windows runner)."""

    pem_file: Path
    label = "Windows user Root store"
    where = "Cert:\\CurrentUser\\Root"

    def holds(self, ca: DevCa) -> bool:
        return _run(["certutil.exe", "-user", "-verifystore", "Root", ca.sha1]).returncode == 0

    def add(self, ca: DevCa) -> None:
        # Windows shows its own "Security Warning" dialog before adding a root to the user's store.
        done = _run(["certutil.exe", "-user", "-addstore", "Root", str(self.pem_file)])
        if done.returncode != 0:
            raise TlsguiError(f"certutil -user -addstore failed ({_words(done)}).", where=self.where)

    def remove(self, ca: DevCa) -> None:
        done = _run(["certutil.exe", "-user", "-delstore", "Root", ca.sha1])
        if done.returncode != 0:
            raise TlsguiError(f"certutil -user -delstore failed ({_words(done)}).", where=self.where)


def platform_stores(pem_file: Path, nss_db: Path | None = None, system: bool = False) -> list[TrustStore]:
    """The stores `trust` changes on this platform: the NSS database (Linux by default, elsewhere with
    --nss-db), the login keychain (macOS) or the user's Root store (Windows), and with `system` the Linux
    system store, refused in words unless this user can write it."""
    stores: list[TrustStore] = []
    if sys.platform == "darwin":
        stores.append(MacKeychain(pem_file))
    elif sys.platform == "win32":
        stores.append(WindowsRoot(pem_file))
    if nss_db is not None or sys.platform.startswith("linux"):
        stores.append(NssDb(Path(nss_db) if nss_db is not None else default_nss_db()))
    if system:
        found = SystemStore.find()
        if found is None:
            raise TlsguiError("No system trust store that tlsgui knows is on this computer "
                              "(/usr/local/share/ca-certificates with update-ca-certificates, or "
                              "/etc/pki/ca-trust/source/anchors with update-ca-trust).", where="--system")
        if not found.writable():
            raise TlsguiError("Only an administrator can change the system trust store; nothing was changed.",
                              where=found.where, fix="Run `sudo tlsgui devca trust --system`, or leave out "
                                                     "--system (browsers use the NSS database).")
        stores.append(found)
    return stores


def trust(ca: DevCa, stores: list[TrustStore]) -> list[tuple[TrustStore, bool]]:
    """Add the CA to every store; [(store, changed)]. If one fails, those already changed are put back."""
    for store in stores:
        if isinstance(store, NssDb):
            store.certutil()  # a missing certutil is found before any store is touched
    done: list[tuple[TrustStore, bool]] = []
    try:
        for store in stores:
            if isinstance(store, NssDb) and not store.exists():
                store.create()
            if store.holds(ca):
                done.append((store, False))
                continue
            store.add(ca)
            if not store.holds(ca):
                store.remove(ca)
                raise TlsguiError(f"The {store.label} did not keep the CA after adding it.", where=store.where)
            done.append((store, True))
    except TlsguiError as exc:
        _undo(done, lambda store: store.remove(ca), exc)
        raise
    return done


def untrust(ca: DevCa, stores: list[TrustStore]) -> list[tuple[TrustStore, bool]]:
    """Remove the CA from every store that holds it; all-or-nothing as `trust`. Error when none holds it."""
    for store in stores:
        if isinstance(store, NssDb):
            store.certutil()
    holding = [store for store in stores if store.holds(ca)]
    if not holding:
        where = ", ".join(f"{s.label} {s.where}" for s in stores)
        raise TlsguiError(f"The development CA is not in any trust store tlsgui looked at ({where}); nothing "
                          "was changed.", fix="See `tlsgui devca status`; give --nss-db DIR if you trusted it in "
                                              "another NSS database.")
    done: list[tuple[TrustStore, bool]] = []
    try:
        for store in stores:
            if store not in holding:
                done.append((store, False))
                continue
            store.remove(ca)
            done.append((store, True))
    except TlsguiError as exc:
        _undo(done, lambda store: store.add(ca), exc)
        raise
    return done


def _undo(done: list[tuple[TrustStore, bool]], action, exc: TlsguiError) -> None:
    for store, changed in reversed(done):
        if changed:
            try:
                action(store)
            except TlsguiError as again:  # say so: this store is now different from before
                exc.message += f" Putting the {store.label} back also failed ({again}); check it by hand."
                exc.args = (exc.message,)
