"""Cipher strings and suites: what OpenSSL makes of a list, and which suites have forward secrecy (stdlib `ssl`)."""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from functools import lru_cache

from tlsgui.policy.rating import forward_secret as forward_secret_by_name
from tlsgui.policy.rating import weak_kind

# OpenSSL keywords that are not cipher names or aliases but are valid in a cipher string.
_SPECIAL = ("@STRENGTH", "@SECLEVEL=")
#: Key exchanges with forward secrecy (ephemeral DH); "any" is OpenSSL's word for TLS 1.3 suites, whose key
#: exchange is negotiated separately and is always (EC)DHE (RFC 8446 2).
FORWARD_SECRET_KX = ("ECDHE", "DHE")


@dataclass(frozen=True)
class Suite:
    name: str  # OpenSSL name, e.g. ECDHE-RSA-AES128-GCM-SHA256
    protocol: str  # "TLSv1.2", "TLSv1.3", "TLSv1.0", "SSLv3"
    kx: str  # "ECDHE", "DHE", "RSA", "PSK", "any" (TLS 1.3)
    auth: str  # "RSA", "ECDSA", "any", ...
    aead: bool
    bits: int

    @property
    def forward_secret(self) -> bool:
        return self.kx in FORWARD_SECRET_KX or self.kx == "any"


@dataclass(frozen=True)
class CipherAnalysis:
    """What OpenSSL makes of a cipher string for TLS 1.2 and older."""

    text: str
    error: str = ""  # non-empty: OpenSSL rejects the string as a whole
    unknown: tuple[str, ...] = ()  # tokens OpenSSL silently ignores (typos)
    suites: tuple[Suite, ...] = ()  # TLS 1.2-and-older suites the string selects, in order

    @property
    def ok(self) -> bool:
        return not self.error and not self.unknown

    @property
    def forward_secret(self) -> bool:
        return any(s.forward_secret for s in self.suites)

    @property
    def only_forward_secret(self) -> bool:
        return bool(self.suites) and all(s.forward_secret for s in self.suites)

    @property
    def aead(self) -> bool:
        return any(s.aead for s in self.suites)

    @property
    def anonymous(self) -> bool:
        return any(s.auth == "none" for s in self.suites)

    @property
    def dhe(self) -> bool:
        return any(s.kx == "DHE" for s in self.suites)


def _context() -> ssl.SSLContext:
    return ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)


_KX = {"kx-ecdhe": "ECDHE", "kx-dhe": "DHE", "kx-rsa": "RSA", "kx-any": "any", "kx-psk": "PSK"}
_AUTH = {"auth-rsa": "RSA", "auth-ecdsa": "ECDSA", "auth-any": "any", "auth-null": "none", "auth-psk": "PSK"}


def _suites(ctx: ssl.SSLContext) -> tuple[Suite, ...]:
    out = []
    for c in ctx.get_ciphers():
        suite = Suite(
            name=c["name"],
            protocol=c["protocol"],
            kx=_KX.get(c.get("kea", ""), c.get("kea", "?").removeprefix("kx-").upper()),
            auth=_AUTH.get(c.get("auth", ""), c.get("auth", "?").removeprefix("auth-").upper()),
            aead=bool(c.get("aead")),
            bits=int(c.get("alg_bits", 0)),
        )
        out.append(suite)
    return tuple(out)


@lru_cache(maxsize=256)
def _token_known(token: str) -> bool:
    ctx = _context()
    try:
        ctx.set_ciphers(token)
    except ssl.SSLError:
        # An alias that selects nothing at this security level still is a real word (e.g. "aNULL").
        try:
            ctx.set_ciphers(token + ":@SECLEVEL=0")
        except ssl.SSLError:
            return False
    return True


def split_tokens(text: str) -> list[str]:
    """The elements of a cipher string; OpenSSL separates them with ':' (also ',' and spaces)."""
    for sep in (",", " "):
        text = text.replace(sep, ":")
    return [t for t in text.split(":") if t]


def analyse(text: str) -> CipherAnalysis:
    """Expand a cipher string as OpenSSL would; empty means the built-in default (OpenSSL's DEFAULT here)."""
    text = text.strip()
    ctx = _context()
    try:
        ctx.set_ciphers(text or "DEFAULT")
    except ssl.SSLError as exc:
        reason = str(exc.args[0] if exc.args else exc).rstrip(".")
        return CipherAnalysis(text, error=f"OpenSSL rejects this cipher list: {reason}.")
    unknown = []
    for token in split_tokens(text):
        # Exclusions of suites this OpenSSL no longer has (e.g. "!RC4") are harmless; only words that
        # should add suites and match nothing are typos.
        if token.startswith(("!", "-")) or token.startswith(_SPECIAL):
            continue
        word = token.lstrip("+")
        if not _token_known(word):
            unknown.append(token)
    suites = tuple(s for s in _suites(ctx) if s.protocol != "TLSv1.3")
    return CipherAnalysis(text, unknown=tuple(unknown), suites=suites)


@lru_cache(maxsize=1)
def _all_suites() -> dict[str, Suite]:
    ctx = _context()
    ctx.set_ciphers("ALL:@SECLEVEL=0")
    return {s.name: s for s in _suites(ctx)}


def forward_secret(version: str, cipher: str) -> bool:
    """Whether a negotiated suite (`version` "1.2", "1.3"; OpenSSL name) has forward secrecy.

    TLS 1.3 always has. Before it, the suite's key exchange decides; a suite this OpenSSL does not have
    (a peer's) is judged by its name, where OpenSSL spells ephemeral DH ECDHE-, DHE- or EDH-.
    """
    if version == "1.3":
        return True
    suite = _all_suites().get(cipher)
    if suite is not None:
        return suite.forward_secret
    return forward_secret_by_name(cipher)


_KIND_WORDS = {"null_suite": "NULL", "anonymous_suite": "anonymous", "export_suite": "EXPORT",
               "des_suite": "single DES", "rc4_modern": "RC4", "3des_modern": "3DES"}


def describe_unknown(tokens: tuple[str, ...]) -> str:
    """A sentence naming each word OpenSSL would skip: typos, and suites this OpenSSL no longer has."""
    kinds = {t: kind for t in tokens if (kind := weak_kind(t.lstrip("+")))}
    dropped = list(kinds)
    typos = [t for t in tokens if t not in kinds]
    parts = []
    if typos:
        parts.append(f"OpenSSL does not know {', '.join(repr(t) for t in typos)}")
    if dropped:
        named = ", ".join(f"{t!r} ({_KIND_WORDS[kinds[t]]})" for t in dropped)
        what = "weak suites it no longer has" if len(dropped) > 1 else "a weak suite it no longer has"
        parts.append(f"this OpenSSL cannot use {named}, {what}")
    text = " and ".join(parts) + ": it would silently skip " + ("them" if len(tokens) > 1 else "it") + "."
    return text[0].upper() + text[1:]
