"""An offline prediction of the SSL Labs grade of the web server, with the reasons for it."""

from __future__ import annotations

from dataclasses import dataclass

from tlsgui.crypto.ciphers import analyse
from tlsgui.model.facts import FileFacts
from tlsgui.model.validation import ONE_YEAR

_ORDER = ["A+", "A", "B", "C", "F"]


@dataclass(frozen=True)
class Grade:
    grade: str  # "A+", "A", "B", "C", "F", "T" (not trusted) or "-" (no HTTPS to grade)
    reasons: tuple[str, ...]
    if_trusted: str = ""  # for "T": the grade if trust issues are ignored, as SSL Labs shows it

    def as_json(self) -> dict:
        return {"grade": self.grade, "reasons": list(self.reasons), "if_trusted": self.if_trusted}


def _cap(current: str, cap: str) -> str:
    return cap if _ORDER.index(cap) > _ORDER.index(current) else current


def predict_grade(settings, facts: FileFacts | None = None) -> Grade:
    """SSL Labs' caps (rating guide 2009r, 2020 TLS 1.0/1.1 change) applied to these settings and files."""
    facts = facts or FileFacts()
    if not settings.web_https_enabled:
        return Grade("-", ("HTTPS is disabled: there is nothing to grade.",))
    if not (facts.key_present and facts.cert_present):
        return Grade("-", ("key.pem or cert.pem is missing: HTTPS cannot start.",))
    grade, reasons = "A", []
    if settings.tls_min_version in ("1.0", "1.1"):
        grade = _cap(grade, "B")
        reasons.append(f"TLS {settings.tls_min_version} is accepted: capped at B.")
    if settings.tls_min_version != "1.3" and settings.tls_cipher_list.strip():
        analysis = analyse(settings.tls_cipher_list)
        if analysis.error or not analysis.suites:
            return Grade("F", ("The cipher list selects no suite: TLS 1.2 handshakes fail.",))
        if not analysis.forward_secret:
            grade = _cap(grade, "B")
            reasons.append("No forward secrecy (no ECDHE/DHE suite): capped at B.")
        if not analysis.aead:
            grade = _cap(grade, "B")
            reasons.append("No AEAD suite: capped at B.")
        if any(s.bits < 128 for s in analysis.suites):
            grade = _cap(grade, "C")
            reasons.append("Suites weaker than 128 bits (e.g. 3DES) are enabled: capped at C.")
    elif settings.tls_min_version != "1.3":
        reasons.append("The cipher list is 4D's built-in one (not published); predicted as OpenSSL's default.")
    if facts.dh_bits is not None and facts.dh_bits < 2048:
        grade = _cap(grade, "B")
        reasons.append(f"DH parameters of {facts.dh_bits} bits: capped at B.")
    cert = facts.cert
    trust = ""
    if cert:
        if cert.key_type == "RSA" and cert.key_bits < 2048:
            grade = _cap(grade, "B")
            reasons.append(f"An RSA key of {cert.key_bits} bits: capped at B.")
        if cert.signature_hash == "md5":
            grade = _cap(grade, "F")
            reasons.append("An MD5 signature: F.")
        if cert.self_signed:
            trust = "The certificate is self-signed, so it is not trusted."
        elif cert.not_after <= facts.now:
            trust = "The certificate has expired, so it is not trusted."
        elif facts.trust_problems or facts.usage_problems:
            trust = " ".join((*facts.trust_problems, *facts.usage_problems))
    if grade == "A":
        if settings.web_hsts_enabled and settings.web_hsts_max_age >= ONE_YEAR:
            grade = "A+"
            reasons.append("HSTS with a max age of at least one year: A+.")
        else:
            reasons.append("A+ needs HSTS with a max age of at least one year.")
    if trust:
        return Grade("T", (trust, *reasons), if_trusted=grade)
    return Grade(grade, tuple(reasons))
