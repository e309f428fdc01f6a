"""What a preview serves: the listeners the project enables and the TLS files and policy they use, checked."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

from tlsgui.crypto.dhparams import read_dh_bits
from tlsgui.crypto.peer import chain_ders, chain_problems, describe, key_cert_index
from tlsgui.crypto.reading import read_tls_file
from tlsgui.errors import TlsguiError
from tlsgui.model.options import option, split_names
from tlsgui.model.settings import Settings
from tlsgui.policy.files import CERT_FILE, DH_FILE, KEY_FILE
from tlsgui.policy.limits import MIN_DH_BITS
from tlsgui.policy.ports import PORT_KEYS, PORT_SPAN
from tlsgui.project.store import load_project

LABELS = {
    "web_http": "Web server (HTTP)",
    "web_https": "Web server (HTTPS)",
    "client_server": "Application server (client-server)",
    "sql": "SQL server",
}


class FilesRefused(TlsguiError):
    """The project's files or TLS policy stop a TLS server; `check`/`title` name it in the window's checklist."""

    def __init__(self, check: str, title: str, message: str, *, where: str = "", fix: str = "",
                 remedies: tuple[str, ...] = ()) -> None:
        super().__init__(message, where=where, fix=fix, remedies=remedies)
        self.check = check
        self.title = title


@dataclass(frozen=True)
class ListenerSpec:
    role: str  # web_http, web_https, client_server, sql
    configured_port: int
    tls: bool

    @property
    def label(self) -> str:
        return LABELS[self.role]


@dataclass(frozen=True)
class TlsFiles:
    folder: Path
    key: Path
    cert: Path
    dhparams: Path | None  # None: there is no dhparams.pem
    chain: tuple[bytes, ...]  # cert.pem's certificates (DER), in file order
    dh_bits: int | None


@dataclass(frozen=True)
class PreviewPlan:
    root: Path
    name: str
    settings: Settings
    listeners: tuple[ListenerSpec, ...]
    files: TlsFiles | None  # None when no listener uses TLS
    host_names: tuple[str, ...]
    warnings: tuple[str, ...] = field(default=())  # served anyway, but the probe will flag it
    notes: tuple[str, ...] = field(default=())
    scratch: object = field(default=None, compare=False)  # keeps a throw-away certificate's folder alive
    release: str = ""  # the 4D release whose behaviour the preview follows, e.g. "21 R3"

    def spec(self, role: str) -> ListenerSpec | None:
        return next((s for s in self.listeners if s.role == role), None)


def _port(key: str, settings: Settings) -> int:
    return option(key).effective_port(settings.get(key))


def enabled_listeners(settings: Settings) -> list[ListenerSpec]:
    specs = []
    if settings.web_http_enabled:
        specs.append(ListenerSpec("web_http", _port(PORT_KEYS["web_http"], settings), False))
    if settings.web_https_enabled:
        specs.append(ListenerSpec("web_https", _port(PORT_KEYS["web_https"], settings), True))
    if settings.client_server_encryption:
        specs.append(ListenerSpec("client_server", _port(PORT_KEYS["client_server"], settings), True))
    if settings.sql_tls_enabled:
        specs.append(ListenerSpec("sql", _port(PORT_KEYS["sql"], settings), True))
    return specs


def _check_port_clashes(specs: list[ListenerSpec]) -> None:
    """Two enabled servers on one port cannot both start in 4D either: refuse rather than hide it."""
    taken: dict[int, ListenerSpec] = {}
    for spec in specs:
        for port in range(spec.configured_port, spec.configured_port + PORT_SPAN.get(spec.role, 1)):
            other = taken.get(port)
            if other is not None:
                raise TlsguiError(
                    f"{spec.label} and {other.label} are both set to port {port}; 4D could not start both.",
                    where=PORT_KEYS[spec.role],
                    fix="Give each server its own port (tlsgui settings PROJECT set KEY=PORT).",
                    remedies=(f"setting:{PORT_KEYS[spec.role]}", f"setting:{PORT_KEYS[other.role]}"))
            taken[port] = spec


def check_files(folder: Path, users: str) -> tuple[TlsFiles, list[str]]:
    """Read key.pem, cert.pem and dhparams.pem as 4D would; TlsguiError for what stops a TLS server."""
    key, cert, dh = folder / KEY_FILE, folder / CERT_FILE, folder / DH_FILE
    for path, what in ((cert, "certificate"), (key, "private key")):
        if not path.is_file():
            raise TlsguiError(
                f"{users} enabled but there is no {what}: {path.name} is missing.", where=str(folder),
                fix="Create a development certificate (tlsgui selfsigned PROJECT --cn NAME) or install one "
                    "(tlsgui install PROJECT FILE), or turn TLS off.",
                remedies=("development", "received"))
    ders = chain_ders(read_tls_file(cert, "certificate"), where=str(cert))
    index = key_cert_index(read_tls_file(key, "private key"), ders, where=str(key))
    if index is None:
        raise FilesRefused("key_matches", "key.pem matches cert.pem",
                           "key.pem does not match the certificate in cert.pem.", where=str(folder),
                           fix="Install the certificate that was issued for this key, or the key that belongs "
                               "to this certificate.", remedies=("received",))
    if index > 0:
        raise FilesRefused(
            "chain_order", "cert.pem starts with the server certificate",
            f"cert.pem's chain is out of order: the server certificate ({describe(ders[index])}) is number "
            f"{index + 1}, but the server sends the first one as its own.", where=str(cert),
            fix="Put the server certificate first, then each intermediate, each followed by its issuer "
                "(tlsgui install PROJECT FILE orders it for you).", remedies=("received",))
    chain_warnings = [f"cert.pem: {problem}" for problem in chain_problems(ders)]
    dh_bits = None
    if dh.is_file():
        try:
            with warnings.catch_warnings():  # FFDH is deprecated in cryptography; reading the size is fine
                warnings.simplefilter("ignore")
                dh_bits = read_dh_bits(read_tls_file(dh, "DH parameters"))
        except TlsguiError as exc:
            raise FilesRefused("dhparams", "dhparams.pem is usable", exc.message, where=str(dh),
                               fix="Install a standard group: tlsgui dhparams PROJECT --group ffdhe2048.",
                               remedies=("forward_secrecy",)) from None
        if dh_bits < MIN_DH_BITS:
            raise FilesRefused(
                "dhparams", f"{DH_FILE} is at least {MIN_DH_BITS} bits",
                f"{DH_FILE} has only {dh_bits} bits; DH below {MIN_DH_BITS} bits is breakable (Logjam).",
                where=str(dh), fix="Install a standard group: tlsgui dhparams PROJECT --group ffdhe2048.",
                remedies=("forward_secrecy",))
    files = TlsFiles(folder, key, cert, dh if dh.is_file() else None, tuple(ders), dh_bits)
    return files, chain_warnings


def plan_for(path: str | Path, values: dict | None = None) -> PreviewPlan:
    """Load a project and decide what its preview serves; TlsguiError for anything that stops 4D's servers.

    `values` (dotted key -> value) replace the saved settings: the window tests its unsaved edits this way.
    """
    project = load_project(path)
    if project.error:
        raise project.error
    settings = project.settings.replace(**values) if values else project.settings
    specs = enabled_listeners(settings)
    if not specs:
        raise TlsguiError("Nothing to preview: HTTP, HTTPS, client-server encryption and SQL TLS are all off.",
                          where=str(project.paths.root),
                          fix="Enable one, e.g. tlsgui settings PROJECT set web.https_enabled=true.",
                          remedies=("setting:web.https_enabled", "setting:client_server.encryption",
                                    "setting:sql.tls_enabled"))
    _check_port_clashes(specs)
    notes = []
    if settings.web_listening_address not in ("", "any") and any(s.role.startswith("web") for s in specs):
        notes.append(f"The preview listens on 127.0.0.1 only, not on {settings.web_listening_address}.")
    if settings.sql_tls_enabled and not settings.sql_launch_at_startup:
        notes.append("SQL TLS is on but the SQL server does not start at startup (sql.launch_at_startup).")
    if settings.client_server_encryption and settings.client_server_legacy_network_layer:
        notes.append("The legacy network layer ignores the minimum TLS version; the preview applies it.")
    files, file_warnings = None, list[str]()
    scratch = None
    tls_users = [s.label for s in specs if s.tls]
    version = project.version if not values or "project.4d_version" not in values else _version(project, settings)
    if tls_users:
        folder = project.paths.tls_folder(settings.web_certificate_folder)
        if not (folder / KEY_FILE).is_file() and not (folder / CERT_FILE).is_file():
            note, scratch, folder = _throw_away(specs, version.effective)
            notes.append(note + ("" if not version.assumed else f" (4D {version.effective} assumed: the project "
                                                                 "does not say which 4D runs it)"))
        files, file_warnings = check_files(folder, " and ".join(tls_users) + (" is" if len(tls_users) == 1 else " are"))
    return PreviewPlan(
        root=project.paths.root, name=project.paths.name, settings=settings, listeners=tuple(specs),
        files=files, host_names=tuple(split_names(settings.web_host_names)),
        warnings=tuple(file_warnings), notes=tuple(notes), scratch=scratch, release=str(version.effective))


def _version(project, settings):
    from tlsgui.project.version import effective_version

    return effective_version(project.version_hint, settings.project_4d_version)


def _throw_away(specs: list[ListenerSpec], release) -> tuple[str, object, Path]:
    """A self-signed key and certificate in a temporary folder, standing in for what 4D uses without files.

    4D 20 R4+ configures client-server and SQL TLS itself, and 4D ships default files for the web server
    (tlsgui/policy/versions.py): neither stops a 4D server, so the preview serves rather than refuses.
    """
    import tempfile

    from tlsgui.crypto.keys import generate_key, key_to_pem
    from tlsgui.crypto.selfsigned import make_selfsigned
    from tlsgui.policy.versions import holds

    scratch = tempfile.TemporaryDirectory(prefix="tlsgui-preview-")
    folder = Path(scratch.name)
    key = generate_key("ecdsa", curve="p256")
    (folder / KEY_FILE).write_bytes(key_to_pem(key))
    (folder / CERT_FILE).write_bytes(make_selfsigned(key, "localhost", days=1))
    roles = {s.role for s in specs if s.tls}
    dynamic = holds("cs_sql_tls_without_files", release)
    parts = []
    if roles & {"client_server", "sql"}:
        parts.append(f"on 4D {release} client-server and SQL TLS need no certificate files (4D configures them at "
                     "start-up)" if dynamic else
                     f"on 4D {release} client-server and SQL TLS without key.pem/cert.pem use 4D's built-in "
                     "certificate")
    if "web_https" in roles:
        parts.append("the web server uses 4D's built-in certificate, which no browser trusts")
    return ("There is no key.pem/cert.pem: " + "; ".join(parts) + ". The preview serves a throw-away "
            "self-signed certificate in their place."), scratch, folder
