"""Offline trust: cert.pem's chain verified against Mozilla's root store (certifi) by cryptography's WebPKI verifier."""

from __future__ import annotations

import ipaddress
import warnings
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from cryptography import x509
from cryptography.x509 import verification
from cryptography.x509.oid import AuthorityInformationAccessOID

from tlsgui.policy.devca import DEFAULT_CA_NAME

#: Words for the verifier's reasons (cryptography's messages, matched by their stable part).
_REASONS = (
    ("no matching subjectAltName", "name"),
    ("required EKU not found", "usage"),
    ("keyUsage", "usage"),
    ("EKU", "usage"),
    ("expired", "time"),
    ("not yet valid", "time"),
    ("validity", "time"),
)


@dataclass(frozen=True)
class TrustResult:
    """What a browser's verifier would say of cert.pem: trusted by Mozilla's roots, or each problem in words."""

    trusted: bool
    problems: tuple[str, ...] = ()  # why browsers would not trust it (root, chain, time)
    name_problems: tuple[str, ...] = ()  # host names the certificate does not cover
    usage_problems: tuple[str, ...] = ()  # key usage / extended key usage that no client accepts
    chain_warnings: tuple[str, ...] = ()  # an intermediate is missing but can be fetched (AIA): not T


@lru_cache(maxsize=1)
def mozilla_roots() -> tuple[x509.Certificate, ...]:
    """Mozilla's root store as the `certifi` package ships it."""
    import certifi

    with open(certifi.where(), "rb") as handle, warnings.catch_warnings():
        # A few old roots have a negative serial number, which cryptography warns about; they still verify.
        warnings.simplefilter("ignore")
        return tuple(x509.load_pem_x509_certificates(handle.read()))


def _subject(name: str):
    try:
        return verification.IPAddress(ipaddress.ip_address(name))
    except ValueError:
        return verification.DNSName(name)


def _first_name(leaf: x509.Certificate) -> str | None:
    try:
        san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return None
    names = [str(n) for n in san.get_values_for_type(x509.DNSName)]
    names += [str(ip) for ip in san.get_values_for_type(x509.IPAddress)]
    return names[0] if names else None


def _verify(roots, leaf, intermediates, subject: str, now: datetime) -> str:
    """'' when the chain verifies for `subject`, else the verifier's reason."""
    try:
        verifier = verification.PolicyBuilder().store(verification.Store(list(roots))).time(now) \
            .build_server_verifier(_subject(subject))
        verifier.verify(leaf, list(intermediates))
    except verification.VerificationError as exc:
        return str(exc).split(" (encountered processing", 1)[0].removeprefix("validation failed: ")
    except ValueError as exc:  # e.g. a host name the verifier cannot take as a DNS name
        return str(exc)
    return ""


def _kind(reason: str) -> str:
    return next((kind for words, kind in _REASONS if words in reason), "other")


def _ca_issuers(cert: x509.Certificate) -> str:
    """The first caIssuers address of the authorityInformationAccess extension, or ''."""
    try:
        aia = cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
    except x509.ExtensionNotFound:
        return ""
    return next((d.access_location.value for d in aia
                 if d.access_method == AuthorityInformationAccessOID.CA_ISSUERS), "")


def _cn(cert: x509.Certificate) -> str:
    return cert.subject.rfc4514_string() or "(no subject)"


