"""CertFacts: what validation needs to know about cert.pem (made only once a certificate is read)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class CertFacts:
    """A certificate as validation sees it (tlsgui.crypto.summary makes them)."""

    subject: str
    issuer: str
    key_type: str  # "RSA", "ECDSA", or another algorithm name
    key_bits: int
    not_before: datetime
    not_after: datetime
    names: tuple[str, ...]  # subjectAltName DNS names and IP addresses
    self_signed: bool
    signature_hash: str  # e.g. "sha256"; "" when unknown
    server_auth: bool | None = None  # None: no extendedKeyUsage extension
    matches_key: bool | None = None  # None: no key.pem to compare with
    chain_length: int = 1
