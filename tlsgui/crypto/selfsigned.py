"""Development certificates: self-signed, with proper SANs and serverAuth, valid at most 398 days."""

# Made to pass strict verifiers (cryptography's `x509.verification`, sslyze) once the user trusts the
# certificate itself: SKI and AKI (RFC 5280 sections 4.2.1.1-2; the WebPKI profile requires an AKI in
# end-entity certificates), CA:FALSE, key usage, the serverAuth EKU and the names in the SAN.

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tlsgui.crypto.csr import CsrFields, check_fields, san_names
from tlsgui.errors import TlsguiError
from tlsgui.policy.limits import MAX_LIFETIME_DAYS

DEFAULT_SANS = ("DNS:localhost", "IP:127.0.0.1", "IP:::1")


def make_selfsigned(key, common_name: str = "localhost", sans: tuple[str, ...] = DEFAULT_SANS, days: int = 365,
                    now: datetime | None = None) -> bytes:
    """A PEM self-signed certificate for `key`; the CN is always also a SAN."""
    if not 1 <= days <= MAX_LIFETIME_DAYS:
        raise TlsguiError(f"{days} days is out of range.", where="--days",
                          fix=f"Use 1 to {MAX_LIFETIME_DAYS} days; browsers reject longer server certificates.")
    fields = CsrFields(common_name=common_name, sans=tuple(sans))
    check_fields(fields)
    names = san_names(fields)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name.strip()),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "tlsgui development certificate")])
    # Backdated an hour so that a client whose clock is slightly behind still accepts it.
    start = (now or datetime.now(timezone.utc)) - timedelta(hours=1)
    public = key.public_key()
    ski = x509.SubjectKeyIdentifier.from_public_key(public)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(start + timedelta(days=days))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_encipherment=hasattr(public, "key_size")
                                     and not hasattr(public, "curve"), content_commitment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(ski, critical=False)
        # Self-signed: the authority is the certificate itself, so its AKI names its own key.
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM)

