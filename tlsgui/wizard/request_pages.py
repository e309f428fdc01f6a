"""The "Request a certificate from a CA" path: key type → subject and names → review → the saved key and its CSR."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QWizard

from tlsgui.crypto.csr import (
    CsrFields,
    build_csr,
    check_fields,
    csr_summary,
    load_csr,
    parse_san_list,
    san_names,
    san_suggestions,
    summary_lines,
)
from tlsgui.crypto.keys import generate_key
from tlsgui.errors import TlsguiError
from tlsgui.forms.ui_wizard_request_done import Ui_WizardRequestDonePage
from tlsgui.forms.ui_wizard_request_key import Ui_WizardRequestKeyPage
from tlsgui.forms.ui_wizard_request_review import Ui_WizardRequestReviewPage
from tlsgui.forms.ui_wizard_request_subject import Ui_WizardRequestSubjectPage
from tlsgui.project.atomic import write_atomic
from tlsgui.project.pending import PendingKey, save_pending_key, write_pending_csr
from tlsgui.wizard.background import PageTask
from tlsgui.wizard.base import WizardPage
from tlsgui.wizard.ids import PageId

# Radio button name -> generate_key arguments.
KEY_CHOICES = {
    "key_rsa2048": ("rsa", 2048, None),
    "key_rsa3072": ("rsa", 3072, None),
    "key_rsa4096": ("rsa", 4096, None),
    "key_ecdsa_p256": ("ecdsa", None, "p256"),
    "key_ecdsa_p384": ("ecdsa", None, "p384"),
}
# The crypto core names the CLI option a message is about; the wizard names the field instead.
FIELD_OF = {"--cn": "Common name", "--country": "Country", "--email": "E-mail", "--san": "Other host names"}
CSR_FILTERS = "Certificate request (*.csr *.pem);;All files (*)"


class RequestKeyPage(WizardPage):
    form_class = Ui_WizardRequestKeyPage
    page_id = PageId.REQUEST_KEY

    def chosen(self) -> str:
        return next(name for name in KEY_CHOICES if getattr(self.ui, name).isChecked())

    def choose(self, name: str) -> None:
        getattr(self.ui, name).setChecked(True)

    def key_arguments(self) -> tuple[str, int | None, str | None]:
        return KEY_CHOICES[self.chosen()]

    def nextId(self) -> int:
        return int(PageId.REQUEST_SUBJECT)


class RequestSubjectPage(WizardPage):
    form_class = Ui_WizardRequestSubjectPage
    page_id = PageId.REQUEST_SUBJECT
    EDITS = ("common_name", "country", "state", "locality", "organization", "unit", "email")

    def setup(self) -> None:
        self.registerField("common_name*", self.ui.common_name)
        self.error: str = ""
        self._prefilled = False
        for name in self.EDITS:
            getattr(self.ui, name).textChanged.connect(self._validate)
        self.ui.sans.textChanged.connect(self._validate)
        self._validate()

    def initializePage(self) -> None:
        if self._prefilled:
            return  # Back then Next keeps what the person typed
        self._prefilled = True
        names = san_suggestions(self.document.settings.web_host_names)
        if names and not self.ui.common_name.text():
            self.ui.common_name.setText(names[0])
            self.ui.sans.setPlainText("\n".join(names[1:]))

    def nextId(self) -> int:
        return int(PageId.REQUEST_REVIEW)

    def fill(self, **values: str) -> None:
        """Type into the fields by name (common_name=..., sans="a\\nb"): what a person does, for tests."""
        for name, value in values.items():
            widget = getattr(self.ui, name)
            (widget.setPlainText if name == "sans" else widget.setText)(value)

    def fields(self) -> CsrFields:
        text = {name: getattr(self.ui, name).text().strip() for name in self.EDITS}
        sans = parse_san_list(self.ui.sans.toPlainText().replace("\n", ","))
        return CsrFields(sans=sans, **text)

    def _validate(self) -> None:
        fields = self.fields()
        self.error = ""
        if fields.common_name or any(getattr(fields, n) for n in self.EDITS[1:]) or fields.sans:
            try:
                check_fields(fields)
                san_names(fields)  # each SAN entry, with the core's words for a bad one
            except TlsguiError as exc:
                where = FIELD_OF.get(exc.where, exc.where)
                self.error = f"{where}: {exc.message} {exc.fix}".strip() if where else str(exc)
        self.ui.subject_error.setText(self.error)
        self.ui.subject_error.setVisible(bool(self.error))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return super().isComplete() and not self.error


class RequestReviewPage(WizardPage):
    """Makes the key and the CSR in the background; Next (the commit step) saves the key as pending."""

    form_class = Ui_WizardRequestReviewPage
    page_id = PageId.REQUEST_REVIEW

    def setup(self) -> None:
        self.result: tuple | None = None  # (key, csr_pem, summary)
        self.pending: PendingKey | None = None
        self.task = PageTask(self.context.runner, self)
        self.task.task_finished.connect(self._on_made)
        self.task.task_failed.connect(self._on_failed)
        self.task.task_cancelled.connect(self._on_cancelled)
        self.ui.review_progress.cancel_requested.connect(self.cancel_generation)
        self.ui.retry_button.clicked.connect(self.generate)
        self.ui.summary_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # Once the key is saved there is no way back: going back would make a second, unused key.
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "Save the key and show the request")

    def initializePage(self) -> None:
        self.generate()

    def cleanupPage(self) -> None:
        self.cancel_generation()
        self.result = None

    def nextId(self) -> int:
        return int(PageId.REQUEST_DONE)

    def generate(self) -> None:
        key_type, bits, curve = self.wizard().page(int(PageId.REQUEST_KEY)).key_arguments()
        fields = self.wizard().page(int(PageId.REQUEST_SUBJECT)).fields()
        self.result = None
        self._show("", "", "")
        self.ui.retry_button.hide()
        self.ui.review_progress.show()
        self.ui.review_progress.start("Making the private key and the request…")

        def make(token, progress):
            progress(None, "Making the private key…")
            key = generate_key(key_type, bits=bits, curve=curve)  # one C call: cancel drops its result
            token.raise_if_cancelled()
            csr_pem = build_csr(key, fields)
            return key, csr_pem, csr_summary(load_csr(csr_pem))

        self.task.submit(make)
        self.completeChanged.emit()

    def cancel_generation(self) -> None:
        self.task.cancel()

    def _show(self, summary: str, warnings: str, error: str) -> None:
        self.ui.summary_text.setPlainText(summary)
        self.ui.summary_text.setVisible(bool(summary))
        self.ui.warnings_label.setText(warnings)
        self.ui.warnings_label.setVisible(bool(warnings))
        self.ui.review_error.setText(error)
        self.ui.review_error.setVisible(bool(error))

    def _stopped(self) -> None:
        self.ui.review_progress.stop("")
        self.ui.review_progress.hide()

    def _on_made(self, result) -> None:
        self._stopped()
        self.result = result
        summary = result[2]
        lines = [line for line in summary_lines(summary) if not line.startswith("warning: ")]
        warnings = "\n".join(f"Warning: {w}" for w in summary["warnings"])
        self._show("\n".join(lines), warnings, "")
        self.completeChanged.emit()

    def _on_failed(self, message: str) -> None:
        self._stopped()
        self._show("", "", f"{message} Nothing was written.")
        self.ui.retry_button.show()

    def _on_cancelled(self) -> None:
        self._stopped()
        self._show("", "", "Cancelled: nothing was written. Generate again, or go Back to change the choices.")
        self.ui.retry_button.show()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.result is not None

    def validatePage(self) -> bool:
        """The one write before Finish: a request is useless without its key, so the key is saved first."""
        if self.result is None:
            return False
        key, csr_pem, _summary = self.result
        try:
            pending = save_pending_key(self.context.paths, key)
            write_pending_csr(pending, csr_pem)
        except TlsguiError as exc:
            self._show(self.ui.summary_text.toPlainText(), self.ui.warnings_label.text(),
                       f"{exc} The request is not shown until its key is saved.")
            return False
        self.pending = pending
        return True


class RequestDonePage(WizardPage):
    form_class = Ui_WizardRequestDonePage
    page_id = PageId.REQUEST_DONE

    def setup(self) -> None:
        self.ui.csr_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.ui.copy_button.clicked.connect(self.copy)
        self.ui.save_button.clicked.connect(self.save_as)

    @property
    def review(self) -> RequestReviewPage:
        return self.wizard().page(int(PageId.REQUEST_REVIEW))

    def initializePage(self) -> None:
        pending = self.review.pending
        self.ui.csr_text.setPlainText(self.pem().decode("ascii"))
        self.ui.copy_status.setText("")
        self.ui.saved_label.setText(
            f"The private key is saved in {pending.key_path.parent} (readable by you only) and waits there for its "
            "certificate. Keep the project folder: the certificate is useless without this key.")

    def nextId(self) -> int:
        return -1

    def pem(self) -> bytes:
        return self.review.result[1]

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.pem().decode("ascii"))
        self.ui.copy_status.setText("Copied to the clipboard.")

    def save_as(self) -> None:
        common_name = self.wizard().page(int(PageId.REQUEST_SUBJECT)).fields().common_name
        suggested = f"{common_name.replace('*', 'wildcard') or 'request'}.csr"
        target = self.context.prompts.save_file(self, "Save the certificate request", suggested, CSR_FILTERS)
        if not target:
            return
        try:
            write_atomic(Path(target), self.pem(), mode=0o644)
        except TlsguiError as exc:
            self.context.prompts.error(self, "The request was not saved", str(exc))
            return
        self.ui.copy_status.setText(f"Saved as {target}.")

    def finish(self) -> list[Path]:
        """Nothing more to write: the key and the request were saved when the request was shown."""
        pending = self.review.pending
        return [pending.key_path, pending.csr_path]


PAGES = (RequestKeyPage, RequestSubjectPage, RequestReviewPage, RequestDonePage)
