"""The ACME protocol through certbot's `acme` library: account, order, challenges, finalize, ARI, in words."""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable

import josepy
import requests
from acme import client as acme_client
from acme import errors as acme_errors
from acme import messages

from tlsgui import __version__
from tlsgui.errors import TlsguiError
from tlsgui.policy.acme import problem_words

# The library retries once; a CA under load (or Pebble's PEBBLE_WFE_NONCEREJECT) may reject several in a row.
BAD_NONCE_RETRIES = 30
TIMEOUT = 30


class AcmeFailed(TlsguiError):
    """The CA refused or a validation failed (exit 1): nothing was installed."""

    def __init__(self, message: str, *, code: str = "", where: str = "", fix: str = "") -> None:
        super().__init__(message, where=where, fix=fix)
        self.code = code


class Cancelled(AcmeFailed):
    def __init__(self) -> None:
        super().__init__("Cancelled: nothing was installed.", code="cancelled")


class _Network(acme_client.ClientNetwork):
    """ClientNetwork that retries badNonce silently (RFC 8555 section 6.5: the client should retry)."""

    def post(self, *args, **kwargs):
        for attempt in range(BAD_NONCE_RETRIES):
            try:
                return self._post_once(*args, **kwargs)
            except messages.Error as error:
                if error.code != "badNonce" or attempt == BAD_NONCE_RETRIES - 1:
                    raise
        raise AssertionError("unreachable")


def problem(error: Exception, where: str = "") -> AcmeFailed:
    """Any failure of the library or the network as AcmeFailed with words and what to do."""
    if isinstance(error, AcmeFailed):
        return error
    if isinstance(error, messages.Error):
        code = error.code or ""
        message, fix = problem_words(code, error.detail or "")
        for sub in getattr(error, "subproblems", None) or ():
            if sub.identifier is not None:
                message += f" ({sub.identifier.value}: {sub.detail})"
        return AcmeFailed(message, code=code, where=where, fix=fix)
    if isinstance(error, acme_errors.ValidationError):
        failed = []
        for authzr in error.failed_authzrs:
            for chall in authzr.body.challenges:
                if chall.error is not None:
                    sub = problem(chall.error)
                    failed.append((authzr.body.identifier.value, sub))
        name, first = failed[0] if failed else ("", AcmeFailed("Validation failed."))
        return AcmeFailed(f"Validation of {name} failed: {first.message}", code=first.code, where=where,
                          fix=first.fix)
    if isinstance(error, acme_errors.TimeoutError):
        return AcmeFailed("The CA did not finish in time.", code="timeout", fix="Try again later.")
    if isinstance(error, requests.exceptions.SSLError):
        return AcmeFailed(f"The CA's HTTPS certificate is not trusted ({error}).", code="tls", where=where,
                          fix="For a test CA, give its root with --ca-bundle FILE.")
    if isinstance(error, requests.exceptions.RequestException):
        return AcmeFailed(f"Cannot reach the CA ({error.__class__.__name__}: {error}).", code="network",
                          where=where, fix="Check the directory URL and this computer's internet connection.")
    if isinstance(error, acme_errors.Error):
        return AcmeFailed(f"The CA's answer was not understood ({error}).", code="protocol", where=where,
                          fix="Check the directory URL points to an RFC 8555 ACME server.")
    raise error


