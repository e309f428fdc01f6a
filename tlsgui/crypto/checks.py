"""Checks of a certificate before (and after) install: key match, dates, strength, hash, EKU, names, issuer."""

from __future__ import annotations

from datetime import datetime, timezone

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID

from tlsgui.crypto.keys import describe_key, same_key
from tlsgui.model.options import split_names
from tlsgui.policy.acme import warning_period
from tlsgui.policy.findings import Finding, Severity
from tlsgui.policy.hosts import uncovered
from tlsgui.policy.limits import MAX_LIFETIME_DAYS, MIN_EC_BITS, MIN_RSA_BITS

#: Names of the checks (a check is a Finding whose key is one of these; severity None means it passed).
CHECK_NAMES = ("key", "dates", "lifetime", "strength", "hash", "usage", "names", "issuer", "chain")


def _check(name: str, severity: Severity | None, message: str, fix: str = "") -> Finding:
    """A certificate check's verdict as a Finding keyed by the check's name."""
    return Finding(severity, name, message, fix)


def _names(cert: x509.Certificate) -> list[str]:
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    return list(san.get_values_for_type(x509.DNSName)) + [str(a) for a in san.get_values_for_type(x509.IPAddress)]


def _date_checks(cert: x509.Certificate, now: datetime) -> list[Finding]:
    start, end = cert.not_valid_before_utc, cert.not_valid_after_utc
    out = []
    if now < start:
        out.append(_check("dates", Severity.ERROR, f"The certificate is not valid yet: it starts on "
                         f"{start:%Y-%m-%d %H:%M} UTC.", "Check this computer's clock, or wait until then."))
    elif now >= end:
        out.append(_check("dates", Severity.ERROR, f"The certificate expired on {end:%Y-%m-%d}.",
                         "Renew it with your certification authority (a new request is best)."))
    elif end - now < warning_period(start, end):
        out.append(_check("dates", Severity.WARNING, f"The certificate expires in {(end - now).days} days, "
                         f"on {end:%Y-%m-%d}.", "Renew it soon."))
    else:
        out.append(_check("dates", None, f"Valid from {start:%Y-%m-%d} until {end:%Y-%m-%d}."))
    lifetime = (end - start).days
    if lifetime > MAX_LIFETIME_DAYS:
        out.append(_check("lifetime", Severity.WARNING, f"The certificate is valid for {lifetime} days; browsers "
                         f"reject server certificates valid for more than {MAX_LIFETIME_DAYS} days.",
                         "Fine for a private CA used by 4D clients only; for browsers, ask for a shorter one."))
    return out


def _strength_check(cert: x509.Certificate) -> Finding:
    public = cert.public_key()
    words = describe_key(public)
    if isinstance(public, rsa.RSAPublicKey) and public.key_size < MIN_RSA_BITS:
        return _check("strength", Severity.ERROR, f"The key ({words}) is too weak.",
                     f"Use a {MIN_RSA_BITS}-bit key or larger.")
    if isinstance(public, ec.EllipticCurvePublicKey) and public.curve.key_size < MIN_EC_BITS:
        return _check("strength", Severity.ERROR, f"The key ({words}) is too weak.", "Use P-256 or P-384.")
    if not isinstance(public, (rsa.RSAPublicKey, ec.EllipticCurvePublicKey)):
        return _check("strength", Severity.ERROR, f"The key type ({words}) is not supported by 4D.",
                     "Use an RSA or ECDSA certificate.")
    return _check("strength", None, f"Key: {words}.")


def _hash_check(cert: x509.Certificate) -> Finding:
    algorithm = cert.signature_hash_algorithm
    name = algorithm.name if algorithm else ""
    if name in ("sha1", "md5"):
        return _check("hash", Severity.ERROR, f"The certificate is signed with {name.upper()}, which browsers "
                     "reject as broken.", "Ask the certification authority for a SHA-256 certificate.")
    return _check("hash", None, f"Signature hash: {name.upper() or 'built in (EdDSA)'}.")


def _usage_check(cert: x509.Certificate) -> Finding:
    try:
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return _check("usage", None, "No extended key usage: any use is allowed.")
    if ExtendedKeyUsageOID.SERVER_AUTH not in eku:
        return _check("usage", Severity.ERROR, "The certificate is not meant for TLS servers (its extended key "
                     "usage lacks serverAuth): clients will refuse it.",
                     "Ask the CA for a TLS server (web server) certificate.")
    return _check("usage", None, "Allowed for TLS servers (serverAuth).")


def check_certificate(leaf: x509.Certificate, *, key=None, host_names: str = "",
                      missing_issuer: str = "", self_signed: bool | None = None,
                      now: datetime | None = None) -> list[Finding]:
    """Every check on `leaf` (with its private key, the project's host names and chain facts when known)."""
    now = now or datetime.now(timezone.utc)
    out: list[Finding] = []
    if key is not None:
        if same_key(key, leaf.public_key()):
            out.append(_check("key", None, "The certificate belongs to the private key."))
        else:
            out.append(_check("key", Severity.ERROR, "The certificate does not match the private key: it was "
                             "issued for another key, so the servers could not start TLS with this pair.",
                             "Install the certificate issued for this key's request, or give its key with "
                             "--key FILE."))
    out += _date_checks(leaf, now)
    out += [_strength_check(leaf), _hash_check(leaf), _usage_check(leaf)]
    names = _names(leaf)
    wanted = split_names(host_names)
    if not names:
        out.append(_check("names", Severity.WARNING, "The certificate has no subjectAltName: browsers ignore the "
                         "common name and will reject it.", "Ask the CA for a certificate with subjectAltName."))
    elif wanted:
        missing = uncovered(wanted, names)
        if missing:
            out.append(_check("names", Severity.WARNING, f"The certificate does not cover {', '.join(missing)} "
                             f"(it names {', '.join(names)}).",
                             "Request a certificate whose subjectAltName lists every host name."))
        else:
            out.append(_check("names", None, f"Covers every host name: {', '.join(wanted)}."))
    else:
        out.append(_check("names", None, f"Names: {', '.join(names)}."))
    if self_signed is None:
        self_signed = leaf.issuer == leaf.subject
    if self_signed:
        out.append(_check("issuer", Severity.WARNING, "The certificate is self-signed: fine for development "
                         "only; browsers and 4D clients will not trust it.",
                         "For production, request a certificate from a certification authority."))
    elif missing_issuer:
        out.append(_check("chain", Severity.WARNING, f"The issuer certificate ({missing_issuer}) is not in the "
                         "files: unless it is a root that clients already trust, an intermediate is missing "
                         "and clients will fail to verify the chain.",
                         "Add the intermediate certificate(s) the CA sent (often 'ca-bundle' or 'chain')."))
    else:
        out.append(_check("chain", None, f"Issued by {leaf.issuer.rfc4514_string()}; chain complete."))
    return out
