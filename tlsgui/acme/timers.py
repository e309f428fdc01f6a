"""Timers that run `tlsgui renew PROJECT` twice a day: systemd user timer, launchd agent, Task Scheduler task."""

from __future__ import annotations

import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from tlsgui.errors import TlsguiError
from tlsgui.project.atomic import write_atomic
from tlsgui.project.locate import ProjectPaths

# Twice a day at a random minute per project, as certbot's timer does: a CA outage of a few hours is
# retried the same day, and thousands of clients do not all call the CA at the same second.


@dataclass
class TimerDone:
    system: str
    files: list[Path] = field(default_factory=list)
    removed: bool = False
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"system": self.system, "files": [str(p) for p in self.files], "removed": self.removed,
                "notes": self.notes}

    def lines(self) -> list[str]:
        verb = "Removed" if self.removed else "Wrote"
        return [f"{verb} {p}" for p in self.files] + self.notes


def unit_name(paths: ProjectPaths) -> str:
    """tlsgui-renew-<project>-<hash of its folder>: one timer per project folder, readable and unique."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", paths.root.name).strip("-")[:40] or "project"
    digest = hashlib.sha256(str(paths.root.resolve()).encode()).hexdigest()[:8]
    return f"tlsgui-renew-{slug}-{digest}"


def renew_argv(paths: ProjectPaths) -> list[str]:
    """The command the timer runs: this Python and tlsgui (or the frozen app), absolute paths."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "renew", str(paths.root.resolve())]
    return [sys.executable, "-m", "tlsgui", "renew", str(paths.root.resolve())]


def _minute(paths: ProjectPaths) -> int:
    return int(hashlib.sha256(str(paths.root.resolve()).encode()).hexdigest()[8:12], 16) % 60


def _systemd_quote(arg: str) -> str:
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%") + '"'


def systemd_units(paths: ProjectPaths) -> dict[str, str]:
    """The .service and .timer of a systemd user timer (systemd.timer(5), systemd.service(5))."""
    name = unit_name(paths)
    command = " ".join(_systemd_quote(a) for a in renew_argv(paths))
    service = (f"[Unit]\nDescription=tlsgui: renew the certificate of {paths.root}\n"
               "Wants=network-online.target\nAfter=network-online.target\n\n"
               f"[Service]\nType=oneshot\nExecStart={command}\n")
    timer = (f"[Unit]\nDescription=tlsgui: renew the certificate of {paths.root} twice a day\n\n"
             f"[Timer]\nOnCalendar=*-*-* 00,12:{_minute(paths):02d}:00\nRandomizedDelaySec=3600\n"
             "Persistent=true\n\n[Install]\nWantedBy=timers.target\n")
    return {f"{name}.service": service, f"{name}.timer": timer}


def launchd_plist(paths: ProjectPaths) -> str:
    """A launchd agent (launchd.plist(5)): StartCalendarInterval at hours 0 and 12."""
    label = "org.tlsgui." + unit_name(paths)
    args = "".join(f"\n\t\t<string>{escape(a)}</string>" for a in renew_argv(paths))
    minute = _minute(paths)
    times = "".join(f"\n\t\t<dict><key>Hour</key><integer>{h}</integer><key>Minute</key><integer>{minute}"
                    "</integer></dict>" for h in (0, 12))
    log = escape(str(paths.state_dir / "acme" / "launchd.log"))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
            '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
            '<plist version="1.0">\n<dict>\n'
            f"\t<key>Label</key>\n\t<string>{label}</string>\n"
            f"\t<key>ProgramArguments</key>\n\t<array>{args}\n\t</array>\n"
            f"\t<key>StartCalendarInterval</key>\n\t<array>{times}\n\t</array>\n"
            f"\t<key>StandardOutPath</key>\n\t<string>{log}</string>\n"
            f"\t<key>StandardErrorPath</key>\n\t<string>{log}</string>\n"
            "</dict>\n</plist>\n")


