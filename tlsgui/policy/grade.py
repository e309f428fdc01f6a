"""An offline prediction of the SSL Labs grade of the web server: the grade caps of the rules' findings."""

from __future__ import annotations

from dataclasses import dataclass

from tlsgui.model.facts import FileFacts
from tlsgui.policy import rating
from tlsgui.policy.files import CERT_FILE, KEY_FILE
from tlsgui.policy.rules import findings as rule_findings
from tlsgui.policy.rules import hsts_earns_a_plus

#: The order the grade lists its reasons in (protocol, cipher list, DH, certificate), as SSL Labs' report does.
REASON_ORDER = ("tls.obsolete_version", "cipher.builtin", "cipher.unknown",
                *(f"cipher.{kind}" for kind, _test in rating.WEAK_KINDS),
                "cipher.no_forward_secrecy", "cipher.no_aead", "dh.size", "cert.rsa_size", "cert.hash")
#: When both apply, the report names self-signed first (it is the reason trust cannot be had at all).
TRUST_ORDER = ("cert.builtin", "cert.self_signed", "cert.expired", "cert.untrusted", "cert.usage")


@dataclass(frozen=True)
class Grade:
    grade: str  # "A+", "A", "B", "C", "F", "T" (not trusted) or "-" (no HTTPS to grade)
    reasons: tuple[str, ...]
    if_trusted: str = ""  # for "T": the grade if trust issues are ignored, as SSL Labs shows it

    def as_json(self) -> dict:
        return {"grade": self.grade, "reasons": list(self.reasons), "if_trusted": self.if_trusted}


def predict_grade(settings, facts: FileFacts | None = None, findings=None) -> Grade:
    """The caps of SSL Labs' rating guide (policy/rating.py: the rules as data, their wording and version)
    applied to these settings and files.

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
            grade = rating.lower(grade, finding.cap)
        reasons.append(finding.reason)
    trust = next((by_rule[rule].reason for rule in TRUST_ORDER if rule in by_rule), "")
    if grade == "A":
        if hsts_earns_a_plus(settings):
            grade = "A+"
            reasons.append(f"HSTS with a max age of at least 180 days ({rating.HSTS_A_PLUS} s) and no warnings: A+.")
        else:
            reasons.append(f"A+ needs HSTS with a max age of at least 180 days ({rating.HSTS_A_PLUS} s).")
    if trust:
        return Grade("T", (trust, *reasons), if_trusted=grade)
    return Grade(grade, tuple(reasons))
