"""Install key.pem/cert.pem/dhparams.pem into a project (atomic, backed up), export them, and generate DH."""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from tlsgui.crypto import dhparams
from tlsgui.crypto.checks import check_certificate
from tlsgui.crypto.importer import Chain, Imported, is_ca, is_self_signed, order_chain, read_bundle
from tlsgui.crypto.keys import key_to_pem, load_private_key, same_key
from tlsgui.crypto.summary import certificates_pem
from tlsgui.errors import TlsguiError
from tlsgui.policy.files import CERT_FILE as CERT
from tlsgui.policy.files import DH_FILE as DH
from tlsgui.policy.files import KEY_FILE as KEY
from tlsgui.policy.findings import Finding, Severity
from tlsgui.policy.limits import DH_TEST_SIZE, MAX_TLS_FILE, MIN_DH_BITS
from tlsgui.project.atomic import check_plain_target, check_writable
from tlsgui.project.backups import write_with_backup
from tlsgui.project.child_argv import WORKER_CWD, worker_environment
from tlsgui.project.child_argv import worker_command as dhparams_worker_argv
from tlsgui.project.gitignore import protect_keys
from tlsgui.project.pending import PendingKey, find_pending_for, list_pending, remove_pending
from tlsgui.project.transaction import project_lock, write_files
from tlsgui.safe_read import read_regular

MAX_PASSWORD = 64 * 1024


def tls_folder(project) -> Path:
    return project.paths.tls_folder(project.settings.web_certificate_folder)


def outside_project(project) -> Path | None:
    """The TLS folder when web.certificate_folder puts it outside the project folder (None: inside).

    Writing there can replace another project's key.pem (D10), so the CLI names it in its output and the
    window asks before writing; its backups stay in that folder (`<folder>/.tlsgui/backups`).
    """
    import os

    folder, root = tls_folder(project), project.paths.root
    try:
        Path(os.path.abspath(folder)).relative_to(os.path.abspath(root))
        Path(folder).resolve().relative_to(Path(root).resolve())
    except (ValueError, OSError):
        return Path(os.path.abspath(folder))
    return None


def outside_notice(project) -> str:
    """The words saying where the files go when that is outside the project ("" when inside)."""
    folder = outside_project(project)
    if folder is None:
        return ""
    return (f"web.certificate_folder puts the TLS files outside the project: they are written to {folder} "
            f"(backups of the files replaced there stay in {folder / '.tlsgui' / 'backups'}).")


def read_input(path: Path | str, what: str = "file") -> bytes:
    """The bytes of a file given by the user, refusing folders, missing and oversized files with words."""
    path = Path(path)
    try:
        return read_regular(path, MAX_TLS_FILE, what, fix="Choose the certificate, key or DH parameters file itself "
                                                       "(these are far smaller than 1 MiB).")
    except FileNotFoundError:
        raise TlsguiError(f"The {what} does not exist.", where=str(path)) from None


def read_password(path: Path | str | None) -> bytes | None:
    """A password from a file holding only it (exactly one trailing newline ignored), never from the command line.

    A pipe is read too, so `--password-file <(pass show x)` works (the password never touches the disk).
    """
    if path is None:
        return None
    try:
        data = read_regular(path, MAX_PASSWORD, "password file", allow_pipe=True)
    except FileNotFoundError:
        raise TlsguiError("The password file does not exist.", where=str(path)) from None
    for ending in (b"\r\n", b"\n"):
        if data.endswith(ending):
            return data[: -len(ending)]
    return data


@dataclass
class InstallPlan:
    """What an install would write, and what the checks said; nothing is written while planning."""

    folder: Path
    chain: Chain
    key: object
    key_source: str
    pending: PendingKey | None
    checks: list[Finding]
    notices: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [c for c in self.checks if c.severity is Severity.ERROR]

    def cert_pem(self) -> bytes:
        return certificates_pem(self.chain.certificates)


def plan_install(project, files: list, key_file=None, password: bytes | None = None) -> InstallPlan:
    """Read the certificate files, order the chain, find the matching key and run every check."""
    if not files:
        raise TlsguiError("No certificate file given.", fix="Give the file(s) the CA sent.")
    sources = [(read_input(name), str(name)) for name in files]
    key_source = (read_input(key_file, "key file"), str(key_file)) if key_file is not None else None
    return plan_install_data(project, sources, key_source, password)


