"""Validation: the rules' findings that are problems, errors first (the other view is policy.grade)."""

from __future__ import annotations

from tlsgui.model.facts import FileFacts
from tlsgui.policy.findings import Finding, Severity, by_severity
from tlsgui.policy.rules import findings

__all__ = ["Finding", "Severity", "validate"]


def validate(settings, facts: FileFacts | None = None) -> list[Finding]:
    """Every problem with these settings and files, errors first."""
    return by_severity(findings(settings, facts))
