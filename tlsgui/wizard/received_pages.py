"""The "Install the certificate I received" path: paste, open or drop it → every check → Finish installs it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from tlsgui.forms.ui_wizard_received_source import Ui_WizardReceivedSourcePage
from tlsgui.project.pending import list_pending
from tlsgui.wizard.ids import PageId
from tlsgui.wizard.install_steps import ChecksPage, PlanSourcePage, Source

CERTIFICATE_FILTERS = ("Certificates (*.pem *.crt *.cer *.der *.p7b *.p7c *.pfx *.p12);;"
                       "PKCS#12 (*.pfx *.p12);;All files (*)")
PASTE_DELAY_MS = 300  # typing or pasting in pieces reads the text once it settles


class ReceivedSourcePage(PlanSourcePage):
    form_class = Ui_WizardReceivedSourcePage
    page_id = PageId.RECEIVED_SOURCE

    def setup(self) -> None:
        super().setup()
        self.setAcceptDrops(True)
        # Dropped files go to the page (read as files), not into the text box as a file:// line.
        self.ui.pem_text.setAcceptDrops(False)
        self._paste_timer = QTimer(self)
        self._paste_timer.setSingleShot(True)
        self._paste_timer.setInterval(PASTE_DELAY_MS)
        self._paste_timer.timeout.connect(self._read_paste)
        self.ui.pem_text.textChanged.connect(self._paste_timer.start)
        self.ui.open_button.clicked.connect(self.open_file)

    def initializePage(self) -> None:
        # Pending keys survive restarts in .tlsgui/pending; list them without reading them (no crypto here).
        pending = list_pending(self.context.paths)
        if pending:
            newest = pending[0].created
            more = f" ({len(pending)} keys are waiting; the matching one is used)" if len(pending) > 1 else ""
            self.ui.pending_label.setText(f"A private key made on {newest:%Y-%m-%d at %H:%M} UTC is waiting for "
                                          f"its certificate{more}.")
        else:
            self.ui.pending_label.setText("No key is waiting in this project: the certificate must come with its "
                                          "key (a .pfx or .p12 file), or renew the installed key.pem's certificate.")

    def nextId(self) -> int:
        return int(PageId.RECEIVED_CHECKS)

    # ---- the three ways in

    def paste_text(self, text: str) -> None:
        """Put `text` in the box and read it now (what a paste does, without waiting for typing to settle)."""
        self.ui.pem_text.setPlainText(text)
        self._paste_timer.stop()
        self._read_paste()

    def load_files(self, paths: list[Path]) -> None:
        """Read these files (the certificate and maybe its chain): Open…, a drop here or on the main window."""
        self._paste_timer.stop()
        self.ui.pem_text.blockSignals(True)  # the box is cleared so it never contradicts the file read
        self.ui.pem_text.clear()
        self.ui.pem_text.blockSignals(False)
        self.start_plan([Source.file(path) for path in paths])

    def open_file(self) -> None:
        path = self.context.prompts.open_file(self, "Open the certificate you received", CERTIFICATE_FILTERS)
        if path:
            self.load_files([Path(path)])

    def _read_paste(self) -> None:
        text = self.ui.pem_text.toPlainText()
        if not text.strip():
            self.task.cancel()
            self._forget_plan()
            self.ui.source_status.setText("")
            self.show_error("The pasted text is empty. Paste the certificate, from '-----BEGIN CERTIFICATE-----' "
                            "to '-----END CERTIFICATE-----', or open or drop the file.")
            return
        self.start_plan([Source("pasted text", data=text.encode("utf-8"))])

    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if any(url.isLocalFile() for url in mime.urls()) or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        if paths:
            self.load_files(paths)
        elif mime.hasText():
            self.paste_text(mime.text())
        else:
            return
        event.acceptProposedAction()


class ReceivedChecksPage(ChecksPage):
    page_id = PageId.RECEIVED_CHECKS
    source_page_id = PageId.RECEIVED_SOURCE


PAGES = (ReceivedSourcePage, ReceivedChecksPage)
