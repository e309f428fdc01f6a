"""CertificateWizard: the QWizard shell; each path's pages live in their own module (PATH_MODULES)."""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from tlsgui.errors import TlsguiError
from tlsgui.widgets.prompts import Prompts
from tlsgui.wizard.choose_page import ChoosePage
from tlsgui.wizard.context import WizardContext
from tlsgui.wizard.ids import FIRST_PAGE, WizardPath
from tlsgui.workers.tasks import TaskRunner

# One module per path; each defines PAGES, the WizardPage classes it adds (ids from tlsgui.wizard.ids).
PATH_MODULES: tuple[str, ...] = (
    "tlsgui.wizard.request_pages",
    "tlsgui.wizard.received_pages",
    "tlsgui.wizard.import_pages",
    "tlsgui.wizard.development_page",
    "tlsgui.wizard.forward_secrecy_page",
    "tlsgui.wizard.acme_pages",
)


class CertificateWizard(QWizard):
    """Started from the Certificates page or the menu; writes into the project only in `accept` (Finish)."""

    files_written = Signal(list)  # the paths Finish wrote

    def __init__(self, document, prompts: Prompts | None = None, start: WizardPath | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificate_wizard")
        self.setWindowTitle(f"Certificate wizard — {document.name}")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.context = WizardContext(document, prompts or Prompts(), TaskRunner(self))
        self.choose_page = ChoosePage(self.context)
        self.setPage(int(self.choose_page.page_id), self.choose_page)
        for name in PATH_MODULES:
            for page_class in importlib.import_module(name).PAGES:
                self.setPage(int(page_class.page_id), page_class(self.context))
        if start is not None:
            # Started for one path (a button on the Certificates page): skip the choice, keep Back to it.
            self.choose_page.choose(start)
            self.setStartId(int(FIRST_PAGE[WizardPath(start)]))
        self.resize(720, 560)

    def page_by_id(self, page_id: int):
        return self.page(int(page_id))

    def accept(self) -> None:
        page = self.currentPage()
        if self.context.busy:
            self.context.prompts.info(self, "Still working", "Wait for the background work to finish, or "
                                                              "cancel it first.")
            return
        try:
            written: list[Path] = page.finish() if page.is_final() else []
        except TlsguiError as exc:
            # Stay open on the same page: the person can fix the cause (e.g. a read-only folder) and retry.
            self.context.prompts.error(self, "Nothing was installed", str(exc))
            return
        self.context.discard_staging()
        self.context.runner.shutdown()
        self.files_written.emit([str(p) for p in written])
        super().accept()

    def reject(self) -> None:
        if self.context.busy and not self.context.prompts.confirm(
                self, "Cancel the wizard", "Background work is still running. Stop it and close the wizard? "
                                           "Nothing will be written."):
            return
        self.context.cancel_all()
        self.context.runner.shutdown()
        self.context.discard_staging()
        super().reject()

    def closeEvent(self, event) -> None:
        # The title-bar close button is Cancel: same question, same cleanup.
        event.ignore()
        self.reject()
