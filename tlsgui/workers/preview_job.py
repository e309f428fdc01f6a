"""PreviewTestJob: the window's TLS test (preview servers + probe) in a `tlsgui --worker preview-test` child."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from tlsgui.errors import TlsguiError
from tlsgui.preview.live_check import PROGRESS_PREFIX
from tlsgui.preview.report import Report, report_from_json
from tlsgui.workers.child import worker_command
from tlsgui.workers.process_job import ProcessJob

#: Seconds a preview listener or the probe waits on one silent peer (the CLI's 5 s is for remote hosts).
CONNECTION_TIMEOUT = 3.0
#: The whole test normally takes about a second; past this the window kills the child and says so.
DEADLINE_MS = 60_000


class PreviewTestJob(ProcessJob):
    """Runs serve + probe in a child process rather than the TaskRunner: the preview needs its own threads
    and listening sockets, the probe starts `openssl s_client` children and blocks in handshakes, and a
    thread can be neither killed nor trusted to free its ports on Cancel. Killing a child frees all of it
    at once, and the GIL-heavy TLS work never competes with the GUI thread.

    The child prints progress lines, then one JSON answer; `test_finished(Report)` carries the report, and a
    problem with the project's files (no cert.pem, key mismatch, bad cipher list) ends in `job_failed(str)`
    with its message. The job is bounded twice: the window's `deadline_ms` timer, and the child's own
    `--deadline` (it ends itself even if this process dies without killing it).
    """

    test_progressed = Signal(str)  # words for the status line
    listeners_bound = Signal(list)  # [{"role", "host", "port", ...}] once the preview listens
    test_finished = Signal(object)  # tlsgui.preview.report.Report

    def __init__(self, parent: QObject | None = None, *, deadline_ms: int = DEADLINE_MS,
                 timeout: float = CONNECTION_TIMEOUT) -> None:
        super().__init__(parent)
        self.deadline_ms = deadline_ms
        self.timeout = timeout
        self.listeners: list[dict] = []
        self.report: Report | None = None
        self.error: TlsguiError | None = None  # the project's problem when the test could not run
        self.failed_check: tuple[str, str] | None = None  # (name, title) when that problem is a failed check
        self._lines_seen = 0
        self._deadline = QTimer(self, singleShot=True)
        self._deadline.timeout.connect(self._deadline_passed)
        for signal in (self.job_succeeded, self.job_failed, self.job_cancelled):
            signal.connect(self._deadline.stop)

    def start_test(self, project_root: str | Path, values: dict) -> None:
        """Test the project at `project_root` with these settings values (dotted key -> value, unsaved included)."""
        self.listeners, self.report, self.error, self._lines_seen = [], None, None, 0
        self.failed_check = None
        child_deadline = max(1, int(self.deadline_ms / 1000) + 5)  # after ours: normally we kill it first
        self.start(worker_command("preview-test", str(project_root), "--timeout", str(self.timeout),
                                  "--deadline", str(child_deadline)),
                   stdin=json.dumps({"values": values}).encode("utf-8"))
        self.process.readyReadStandardOutput.connect(self._peek_progress)
        self._deadline.start(self.deadline_ms)

    def _peek_progress(self) -> None:
        process = self.process
        if process is None or self.sender() is not process:
            return
        # peek, not read: the whole stdout stays for handle_success, and stderr is never touched.
        text = bytes(process.peek(process.bytesAvailable()).data()).decode("utf-8", "replace")
        lines = text.split("\n")[:-1]  # complete lines only
        for line in lines[self._lines_seen:]:
            if line.startswith(PROGRESS_PREFIX):
                event = json.loads(line[len(PROGRESS_PREFIX):])
                if "listening" in event:
                    self.listeners = event["listening"]
                    self.listeners_bound.emit(self.listeners)
                self.test_progressed.emit(event.get("text", ""))
        self._lines_seen = len(lines)

    def _deadline_passed(self) -> None:
        if not self.running:
            return
        self._stop_current()  # kills the child and waits until it is gone
        self.job_failed.emit(f"The test did not finish within {self.deadline_ms / 1000:g} s and was stopped; "
                             "no preview server is left running. Try again when the machine is less busy.")

    def handle_success(self, stdout: bytes) -> bytes:
        lines = [line for line in stdout.decode("utf-8", "replace").splitlines()
                 if line.strip() and not line.startswith(PROGRESS_PREFIX)]
        try:
            answer = json.loads(lines[-1])
        except (IndexError, ValueError):
            raise TlsguiError("The test worker gave no readable answer.", fix="Please report this.") from None
        error = answer.get("error")
        if error:
            self.error = TlsguiError(error["message"], where=error.get("where", ""), fix=error.get("fix", ""))
            if error.get("check"):
                self.failed_check = (error["check"], error.get("title") or error["check"])
            raise self.error
        try:
            self.report = report_from_json(answer["report"])
        except (KeyError, TypeError, ValueError) as exc:
            raise TlsguiError(f"The test worker's report cannot be read ({exc}).", fix="Please report this.") \
                from None
        self.test_finished.emit(self.report)
        return stdout
