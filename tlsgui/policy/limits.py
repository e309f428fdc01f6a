"""The policy as numbers: key and DH sizes, certificate lifetimes, HSTS ages, file-size limits."""

from __future__ import annotations

# CA/Browser Forum Baseline Requirements 6.1.5 (and NIST SP 800-131A): RSA moduli of at least 2048 bits,
# ECDSA on P-256 or larger. The sizes tlsgui offers when it makes a key.
MIN_RSA_BITS = 2048
MIN_EC_BITS = 256
RSA_SIZES = (2048, 3072, 4096)

# Logjam (weakdh.org, 2015): finite-field DH below 2048 bits is within reach; SSL Labs' rating guide caps
# such servers at B. RFC 7919 names the groups; custom generation offers the same sizes.
MIN_DH_BITS = 2048
DH_SIZES = (2048, 3072, 4096)
DH_TEST_SIZE = 512  # tests only: milliseconds to generate, and refused by validation if installed

# Apple, Chrome and Mozilla reject TLS server certificates valid for more than 398 days (since 2020-09-01).
MAX_LIFETIME_DAYS = 398
# Warn this many days before expiry (what ACME clients such as certbot use to renew).
EXPIRY_WARNING_DAYS = 30

# HSTS max-age (RFC 6797 6.1.1), in seconds. One year is the hstspreload.org minimum; two years is the
# longest anyone recommends (and 4D's default).
ONE_YEAR = 31536000
TWO_YEARS = 63072000
TEN_YEARS = 10 * ONE_YEAR
# SSL Labs' A+ needs "HSTS with long duration": 180 days, as testssl.sh (policy/rating.py cites the guide).
HSTS_A_PLUS = 180 * 86400

# A PEM key, certificate chain or DH parameter file is a few KiB; refuse to read anything absurd.
MAX_TLS_FILE = 1024 * 1024

# TLS 1.0 and 1.1 are deprecated (RFC 8996); SSL Labs caps servers accepting them at B (2020).
OBSOLETE_TLS = ("1.0", "1.1")


def tls_version_label(version: str) -> str:
    """"TLS 1.2", or "TLS 1.0 (obsolete)" for a version RFC 8996 deprecates."""
    return f"TLS {version}" + (" (obsolete)" if version in OBSOLETE_TLS else "")


def min_version_order(versions) -> list[str]:
    """The choices of a minimum version as a person should meet them: the current ones first, oldest of them
    first (1.2, 1.3), then the obsolete ones, newest first (1.1, 1.0)."""
    current = [v for v in versions if v not in OBSOLETE_TLS]
    return current + [v for v in reversed(tuple(versions)) if v in OBSOLETE_TLS]
