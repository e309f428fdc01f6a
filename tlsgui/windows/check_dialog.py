"""The "Test TLS" window: runs the preview + probe on the window's current settings and shows the checklist."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from tlsgui.widgets.check_report import CheckReportView
from tlsgui.widgets.job_progress import JobProgress
from tlsgui.workers.preview_job import PreviewTestJob

SCOPE = ("Starts preview servers on 127.0.0.1 only, with this project's key.pem, cert.pem and dhparams.pem and "
         "the settings shown in the window, then connects to each with real TLS clients. Nothing is written, and "
         "the servers stop by themselves when the test ends.")


class TlsTestDialog(QDialog):
    """Non-modal: the person can keep editing and run the test again. Closing it cancels a running test."""

    def __init__(self, parent: QWidget | None = None, job: PreviewTestJob | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tls_test_dialog")
        self.setWindowTitle("Test TLS")
        self.resize(980, 640)
        self.job = job or PreviewTestJob(self)
        self.document = None
        self._edited = False
        self._typed: list[str] = []  # fields whose text is not a valid value: their last valid value is tested
        self.scope_label = QLabel(SCOPE, self, objectName="test_scope")
        self.scope_label.setWordWrap(True)
        self.progress = JobProgress(self)
        self.progress.setObjectName("test_progress")
        # The status words ("Checking SQL server on 127.0.0.1:19812…") need as much room as the bar.
        self.progress.layout().setStretchFactor(self.progress.status_label, 1)
        self.report_view = CheckReportView(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.again_button = QPushButton("Run again", self, objectName="test_again_button")
        self.buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.again_button.clicked.connect(self._run_again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.buttons)
        self.progress.attach(self.job, "Testing…")
        self.job.test_progressed.connect(self.progress.status_label.setText)
        # After attach(): JobProgress's own "Done in …" comes first, then these words replace it.
        self.job.job_succeeded.connect(self._finished)
        self.job.job_failed.connect(self._failed)
        self.job.job_cancelled.connect(self._cancelled)
        self.job.job_started.connect(self._update_buttons)

    @property
    def running(self) -> bool:
        return self.job.running

    def run(self, document) -> None:
        """Test `document`'s current settings (unsaved edits included) against its files on disk."""
        self.document = document
        self._edited = document.dirty
        self._typed = sorted(document.input_errors)
        self.setWindowTitle(f"Test TLS — {document.name}")
        self.report_view.clear("Testing… the checklist appears here once every listener has been checked.")
        self.job.start_test(document.root, document.settings.as_dict())
        self.progress.start("Starting the preview servers…")
        self._update_buttons()

    def cancel(self) -> None:
        """Kill the test child (it holds the preview's ports); no-op when nothing runs."""
        self.job.cancel()

    def _run_again(self) -> None:
        if self.document is not None:
            self.run(self.document)

    def _finished(self, _output: bytes) -> None:
        report = self.job.report
        notes = tuple(f"{key} holds text that is not a valid value; its last valid value was tested."
                      for key in self._typed)
        self.report_view.show_report(report, edited=self._edited, extra_notes=notes)
        failed = len(report.failures())
        self.progress.stop(f"Done in {self.job.elapsed_text()}: " +
                           ("everything matches the settings." if not failed else f"{failed} check(s) failed."))
        self.progress.bar.setValue(1)  # a full bar: finished (an empty one would look stalled)
        self._update_buttons()

    def _failed(self, message: str) -> None:
        error = self.job.error
        if error is not None and self.job.failed_check is not None:
            self.report_view.show_refused(*self.job.failed_check, error.message, error.where, error.fix)
        elif error is not None:
            self.report_view.show_message("The test could not run: " + error.message, error.where, error.fix)
        else:
            self.report_view.show_message("The test could not run.", message)
        self.progress.stop(f"Stopped after {self.job.elapsed_text()}; see below.")
        self._update_buttons()

    def _cancelled(self) -> None:
        self.report_view.show_message("Test cancelled.", "The preview servers were stopped.", failed=False)
        self.progress.stop("Cancelled; the preview servers were stopped.")
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        self.again_button.setEnabled(not self.job.running and self.document is not None)

    def reject(self) -> None:  # Close, Escape or the title bar's close button
        self.cancel()
        super().reject()

    def closeEvent(self, event) -> None:
        self.cancel()
        super().closeEvent(event)
