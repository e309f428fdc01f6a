"""The SSL Labs grade as data: each cap of the published rating guide, its wording and version, and the rating."""

from __future__ import annotations

from dataclasses import dataclass, field

from tlsgui.policy import limits

#: The rules below follow this document; each Cap names the section or announcement it comes from.
GUIDE = "SSL Labs, SSL Server Rating Guide, version 2009r (2025-05-16)"
GUIDE_URL = "https://github.com/ssllabs/research/wiki/SSL-Server-Rating-Guide"
#: "SSL Labs Grading Changes for 2017" and "SSL Labs Grading 2018" (Qualys blog), folded into the guide.
CHANGES_2017 = "SSL Labs Grading Changes for 2017 (16 November 2016, updated 28 March 2017)"
CHANGES_2018 = "SSL Labs Grading 2018 (forward secrecy and AEAD caps)"
CHANGES_2020 = "SSL Labs Grade Change for TLS 1.0 and TLS 1.1 Protocols (January 2020)"

ORDER = ("A+", "A", "A-", "B", "C", "D", "E", "F")
#: A+ needs "HSTS with long duration": SSL Labs and testssl.sh both use 180 days (policy/limits.py, where the
#: window reads it without loading this guide).
HSTS_A_PLUS = limits.HSTS_A_PLUS


@dataclass(frozen=True)
class Cap:
    """One rule of the guide: the most a server gets when the rule applies."""

    name: str
    grade: str  # the cap; "F" rules are errors
    guide: str  # the guide's own wording, as published
    source: str  # document and version
    message: str  # tlsgui's words for the user, {placeholders} filled from the facts
    fix: str = ""

    @property
    def error(self) -> bool:
        return self.grade == "F"


def _cap(name, grade, guide, source, message, fix="") -> Cap:
    return Cap(name, grade, guide, source, message, fix)


CAPS: dict[str, Cap] = {cap.name: cap for cap in (
    _cap("null_suite", "F", "Cipher suites without encryption (NULL) → F", GUIDE,
         "NULL suites ({suites}): traffic would not be encrypted.",
         "Remove them: add !eNULL to tls.cipher_list, or choose a profile."),
    _cap("anonymous_suite", "F", "Anonymous (insecure) suites → F", GUIDE,
         "Anonymous suites ({suites}): the server would not be authenticated, so anyone in the middle can "
         "intercept the traffic.", "Remove them: add !aNULL to tls.cipher_list, or choose a profile."),
    _cap("export_suite", "F", "Export cipher suites → F", GUIDE,
         "Export suites ({suites}): 40/56-bit encryption, broken (FREAK, Logjam).",
         "Remove them: add !EXPORT to tls.cipher_list, or choose a profile."),
    _cap("des_suite", "F", "Cipher strength below 112 bits (single DES) → F", GUIDE,
         "Single-DES suites ({suites}): 56-bit encryption, broken.",
         "Remove them from tls.cipher_list, or choose a profile."),
    _cap("md5_signature", "F", "MD5 certificate signatures → F", GUIDE,
         "An MD5 certificate signature: broken.", "Ask the certification authority for a SHA-256 certificate."),
    _cap("rsa_key_below_1024", "F", "Insecure key (below 1024 bits) → F", GUIDE,
         "An RSA key of {bits} bits: breakable.", "Use a 2048-bit or larger key."),
    _cap("rc4_modern", "C", "RC4 with TLS 1.1 or newer → C", GUIDE,
         "RC4 suites ({suites}) with TLS 1.2: RC4 is broken (RFC 7465).", "Remove RC4 from tls.cipher_list."),
    _cap("3des_modern", "C", "3DES with TLS 1.1 or newer → C (unless it is last in the server's order)",
         CHANGES_2017, "3DES suites ({suites}) with TLS 1.2: 64-bit blocks (Sweet32).",
         "Remove DES-CBC3 suites from tls.cipher_list, or put them last."),
    _cap("old_protocols", "B", "TLS 1.0 or TLS 1.1 supported → B", CHANGES_2020,
         "TLS {version} accepted (obsolete, RFC 8996).", "Set tls.min_version to 1.2."),
    _cap("no_forward_secrecy", "B", "No forward secrecy with modern clients → B", CHANGES_2018,
         "No forward secrecy: TLS 1.3 is off and no TLS 1.2 suite has ECDHE or DHE.",
         "Add ECDHE suites, or allow TLS 1.3."),
    _cap("no_aead", "B", "No AEAD suites with modern clients → B", CHANGES_2018,
         "No AEAD suite: TLS 1.3 is off and no TLS 1.2 suite is GCM or ChaCha20-Poly1305.",
         "Add ECDHE-RSA-AES128-GCM-SHA256, or allow TLS 1.3."),
    _cap("weak_dh", "B", "DH parameters below 2048 bits → B", GUIDE,
         "DH parameters of {bits} bits (Logjam).", "Install the ffdhe2048 group or larger."),
    _cap("rsa_key_below_2048", "B", "Key below 2048 bits → B", GUIDE,
         "An RSA key of {bits} bits.", "Use a 2048-bit or larger key."),
)}