def plan_install_data(project, sources: list[tuple[bytes, str]], key_source: tuple[bytes, str] | None = None,
                      password: bytes | None = None) -> InstallPlan:
    """`plan_install` for bytes already in memory (pasted text, a file read by the wizard): (data, where) pairs."""
    if not sources:
        raise TlsguiError("No certificate given.", fix="Give the certificate the CA sent.")
    imported = Imported()
    for data, where in sources:
        imported.extend(read_bundle(data, where, password))
    chain = order_chain(imported.certificates)
    leaf_key = chain.leaf.public_key()
    pending, source = None, ""
    if key_source is not None:
        key_data, key_where = key_source
        key = load_private_key(key_data, password=password, where=key_where, der=b"-----BEGIN" not in key_data)
        source = f"key file {key_where}"
        if not same_key(key, leaf_key):
            raise TlsguiError("The certificate does not match the key file: it was issued for "
                              "another key.", where=key_where,
                              fix="Give the key the certificate request was made with.")
    else:
        key = next((k for k in imported.keys if same_key(k, leaf_key)), None)
        source = "the imported file"
        if key is None:
            pending = find_pending_for(project.paths, leaf_key)
            if pending is not None:
                key, source = pending.load(), f"pending key {pending.id}"
        if key is None:
            # Adding forgotten intermediates, or a renewal for the same key: key.pem already holds it.
            key = _installed_key_for(tls_folder(project) / KEY, leaf_key)
            source = "the installed key.pem"
        if key is None:
            raise _no_key(project, imported, chain)
    checks = check_certificate(chain.leaf, key=key, host_names=project.settings.web_host_names,
                               missing_issuer=chain.missing_issuer, self_signed=is_self_signed(chain.leaf))
    notices = imported.notices + chain.notices() + [n for n in (outside_notice(project),) if n]
    return InstallPlan(tls_folder(project), chain, key, source, pending, checks, notices)


def _installed_key_for(path: Path, public_key):
    if not path.is_file():
        return None
    try:
        key = load_private_key(read_input(path), where=str(path))
    except TlsguiError:
        return None
    return key if same_key(key, public_key) else None


def _no_key(project, imported: Imported, chain: Chain) -> TlsguiError:
    if is_ca(chain.leaf) and not is_self_signed(chain.leaf):
        return TlsguiError("The files hold only CA certificates (intermediate or root: "
                           f"{chain.leaf.subject.rfc4514_string()}), not your server certificate.",
                           fix="Add the certificate the CA issued for your server (it names your host), "
                               "usually a separate file from the 'ca-bundle'.")
    if imported.keys:
        return TlsguiError("The private key in the files does not match the certificate.",
                           fix="Give the matching key with --key FILE.")
    pending = list_pending(project.paths)
    if pending:
        return TlsguiError(f"The certificate does not match the pending key ({pending[0].id}"
                           f"{f' or {len(pending) - 1} older one(s)' if len(pending) > 1 else ''}): "
                           "it was issued for another request.",
                           fix="Install the certificate issued for this project's request, or give its key "
                               "with --key FILE.")
    if imported.pkcs12_without_key:
        return TlsguiError("The PKCS#12 file holds no private key, and this project has no pending key.",
                           fix="Export the PKCS#12 again with its private key, or give the key with --key FILE.")
    return TlsguiError("No private key for this certificate: none in the files, none pending in the project.",
                       fix="Give the key with --key FILE.")


def install_certificate(project, files: list, key_file=None, password: bytes | None = None,
                        force: bool = False) -> tuple[InstallPlan, str | None]:
    """Install key.pem (0600) and cert.pem; returns the plan and the backup id (None: nothing replaced)."""
    plan = plan_install(project, files, key_file, password)
    if plan.errors and not force:
        first = plan.errors[0]
        raise TlsguiError(f"{first.message} Nothing was installed.",
                          fix=f"{first.fix} To install it anyway, add --force.".strip())
    backup = install_planned(project, plan)
    return plan, backup.id if backup else None


def install_planned(project, plan: InstallPlan):
    """Write what `plan` holds: key.pem (0600) and cert.pem, after a backup; forget its pending key.

    Returns the backup (None when nothing was replaced); TlsguiError, with nothing changed, when the
    folder is not writable.
    """
    key_path, cert_path = plan.folder / KEY, plan.folder / CERT
    with project_lock(project.paths):
        backup = _write_pair(project, key_path, key_to_pem(plan.key), cert_path, plan.cert_pem(),
                             "before installing a certificate")
        # Only now, with key.pem holding the same key, is a pending copy of it no longer needed.
        pending = plan.pending or find_pending_for(project.paths, plan.chain.leaf.public_key())
        if pending is not None:
            remove_pending(pending)
    protect_keys(project.paths)
    return backup


def install_selfsigned(project, key, cert_pem: bytes) -> str | None:
    """Install a freshly made development key and certificate (same backups and modes as any install)."""
    folder = tls_folder(project)
    backup = _write_pair(project, folder / KEY, key_to_pem(key), folder / CERT, cert_pem,
                         "before installing a development certificate")
    protect_keys(project.paths)
    return backup.id if backup else None


