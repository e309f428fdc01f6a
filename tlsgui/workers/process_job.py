"""ProcessJob: child processes run through QProcess, with elapsed time and a cancel that kills at once."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QProcess, Signal

from tlsgui.errors import TlsguiError

log = logging.getLogger(__name__)

# How long cancel() blocks waiting for a SIGKILLed child to be reaped; it is gone in milliseconds,
# the bound only protects the window against a kernel that is very slow to tear a process down.
KILL_WAIT_MS = 2000


def format_elapsed(ms: int) -> str:
    """`0:07`, `1:05`, `1:02:03`: the "elapsed" text for a job that may run for minutes."""
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


@dataclass(frozen=True)
class NextStage:
    """Returned by `handle_success` to run one more child (with `stdin`) before the job is done."""

    command: list[str]
    stdin: bytes = b""


class ProcessJob(QObject):
    """Runs a command in a child process; its stdout is the result, its stderr the error message.

    Progress is indeterminate (the child cannot report any: OpenSSL's generation callback is not exposed),
    so the window shows a busy bar and `elapsed_ms()`. `cancel()` kills the child (kill, not terminate:
    terminate is ignored on Windows and by a child inside a C call) and waits until it is reaped, so when
    `job_cancelled` arrives no process is left. Output of a cancelled or superseded child is dropped.

    A subclass can chain children: `handle_success` may return a `NextStage`, e.g. to check the product
    in a second child when the check itself is slow and holds the GIL (loading custom DH parameters runs
    OpenSSL's primality checks: ~0.45 s at 2048 bits, a visible freeze even from a thread).
    """

    job_started = Signal()
    job_succeeded = Signal(bytes)
    job_failed = Signal(str)
    job_cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: QProcess | None = None
        # The last ended child, kept so its QProcess is never deleted from inside its own signal.
        self._retired: QProcess | None = None
        self._elapsed = QElapsedTimer()
        self._final_elapsed_ms = 0
        self._last_pid = 0
        self._stage = 0
        app = QCoreApplication.instance()
        if app is not None:
            # Safety net: a child never outlives the app (QProcess's destructor would also kill it,
            # but only with a warning and only if the job object is actually destroyed).
            app.aboutToQuit.connect(self.cancel)

    # ---- public API

    @property
    def running(self) -> bool:
        return self._process is not None

    @property
    def process(self) -> QProcess | None:
        """The running child's QProcess (None when idle); for tests and diagnostics."""
        return self._process

    @property
    def pid(self) -> int:
        """The id of the current (or last) child process; 0 before the first start."""
        return self._last_pid

    @property
    def stage(self) -> int:
        """0 for the first child of a run, 1 for the child started by the first NextStage, and so on."""
        return self._stage

    @property
    def elapsed_timer(self) -> QElapsedTimer:
        """Started when the job is started; counts across all its stages."""
        return self._elapsed

    def elapsed_ms(self) -> int:
        """Milliseconds since the job started; frozen at the end of the run."""
        if self.running and self._elapsed.isValid():
            return int(self._elapsed.elapsed())
        return self._final_elapsed_ms

    def elapsed_text(self) -> str:
        return format_elapsed(self.elapsed_ms())

    def start(self, command: list[str], stdin: bytes = b"") -> None:
        """Start `command` (program first); a child still running is superseded: killed, its output dropped."""
        if self.running:
            self._stop_current()
        self._final_elapsed_ms = 0
        self._elapsed.start()
        self._stage = 0
        self._spawn(command, stdin)

    def cancel(self) -> None:
        """Kill the child now and wait until it is gone; then emit `job_cancelled`. No-op when idle."""
        if not self.running:
            return
        self._stop_current()
        self.job_cancelled.emit()

    # ---- for subclasses

    def handle_success(self, stdout: bytes) -> bytes | NextStage:
        """GUI thread, after a child exited 0: the job's result, or a NextStage; raise TlsguiError to fail.

        Keep it quick (it runs on the GUI thread): anything slow belongs in a child stage.
        """
        return stdout

    # ---- internals

    def _spawn(self, command: list[str], stdin: bytes) -> None:
        # No Qt parent and no lambdas: Python owns the QProcess, so its lifetime is plain reference
        # counting (a parent plus deleteLater plus garbage collection of the job crashed PySide).
        process = QProcess()
        # Separate channels: stdout is the result (binary-safe), stderr the words for the person.
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        # A fixed working directory (D1: never the user's, whatever it holds) and the parent's pid, so the
        # child dies with this process even when it is SIGKILLed (D13, tlsgui.worker.die_with_parent).
        from PySide6.QtCore import QProcessEnvironment

        from tlsgui.project.child_argv import PARENT_ENV, WORKER_CWD

        process.setWorkingDirectory(WORKER_CWD)
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert(PARENT_ENV, str(os.getpid()))
        process.setProcessEnvironment(environment)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        # job_started follows QProcess.started: a program that cannot be executed reports only job_failed.
        process.started.connect(self._on_started)
        self._process = process
        process.start(command[0], command[1:])
        if stdin:
            process.write(stdin)  # buffered by Qt until the child runs
        process.closeWriteChannel()  # the child reads stdin to its end
        self._last_pid = int(process.processId() or 0)

    def _stop_current(self) -> None:
        process = self._process
        # Disconnect first (Spyder's rule): whatever the old child still reports is dropped, never delivered.
        process.finished.disconnect(self._on_finished)
        process.errorOccurred.disconnect(self._on_error)
        process.started.disconnect(self._on_started)
        self._end_run()
        if process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            if not process.waitForFinished(KILL_WAIT_MS):
                log.warning("child process %s did not end within %d ms of kill", self._last_pid, KILL_WAIT_MS)

    def _end_run(self) -> None:
        self._final_elapsed_ms = int(self._elapsed.elapsed()) if self._elapsed.isValid() else 0
        self._retire()

    def _retire(self) -> None:
        self._retired = self._process
        self._process = None

    def _on_started(self) -> None:
        if self._process is not None and self.sender() is self._process and self._stage == 0:
            self.job_started.emit()

    def _on_finished(self, exit_code: int, status: QProcess.ExitStatus) -> None:
        process = self._process
        if process is None or self.sender() is not process:
            return  # cancelled or superseded: dropped
        stdout = bytes(process.readAllStandardOutput().data())
        stderr = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        if status != QProcess.ExitStatus.NormalExit:
            self._end_run()
            self.job_failed.emit(_with_detail("The background worker crashed.", stderr))
            return
        if exit_code != 0:
            self._end_run()
            self.job_failed.emit(_with_detail(f"The background worker failed (exit code {exit_code}).", stderr))
            return
        try:
            outcome = self.handle_success(stdout)
        except TlsguiError as exc:
            self._end_run()
            self.job_failed.emit(str(exc))
        except Exception as exc:
            log.exception("handling the worker's output failed")
            self._end_run()
            self.job_failed.emit(f"Unexpected error while saving the result: {exc!r}. Please report it.")
        else:
            if isinstance(outcome, NextStage):
                self._retire()
                self._stage += 1
                self._spawn(outcome.command, outcome.stdin)
            else:
                self._end_run()
                self.job_succeeded.emit(outcome)

    def _on_error(self, error: QProcess.ProcessError) -> None:
        # Only a failed start ends the run here; crashes and exits are reported through finished().
        process = self._process
        if error != QProcess.ProcessError.FailedToStart or process is None or self.sender() is not process:
            return
        message = process.errorString()
        self._end_run()
        self.job_failed.emit(f"Could not start the background worker ({message}). "
                             "Reinstall tlsgui if this keeps happening.")


def _with_detail(headline: str, stderr: str) -> str:
    # The child's own message ("tlsgui: 1024 bits is not offered. ...") is what the person needs to read.
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    if not lines:
        return headline
    detail = lines[-1]
    if detail.startswith("tlsgui: "):
        return detail[len("tlsgui: "):]
    return f"{headline} {detail}"
