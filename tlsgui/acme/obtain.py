"""Obtain a certificate from an ACME CA and install it into a 4D project (the `tlsgui acme` command's core)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from tlsgui.acme import challenges
from tlsgui.acme.client import AcmeFailed, AcmeSession, Cancelled
from tlsgui.crypto import acme_keys
from tlsgui.crypto.keys import describe_key
from tlsgui.crypto.csr import CsrFields, check_fields, san_names
from tlsgui.errors import TlsguiError
from tlsgui.policy import acme as rules
from tlsgui.policy.versions_minimal import project_version
from tlsgui.project.acme_store import AcmeStore, Journal, OrderSettings
from tlsgui.project.atomic import write_atomic
from tlsgui.project.install import install_planned, plan_install_data
from tlsgui.project.restart_method import write_restart_method

CHALLENGES = ("http-01", "dns-01")


@dataclass
class Request:
    """What `tlsgui acme` (or the wizard) asks for; `settings` is what is remembered for renewal."""

    settings: OrderSettings
    agree_tos: bool = False
    eab_hmac_key: str = ""  # used once to bind the account, never stored
    http_address: str = ""  # where the HTTP-01 answer listens ('' = every address, as the CA comes from outside)
    challenge_port: int = 80  # the port the CA validates HTTP-01 on (RFC 8555 section 8.3: 80)


@dataclass
class Result:
    domains: list[str]
    folder: Path
    not_before: datetime.datetime
    not_after: datetime.datetime
    key_type: str
    backup: str | None
    chain_length: int
    resumed: bool = False
    checks: list = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"domains": self.domains, "folder": str(self.folder), "key_type": self.key_type,
                "not_before": self.not_before.isoformat(timespec="seconds"),
                "not_after": self.not_after.isoformat(timespec="seconds"), "backup": self.backup,
                "chain_length": self.chain_length, "resumed": self.resumed,
                "checks": [c.as_json() for c in self.checks], "notices": self.notices}


def _never() -> bool:
    return False


def _quiet(_: str) -> None:
    pass


def check_request(project, request: Request) -> OrderSettings:
    """Refuse bad input with words before anything is written or sent (exit 2); the settings, normalised."""
    s = request.settings
    domains = [d.strip().lower().rstrip(".") for d in s.domains if d.strip()]
    if not domains:
        raise TlsguiError("No domain given.", where="--domain", fix="Give --domain www.example.com (repeatable).")
    for name in domains:
        if name.startswith("*.") and s.challenge != "dns-01":
            raise TlsguiError(f"{name}: a wildcard name can only be validated with DNS-01.", where="--domain",
                              fix="Add --challenge dns-01.")
    check_fields(CsrFields(common_name=domains[0].removeprefix("*.")))
    san_names(CsrFields(common_name=domains[0].removeprefix("*."),
                        sans=tuple(f"DNS:{d.removeprefix('*.')}" for d in domains[1:])))
    try:
        directory, _ = rules.resolve_directory(s.directory)
    except ValueError as exc:
        raise TlsguiError(str(exc), where="--directory", fix="Use letsencrypt, letsencrypt-staging, zerossl, "
                                                             "google, or the CA's https:// directory URL.") from None
    if s.challenge not in CHALLENGES:
        raise TlsguiError(f"{s.challenge!r} is not a challenge type tlsgui answers.", where="--challenge",
                          fix="Use http-01 or dns-01.")
    if s.challenge == "http-01" and s.webroot and s.http_port is not None:
        raise TlsguiError("--http-port and --webroot exclude each other.", fix="Choose one.")
    if s.challenge == "dns-01" and (s.webroot or s.http_port is not None):
        raise TlsguiError("--http-port and --webroot apply to HTTP-01 only.", fix="Drop them, or use http-01.")
    http_port = s.http_port
    if s.challenge == "http-01" and not s.webroot:
        http_port = 80 if http_port is None else http_port
        if not 1 <= http_port <= 65535:
            raise TlsguiError(f"Port {http_port} is not a TCP port.", where="--http-port", fix="Use 1 to 65535.")
    if s.key_type not in ("rsa", "ecdsa"):
        raise TlsguiError(f"{s.key_type!r} is not a key type.", where="--key-type", fix="Use ecdsa or rsa.")
    ca_bundle = s.ca_bundle
    if ca_bundle:
        path = Path(ca_bundle).expanduser().resolve()
        if not path.is_file():
            raise TlsguiError("The CA bundle does not exist.", where=str(ca_bundle),
                              fix="Give the PEM file of the test CA's root.")
        ca_bundle = str(path)
    return replace(s, domains=domains, directory=directory, http_port=http_port, ca_bundle=ca_bundle)


def default_key_type(project) -> str:
    return rules.default_key_type(project_version(project.paths.root),
                                  project.settings.client_server_legacy_network_layer)


def key_type_warning(project, key_type: str) -> str:
    return rules.key_type_warning(key_type, project_version(project.paths.root),
                                  project.settings.client_server_legacy_network_layer)


def web_folder(project) -> Path:
    # 4D's default HTML root is WebFolder beside Project/ (Settings > Web > Configuration, "Default HTML Root").
    return project.paths.root / "WebFolder"


def _account(store: AcmeStore, request: Request, settings: OrderSettings) -> AcmeSession:
    key_pem = store.read_account_key()
    if key_pem is None:
        key = acme_keys.new_account_key()
        key_pem = acme_keys.key_to_pem(key)
    else:
        key = acme_keys.load_key_pem(key_pem, str(store.account_key))
    jwk, alg = acme_keys.account_jwk(key)
    session = AcmeSession(settings.directory, jwk, alg, settings.ca_bundle)
    known = store.account_uri(settings.directory) if store.account_key.is_file() else ""
    uri = session.account(known, settings.email, request.agree_tos, settings.eab_kid, request.eab_hmac_key)
    if not store.account_key.is_file():
        store.write_account_key(key_pem)  # only once the CA accepted it: a refused run leaves no key behind
    if uri != known:
        store.remember_account(settings.directory, uri)
    return session


def obtain(project, request: Request, *, progress: Callable[[str], None] = _quiet,
           cancelled: Callable[[], bool] = _never, dns_ready: Callable[[str, str], None] | None = None,
           remember: bool = True, install: bool = True) -> Result | Staged:
    """Order, validate, finalize and install; AcmeFailed (nothing installed) or TlsguiError (bad input).

    `dns_ready(name, value)` is called for each DNS-01 record before DNS is polled (the CLI waits for Enter
    there); `cancelled()` is checked between steps (the wizard's Cancel). `install=False` (the wizard) returns
    the checked certificate as Staged, for `install_staged` at Finish; nothing is written into the project.
    """
    settings = check_request(project, request)
    store = AcmeStore(project.paths)
    with store.locked():
        left = store.read_journal() or Journal()
        removed = challenges.remove_leftovers(left.token_files, left.made_folders)
        if removed:
            progress(f"Removed {len(removed)} challenge file(s) an interrupted run left in the WebFolder.")
        session = _account(store, request, settings)
        resumed = _resume(project, store, session, progress) if install else None
        if resumed is not None:
            if remember:
                store.write_settings(settings)
            return resumed
        store.clear_journal()
        return _order(project, store, session, request, settings, progress, cancelled, dns_ready, remember,
                      install)


def _resume(project, store: AcmeStore, session: AcmeSession, progress) -> Result | None:
    """Finish the order a killed run left (its authorizations valid, its key kept 0600), else forget it."""
    journal = store.read_journal()
    if journal is None or not journal.order_uri or not store.order_key.is_file():
        return None
    progress("Finishing the order an interrupted run left...")
    chain = session.resume(journal.order_uri, journal.finalize_uri, journal.authorizations,
                           journal.csr_pem.encode())
    if chain is None:
        progress("The interrupted order cannot be finished; starting a new one.")
        return None
    key_pem = store.order_key.read_bytes()
    result = _install(project, chain.encode(), key_pem)
    result.resumed = True
    store.clear_journal()
    return result


def _order(project, store, session: AcmeSession, request: Request, settings: OrderSettings, progress,
           cancelled, dns_ready, remember: bool, install: bool) -> Result | Staged:
    webroot = challenges.Webroot(web_folder(project), lambda files, folders: _record_files(store, files, folders)) \
        if settings.challenge == "http-01" and settings.webroot else None
    try:
        if webroot is not None:
            progress("Checking 4D's web server serves the WebFolder's .well-known/acme-challenge/...")
            for domain in settings.domains:
                trouble = webroot.preflight(domain, request.challenge_port, settings.dns_server)
                if trouble:
                    raise AcmeFailed(f"{trouble} The CA would fail to validate {domain}; nothing was asked.",
                                     code="preflight",
                                     fix="Start 4D's web server (HTTP on port 80, WebFolder as HTML root), or "
                                         "use --http-port with 4D's web server stopped.")
        if cancelled():
            raise Cancelled()
        key = acme_keys.order_key(settings.key_type)
        key_pem = acme_keys.key_to_pem(key)
        csr_pem = acme_keys.domains_csr(key, settings.domains)
        progress(f"Ordering a certificate for {', '.join(settings.domains)}...")
        orderr = session.new_order(csr_pem)
        # The key is kept (0600) and the order journaled before any challenge is answered, so a run killed
        # after the CA issued can still install what it issued.
        write_atomic(store.order_key, key_pem, mode=0o600)
        journal = Journal(order_uri=orderr.uri or "", finalize_uri=orderr.body.finalize or "",
                          authorizations=list(orderr.body.authorizations), csr_pem=csr_pem.decode(),
                          started=datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"))
        store.write_journal(journal)
        pending = [a for a in orderr.authorizations if a.body.status.name == "pending"]
        chosen = [(a, session.pick(a, settings.challenge)) for a in pending]
        if settings.challenge == "http-01" and webroot is None:
            server = challenges.ChallengeServer(settings.http_port or 80, request.http_address)
            with server:
                for authzr, challb in chosen:
                    server.answers[challb.chall.encode("token")] = session.validation(challb).encode()
                _answer_all(session, chosen, progress, cancelled)
        else:
            for authzr, challb in chosen:
                value = session.validation(challb)
                if webroot is not None:
                    webroot.write(challb.chall.encode("token"), value.encode())
                else:
                    name = challenges.dns_record_name(authzr.body.identifier.value)
                    progress(f"DNS-01: publish this TXT record, then the CA checks it:\n  {name}. TXT \"{value}\"")
                    if dns_ready is not None:
                        dns_ready(name, value)
                    progress(f"Waiting until {name} resolves...")
                    challenges.wait_for_txt(authzr.body.identifier.value, value, settings.dns_server, cancelled)
            _answer_all(session, chosen, progress, cancelled)
        if cancelled():
            raise Cancelled()
        progress("Validated; the CA is issuing the certificate...")
        chain = session.finalize(orderr).encode()
        if webroot is not None:
            webroot.cleanup()
        staged = stage(project, chain, key_pem, settings)
        if not install:
            return staged
        result = install_staged(project, staged, remember)
        store.clear_journal()
        return result
    finally:
        # Done or abandoned (an error, Cancel, Ctrl+C): no challenge file stays in the WebFolder and the order's
        # key goes (it never became key.pem). Only a killed run leaves the journal, for the next run to resume.
        if webroot is not None:
            webroot.cleanup()
        store.clear_journal()


def _record_files(store: AcmeStore, files: list[str], folders: list[str]) -> None:
    journal = store.read_journal() or Journal()
    journal.token_files, journal.made_folders = files, folders
    store.write_journal(journal)


def _answer_all(session: AcmeSession, chosen, progress, cancelled) -> None:
    if cancelled():
        raise Cancelled()
    for authzr, challb in chosen:
        session.answer(challb)
    progress("The CA is validating...")
    session.poll_valid([a for a, _ in chosen], cancelled)


@dataclass
class Staged:
    """A certificate the CA issued, with its key, checked and waiting for the wizard's Finish (nothing written)."""

    chain: bytes
    key_pem: bytes
    settings: OrderSettings
    plan: object  # project.install.InstallPlan
    not_before: datetime.datetime
    not_after: datetime.datetime
    domains: list[str]


def stage(project, chain: bytes, key_pem: bytes, settings: OrderSettings) -> Staged:
    """Plan the install (every check, nothing written); AcmeFailed when a check fails."""
    plan = plan_install_data(project, [(chain, "the CA's certificate")], (key_pem, "the new ACME key"))
    if plan.errors:
        first = plan.errors[0]
        raise AcmeFailed(f"The issued certificate fails a check: {first.message} Nothing was installed.",
                         code="check", fix=first.fix)
    not_before, not_after = acme_keys.leaf_dates(chain)
    return Staged(chain, key_pem, settings, plan, not_before, not_after, acme_keys.leaf_names(chain))


def install_staged(project, staged: Staged, remember: bool = True) -> Result:
    """Install a staged certificate through the project's install path (checks done, backup, key 0600)."""
    plan = staged.plan
    backup = install_planned(project, plan)
    notices = list(plan.notices)
    if remember:
        AcmeStore(project.paths).write_settings(staged.settings)
    if write_restart_method(project.paths):
        notices.append("Wrote the 4D method TLS_RestartWebServer (Project/Sources/Methods/) that restarts "
                       "4D's web server when cert.pem changed.")
    return Result(staged.domains, plan.folder, staged.not_before, staged.not_after,
                  "ecdsa" if describe_key(plan.key).startswith("ECDSA") else "rsa", backup.id if backup else None,
                  len(plan.chain.certificates), checks=plan.checks, notices=notices)


def _install(project, chain: bytes, key_pem: bytes, settings: OrderSettings | None = None) -> Result:
    return install_staged(project, stage(project, chain, key_pem, settings), remember=False)