def _write_pair(project, key_path: Path, key_pem: bytes, cert_path: Path, cert_pem: bytes, reason: str):
    """key.pem (0600) and cert.pem as one transaction (D4: never a new key with the old certificate), after a
    backup; returns the backup. A failure leaves both files, symlinks included (D12), as they were."""
    check_writable(key_path)
    check_writable(cert_path)
    return write_with_backup(project.paths, [(key_path, key_pem, 0o600), (cert_path, cert_pem, 0o644)], reason)


def export_files(project, destination, force: bool = False) -> list[Path]:
    """Copy cert.pem and key.pem to a folder, e.g. a remote 4D client's database folder (4D doc)."""
    folder, destination = tls_folder(project), Path(destination)
    sources = [folder / CERT, folder / KEY]
    missing = [p.name for p in sources if not p.is_file()]
    if missing:
        raise TlsguiError(f"There is no {' or '.join(missing)} to export.", where=str(folder),
                          fix="Install a certificate first.")
    if not destination.is_dir():
        raise TlsguiError("The export folder does not exist.", where=str(destination),
                          fix="Create it first, or choose another folder.")
    data = {p.name: read_input(p, p.name) for p in sources}
    for name in data:
        check_plain_target(destination / name, f"{name} in the export folder")
    clash = [n for n, b in data.items() if (destination / n).is_file() and read_input(destination / n) != b]
    if clash and not force:
        raise TlsguiError(f"The export folder already holds a different {' and '.join(clash)}; nothing was "
                          "written.", where=str(destination), fix="Choose another folder, or add --force.")
    written = [destination / name for name in data]
    # One transaction journaled in the project: a kill leaves both old or both new files, and no stray copy
    # of the key in the export folder (D6).
    write_files(project.paths, [(destination / name, content, 0o600 if name == KEY else 0o644)
                                for name, content in data.items()])
    return written


def install_dhparams(project, pem: bytes, where: str = DH, min_bits: int = MIN_DH_BITS,
                     checked: "dhparams.DhInfo | None" = None):
    """Check PEM DH parameters and install them as dhparams.pem (LF endings); returns (DhInfo, backup id).

    `checked`: what a checker child already found for exactly these bytes (DhParamsJob's second stage), so
    the GUI thread is spared the primality test (0.4 s at 2048 bits, 1 s at 4096).
    """
    pem = pem.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    if checked is not None:
        info = checked
    else:
        info = dhparams.inspect_dhparams(pem, where) if min_bits < MIN_DH_BITS else \
            dhparams.check_dhparams(pem, where)
    target = tls_folder(project) / DH
    check_writable(target)
    backup = write_with_backup(project.paths, [(target, pem, 0o644)], "before installing DH parameters")
    return info, backup.id if backup else None


def worker_command(bits: int, allow_test_size: bool = False) -> list[str]:
    """The child command line for a custom DH generation (source or frozen build alike)."""
    extra = ["--allow-test-size"] if allow_test_size else []
    return dhparams_worker_argv("dhparams", "--bits", str(bits), *extra)


class DhGeneration:
    """A custom DH generation in a child process: poll it, or cancel it at once (kill), never half a file."""

    def __init__(self, bits: int, allow_test_size: bool = False) -> None:
        dhparams.check_size(bits, allow_test_size)
        self.bits = bits
        self.started = time.monotonic()
        self.process = subprocess.Popen(worker_command(bits, allow_test_size), stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=WORKER_CWD,
                                        env=worker_environment())

    def running(self) -> bool:
        return self.process.poll() is None

    def cancel(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate()

    def result(self, timeout: float | None = None) -> bytes:
        """Wait for the child; its PEM on success, TlsguiError with its message otherwise."""
        try:
            out, err = self.process.communicate(timeout=timeout)
        except BaseException:
            self.cancel()  # Ctrl+C or a timeout: no orphan keeps computing
            raise
        if self.process.returncode != 0:
            words = err.decode(errors="replace").strip() or f"exit code {self.process.returncode}"
            raise TlsguiError(f"DH parameter generation did not finish ({words}); nothing was written.")
        return out


def generate_dhparams(project, bits: int, allow_test_size: bool = False, started=None):
    """Generate custom DH parameters in a child process and install them only when it succeeded.

    `started()` is called once the child exists, so a Ctrl+C after it always finds a child to kill
    (announcing earlier raced with Popen on a loaded machine).
    """
    job = DhGeneration(bits, allow_test_size)
    try:
        if started:
            started()
        pem = job.result()
    except BaseException:  # Ctrl+C, or the CLI's SIGTERM handler, even during started(): no orphan
        job.cancel()
        raise
    # The same check as the window's checker child (DhParamsJob stage 1), here in-process: no GUI to freeze.
    info = dhparams.verify_generated(pem, bits, "generated parameters")
    return install_dhparams(project, pem, "generated parameters",
                            min_bits=DH_TEST_SIZE if allow_test_size else MIN_DH_BITS, checked=info)