def check_trust(chain: list[x509.Certificate], host_names: tuple[str, ...], now: datetime,
                roots: tuple[x509.Certificate, ...] | None = None) -> TrustResult:
    """Verify `chain` (cert.pem, leaf first) as a browser would, offline; `roots` default to Mozilla's."""
    roots = mozilla_roots() if roots is None else roots
    leaf, rest = chain[0], chain[1:]
    subject = next(iter(host_names), None) or _first_name(leaf)
    if subject is None:
        return TrustResult(False, ("The certificate has no subjectAltName: browsers check only that, not the "
                                   "common name, so no host name can match.",))
    problems: list[str] = []
    incomplete: list[str] = []
    reason = _verify(roots, leaf, rest, subject, now)
    trusted_by, intermediates = roots, rest
    top = chain[-1]
    root_names = {root.subject for root in roots}
    reaches_a_root = top in roots or (top.issuer != top.subject and top.issuer in root_names)
    if reason and not reaches_a_root:
        # No path to a trusted root: say why in the words of the chain, then look for other problems by
        # anchoring at the chain's own top, as a user who trusts it explicitly would.
        if len(chain) == 1 and leaf.issuer == leaf.subject:
            problems.append("The certificate is self-signed: no browser trusts it unless told to.")
        elif any(DEFAULT_CA_NAME in name.rfc4514_string() for name in (top.subject, top.issuer)):
            problems.append(f"Issued by tlsgui's development CA ({top.issuer.rfc4514_string()}): only computers "
                            "where it was installed (tlsgui devca trust) trust this chain; no public client or "
                            "scanner does.")
        elif top.issuer == top.subject:
            problems.append(f"Unknown root: {_cn(top)} is not in Mozilla's root store, so browsers do not "
                            "trust this chain.")
        elif _ca_issuers(top):
            # SSL Labs and Chrome fetch a missing intermediate from the AIA address (SSL Labs: "Extra
            # download"), so they still trust it; Firefox, curl and 4D's own clients do not.
            incomplete.append(f"Incomplete chain: cert.pem ends with {_cn(top)}, issued by "
                              f"{top.issuer.rfc4514_string()}, which is not in cert.pem. Browsers that fetch it "
                              f"from {_ca_issuers(top)} trust the chain; Firefox, curl and 4D's remote clients "
                              "do not.")
        else:
            problems.append(f"Incomplete chain or unknown CA: cert.pem ends with {_cn(top)}, issued by "
                            f"{top.issuer.rfc4514_string()}, which is neither in cert.pem nor among Mozilla's roots.")
        trusted_by, intermediates = (top,), rest[:-1]
        reason = _verify(trusted_by, leaf, intermediates, subject, now)
    trusted = not problems and not reason
    usage: list[str] = []
    names: list[str] = []
    if reason:
        kind = _kind(reason)
        if kind == "usage":
            usage.append(f"The certificate's key usage does not allow a TLS server ({reason}): every client "
                         "refuses it.")
        elif kind == "name" and not host_names:
            problems.append(f"The certificate does not verify for its own first name {subject} ({reason}).")
        elif "2.5.29.35" in reason:
            problems.append("A certificate of the chain has no authorityKeyIdentifier, which strict verifiers "
                            f"(WebPKI, RFC 5280) require ({reason}).")
        elif kind != "name":
            problems.append(f"The chain does not verify ({reason}).")
    for name in host_names:
        why = _verify(trusted_by, leaf, intermediates, name, now)
        if why and _kind(why) == "name":
            names.append(f"The certificate does not cover {name} (a browser's WebPKI check).")
    return TrustResult(trusted and not usage and not names and not incomplete, tuple(problems), tuple(names),
                       tuple(usage), tuple(incomplete))


def trust_of_installed(pem: bytes, host_names: tuple[str, ...], now: datetime) -> TrustResult | None:
    """check_trust for cert.pem's bytes; None when a certificate cannot be read (cert_error says why)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            chain = x509.load_pem_x509_certificates(pem)
        return check_trust(chain, host_names, now)
    except (ValueError, TypeError, x509.InvalidVersion):
        return None


def trust_of_served(ders: tuple[bytes, ...], host_names: tuple[str, ...], now: datetime) -> TrustResult | None:
    """check_trust for the chain a server sent (DER, in the order sent); None when it cannot be read."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            chain = [x509.load_der_x509_certificate(der) for der in ders]
        return check_trust(chain, host_names, now) if chain else None
    except (ValueError, TypeError, x509.InvalidVersion):
        return None


def leaf_key_facts(der: bytes) -> tuple[str, int, str]:
    """(key type, key bits, signature hash) of a served leaf, for the rating; ("", 0, "") when unreadable."""
    from tlsgui.crypto.keys import key_description

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            leaf = x509.load_der_x509_certificate(der)
            key_type, bits = key_description(leaf.public_key())
            algorithm = leaf.signature_hash_algorithm
    except (ValueError, TypeError, x509.InvalidVersion):
        return "", 0, ""
    return key_type, bits, algorithm.name if algorithm else ""
