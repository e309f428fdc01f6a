"""The "Import an existing key and certificate" path: two files or one PKCS#12 → every check → Finish installs."""

from __future__ import annotations

from pathlib import Path

from tlsgui.forms.ui_wizard_import_files import Ui_WizardImportFilesPage
from tlsgui.wizard.ids import PageId
from tlsgui.wizard.install_steps import ChecksPage, PlanSourcePage, Source
from tlsgui.wizard.received_pages import CERTIFICATE_FILTERS

KEY_FILTERS = "Private keys (*.pem *.key *.der);;All files (*)"
PKCS12_FILTERS = "PKCS#12 (*.pfx *.p12);;All files (*)"


class ImportFilesPage(PlanSourcePage):
    form_class = Ui_WizardImportFilesPage
    page_id = PageId.IMPORT_FILES

    def setup(self) -> None:
        super().setup()
        ui = self.ui
        ui.use_separate.toggled.connect(self._mode_changed)
        ui.cert_button.clicked.connect(lambda: self._choose("cert", "Open the certificate", CERTIFICATE_FILTERS))
        ui.key_button.clicked.connect(lambda: self._choose("key", "Open the private key", KEY_FILTERS))
        ui.pkcs12_button.clicked.connect(lambda: self._choose("pkcs12", "Open the PKCS#12 file", PKCS12_FILTERS))
        self._mode_changed(True)

    def nextId(self) -> int:
        return int(PageId.IMPORT_CHECKS)

    def use_files(self, cert: Path | str, key: Path | str) -> None:
        """Import a certificate file (with its chain) and its private key file."""
        self.ui.use_separate.setChecked(True)
        self.ui.cert_path.setText(str(cert))
        self.ui.key_path.setText(str(key))
        self._read()

    def use_pkcs12(self, path: Path | str) -> None:
        """Import one PKCS#12 file; its password is asked for through the prompts."""
        self.ui.use_pkcs12.setChecked(True)
        self.ui.pkcs12_path.setText(str(path))
        self._read()

    def _mode_changed(self, separate: bool) -> None:
        for name in ("cert_label", "cert_path", "cert_button", "key_label", "key_path", "key_button"):
            getattr(self.ui, name).setEnabled(separate)
        for name in ("pkcs12_label", "pkcs12_path", "pkcs12_button"):
            getattr(self.ui, name).setEnabled(not separate)
        self.task.cancel()
        self._forget_plan()
        self.show_error("")
        self.ui.source_status.setText("")
        self._read()

    def _choose(self, which: str, title: str, filters: str) -> None:
        path = self.context.prompts.open_file(self, title, filters)
        if path:
            getattr(self.ui, f"{which}_path").setText(path)
            self._read()

    def _read(self) -> None:
        """Start reading once the chosen mode has all its files."""
        ui = self.ui
        if ui.use_separate.isChecked():
            cert, key = ui.cert_path.text(), ui.key_path.text()
            if cert and key:
                self.start_plan([Source.file(cert)], Source.file(key, "key file"))
            elif cert or key:
                ui.source_status.setText("Now choose the " + ("private key." if cert else "certificate."))
        elif ui.pkcs12_path.text():
            self.start_plan([Source.file(ui.pkcs12_path.text())])


class ImportChecksPage(ChecksPage):
    page_id = PageId.IMPORT_CHECKS
    source_page_id = PageId.IMPORT_FILES


PAGES = (ImportFilesPage, ImportChecksPage)
