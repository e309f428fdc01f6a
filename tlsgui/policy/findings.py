"""The one finding type: a verdict of a rule, with words for a person and what it does to the grade."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class Finding:
    """One verdict. `severity` None: passed (a certificate check) or a note for the grade only.

    `key` is the setting key the finding is about ("files.cert" etc. for files; a check name such as
    "dates" for a certificate check). `cap` is the SSL Labs grade this caps the web server at ("B", "C",
    "F"; "T" for not trusted), `reason` the words the grade shows for it, `rule` a stable id of the rule.
    """

    severity: Severity | None
    key: str
    message: str
    fix: str = ""
    cap: str = ""
    reason: str = ""
    rule: str = ""

    @property
    def passed(self) -> bool:
        return self.severity is None

    @property
    def name(self) -> str:
        """The check name of a certificate check (the same field as `key`)."""
        return self.key

    def as_json(self, key_field: str = "key") -> dict:
        """`key_field`: "check" for certificate checks, whose JSON names the check (docs/certificates.md)."""
        severity = self.severity.value if self.severity else "ok"
        if key_field == "check":
            return {"check": self.key, "severity": severity, "message": self.message, "fix": self.fix}
        return {"severity": severity, "key": self.key, "message": self.message, "fix": self.fix}


def by_severity(findings: list[Finding]) -> list[Finding]:
    """The findings that are problems, errors first (stable within a severity)."""
    problems = [f for f in findings if f.severity is not None]
    return sorted(problems, key=lambda f: SEVERITY_ORDER[f.severity] if f.severity else len(SEVERITY_ORDER))


def worst(findings: list[Finding]) -> Severity | None:
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        if any(f.severity is severity for f in findings):
            return severity
    return None
