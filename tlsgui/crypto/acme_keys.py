"""Keys for ACME: the account key as a JWK, the order's CSR for its domains, and a certificate's dates."""

from __future__ import annotations

from datetime import datetime

import josepy
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from tlsgui.crypto.csr import CsrFields, build_csr
from tlsgui.crypto.keys import generate_key, key_to_pem, load_private_key
from tlsgui.errors import TlsguiError


def new_account_key():
    """A new ACME account key: ECDSA P-256 (ES256), accepted by every RFC 8555 CA and fast to sign with."""
    return generate_key("ecdsa", curve="p256")


def account_jwk(key) -> tuple[josepy.JWK, josepy.JWASignature]:
    """The account key as the JWK and JWS algorithm the acme library signs with."""
    if isinstance(key, ec.EllipticCurvePrivateKey):
        alg = {256: josepy.ES256, 384: josepy.ES384}.get(key.curve.key_size)
        if alg is None:
            raise TlsguiError("The ACME account key uses an unsupported curve.",
                              fix="Delete .tlsgui/acme/account-key.pem.")
        return josepy.JWKEC(key=key), alg
    if isinstance(key, rsa.RSAPrivateKey):
        return josepy.JWKRSA(key=key), josepy.RS256
    raise TlsguiError("The ACME account key is neither ECDSA nor RSA.", fix="Delete .tlsgui/acme/account-key.pem.")


def load_key_pem(data: bytes, where: str):
    return load_private_key(data, where=where)


def order_key(key_type: str):
    """The certificate's private key: ECDSA P-256 or RSA 2048 (the two 4D loads; policy.acme picks)."""
    return generate_key("ecdsa", curve="p256") if key_type == "ecdsa" else generate_key("rsa", bits=2048)


def domains_csr(key, domains: list[str]) -> bytes:
    """A PEM CSR naming every domain as a SAN (the first as CN too); TlsguiError for a bad name."""
    return build_csr(key, CsrFields(common_name=domains[0], sans=tuple(f"DNS:{d}" for d in domains[1:])))


def leaf_dates(cert_pem: bytes) -> tuple[datetime, datetime]:
    """(notBefore, notAfter) in UTC of the first certificate of a PEM chain."""
    cert = x509.load_pem_x509_certificate(cert_pem)
    return cert.not_valid_before_utc, cert.not_valid_after_utc


def leaf_names(cert_pem: bytes) -> list[str]:
    cert = x509.load_pem_x509_certificate(cert_pem)
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    return [str(n) for n in san.get_values_for_type(x509.DNSName)]


__all__ = ["new_account_key", "account_jwk", "order_key", "domains_csr", "leaf_dates", "leaf_names",
           "key_to_pem", "load_key_pem"]
