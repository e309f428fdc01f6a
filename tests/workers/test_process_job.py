"""ProcessJob and DhParamsJob with the real `tlsgui --worker dhparams` child: success, kill on cancel, failures."""

from __future__ import annotations

import subprocess
import sys
import time

from PySide6.QtCore import QProcess

from tlsgui.project.backups import list_backups
from tlsgui.project.locate import ProjectPaths
from tlsgui.workers import dhparams_job
from tlsgui.workers.child import worker_command
from tlsgui.workers.process_job import ProcessJob, format_elapsed

from .helpers import child_is_generating, listing, pid_alive

CHILD_TIMEOUT = 20_000  # ms; a 512-bit child takes ~0.3 s, the bound only stops a broken test


def test_worker_command_runs_the_module_from_source_and_the_executable_when_frozen(monkeypatch):
    assert worker_command("dhparams", "--bits", "2048") == [
        sys.executable, "-I", "-m", "tlsgui", "--worker", "dhparams", "--bits", "2048"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert worker_command("dhparams", "--bits", "2048") == [
        sys.executable, "--worker", "dhparams", "--bits", "2048"]


def test_format_elapsed():
    assert [format_elapsed(ms) for ms in (0, 999, 12_000, 65_400, 3_723_000)] == [
        "0:00", "0:00", "0:12", "1:05", "1:02:03"]


def test_success_writes_checked_dhparams_atomically(qtbot, dh_job, tmp_path):
    with qtbot.waitSignal(dh_job.job_started, timeout=1000):
        dh_job.start_generation(512, tmp_path, allow_test_size=True)
    assert dh_job.running and dh_job.pid > 0
    with qtbot.assertNotEmitted(dh_job.job_failed), \
            qtbot.waitSignal(dh_job.job_succeeded, timeout=CHILD_TIMEOUT) as blocker:
        pass
    target = tmp_path / "dhparams.pem"
    assert listing(tmp_path) == ["dhparams.pem"]  # no temporary file left next to it
    assert blocker.args == [target.read_bytes()]
    assert dh_job.written_path == target
    check = subprocess.run(["openssl", "dhparam", "-in", str(target), "-check", "-noout"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert "DH parameters appear to be ok" in check.stdout + check.stderr
    assert not dh_job.running and dh_job.elapsed_ms() > 0
    assert not pid_alive(dh_job.pid)


def test_cancel_kills_the_child_at_once_and_writes_nothing(qtbot, dh_job, tmp_path):
    with qtbot.waitSignal(dh_job.job_started, timeout=1000):
        dh_job.start_generation(4096, tmp_path)
    pid, process = dh_job.pid, dh_job.process
    qtbot.waitUntil(lambda: child_is_generating(pid), timeout=CHILD_TIMEOUT)  # past start-up, inside OpenSSL
    with qtbot.assertNotEmitted(dh_job.job_failed), qtbot.assertNotEmitted(dh_job.job_succeeded), \
            qtbot.waitSignal(dh_job.job_cancelled, timeout=1000):
        began = time.perf_counter()
        dh_job.cancel()
        latency = time.perf_counter() - began
        state = process.state()  # read before the deferred delete runs
        gone = not pid_alive(pid)
    assert latency < 0.2, f"cancel took {latency * 1000:.0f} ms"
    assert state == QProcess.ProcessState.NotRunning
    assert gone
    assert not dh_job.running
    assert listing(tmp_path) == []  # no dhparams.pem, no temporary file


def test_child_failure_reports_the_childs_words(qtbot, dh_job, tmp_path):
    with qtbot.assertNotEmitted(dh_job.job_succeeded), \
            qtbot.waitSignal(dh_job.job_failed, timeout=CHILD_TIMEOUT) as blocker:
        dh_job.start_generation(1024, tmp_path)
    assert blocker.args == ["1024 bits is not offered for DH parameters. Use 2048, 3072 or 4096."]
    assert listing(tmp_path) == []


def only_generation(command):
    """worker_command with the generation child replaced by `command` and the checker child kept real."""
    def fake(*args):
        return command if args[0] == "dhparams" else worker_command(*args)
    return fake


def test_output_that_is_not_dh_parameters_writes_nothing(qtbot, dh_job, tmp_path, monkeypatch):
    monkeypatch.setattr(dhparams_job, "worker_command", only_generation(
        [sys.executable, "-c", "print('-----BEGIN DH PARAMETERS-----\\ngarbage')"]))
    with qtbot.assertNotEmitted(dh_job.job_succeeded), \
            qtbot.waitSignal(dh_job.job_failed, timeout=CHILD_TIMEOUT) as blocker:
        dh_job.start_generation(2048, tmp_path)
    assert blocker.args == ["dhparams.pem: The DH parameters cannot be read (damaged or truncated PEM). "
                            "Install a standard group (ffdhe2048) instead."]
    assert dh_job.stage == 1  # it was the checker child that refused
    assert listing(tmp_path) == []


def test_parameters_of_the_wrong_size_are_refused(qtbot, dh_job, tmp_path, monkeypatch):
    # A real child that answers 512 bits when 2048 were asked for: checked, refused, nothing written.
    monkeypatch.setattr(dhparams_job, "worker_command", only_generation(
        worker_command("dhparams", "--bits", "512", "--allow-test-size")))
    with qtbot.waitSignal(dh_job.job_failed, timeout=CHILD_TIMEOUT) as blocker:
        dh_job.start_generation(2048, tmp_path)
    assert "512-bit parameters instead of 2048" in blocker.args[0]
    assert listing(tmp_path) == []


def test_the_check_runs_in_a_second_child_and_cancel_there_writes_nothing(qtbot, dh_job, tmp_path, monkeypatch):
    real = dhparams_job.worker_command

    def slow_checker(*args):
        if args[0] == "dhparams-check":  # a checker that takes its time, so the test can cancel it
            return [sys.executable, "-c", "import sys, time; sys.stdin.buffer.read(); time.sleep(30)"]
        return real(*args)

    monkeypatch.setattr(dhparams_job, "worker_command", slow_checker)
    with qtbot.waitSignal(dh_job.job_started, timeout=1000):
        dh_job.start_generation(512, tmp_path, allow_test_size=True)
    generator_pid = dh_job.pid
    qtbot.waitUntil(lambda: dh_job.stage == 1, timeout=CHILD_TIMEOUT)
    checker_pid = dh_job.pid
    assert checker_pid != generator_pid and dh_job.running
    with qtbot.assertNotEmitted(dh_job.job_succeeded), qtbot.waitSignal(dh_job.job_cancelled, timeout=1000):
        dh_job.cancel()
    assert not pid_alive(checker_pid) and not pid_alive(generator_pid)
    assert listing(tmp_path) == []


def test_checker_worker_from_the_command_line(tmp_path):
    pem = subprocess.run(worker_command("dhparams", "--bits", "512", "--allow-test-size"),
                         capture_output=True, check=True).stdout
    good = subprocess.run(worker_command("dhparams-check", "--bits", "512"), input=pem, capture_output=True)
    assert (good.returncode, good.stdout.strip()) == (0, b"512")
    bad = subprocess.run(worker_command("dhparams-check", "--bits", "512"), input=b"hello", capture_output=True)
    assert bad.returncode == 2
    assert bad.stderr.decode().strip() == ("tlsgui: dhparams.pem: The file holds no PEM DH parameters "
                                           "(no BEGIN DH PARAMETERS line). Install a standard group (ffdhe2048) instead.")


def test_an_unwritable_folder_fails_with_words_and_writes_nothing(qtbot, dh_job, tmp_path):
    blocker_file = tmp_path / "not-a-folder"
    blocker_file.write_text("x")
    with qtbot.waitSignal(dh_job.job_failed, timeout=CHILD_TIMEOUT) as blocker:
        dh_job.start_generation(512, blocker_file / "tls", allow_test_size=True)
    assert "nothing was written" in blocker.args[0]
    assert listing(tmp_path) == ["not-a-folder"] and blocker_file.read_text() == "x"


def test_replacing_dhparams_in_a_project_keeps_a_backup(qtbot, dh_job, demo):
    paths = ProjectPaths(demo)
    old = demo / "dhparams.pem"
    old.write_bytes(b"old parameters\n")
    with qtbot.waitSignal(dh_job.job_succeeded, timeout=CHILD_TIMEOUT):
        dh_job.start_generation(512, demo, project_paths=paths, allow_test_size=True)
    assert old.read_bytes().startswith(b"-----BEGIN DH PARAMETERS-----")
    backups = list_backups(paths)
    assert len(backups) == 1
    assert backups[0].files[0].stored.read_bytes() == b"old parameters\n"


def test_a_new_start_supersedes_the_running_child(qtbot, dh_job, tmp_path):
    with qtbot.waitSignal(dh_job.job_started, timeout=1000):
        dh_job.start_generation(4096, tmp_path / "first")
    first_pid = dh_job.pid
    results = []
    dh_job.job_succeeded.connect(results.append)
    with qtbot.assertNotEmitted(dh_job.job_cancelled), \
            qtbot.waitSignal(dh_job.job_succeeded, timeout=CHILD_TIMEOUT):
        dh_job.start_generation(512, tmp_path / "second", allow_test_size=True)
        assert not pid_alive(first_pid)
    assert len(results) == 1
    assert listing(tmp_path) == ["second"]
    assert listing(tmp_path / "second") == ["dhparams.pem"]


def test_a_program_that_cannot_start_fails_with_words(qtbot):
    job = ProcessJob()
    with qtbot.assertNotEmitted(job.job_started), qtbot.waitSignal(job.job_failed, timeout=5000) as blocker:
        job.start(["/nonexistent/tlsgui-worker"])
    assert blocker.args[0].startswith("Could not start the background worker")
    assert not job.running


def test_a_crashing_child_is_a_failure(qtbot):
    job = ProcessJob()
    crash = "import os, signal, sys; sys.stderr.write('boom\\n'); sys.stderr.flush(); os.kill(os.getpid(), signal.SIGKILL)"
    with qtbot.waitSignal(job.job_failed, timeout=CHILD_TIMEOUT) as blocker:
        job.start([sys.executable, "-c", crash])
    assert blocker.args == ["The background worker crashed. boom"]


def test_cancel_when_idle_does_nothing(qtbot):
    job = ProcessJob()
    with qtbot.assertNotEmitted(job.job_cancelled):
        job.cancel()
    assert job.elapsed_ms() == 0 and job.elapsed_text() == "0:00"


def test_a_bug_while_handling_the_output_ends_the_job_with_words(qtbot):
    class Broken(ProcessJob):
        def handle_success(self, stdout):
            raise ValueError("bug in the handler")

    job = Broken()
    with qtbot.waitSignal(job.job_failed, timeout=CHILD_TIMEOUT) as blocker:
        job.start([sys.executable, "-c", "print('fine')"])
    assert "Unexpected error" in blocker.args[0] and "bug in the handler" in blocker.args[0]
    assert not job.running

