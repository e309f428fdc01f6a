"""The cipher list editor: an OpenSSL cipher string, checked as you type, with the suites it selects."""

from __future__ import annotations

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from tlsgui.widgets import colours
from tlsgui.widgets.plurals import tr

COLUMNS = ("Suite", "Protocol", "Key exchange", "Authentication", "Bits", "Forward secret", "AEAD")


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
            good, bad = colours.status_colour("ok"), colours.status_colour("error")
            row.setForeground(5, QBrush(good if suite.forward_secret else bad))
            row.setForeground(6, QBrush(good if suite.aead else bad))
            self.suites.addTopLevelItem(row)
        count = len(analysis.suites)
        fs = sum(s.forward_secret for s in analysis.suites)
        aead = sum(s.aead for s in analysis.suites)
        summary = (tr("%n suite(s) for TLS 1.2 and older", count) + f": {fs} forward-secret, {aead} AEAD."
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
        self.status.setText(("✘ " if bad else "✔ ") + text)
        self.status.setStyleSheet(colours.css("error" if bad else "ok"))
        self.edit.setStyleSheet(f"border: 1px solid {colours.status_colour('error').name()};" if bad else "")
