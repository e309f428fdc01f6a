"""The handshake report as plain values: listeners, each with a list of checks (passed, failed or info)."""

from __future__ import annotations

from dataclasses import dataclass, field

REPORT_FORMAT = 1


@dataclass(frozen=True)
class Check:
    """One line of the checklist. `passed` None means information only (not applicable or not testable)."""

    name: str  # stable identifier, e.g. "handshake", "refuses_tls1.1", "hsts"
    title: str  # words for a person, e.g. "TLS 1.1 is refused"
    passed: bool | None
    detail: str = ""  # what was observed
    reason: str = ""  # when failed: why it matters and what to do

    @property
    def status(self) -> str:
        return {True: "pass", False: "FAIL", None: "info"}[self.passed]

    def as_json(self) -> dict:
        return {"name": self.name, "title": self.title, "status": self.status.lower(),
                "passed": self.passed, "detail": self.detail, "reason": self.reason}


@dataclass(frozen=True)
class ListenerReport:
    role: str  # web_http, web_https, client_server, sql, or "address" for a probe of HOST:PORT
    label: str
    host: str
    port: int
    tls: bool
    checks: tuple[Check, ...]
    facts: dict = field(default_factory=dict)  # protocol, cipher, key_exchange, forward_secrecy, chain

    @property
    def passed(self) -> bool:
        return all(check.passed is not False for check in self.checks)

    def check(self, name: str) -> Check | None:
        return next((c for c in self.checks if c.name == name), None)

    def as_json(self) -> dict:
        return {"role": self.role, "label": self.label, "host": self.host, "port": self.port, "tls": self.tls,
                "ok": self.passed, "facts": self.facts, "checks": [c.as_json() for c in self.checks]}


@dataclass(frozen=True)
class Report:
    target: str  # the project folder, or HOST:PORT
    listeners: tuple[ListenerReport, ...]
    notes: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        return all(listener.passed for listener in self.listeners)

    def listener(self, role: str) -> ListenerReport | None:
        return next((item for item in self.listeners if item.role == role), None)

    def failures(self) -> list[tuple[ListenerReport, Check]]:
        return [(item, check) for item in self.listeners for check in item.checks if check.passed is False]

    def as_json(self) -> dict:
        return {"format": REPORT_FORMAT, "target": self.target, "ok": self.passed, "notes": list(self.notes),
                "listeners": [item.as_json() for item in self.listeners]}


def report_from_json(data: dict) -> Report:
    """The inverse of `Report.as_json` (the window reads the report a `--worker preview-test` child printed)."""
    if data.get("format") != REPORT_FORMAT:
        raise ValueError(f"unknown report format {data.get('format')!r}")
    listeners = tuple(
        ListenerReport(item["role"], item["label"], item["host"], int(item["port"]), bool(item["tls"]),
                       tuple(Check(c["name"], c["title"], c["passed"], c.get("detail", ""), c.get("reason", ""))
                             for c in item["checks"]),
                       dict(item.get("facts") or {}))
        for item in data["listeners"])
    return Report(data["target"], listeners, tuple(data.get("notes") or ()))


def render_text(report: Report) -> str:
    """The checklist as a person reads it in a terminal."""
    lines = [f"Handshake report for {report.target}"]
    lines += [f"note: {note}" for note in report.notes]
    for item in report.listeners:
        lines.append("")
        lines.append(f"{item.label} on {item.host}:{item.port}" + ("" if item.tls else " (plain HTTP)"))
        for check in item.checks:
            detail = f" — {check.detail}" if check.detail else ""
            lines.append(f"  [{check.status:>4}] {check.title}{detail}")
            if check.passed is False and check.reason:
                lines.append(f"         {check.reason}")
    lines.append("")
    failures = report.failures()
    lines.append("Everything matches the settings." if not failures else
                 f"{len(failures)} check(s) failed.")
    return "\n".join(lines)
