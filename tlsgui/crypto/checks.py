"""Checks of a certificate before (and after) install: key match, dates, strength, hash, EKU, names, issuer."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import datetime, timezone

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID

from tlsgui.crypto.keys import describe_key, same_key
from tlsgui.model.options import split_names
from tlsgui.model.validation import Severity
from tlsgui.policy.acme import warning_period

# Browsers reject TLS server certificates valid for more than 398 days (Apple/Chrome/Mozilla since 2020-09-01).
MAX_LIFETIME_DAYS = 398


@dataclass(frozen=True)
class Check:
    """One check result: `severity` None means it passed; the message is for a person either way."""

    name: str  # "key", "dates", "lifetime", "strength", "hash", "usage", "names", "issuer", "chain"
    severity: Severity | None
    message: str
    fix: str = ""

    @property
    def passed(self) -> bool:
        return self.severity is None

    def as_json(self) -> dict:
        return {"check": self.name, "severity": self.severity.value if self.severity else "ok",
                "message": self.message, "fix": self.fix}


def _names(cert: x509.Certificate) -> list[str]:
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    return list(san.get_values_for_type(x509.DNSName)) + [str(a) for a in san.get_values_for_type(x509.IPAddress)]


def covers(name: str, sans: list[str]) -> bool:
    """RFC 6125: exact match, or a '*.' wildcard standing for exactly one left-most label (never for an IP)."""
    name = name.lower().rstrip(".")
    try:
        ip = ipaddress.ip_address(name)
        return any(_same_ip(ip, san) for san in sans)
    except ValueError:
        pass
    for san in (s.lower() for s in sans):
        if san == name or (san.startswith("*.") and "." in name and name.split(".", 1)[1] == san[2:]):
            return True
    return False


def _same_ip(ip, san: str) -> bool:
    try:
        return ipaddress.ip_address(san) == ip
    except ValueError:
        return False


def _date_checks(cert: x509.Certificate, now: datetime) -> list[Check]:
    start, end = cert.not_valid_before_utc, cert.not_valid_after_utc
    out = []
    if now < start:
        out.append(Check("dates", Severity.ERROR, f"The certificate is not valid yet: it starts on "
                         f"{start:%Y-%m-%d %H:%M} UTC.", "Check this computer's clock, or wait until then."))
    elif now >= end:
        out.append(Check("dates", Severity.ERROR, f"The certificate expired on {end:%Y-%m-%d}.",
                         "Renew it with your certification authority (a new request is best)."))
    elif end - now < warning_period(start, end):
        out.append(Check("dates", Severity.WARNING, f"The certificate expires in {(end - now).days} days, "
                         f"on {end:%Y-%m-%d}.", "Renew it soon."))
    else:
        out.append(Check("dates", None, f"Valid from {start:%Y-%m-%d} until {end:%Y-%m-%d}."))
    lifetime = (end - start).days
    if lifetime > MAX_LIFETIME_DAYS:
        out.append(Check("lifetime", Severity.WARNING, f"The certificate is valid for {lifetime} days; browsers "
                         f"reject server certificates valid for more than {MAX_LIFETIME_DAYS} days.",
                         "Fine for a private CA used by 4D clients only; for browsers, ask for a shorter one."))
    return out


def _strength_check(cert: x509.Certificate) -> Check:
    public = cert.public_key()
    words = describe_key(public)
    if isinstance(public, rsa.RSAPublicKey) and public.key_size < 2048:
        return Check("strength", Severity.ERROR, f"The key ({words}) is too weak.", "Use a 2048-bit key or larger.")
    if isinstance(public, ec.EllipticCurvePublicKey) and public.curve.key_size < 256:
        return Check("strength", Severity.ERROR, f"The key ({words}) is too weak.", "Use P-256 or P-384.")
    if not isinstance(public, (rsa.RSAPublicKey, ec.EllipticCurvePublicKey)):
        return Check("strength", Severity.ERROR, f"The key type ({words}) is not supported by 4D.",
                     "Use an RSA or ECDSA certificate.")
    return Check("strength", None, f"Key: {words}.")


def _hash_check(cert: x509.Certificate) -> Check:
    algorithm = cert.signature_hash_algorithm
    name = algorithm.name if algorithm else ""
    if name in ("sha1", "md5"):
        return Check("hash", Severity.ERROR, f"The certificate is signed with {name.upper()}, which browsers "
                     "reject as broken.", "Ask the certification authority for a SHA-256 certificate.")
    return Check("hash", None, f"Signature hash: {name.upper() or 'built in (EdDSA)'}.")


def _usage_check(cert: x509.Certificate) -> Check:
    try:
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return Check("usage", None, "No extended key usage: any use is allowed.")
    if ExtendedKeyUsageOID.SERVER_AUTH not in eku:
        return Check("usage", Severity.ERROR, "The certificate is not meant for TLS servers (its extended key "
                     "usage lacks serverAuth): clients will refuse it.",
                     "Ask the CA for a TLS server (web server) certificate.")
    return Check("usage", None, "Allowed for TLS servers (serverAuth).")


def check_certificate(leaf: x509.Certificate, *, key=None, host_names: str = "",
                      missing_issuer: str = "", self_signed: bool | None = None,
                      now: datetime | None = None) -> list[Check]:
    """Every check on `leaf` (with its private key, the project's host names and chain facts when known)."""
    now = now or datetime.now(timezone.utc)
    out: list[Check] = []
    if key is not None:
        if same_key(key, leaf.public_key()):
            out.append(Check("key", None, "The certificate belongs to the private key."))
        else:
            out.append(Check("key", Severity.ERROR, "The certificate does not match the private key: it was "
                             "issued for another key, so the servers could not start TLS with this pair.",
                             "Install the certificate issued for this key's request, or give its key with "
                             "--key FILE."))
    out += _date_checks(leaf, now)
    out += [_strength_check(leaf), _hash_check(leaf), _usage_check(leaf)]
    names = _names(leaf)
    wanted = split_names(host_names)
    if not names:
        out.append(Check("names", Severity.WARNING, "The certificate has no subjectAltName: browsers ignore the "
                         "common name and will reject it.", "Ask the CA for a certificate with subjectAltName."))
    elif wanted:
        missing = [n for n in wanted if not covers(n, names)]
        if missing:
            out.append(Check("names", Severity.WARNING, f"The certificate does not cover {', '.join(missing)} "
                             f"(it names {', '.join(names)}).",
                             "Request a certificate whose subjectAltName lists every host name."))
        else:
            out.append(Check("names", None, f"Covers every host name: {', '.join(wanted)}."))
    else:
        out.append(Check("names", None, f"Names: {', '.join(names)}."))
    if self_signed is None:
        self_signed = leaf.issuer == leaf.subject
    if self_signed:
        out.append(Check("issuer", Severity.WARNING, "The certificate is self-signed: fine for development "
                         "only; browsers and 4D clients will not trust it.",
                         "For production, request a certificate from a certification authority."))
    elif missing_issuer:
        out.append(Check("chain", Severity.WARNING, f"The issuer certificate ({missing_issuer}) is not in the "
                         "files: unless it is a root that clients already trust, an intermediate is missing "
                         "and clients will fail to verify the chain.",
                         "Add the intermediate certificate(s) the CA sent (often 'ca-bundle' or 'chain')."))
    else:
        out.append(Check("chain", None, f"Issued by {leaf.issuer.rfc4514_string()}; chain complete."))
    return out


def worst(checks: list[Check]) -> Severity | None:
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        if any(c.severity is severity for c in checks):
            return severity
    return None