#: 4D v19 and later always offer TLS 1.3: there is a minimum TLS version but no maximum (4D doc Admin/tls.md,
#: "TLS protocol"), so every modern client negotiates TLS 1.3 with forward secrecy and AEAD whatever the
#: TLS 1.2 list says. The guide's forward-secrecy and AEAD caps are about those clients (its handshake
#: simulations), so they never apply to 4D; a TLS 1.2 list without them is a warning for older clients.
TLS13_ALWAYS_ON = True


def reason(name: str, **values) -> str:
    """The grade's sentence for a cap: tlsgui's words, then the guide's rule in parentheses."""
    cap = CAPS[name]
    return f"{cap.message.format(**values)} (SSL Labs: {cap.guide}.)"


#: Reasons the grade becomes T ("not trusted") or M (name mismatch); SSL Labs still shows the grade the server
#: would get if trusted, and so does tlsgui.
TRUST = "Certificate not trusted (unknown CA, self-signed, incomplete chain, expired, revoked, wrong usage) → T"
MISMATCH = "Certificate name mismatch → M"


@dataclass(frozen=True)
class RatingFacts:
    """What the rating needs, from settings (predicted) or from a probe (observed); no OpenSSL or X.509 here."""

    https: bool = True
    tls_versions: tuple[str, ...] = ("1.2", "1.3")  # every version the server accepts
    tls12_suites: tuple[str, ...] = ()  # accepted TLS 1.2-and-older suites (OpenSSL names), server order
    suites_unknown: tuple[str, ...] = ()  # cipher-list words this OpenSSL lacks but another may use
    dh_bits: int | None = None  # the DH size TLS 1.2 DHE uses, when a DHE suite is allowed
    key_type: str = ""
    key_bits: int = 0
    signature_hash: str = ""
    trust_problems: tuple[str, ...] = ()  # words; any makes the grade T
    name_problems: tuple[str, ...] = ()  # words; any makes the grade M
    hsts_max_age: int | None = None  # None: no HSTS header
    notes: tuple[str, ...] = field(default=())  # said with the grade, change nothing


@dataclass(frozen=True)
class Finding:
    cap: Cap
    message: str

    @property
    def grade(self) -> str:
        return self.cap.grade


@dataclass(frozen=True)
class Rating:
    grade: str  # A+ .. F, "T", "M", or "-" (no HTTPS)
    if_trusted: str = ""  # for T and M: the grade the server would otherwise get
    findings: tuple[Finding, ...] = ()
    reasons: tuple[str, ...] = ()  # every sentence, for a person


# -- suites by name (OpenSSL's naming; the legacy names of hello.LEGACY_SUITES included) ------------------------

def is_tls13_suite(name: str) -> bool:
    return name.startswith("TLS_")


def is_null(name: str) -> bool:
    return "NULL" in name.split("-")


def is_anonymous(name: str) -> bool:
    return name.startswith(("ADH-", "AECDH-", "EXP-ADH-")) or "_anon_" in name


def is_export(name: str) -> bool:
    return name.startswith("EXP")


def is_rc4(name: str) -> bool:
    return "RC4" in name


def is_3des(name: str) -> bool:
    return "DES-CBC3" in name or "3DES" in name


def is_single_des(name: str) -> bool:
    return "DES-CBC-" in name and not is_export(name)


def forward_secret(name: str) -> bool:
    """TLS 1.3 suites always use (EC)DHE; before it, only ECDHE-/DHE-/EDH- suites (anonymous ones aside)."""
    return is_tls13_suite(name) or name.startswith(("ECDHE-", "DHE-", "EDH-"))


