"""Renewal timers: a systemd user timer verified by systemd-analyze, a launchd plist, a Task Scheduler XML."""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
import xml.etree.ElementTree as ET

from tlsgui.acme import timers
from tlsgui.project.demo import write_demo
from tlsgui.project.locate import ProjectPaths


def _env(tmp_path) -> dict:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return {**os.environ, "HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_RUNTIME_DIR": str(runtime)}


def _verify(env, files) -> subprocess.CompletedProcess:
    return subprocess.run(["systemd-analyze", "--user", "verify", *map(str, files)], capture_output=True, text=True,
                          timeout=60, env=env)


def test_install_timer_writes_a_systemd_user_timer_that_systemd_accepts(tmp_path):
    project = write_demo(tmp_path / "My Shop")
    env = _env(tmp_path)
    done = subprocess.run([sys.executable, "-m", "tlsgui", "renew", str(project), "--install-timer"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "config" / "systemd" / "user"
    files = sorted(folder.iterdir())
    assert [f.suffix for f in files] == [".service", ".timer"]
    service = files[0].read_text()
    assert f'"renew" "{project.resolve()}"' in service and "Type=oneshot" in service
    assert "OnCalendar=*-*-* 00,12:" in files[1].read_text() and "Persistent=true" in files[1].read_text()
    verified = _verify(env, files)
    assert verified.returncode == 0, verified.stderr
    # The check can fail: a broken timer is refused.
    broken = tmp_path / "broken" / files[1].name
    broken.parent.mkdir()
    broken.write_text(files[1].read_text().replace("OnCalendar=*-*-*", "OnCalendar=never"))
    (broken.parent / files[0].name).write_text(service)
    assert _verify(env, [broken, broken.parent / files[0].name]).returncode != 0
    # Without a user session manager (this container) the files stay and the words say what to run.
    assert "systemctl --user enable --now" in done.stdout or "Enabled" in done.stdout
    done = subprocess.run([sys.executable, "-m", "tlsgui", "renew", str(project), "--remove-timer"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0 and list(folder.iterdir()) == []
    done = subprocess.run([sys.executable, "-m", "tlsgui", "renew", str(project), "--remove-timer"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0 and "No timer was installed" in done.stdout


def test_two_projects_get_two_timers(tmp_path):
    a, b = write_demo(tmp_path / "a" / "Shop"), write_demo(tmp_path / "b" / "Shop")
    assert timers.unit_name(ProjectPaths(a)) != timers.unit_name(ProjectPaths(b))


def test_launchd_plist_is_a_valid_agent(tmp_path):
    project = write_demo(tmp_path / "Shop & <Co>")
    plist = plistlib.loads(timers.launchd_plist(ProjectPaths(project)).encode())
    assert plist["Label"].startswith("org.tlsgui.tlsgui-renew-")
    assert plist["ProgramArguments"][-2:] == ["renew", str(project.resolve())]
    assert [t["Hour"] for t in plist["StartCalendarInterval"]] == [0, 12]


def test_task_scheduler_xml_is_well_formed(tmp_path):
    # Written for Windows' schtasks /Create /XML; parsed here, never run (no Windows in these tests).
    project = write_demo(tmp_path / "Shop & <Co>")
    paths = ProjectPaths(project)
    done = timers.install_timer(paths, system="taskscheduler", activate=False)
    data = done.files[0].read_bytes()
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")  # UTF-16 with BOM, as the XML declaration says
    root = ET.fromstring(data.decode("utf-16"))
    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    assert root.find("t:Triggers/t:CalendarTrigger/t:Repetition/t:Interval", ns).text == "PT12H"
    assert str(project.resolve()) in root.find("t:Actions/t:Exec/t:Arguments", ns).text
    assert timers.remove_timer(paths, system="taskscheduler", activate=False).files == done.files
