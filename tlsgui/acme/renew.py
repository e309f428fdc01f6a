"""Renew when due (the CA's ARI window, RFC 9773, else a third of the lifetime left), with the remembered order."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from tlsgui.acme.client import AcmeFailed, AcmeSession
from tlsgui.acme.obtain import Request, Result, obtain
from tlsgui.crypto import acme_keys
from tlsgui.errors import TlsguiError
from tlsgui.policy import acme as rules
from tlsgui.project.acme_store import AcmeStore
from tlsgui.project.install import CERT, tls_folder


@dataclass
class Due:
    due: bool
    when: datetime.datetime | None  # when renewal is (was) due; None: no certificate installed
    source: str  # "ari", "lifetime", "missing", "force"
    words: str

    def as_json(self) -> dict:
        return {"due": self.due, "when": self.when.isoformat(timespec="seconds") if self.when else None,
                "source": self.source, "words": self.words}


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def due_state(project, session: AcmeSession | None, now: datetime.datetime | None = None) -> Due:
    """Whether the installed certificate is due, and which rule said so."""
    now = now or _now()
    cert_path = tls_folder(project) / CERT
    if not cert_path.is_file():
        return Due(True, None, "missing", "No cert.pem is installed: a certificate is needed now.")
    pem = cert_path.read_bytes()
    try:
        not_before, not_after = acme_keys.leaf_dates(pem)
    except ValueError:
        return Due(True, None, "missing", "cert.pem cannot be read: a new certificate is needed now.")
    if session is not None and session.has_ari:
        try:
            when = session.renewal_window(pem)
        except Exception:
            when = None
        if when is not None:
            words = (f"the CA's renewal window (ARI, RFC 9773) suggests {when:%Y-%m-%d %H:%M} UTC; the "
                     f"certificate expires {not_after:%Y-%m-%d %H:%M} UTC")
            return Due(now >= when, when, "ari", words)
    when = rules.renewal_due_at(not_before, not_after)
    words = (f"a third of the lifetime is left from {when:%Y-%m-%d %H:%M} UTC (the CA offers no renewal "
             f"window); the certificate expires {not_after:%Y-%m-%d %H:%M} UTC")
    return Due(now >= when, when, "lifetime", words)


def _directory_session(store: AcmeStore, settings) -> AcmeSession:
    key_pem = store.read_account_key()
    key = acme_keys.load_key_pem(key_pem, str(store.account_key)) if key_pem else acme_keys.new_account_key()
    jwk, alg = acme_keys.account_jwk(key)
    return AcmeSession(settings.directory, jwk, alg, settings.ca_bundle)


def renew(project, *, force: bool = False, eab_hmac_key: str = "", progress: Callable[[str], None] = print,
          http_address: str = "", challenge_port: int = 80) -> tuple[Due, Result | None]:
    """Renew with the remembered settings when due (or `force`); (why, result or None when not due).

    AcmeFailed when renewal was due and failed (nothing installed); every run is logged in .tlsgui/acme/.
    """
    store = AcmeStore(project.paths)
    settings = store.read_settings()
    if settings is None:
        raise TlsguiError("This project has no remembered ACME order.", where=str(store.settings_file),
                          fix="Get the first certificate with: tlsgui acme PROJECT --domain NAME ...")
    request = Request(settings, agree_tos=True, eab_hmac_key=eab_hmac_key, http_address=http_address,
                      challenge_port=challenge_port)
    try:
        with store.locked():
            # Only the directory (and its ARI answer) is read here: a run that is not due sends the CA no POST.
            state = due_state(project, _directory_session(store, settings))
        if force:
            state = Due(True, state.when, "force", f"--force: renewing now ({state.words})")
        if not state.due:
            store.log(f"not due: {state.words}")
            return state, None
        store.log(f"due ({state.source}): {state.words}")
        result = obtain(project, request, progress=progress)
        assert isinstance(result, Result)  # install=True: installed, never only staged
    except AcmeFailed as exc:
        store.log(f"failed: {exc}")
        raise
    except TlsguiError as exc:
        store.log(f"failed: {exc}")
        raise
    store.log(f"renewed: {', '.join(result.domains)} until {result.not_after:%Y-%m-%d %H:%M} UTC")
    return state, result