class AcmeSession:
    """One CA directory with this project's account key, speaking RFC 8555 through the acme library."""

    def __init__(self, directory_url: str, account_jwk: josepy.JWK, alg, ca_bundle: str = "") -> None:
        self.directory_url = directory_url
        # requests' `verify` takes a CA bundle path as well as True; the library passes it through unchanged.
        self.net = _Network(account_jwk, alg=alg, verify_ssl=ca_bundle or True,  # type: ignore[arg-type]
                            user_agent=f"tlsgui/{__version__} acme-python", timeout=TIMEOUT)
        try:
            directory = acme_client.ClientV2.get_directory(directory_url, self.net)
        except Exception as exc:
            raise problem(exc, where=directory_url) from None
        self.client = acme_client.ClientV2(directory, self.net)

    @property
    def terms(self) -> str:
        meta = self.client.directory.meta
        return str(meta.terms_of_service or "") if meta else ""

    @property
    def eab_required(self) -> bool:
        return self.client.external_account_required()

    @property
    def has_ari(self) -> bool:
        try:
            self.client.directory["renewalInfo"]
        except KeyError:
            return False
        return True

    def account(self, known_uri: str, email: str, agree_tos: bool, eab_kid: str = "",
                eab_hmac_key: str = "") -> str:
        """The account URL: the known one if the CA still has it, else a new (or found) account."""
        try:
            if known_uri:
                regr = messages.RegistrationResource(uri=known_uri, body=messages.Registration())
                self.net.account = regr
                try:
                    self.client.query_registration(regr)
                    return known_uri
                except messages.Error as error:
                    if error.code not in ("accountDoesNotExist", "unauthorized"):
                        raise
                    self.net.account = None
            if self.terms and not agree_tos:
                raise TlsguiError(f"The CA's terms of service must be accepted: {self.terms}",
                                  where="--agree-tos", fix="Read them, then add --agree-tos.")
            eab = None
            if eab_kid or eab_hmac_key:
                if not (eab_kid and eab_hmac_key):
                    raise TlsguiError("External Account Binding needs both --eab-kid and --eab-hmac-key.",
                                      fix="Copy both from the CA's web console.")
                try:
                    eab = messages.ExternalAccountBinding.from_data(
                        account_public_key=self.net.key.public_key(),  # type: ignore[union-attr]
                        kid=eab_kid, hmac_key=eab_hmac_key,
                        directory=self.client.directory)
                except (ValueError, TypeError) as exc:
                    raise TlsguiError(f"The EAB HMAC key is not base64url ({exc}).", where="--eab-hmac-key",
                                      fix="Copy it exactly as the CA shows it.") from None
            elif self.eab_required:
                raise TlsguiError("This CA needs External Account Binding.", where="--eab-kid",
                                  fix="Give --eab-kid and --eab-hmac-key from the CA's web console.")
            registration = messages.NewRegistration.from_data(
                email=email or None, terms_of_service_agreed=bool(self.terms) or agree_tos,
                external_account_binding=eab)
            try:
                regr = self.client.new_account(registration)
            except acme_errors.ConflictError as conflict:  # the key already has an account: use it
                regr = messages.RegistrationResource(uri=conflict.location, body=messages.Registration())
                self.net.account = regr
            return regr.uri
        except TlsguiError:
            raise
        except Exception as exc:
            raise problem(exc, where=self.directory_url) from None

    def new_order(self, csr_pem: bytes) -> messages.OrderResource:
        try:
            return self.client.new_order(csr_pem)
        except Exception as exc:
            raise problem(exc, where=self.directory_url) from None

    @staticmethod
    def pick(authzr: messages.AuthorizationResource, kind: str):
        """The challenge of this type (Pebble and real CAs offer several, in no fixed order)."""
        for challb in authzr.body.challenges:
            if challb.chall.typ == kind:
                return challb
        offered = ", ".join(c.chall.typ for c in authzr.body.challenges)
        raise AcmeFailed(f"The CA offers no {kind} challenge for {authzr.body.identifier.value} (it offers "
                         f"{offered}).", code="unsupported", fix="Choose another challenge type.")

    def validation(self, challb) -> str:
        """What to serve (HTTP-01 key authorization) or publish (DNS-01 TXT value) for a challenge."""
        return challb.chall.validation(self.net.key)

    def answer(self, challb) -> None:
        try:
            self.client.answer_challenge(challb, challb.chall.response(self.net.key))
        except Exception as exc:
            raise problem(exc) from None

    def poll_valid(self, authzrs: list, cancelled: Callable[[], bool], limit: float = 120) -> None:
        """Wait for every authorization to leave `pending` (short, growing intervals; Cancel checked)."""
        deadline = time.monotonic() + limit
        failed = []
        for authzr in authzrs:
            interval = 0.05
            while True:
                if cancelled():
                    raise Cancelled()
                try:
                    authzr, _ = self.client.poll(authzr)
                except Exception as exc:
                    raise problem(exc) from None
                if authzr.body.status != messages.STATUS_PENDING:
                    break
                if time.monotonic() > deadline:
                    raise problem(acme_errors.TimeoutError())
                time.sleep(interval)  # the CA's validation runs on its side; bounded poll
                interval = min(interval * 2, 2)
            if authzr.body.status != messages.STATUS_VALID:
                failed.append(authzr)
        if failed:
            raise problem(acme_errors.ValidationError(failed))

    def finalize(self, orderr: messages.OrderResource, limit: float = 120) -> str:
        """Finalize the order with its CSR and return the full chain PEM the CA issued."""
        deadline = datetime.datetime.now() + datetime.timedelta(seconds=limit)
        try:
            done = self.client.finalize_order(orderr, deadline)
        except Exception as exc:
            raise problem(exc) from None
        return done.fullchain_pem

    def resume(self, order_uri: str, finalize_uri: str, authorizations: list[str], csr_pem: bytes,
               limit: float = 30) -> str | None:
        """Finish an order a crashed run left, when all its authorizations are valid; None when it cannot."""
        try:
            deadline_s = time.monotonic() + limit
            for url in authorizations:
                authzr = messages.AuthorizationResource(uri=url, body=messages.Authorization())
                authzr, _ = self.client.poll(authzr)
                interval = 0.05
                # A run killed right after the CA fetched its answer leaves the validation running on the CA's
                # side (a challenge "processing", the authorization still "pending"): wait for its outcome.
                # A challenge nobody answered stays "pending": nothing to wait for.
                while (authzr.body.status == messages.STATUS_PENDING
                       and any(c.status == messages.STATUS_PROCESSING for c in authzr.body.challenges)
                       and time.monotonic() < deadline_s):
                    time.sleep(interval)  # the CA's validation runs on its side; bounded poll
                    interval = min(interval * 2, 2)
                    authzr, _ = self.client.poll(authzr)
                if authzr.body.status != messages.STATUS_VALID:
                    return None
            orderr = messages.OrderResource(uri=order_uri, csr_pem=csr_pem,
                                            body=messages.Order(finalize=finalize_uri))
            deadline = datetime.datetime.now() + datetime.timedelta(seconds=limit)
            return self.client.poll_finalization(orderr, deadline).fullchain_pem
        except Exception:
            return None

    def renewal_window(self, cert_pem: bytes) -> datetime.datetime | None:
        """RFC 9773: the time the CA suggests renewing at (a random point in its window), None without ARI."""
        try:
            when, _ = self.client.renewal_time(cert_pem)
        except acme_errors.ARIError:
            return None
        if when is not None and when.tzinfo is None:
            when = when.replace(tzinfo=datetime.timezone.utc)
        return when
