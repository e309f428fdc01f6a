"""CertDetails: one certificate of a chain as a person reads it (made by tlsgui.crypto.details)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class CertDetails:
    """Every field the details dialog shows, as text; `pem`/`der` are the certificate itself for export."""

    subject: str  # RFC 4514 with names for known OIDs (emailAddress=…, not 1.2.840.113549.1.9.1=…)
    issuer: str
    common_name: str  # the subject's CN, or the whole subject when it has none
    serial: str  # hex, colon-separated
    not_before: datetime
    not_after: datetime
    sha256: str  # fingerprint of the DER, hex, colon-separated
    sha1: str
    key: str  # "RSA 2048 bits", "ECDSA P-256 (256 bits)"
    signature: str  # "sha256WithRSAEncryption"
    names: tuple[str, ...]  # subjectAltName entries, "DNS:…", "IP:…", "email:…"
    key_usage: tuple[str, ...]  # "Digital signature", …; extended key usage as "TLS server (serverAuth)"
    extensions: tuple[tuple[str, bool, str], ...]  # (name, critical, value) for every extension
    self_signed: bool
    is_ca: bool
    pem: bytes
    der: bytes
