"""On Startup / On Server Startup and TLS_ApplySettings: detecting the call, inserting it byte for byte."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import run_cli, tree_bytes

from tlsgui.project.startup import CALL_COMMENT, METHOD, calls_method, startup_methods, with_call

DB = "Project/Sources/DatabaseMethods"
CALL = f"{METHOD}  {CALL_COMMENT}".encode()


@pytest.mark.parametrize(("text", "calls"), [
    ("TLS_ApplySettings\n", True), ("  tls_applysettings  // lower case is the same name in 4D\n", True),
    ("// TLS_ApplySettings is not called here\n", False), ("/* TLS_ApplySettings\n */\nALERT(\"x\")", False),
    ("TLS_ApplySettingsOld\n", False), ('$x:="TLS_ApplySettings"', True), ("", False),
])
def test_call_detection(text, calls):
    assert calls_method(text) is calls


@pytest.mark.parametrize(("before", "after"), [
    (b"//%attributes = {}\nALERT(\"hi\")\n", b"//%attributes = {}\n" + CALL + b"\nALERT(\"hi\")\n"),
    (b"//%attributes = {}\r\nALERT(\"hi\")", b"//%attributes = {}\r\n" + CALL + b"\r\nALERT(\"hi\")"),
    (b"ALERT(\"hi\")\rBEEP\r", CALL + b"\rALERT(\"hi\")\rBEEP\r"),
    (b"\xef\xbb\xbf#DECLARE()\n\tBEEP", b"\xef\xbb\xbf#DECLARE()\n" + CALL + b"\n\tBEEP"),
    (b"//%attributes = {}", b"//%attributes = {}\n" + CALL),
    (None, CALL + b"\n"),
])
def test_the_call_is_inserted_in_the_files_own_style(before, after):
    assert with_call(before) == after
    assert calls_method(after.decode("utf-8"))


def test_wire_startup_cli_backs_up_and_writes_both_methods(demo):
    db = demo / DB
    db.mkdir(parents=True, exist_ok=True)
    (db / "onStartup.4dm").write_bytes(b"// On Startup\r\nALERT(\"Welcome\")\r\n")
    done = run_cli("settings", demo, "wire-startup", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert sorted(p.rsplit("/", 1)[1] for p in result["written"]) == ["TLS_ApplySettings.4dm", "onServerStartup.4dm",
                                                                      "onStartup.4dm"]
    assert (db / "onStartup.4dm").read_bytes() == b"" + CALL + b"\r\n// On Startup\r\nALERT(\"Welcome\")\r\n"
    assert (db / "onServerStartup.4dm").read_bytes() == CALL + b"\n"
    backup = demo / ".tlsgui" / "backups" / result["backup"]
    assert [p.read_bytes() for p in backup.iterdir() if p.name.endswith("onStartup.4dm")] == [
        b"// On Startup\r\nALERT(\"Welcome\")\r\n"]
    assert all(m.calls for m in startup_methods(db))
    again = run_cli("settings", demo, "wire-startup")
    assert again.returncode == 0 and "nothing was written" in again.stdout


def test_read_only_method_gets_words_and_nothing_changes(demo):
    db = demo / DB
    db.mkdir(parents=True, exist_ok=True)
    (db / "onStartup.4dm").write_text("BEEP\n")
    (db / "onServerStartup.4dm").write_text("BEEP\n")
    os.chmod(db / "onServerStartup.4dm", 0o444)
    before = tree_bytes(demo)
    try:
        done = run_cli("settings", demo, "wire-startup")
        assert done.returncode == 2 and "read-only; nothing was written" in done.stderr
        assert "onServerStartup.4dm" in done.stderr
        assert tree_bytes(demo) == before
    finally:
        os.chmod(db / "onServerStartup.4dm", 0o644)


def test_a_failed_second_write_puts_the_first_back(demo):
    """strace makes the second rename fail (disk full): the first method is put back, nothing else is left."""
    db = demo / DB
    db.mkdir(parents=True, exist_ok=True)
    (db / "onStartup.4dm").write_text("BEEP\n")
    before = tree_bytes(demo)
    done = subprocess.run(
        ["strace", "-f", "-qq", "-o", os.devnull, "-e", "trace=rename,renameat,renameat2",
         "-e", "inject=rename,renameat,renameat2:error=ENOSPC:when=2",
         sys.executable, "-m", "tlsgui", "settings", str(demo), "wire-startup"],
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "The disk is full; nothing was written" in done.stderr, done.stderr
    after = tree_bytes(demo)
    assert {k: v for k, v in after.items() if not k.startswith(".tlsgui")} == before
