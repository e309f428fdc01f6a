"""What makes a server certificate acceptable: its dates, lifetime, key and signature hash, decided once.

Validation (policy/rules.py, from CertFacts) and the certificate checks before an install
(crypto/checks.py, from the certificate itself) word these verdicts for their own readers; the decisions
are these functions.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from tlsgui.policy.limits import EXPIRY_WARNING_DAYS, MAX_LIFETIME_DAYS, MIN_EC_BITS, MIN_RSA_BITS

#: Key types 4D's TLS accepts (4D doc Admin/tls.md: RSA; ECDSA since 20 R4, not with the legacy layer).
SUPPORTED_KEY_TYPES = ("RSA", "ECDSA")
#: Signature hashes browsers refuse as broken (SHA-1 since 2017, MD5 long before).
BROKEN_HASHES = ("sha1", "md5")


def not_yet_valid(not_before: datetime, now: datetime) -> bool:
    return now < not_before


def expired(not_after: datetime, now: datetime) -> bool:
    return now >= not_after


def days_left(not_after: datetime, now: datetime) -> int:
    return (not_after - now).days


#: Renew once a third of the lifetime is left (Let's Encrypt's advice for its 90-day certificates: renew every
#: 60 days; certbot renews at 30 days left), and warn from there for a short-lived certificate.
RENEW_FRACTION_LEFT = 1 / 3


def warning_period(not_before: datetime, not_after: datetime) -> timedelta:
    """How long before expiry to warn: EXPIRY_WARNING_DAYS, or a third of the lifetime for short-lived
    certificates (a 6-day certificate would otherwise warn from the moment it is issued)."""
    return min(timedelta(days=EXPIRY_WARNING_DAYS), (not_after - not_before) * RENEW_FRACTION_LEFT)


def expiring_soon(not_before: datetime, not_after: datetime, now: datetime) -> bool:
    """Still valid, but inside the warning period."""
    return not expired(not_after, now) and not_after - now < warning_period(not_before, not_after)


def time_left(not_after: datetime, now: datetime) -> str:
    """"12 days", or "5 hours" on the last day."""
    left = not_after - now
    return f"{left.days} days" if left.days else f"{int(left.total_seconds() // 3600)} hours"


def expiry_status(not_before: datetime | None, not_after: datetime | None, now: datetime) -> tuple[str, str]:
    """(words, level) for the window's status bar: level '' (fine), 'warning' (inside the warning period) or
    'error' (expired); ("", "") without a certificate. The same verdicts as the rules' findings."""
    if not_before is None or not_after is None:
        return "", ""
    if expired(not_after, now):
        return f"Certificate expired on {not_after:%Y-%m-%d}", "error"
    level = "warning" if expiring_soon(not_before, not_after, now) else ""
    return f"Certificate: {time_left(not_after, now)} left", level


def lifetime_too_long(not_before: datetime, not_after: datetime) -> bool:
    """Longer than browsers accept for a server certificate (398 days)."""
    return (not_after - not_before).days > MAX_LIFETIME_DAYS


def key_supported(key_type: str) -> bool:
    return key_type in SUPPORTED_KEY_TYPES


def key_too_weak(key_type: str, bits: int) -> bool:
    """An RSA modulus under MIN_RSA_BITS or an ECDSA curve under MIN_EC_BITS (CA/B Forum BR 6.1.5)."""
    if key_type == "RSA":
        return bits < MIN_RSA_BITS
    if key_type == "ECDSA":
        return bits < MIN_EC_BITS
    return False


def hash_broken(name: str) -> bool:
    return name.lower() in BROKEN_HASHES
