"""TLS policy profiles: Mozilla Modern and Intermediate (guideline 5.8), 4D's default, and Custom."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    min_version: str | None  # None: Custom leaves values as they are
    cipher_list: str | None
    description: str


# Mozilla Server Side TLS 5.8 Intermediate: ECDHE with AEAD only (the DHE suites of 5.7 were removed).
INTERMEDIATE_CIPHERS = ":".join(
    (
        "ECDHE-ECDSA-AES128-GCM-SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305",
        "ECDHE-RSA-CHACHA20-POLY1305",
    )
)

MODERN = Profile(
    "modern", "Modern (TLS 1.3 only)", "1.3", "",
    "Mozilla's Modern profile: TLS 1.3 only. Clients older than about 2019 cannot connect.",
)
INTERMEDIATE = Profile(
    "intermediate", "Intermediate (recommended)", "1.2", INTERMEDIATE_CIPHERS,
    "Mozilla's Intermediate profile: TLS 1.2 and 1.3, ECDHE key exchange with AEAD ciphers only.",
)
FOURD_DEFAULT = Profile(
    "4d_default", "4D default", "1.2", "",
    "TLS 1.2 minimum and 4D's built-in cipher list (what 4D v19 does when nothing is set).",
)
CUSTOM = Profile("custom", "Custom", None, None, "Your own minimum version and cipher list.")

PROFILES: tuple[Profile, ...] = (MODERN, INTERMEDIATE, FOURD_DEFAULT, CUSTOM)
BY_NAME = {profile.name: profile for profile in PROFILES}


def _normalise(cipher_list: str) -> str:
    return ":".join(part for part in cipher_list.replace(",", ":").replace(" ", ":").split(":") if part)


def profile_of(min_version: str, cipher_list: str) -> Profile:
    """The profile a pair of values matches; derived, never stored, so it cannot disagree with them."""
    for profile in (MODERN, INTERMEDIATE, FOURD_DEFAULT):
        if profile.min_version == min_version and _normalise(profile.cipher_list or "") == _normalise(cipher_list):
            return profile
    return CUSTOM
