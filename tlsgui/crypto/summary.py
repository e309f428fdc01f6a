"""A short summary of installed cert.pem / key.pem for status display and validation."""

from __future__ import annotations

import warnings
from datetime import timezone
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import ExtendedKeyUsageOID

from tlsgui.crypto.keys import key_description, same_key
from tlsgui.errors import TlsguiError
from tlsgui.model.cert_facts import CertFacts
from tlsgui.policy.limits import MAX_TLS_FILE


def cert_facts(cert: x509.Certificate, chain_length: int = 1, private_key=None) -> CertFacts:
    key_type, bits = key_description(cert.public_key())
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = tuple(san.get_values_for_type(x509.DNSName)) + tuple(
            str(ip) for ip in san.get_values_for_type(x509.IPAddress))
    except x509.ExtensionNotFound:
        names = ()
    try:
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        server_auth = ExtendedKeyUsageOID.SERVER_AUTH in eku
    except x509.ExtensionNotFound:
        server_auth = None
    matches = None
    if private_key is not None:
        matches = same_key(private_key, cert.public_key())
    hash_algorithm = cert.signature_hash_algorithm
    return CertFacts(
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        key_type=key_type,
        key_bits=bits,
        not_before=cert.not_valid_before_utc.astimezone(timezone.utc),
        not_after=cert.not_valid_after_utc.astimezone(timezone.utc),
        names=names,
        self_signed=cert.issuer == cert.subject,
        signature_hash=hash_algorithm.name if hash_algorithm else "",
        server_auth=server_auth,
        matches_key=matches,
        chain_length=chain_length,
    )


def _read(path: Path) -> bytes:
    from tlsgui.safe_read import read_regular

    try:
        return read_regular(path, MAX_TLS_FILE, path.name)
    except FileNotFoundError:
        raise TlsguiError(f"{path.name} does not exist.", where=str(path)) from None


def summarize_installed(cert_path: Path, key_path: Path) -> CertFacts:
    """Facts about an installed cert.pem (and whether key.pem matches it); TlsguiError if unreadable."""
    from tlsgui.crypto.importer import readable

    try:
        chain = x509.load_pem_x509_certificates(_read(cert_path))
    except (ValueError, x509.InvalidVersion):
        raise TlsguiError("cert.pem holds no readable PEM certificate.", where=str(cert_path)) from None
    # A cert.pem edited by hand may hold a certificate whose key or extensions cannot be decoded: say so
    # here instead of failing later in cert_facts (found by fuzzing the installed files).
    chain = [readable(cert, str(cert_path)) for cert in chain]
    private_key = None
    if key_path.is_file():
        try:
            private_key = serialization.load_pem_private_key(_read(key_path), password=None)
        except TypeError:
            raise TlsguiError("key.pem is encrypted with a password; 4D needs it unencrypted.",
                              where=str(key_path)) from None
        except (ValueError, UnsupportedAlgorithm):
            raise TlsguiError("key.pem holds no readable PEM private key.", where=str(key_path)) from None
    return cert_facts(chain[0], len(chain), private_key)


def certificate_summary(cert: x509.Certificate) -> dict:
    """A readable summary of one certificate, for the CLI and the files status."""
    facts = cert_facts(cert)
    return {
        "subject": facts.subject,
        "issuer": facts.issuer,
        "names": list(facts.names),
        "key": f"{facts.key_type} {facts.key_bits}",
        "not_before": facts.not_before.isoformat(timespec="seconds"),
        "not_after": facts.not_after.isoformat(timespec="seconds"),
        "self_signed": facts.self_signed,
        "signature_hash": facts.signature_hash,
        "serial": _serial_hex(cert),
    }


def _serial_hex(cert: x509.Certificate) -> str:
    with warnings.catch_warnings():
        # cryptography warns when the serial number is read, not when the certificate is loaded, so the
        # importer's filter does not cover it: a negative serial (some old real roots) printed a
        # CryptographyDeprecationWarning on stderr here (found by `make fuzz`).
        warnings.filterwarnings("ignore", message="Parsed a serial number which wasn't positive")
        serial = cert.serial_number
    return format(serial, "X")


def certificates_pem(certificates: list[x509.Certificate]) -> bytes:
    """cert.pem's content: the certificates in order, PEM with LF line endings."""
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certificates)
