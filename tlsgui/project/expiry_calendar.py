"""An iCalendar (RFC 5545) event for a certificate's expiry, with alarms, for `tlsgui check --ics FILE`."""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

from tlsgui.policy.acme import warning_period
from tlsgui.project.atomic import write_atomic


def _stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _text(value: str) -> str:
    # RFC 5545 section 3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values.
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    # RFC 5545 section 3.1: lines longer than 75 octets are folded with CRLF + space.
    data, out = line.encode(), []
    while len(data) > 75:
        cut = 75
        while (data[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        out.append(data[:cut])
        data = b" " + data[cut:]
    out.append(data)
    return "\r\n".join(part.decode() for part in out)


def expiry_event(project_name: str, root: Path, names: list[str], not_before: datetime.datetime,
                 not_after: datetime.datetime, now: datetime.datetime | None = None) -> str:
    """A VCALENDAR with one all-moment VEVENT at notAfter, alarms at the warning period and one day before."""
    now = now or datetime.datetime.now(datetime.timezone.utc)
    warn = warning_period(not_before, not_after)
    uid = hashlib.sha256(f"{root}|{_stamp(not_after)}".encode()).hexdigest()[:24] + "@tlsgui"
    summary = f"TLS certificate of {project_name} expires"
    description = (f"The certificate for {', '.join(names) or project_name} in {root} expires at "
                   f"{not_after:%Y-%m-%d %H:%M} UTC. Renew it before: tlsgui renew \"{root}\" "
                   "(or tlsgui acme / the Certificate Wizard).")
    alarms = []
    for before in sorted({warn, min(warn, datetime.timedelta(days=1))}, reverse=True):
        seconds = int(before.total_seconds())
        alarms += ["BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{_text(summary)}",
                   f"TRIGGER;RELATED=START:-PT{seconds}S", "END:VALARM"]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tlsgui//certificate expiry//EN", "CALSCALE:GREGORIAN",
             "BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{_stamp(now)}", f"DTSTART:{_stamp(not_after)}",
             f"DTEND:{_stamp(not_after + datetime.timedelta(minutes=30))}", f"SUMMARY:{_text(summary)}",
             f"DESCRIPTION:{_text(description)}", *alarms, "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def write_ics(path: Path, text: str) -> None:
    write_atomic(Path(path), text.encode(), mode=0o644)
