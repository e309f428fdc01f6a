"""The cipher list editor: an OpenSSL cipher string, checked as you type, with the suites it selects."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

COLUMNS = ("Suite", "Protocol", "Key exchange", "Authentication", "Bits", "Forward secret", "AEAD")
_GOOD, _BAD = QColor("#1e7b34"), QColor("#b3261e")


class CipherEditor(QWidget):
    """`self.edit` (objectName tls_cipher_list) holds the text; `show_analysis` refreshes status and suites."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self, objectName="tls_cipher_list")
        self.edit.setPlaceholderText("empty: 4D's built-in list")
        self.edit.setClearButtonEnabled(True)
        self.status = QLabel(self, objectName="tls_cipher_list_status", wordWrap=True)
        self.suites = QTreeWidget(self, objectName="cipher_suites")
        self.suites.setRootIsDecorated(False)
        self.suites.setAlternatingRowColors(True)
        self.suites.setHeaderLabels(COLUMNS)
        self.suites.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.suites.header().setStretchLastSection(False)
        self.suites.setMinimumHeight(150)
        self.suites.setMaximumHeight(200)  # keeps the assessment below it in view at 1280×800
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        layout.addWidget(self.suites, 1)
        self.analysis = None  # tlsgui.policy.ciphers.CipherAnalysis of the text shown

    def show_analysis(self, text: str):
        from tlsgui.policy.ciphers import analyse  # loads `ssl`: only when this page is first shown

        analysis = self.analysis = analyse(text)
        self.suites.clear()
        if analysis.error:
            self._status(analysis.error, bad=True)
            return analysis
        for suite in analysis.suites:
            row = QTreeWidgetItem([suite.name, suite.protocol, suite.kx, suite.auth, str(suite.bits),
                                   "✓ yes" if suite.forward_secret else "✗ no", "✓ yes" if suite.aead else "✗ no"])
            row.setForeground(5, QBrush(_GOOD if suite.forward_secret else _BAD))
            row.setForeground(6, QBrush(_GOOD if suite.aead else _BAD))
            self.suites.addTopLevelItem(row)
        count = len(analysis.suites)
        fs = sum(s.forward_secret for s in analysis.suites)
        aead = sum(s.aead for s in analysis.suites)
        summary = (f"{count} suite(s) for TLS 1.2 and older: {fs} forward-secret, {aead} AEAD."
                   + ("" if text.strip() else " (Shown: OpenSSL's default list; 4D's own is not published.)"))
        if analysis.unknown:
            from tlsgui.policy.ciphers import describe_unknown

            self._status(f"{describe_unknown(analysis.unknown)} {summary}", bad=True)
        elif not count:
            self._status("This list selects no suite: TLS 1.2 handshakes would fail.", bad=True)
        else:
            self._status(summary, bad=False)
        return analysis

    def _status(self, text: str, *, bad: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {_BAD.name() if bad else _GOOD.name()};")
        self.edit.setStyleSheet("border: 1px solid #b3261e;" if bad else "")
