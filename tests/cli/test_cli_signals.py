"""The CLI under real pipes and signals: a reader that leaves early, and SIGTERM during a DH generation."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from conftest import children_of, end_process, process_gone, run_cli, tree_bytes, wait_for


def _cli(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tlsgui", *map(str, args)], **kwargs)


def test_csr_into_head_prints_no_traceback(demo):
    assert run_cli("key", demo).returncode == 0
    shell = f"{sys.executable} -m tlsgui csr {demo} --cn www.example.com | head -1; echo \"${{PIPESTATUS[0]}}\""
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=60)
    first, status = done.stdout.splitlines()
    assert first.startswith("common name") and "www.example.com" in first
    assert status in ("0", "141")  # 0 when head read everything before leaving
    assert done.stderr == ""


def test_reader_gone_before_output_exits_quietly(demo):
    # The read end is closed before the child writes: its first print meets EPIPE, every time.
    child = _cli("settings", demo, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child.stdout.close()
    err = child.stderr.read().decode()
    assert child.wait(60) == 141
    assert "Traceback" not in err and "BrokenPipeError" not in err and "Exception ignored" not in err, err


def test_sigterm_during_dh_generation_kills_the_child_and_writes_nothing(demo):
    before = tree_bytes(demo)
    parent = _cli("dhparams", demo, "--generate", "512", "--allow-test-size",
                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert parent.stdout.readline().startswith("Generating 512-bit DH parameters")  # the child exists now
        (child,) = children_of(parent.pid)
        # Freeze the child so the 0.2 s generation cannot finish first: the test is about the kill.
        os.kill(child, signal.SIGSTOP)
        parent.send_signal(signal.SIGTERM)  # to the CLI process alone, not its process group
        code = parent.wait(30)
        err = parent.stderr.read()
        assert code == 143, err
        assert "terminated" in err and "nothing was written" in err and "Traceback" not in err
        # The kernel delivers SIGKILL to a stopped process asynchronously.
        wait_for(lambda: process_gone(child), timeout=10, what=f"child {child} to die with its parent")
    finally:
        end_process(parent)
        if "child" in locals() and not process_gone(child):
            os.kill(child, signal.SIGKILL)  # a failed assertion must not leave a stopped child behind
    assert tree_bytes(demo) == before
    assert not (demo / "dhparams.pem").exists()
