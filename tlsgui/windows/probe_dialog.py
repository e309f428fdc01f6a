"""Asking for HOST:PORT to probe, checked as it is typed (the port range is in the message)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from tlsgui.errors import TlsguiError
from tlsgui.preview.address import parse_address
from tlsgui.widgets import colours


class ProbeAddressDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("probe_address_dialog")
        self.setWindowTitle("Probe a Server")
        self.address = QLineEdit(self, objectName="probe_address")
        self.address.setPlaceholderText("shop.example.com:443")
        self.message = QLabel(self, objectName="probe_message", wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Probe")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        label = QLabel("&Server (HOST:PORT)", self)
        label.setBuddy(self.address)
        layout.addRow(label, self.address)
        layout.addRow(self.message)
        layout.addRow(QLabel("Connects with real TLS clients and checks protocols, cipher, chain, trust and the host "
                             "name, as Test TLS does for the preview. Nothing is written.", self, wordWrap=True))
        layout.addRow(self.buttons)
        self.address.textChanged.connect(self._check)
        self._check(self.address.text())
        self.resize(480, self.sizeHint().height())

    def _check(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not text.strip():
            self.message.setText("")
            ok.setEnabled(False)
            return
        try:
            parse_address(text)
        except TlsguiError as exc:
            self.message.setText(colours.span("error", f"✘ {exc.message} {exc.fix}"))
            ok.setEnabled(False)
        else:
            self.message.setText("")
            ok.setEnabled(True)


def ask_address(parent: QWidget | None) -> str:
    """The address typed, or "" when cancelled (tests call ProbeAddressDialog directly)."""
    dialog = ProbeAddressDialog(parent)
    return dialog.address.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else ""
