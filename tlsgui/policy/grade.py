"""An offline prediction of the SSL Labs grade of the web server: the grade caps of the rules' findings."""

from __future__ import annotations

from dataclasses import dataclass

from tlsgui.model.facts import FileFacts
from tlsgui.policy.files import CERT_FILE, KEY_FILE
from tlsgui.policy.rules import findings as rule_findings
from tlsgui.policy.rules import hsts_earns_a_plus

_ORDER = ["A+", "A", "B", "C", "F"]
#: The order the grade lists its reasons in (protocol, cipher list, DH, certificate), as SSL Labs' report does.
REASON_ORDER = ("tls.obsolete_version", "cipher.builtin", "cipher.no_forward_secrecy", "cipher.no_aead",
                "cipher.weak", "dh.size", "cert.rsa_size", "cert.hash")
#: When both apply, the report names self-signed first (it is the reason trust cannot be had at all).
TRUST_ORDER = ("cert.builtin", "cert.self_signed", "cert.expired")


@dataclass(frozen=True)
class Grade:
    grade: str  # "A+", "A", "B", "C", "F", "T" (not trusted) or "-" (no HTTPS to grade)
    reasons: tuple[str, ...]
    if_trusted: str = ""  # for "T": the grade if trust issues are ignored, as SSL Labs shows it

    def as_json(self) -> dict:
        return {"grade": self.grade, "reasons": list(self.reasons), "if_trusted": self.if_trusted}


def _cap(current: str, cap: str) -> str:
    return cap if _ORDER.index(cap) > _ORDER.index(current) else current


def predict_grade(settings, facts: FileFacts | None = None, findings=None) -> Grade:
    """SSL Labs' caps (rating guide 2009r, 2020 TLS 1.0/1.1 change) applied to these settings and files.

    `findings`: the rules' findings for exactly these settings and facts, when the caller has them already.
    """
    facts = facts or FileFacts()
    if not settings.web_https_enabled:
        return Grade("-", ("HTTPS is disabled: there is nothing to grade.",))
    if facts.key_present != facts.cert_present:
        return Grade("-", (f"{KEY_FILE} or {CERT_FILE} is missing: 4D cannot use one without the other.",))
    found = rule_findings(settings, facts) if findings is None else findings
    by_rule = {f.rule: f for f in found if f.rule}
    if "cipher.no_suite" in by_rule:
        return Grade("F", (by_rule["cipher.no_suite"].reason,))
    grade, reasons = "A", []
    for rule in REASON_ORDER:
        finding = by_rule.get(rule)
        if finding is None or not finding.reason:
            continue
        if finding.cap:
            grade = _cap(grade, finding.cap)
        reasons.append(finding.reason)
    trust = next((by_rule[rule].reason for rule in TRUST_ORDER if rule in by_rule), "")
    if grade == "A":
        if hsts_earns_a_plus(settings):
            grade = "A+"
            reasons.append("HSTS with a max age of at least one year: A+.")
        else:
            reasons.append("A+ needs HSTS with a max age of at least one year.")
    if trust:
        return Grade("T", (trust, *reasons), if_trusted=grade)
    return Grade(grade, tuple(reasons))
