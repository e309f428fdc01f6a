"""Obtain a certificate from an ACME CA and install it into a 4D project (the `tlsgui acme` command's core)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from tlsgui.acme import challenges
from tlsgui.acme.client import AcmeFailed, AcmeSession, Cancelled
from tlsgui.acme.request import (  # noqa: F401 - the CLI's names
    Request,
    Result,
    _never,
    _quiet,
    check_request,
    default_key_type,
    key_type_warning,
    web_folder,
)
from tlsgui.crypto import acme_keys
from tlsgui.crypto.checks import check_certificate
from tlsgui.crypto.importer import order_chain, read_bundle
from tlsgui.crypto.keys import describe_key, same_key
from tlsgui.project.acme_store import AcmeStore, Journal, OrderSettings
from tlsgui.project.atomic import write_atomic
from tlsgui.project.install import InstallPlan, install_planned, tls_folder
from tlsgui.project.restart_method import write_restart_method


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
                for _authzr, challb in chosen:
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
        staged = stage(project, chain, key, settings)
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
    for _authzr, challb in chosen:
        session.answer(challb)
    progress("The CA is validating...")
    session.poll_valid([a for a, _ in chosen], cancelled)


@dataclass
class Staged:
    """A certificate the CA issued, with its key, checked and waiting for the wizard's Finish (nothing written)."""

    chain: bytes
    key_pem: bytes
    settings: OrderSettings | None  # None: a resumed order (obtain() remembers its settings itself)
    plan: InstallPlan
    not_before: datetime.datetime
    not_after: datetime.datetime
    domains: list[str]


def stage(project, chain: bytes, key, settings: OrderSettings | None) -> Staged:
    """Plan the install of the CA's chain with the order's key (every check, nothing written); AcmeFailed when a
    check fails. The key object is passed, not re-read: loading an RSA key validates it for ~0.1 s while holding
    the GIL, which would stall the wizard's GUI thread."""
    imported = read_bundle(chain, "the CA's certificate")
    ordered = order_chain(imported.certificates)
    if not same_key(key, ordered.leaf.public_key()):
        raise AcmeFailed("The CA's certificate is not for the order's key. Nothing was installed.", code="check",
                         fix="Run the command again; report this CA if it repeats.")
    checks = check_certificate(ordered.leaf, key=key, host_names=project.settings.web_host_names,
                               missing_issuer=ordered.missing_issuer, self_signed=False)
    plan = InstallPlan(tls_folder(project), ordered, key, "the new ACME key", None, checks,
                       imported.notices + ordered.notices())
    if plan.errors:
        first = plan.errors[0]
        raise AcmeFailed(f"The issued certificate fails a check: {first.message} Nothing was installed.",
                         code="check", fix=first.fix)
    not_before, not_after = acme_keys.leaf_dates(chain)
    return Staged(chain, acme_keys.key_to_pem(key), settings, plan, not_before, not_after,
                  acme_keys.leaf_names(chain))


def install_staged(project, staged: Staged, remember: bool = True) -> Result:
    """Install a staged certificate through the project's install path (checks done, backup, key 0600)."""
    plan = staged.plan
    backup = install_planned(project, plan)
    notices = list(plan.notices)
    if remember and staged.settings is not None:
        AcmeStore(project.paths).write_settings(staged.settings)
    if write_restart_method(project.paths):
        notices.append("Wrote the 4D method TLS_RestartWebServer (Project/Sources/Methods/) that restarts "
                       "4D's web server when cert.pem changed.")
    return Result(staged.domains, plan.folder, staged.not_before, staged.not_after,
                  "ecdsa" if describe_key(plan.key).startswith("ECDSA") else "rsa", backup.id if backup else None,
                  len(plan.chain.certificates), checks=plan.checks, notices=notices)


def _install(project, chain: bytes, key_pem: bytes) -> Result:
    key = acme_keys.load_key_pem(key_pem, "the order's key")
    return install_staged(project, stage(project, chain, key, None), remember=False)