def aead(name: str) -> bool:
    return is_tls13_suite(name) or any(mode in name for mode in ("GCM", "CHACHA20", "CCM"))


WEAK_KINDS = (("null_suite", is_null), ("anonymous_suite", is_anonymous), ("export_suite", is_export),
              ("des_suite", is_single_des), ("rc4_modern", is_rc4), ("3des_modern", is_3des))


def weak_kind(name: str) -> str | None:
    """The cap a suite triggers on its own (NULL, anonymous, EXPORT, DES, RC4, 3DES), or None."""
    return next((cap for cap, test in WEAK_KINDS if test(name)), None)


def weak_suites(names: tuple[str, ...], unknown: tuple[str, ...] = ()) -> list[tuple[str, list[str]]]:
    """(cap name, suites) for every weak kind present, in the guide's order; 3DES kept last is not counted.

    `names`: accepted suites in the server's order; `unknown`: cipher-list words this OpenSSL lacks but an
    older library (another 4D) may still use.
    """
    by_kind: dict[str, list[str]] = {}
    for name in (*names, *(word.lstrip("+") for word in unknown)):
        kind = weak_kind(name)
        if kind:
            by_kind.setdefault(kind, []).append(name)
    out = []
    for kind, _test in WEAK_KINDS:
        found = by_kind.get(kind)
        if not found:
            continue
        # 3DES last in the server's order is not negotiated by modern clients (2017 change).
        if kind == "3des_modern" and all(n in names for n in found) and list(names[-len(found):]) == found \
                and len(found) < len(names):
            continue
        out.append((kind, found))
    return out


def lower(current: str, cap: str) -> str:
    """The worse of two grades (A+ best, F worst)."""
    return cap if ORDER.index(cap) > ORDER.index(current) else current


def rate(facts: RatingFacts) -> Rating:
    """The grade per the guide: start at A, apply every cap, then A+, then T/M over the result."""
    if not facts.https:
        return Rating("-", reasons=("HTTPS is disabled: there is nothing to grade.",))
    findings: list[Finding] = []

    def apply(name: str, **values) -> None:
        cap = CAPS[name]
        findings.append(Finding(cap, cap.message.format(**values)))

    suites = facts.tls12_suites if any(v in facts.tls_versions for v in ("1.0", "1.1", "1.2")) else ()
    for kind, names in weak_suites(suites, facts.suites_unknown):
        apply(kind, suites=", ".join(names))
    old = [v for v in ("1.0", "1.1") if v in facts.tls_versions]
    if old:
        apply("old_protocols", version=" and ".join(old))
    if "1.3" not in facts.tls_versions and suites:
        if not any(forward_secret(n) and not is_anonymous(n) for n in suites):
            apply("no_forward_secrecy")
        if not any(aead(n) for n in suites):
            apply("no_aead")
    if facts.dh_bits is not None and facts.dh_bits < 2048:
        apply("weak_dh", bits=facts.dh_bits)
    if facts.key_type == "RSA" and facts.key_bits:
        if facts.key_bits < 1024:
            apply("rsa_key_below_1024", bits=facts.key_bits)
        elif facts.key_bits < 2048:
            apply("rsa_key_below_2048", bits=facts.key_bits)
    if facts.signature_hash == "md5":
        apply("md5_signature")
    grade = "A"
    for finding in findings:
        grade = lower(grade, finding.grade)
    reasons = [f"{f.message} (SSL Labs: {f.cap.guide}.)" for f in findings]
    if grade == "A":
        if facts.hsts_max_age is not None and facts.hsts_max_age >= HSTS_A_PLUS:
            grade = "A+"
            reasons.append(f"HSTS with a max age of at least 180 days ({HSTS_A_PLUS} s) and no warnings: A+.")
        else:
            reasons.append(f"A+ needs HSTS with a max age of at least 180 days ({HSTS_A_PLUS} s).")
    reasons += facts.notes
    if facts.trust_problems:
        return Rating("T", grade, tuple(findings), (*facts.trust_problems, *reasons))
    if facts.name_problems:
        return Rating("M", grade, tuple(findings), (*facts.name_problems, *reasons))
    return Rating(grade, "", tuple(findings), tuple(reasons))
