"""The certificate details dialog: every field of one certificate, Copy and Export as PEM or DER."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tlsgui.errors import TlsguiError

VALUE_ROLE = Qt.ItemDataRole.UserRole
HEX_FIELDS = ("Serial number", "SHA-256 fingerprint", "SHA-1 fingerprint")


def split_hex(value: str, per_line: int = 16) -> str:
    """'AA:BB:…' on lines of `per_line` bytes."""
    parts = value.split(":")
    return "\n".join(":".join(parts[i:i + per_line]) for i in range(0, len(parts), per_line))


def detail_rows(cert) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(field, value, children) rows for a tlsgui.model.cert_details.CertDetails."""
    return [
        ("Subject", cert.subject, []),
        ("Issuer", cert.issuer, []),
        ("Serial number", cert.serial, []),
        ("Valid from", f"{cert.not_before:%Y-%m-%d %H:%M} UTC", []),
        ("Valid until", f"{cert.not_after:%Y-%m-%d %H:%M} UTC", []),
        ("SHA-256 fingerprint", cert.sha256, []),
        ("SHA-1 fingerprint", cert.sha1, []),
        ("Public key", cert.key, []),
        ("Signature algorithm", cert.signature, []),
        ("Names (SANs)", ", ".join(cert.names) or "none", []),
        ("Key usage", ", ".join(cert.key_usage) or "not restricted", []),
        ("Extensions", str(len(cert.extensions)),
         [(name + (" (critical)" if critical else ""), value) for name, critical, value in cert.extensions]),
    ]


class CertificateDetailsDialog(QDialog):
    def __init__(self, cert, prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificate_details")
        self.cert, self.prompts = cert, prompts
        self.setWindowTitle(f"Certificate — {cert.common_name}")
        self.tree = QTreeWidget(self, objectName="details_tree")
        self.tree.setHeaderLabels(["Field", "Value"])
        self.tree.setWordWrap(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setUniformRowHeights(False)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for field, value, children in detail_rows(cert):
            # Fingerprints and serials are long hex: two lines of a fixed font, so nothing is cut off.
            shown = split_hex(value) if field in HEX_FIELDS else value
            item = QTreeWidgetItem(self.tree, [field, shown])
            item.setData(1, VALUE_ROLE, value)
            item.setToolTip(1, value)
            if field in HEX_FIELDS:
                item.setFont(1, fixed)
            for name, text in children:
                child = QTreeWidgetItem(item, [name, text])
                child.setToolTip(1, text)
        self.tree.expandAll()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton("&Copy PEM", self, objectName="copy_pem_button")
        self.copy_button.setToolTip("Copy the certificate as PEM text to the clipboard")
        self.export_button = QPushButton("&Export…", self, objectName="export_button")
        self.export_button.setToolTip("Save this certificate as a PEM (.pem, .crt) or DER (.der, .cer) file")
        for button in (self.copy_button, self.export_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_pem)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(self.buttons)
        self.resize(720, 520)

    def value(self, field: str) -> str:
        """The field's whole value (as copied), whatever its layout on screen."""
        for i in range(self.tree.topLevelItemCount()):
            if self.tree.topLevelItem(i).text(0) == field:
                return self.tree.topLevelItem(i).data(1, VALUE_ROLE)
        return ""

    def copy_pem(self) -> None:
        QGuiApplication.clipboard().setText(self.cert.pem.decode("ascii"))

    def export(self) -> str | None:
        """Ask where; a name ending in .der or .cer gets DER, anything else PEM. Returns the path written."""
        safe = "".join(ch if ch.isalnum() or ch in "-._" else "_" for ch in self.cert.common_name) or "certificate"
        path = self.prompts.save_file(self, "Export certificate", f"{safe}.pem",
                                      "PEM certificate (*.pem *.crt);;DER certificate (*.der *.cer)")
        if not path:
            return None
        der = Path(path).suffix.lower() in (".der", ".cer")
        from tlsgui.project.atomic import write_atomic

        try:
            write_atomic(Path(path), self.cert.der if der else self.cert.pem, mode=0o644)
        except TlsguiError as exc:
            self.prompts.error(self, "Not exported", str(exc))
            return None
        return path