def task_scheduler_xml(paths: ProjectPaths) -> str:
    """A Task Scheduler task (schtasks /Create /XML): daily at 00:MM, repeated every 12 hours.

    Written and checked as XML here; not run on Windows in this project's tests."""
    argv = renew_argv(paths)
    arguments = " ".join(f'"{a}"' for a in argv[1:])
    minute = _minute(paths)
    return ('<?xml version="1.0" encoding="UTF-16"?>\n'
            '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">\n'
            f"  <RegistrationInfo><Description>tlsgui: renew the certificate of {escape(str(paths.root))}"
            "</Description></RegistrationInfo>\n"
            "  <Triggers>\n    <CalendarTrigger>\n"
            f"      <StartBoundary>2026-01-01T00:{minute:02d}:00</StartBoundary>\n"
            "      <Repetition><Interval>PT12H</Interval><Duration>P1D</Duration></Repetition>\n"
            "      <RandomDelay>PT1H</RandomDelay>\n"
            "      <ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay>\n"
            "    </CalendarTrigger>\n  </Triggers>\n"
            "  <Settings><StartWhenAvailable>true</StartWhenAvailable>"
            "<RunOnlyIfNetworkAvailable>true</RunOnlyIfNetworkAvailable>"
            "<MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy></Settings>\n"
            "  <Actions Context=\"Author\">\n    <Exec>\n"
            f"      <Command>{escape(argv[0])}</Command>\n"
            f"      <Arguments>{escape(arguments)}</Arguments>\n"
            "    </Exec>\n  </Actions>\n</Task>\n")


def _systemd_folder() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


def _launchd_folder() -> Path:
    return Path.home() / "Library" / "LaunchAgents"


def _system(system: str | None) -> str:
    return system or {"Darwin": "launchd", "Windows": "taskscheduler"}.get(platform.system(), "systemd")


def _run(argv: list[str]) -> str:
    """Run a service-manager command; '' when it worked, else its words (the files stay written)."""
    if shutil.which(argv[0]) is None:
        return f"{argv[0]} is not available"
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    return "" if done.returncode == 0 else (done.stderr.strip() or f"exit {done.returncode}")


def install_timer(paths: ProjectPaths, system: str | None = None, activate: bool = True) -> TimerDone:
    system = _system(system)
    name = unit_name(paths)
    done = TimerDone(system)
    if system == "systemd":
        folder = _systemd_folder()
        for file_name, text in systemd_units(paths).items():
            write_atomic(folder / file_name, text.encode(), mode=0o644)
            done.files.append(folder / file_name)
        if activate:
            trouble = _run(["systemctl", "--user", "daemon-reload"]) or \
                _run(["systemctl", "--user", "enable", "--now", f"{name}.timer"])
            done.notes.append(f"Enabled {name}.timer." if not trouble else
                              f"Could not enable it ({trouble}); run: systemctl --user enable --now {name}.timer")
    elif system == "launchd":
        path = _launchd_folder() / f"org.tlsgui.{name}.plist"
        write_atomic(path, launchd_plist(paths).encode(), mode=0o644)
        done.files.append(path)
        if activate:
            trouble = _run(["launchctl", "load", "-w", str(path)])
            done.notes.append("Loaded it with launchctl." if not trouble else
                              f"Could not load it ({trouble}); run: launchctl load -w {path}")
    elif system == "taskscheduler":
        path = paths.state_dir / "acme" / f"{name}.xml"
        write_atomic(path, task_scheduler_xml(paths).encode("utf-16"), mode=0o644)
        done.files.append(path)
        if activate:
            trouble = _run(["schtasks", "/Create", "/TN", name, "/XML", str(path), "/F"])
            done.notes.append("Registered it with schtasks." if not trouble else
                              f"Could not register it ({trouble}); run: schtasks /Create /TN {name} /XML \"{path}\"")
    else:
        raise TlsguiError(f"{system!r} is not a timer system tlsgui writes.", fix="Use systemd, launchd or "
                                                                                "taskscheduler.")
    return done


def remove_timer(paths: ProjectPaths, system: str | None = None, activate: bool = True) -> TimerDone:
    system = _system(system)
    name = unit_name(paths)
    done = TimerDone(system, removed=True)
    if system == "systemd":
        if activate:
            _run(["systemctl", "--user", "disable", "--now", f"{name}.timer"])
        targets = [_systemd_folder() / n for n in systemd_units(paths)]
    elif system == "launchd":
        targets = [_launchd_folder() / f"org.tlsgui.{name}.plist"]
        if activate and targets[0].exists():
            _run(["launchctl", "unload", "-w", str(targets[0])])
    else:
        if activate:
            _run(["schtasks", "/Delete", "/TN", name, "/F"])
        targets = [paths.state_dir / "acme" / f"{name}.xml"]
    for path in targets:
        if path.exists():
            path.unlink()
            done.files.append(path)
    if not done.files:
        done.notes.append("No timer was installed for this project.")
    return done
