"""The handshake report as a green/red checklist: one branch per listener, each failed check with its fix."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

PASS_COLOR, FAIL_COLOR, INFO_COLOR = "#1e7d32", "#b3261e", "#5f6368"
MARKS = {True: ("✔", PASS_COLOR), False: ("✘", FAIL_COLOR), None: ("ℹ", INFO_COLOR)}
#: Item data: "role/check name" for check rows, "role/" for a listener, "role/fix:NAME" for a fix.
ID_ROLE = Qt.ItemDataRole.UserRole


def facts_line(listener) -> str:
    """'TLS 1.3, TLS_AES_256_GCM_SHA384, key exchange X25519 (forward secret)' from a ListenerReport's facts."""
    facts = listener.facts
    if not listener.tls:
        return "plain HTTP"
    if not facts:
        return "no TLS handshake"
    parts = [facts.get("protocol", ""), facts.get("cipher", "")]
    kx = facts.get("key_exchange")
    if kx:
        parts.append(f"key exchange {kx}" + (" (forward secret)" if facts.get("forward_secrecy") else ""))
    return ", ".join(part for part in parts if part)


class CheckReportView(QWidget):
    """Shows a tlsgui.preview.report.Report, or a message instead of one (no certificate, cancelled, ...)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self, objectName="test_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Without a report the tree is hidden; the message stays at the top instead of floating mid-window.
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.notes = QLabel(self, objectName="test_notes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.tree = QTreeWidget(self, objectName="test_checks")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Check", "What the test saw"])
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 430)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)
        layout.addWidget(self.tree, 1)
        self.report = None
        self.clear()

    # --- showing --------------------------------------------------------------------------------
    def clear(self, text: str = "") -> None:
        self.report = None
        self.tree.clear()
        self.tree.hide()
        self.notes.hide()
        self.summary.setText(escape(text))

    def show_message(self, headline: str, detail: str = "", fix: str = "", *, failed: bool = True) -> None:
        """A test that produced no report: what happened, where, and what to do, in words (never a traceback)."""
        self.clear()
        color = FAIL_COLOR if failed else INFO_COLOR
        html = f"<p style='color:{color}; font-size:13pt'><b>{escape(headline)}</b></p>"
        if detail:
            html += f"<p>{escape(detail)}</p>"
        if fix:
            html += f"<p><b>What to do:</b> {escape(fix)}</p>"
        self.summary.setText(html)

    def show_refused(self, name: str, title: str, message: str, where: str = "", fix: str = "") -> None:
        """The project's files stop the preview before any handshake (key does not match cert.pem, chain out of
        order, DH too small, no usable cipher): one red check, with its message and fix."""
        self.clear()
        self.summary.setText(f"<p style='color:{FAIL_COLOR}; font-size:13pt'><b>✘ The preview servers cannot "
                             "start with these files and settings; 4D's would not either.</b></p>")
        top = QTreeWidgetItem(self.tree, ["✘ Project files and TLS policy", where])
        top.setData(0, ID_ROLE, "files/")
        top.setForeground(0, QBrush(QColor(FAIL_COLOR)))
        row = QTreeWidgetItem(top, [f"✘ {title}", message])
        row.setData(0, ID_ROLE, f"files/{name}")
        row.setForeground(0, QBrush(QColor(FAIL_COLOR)))
        row.setToolTip(1, message)
        if fix:
            fix_row = QTreeWidgetItem(row, [f"Fix: {fix}", ""])
            fix_row.setData(0, ID_ROLE, f"files/fix:{name}")
            fix_row.setForeground(0, QBrush(QColor(FAIL_COLOR)))
            fix_row.setFirstColumnSpanned(True)
        self.tree.expandAll()
        self.tree.show()

    def show_report(self, report, *, edited: bool = False, extra_notes: tuple[str, ...] = ()) -> None:
        """Fill the checklist; `edited` says the settings tested include unsaved edits."""
        self.clear()
        self.report = report
        checks = [check for item in report.listeners for check in item.checks]
        failed = [check for check in checks if check.passed is False]
        passed = sum(check.passed is True for check in checks)
        scope = " (with the unsaved edits shown in the window)" if edited else " (with the saved settings)"
        if failed:
            headline = f"✘ {len(failed)} of {passed + len(failed)} checks failed{scope}"
            color = FAIL_COLOR
        else:
            headline = f"✔ All {passed} checks passed{scope}"
            color = PASS_COLOR
        self.summary.setText(f"<p style='color:{color}; font-size:13pt'><b>{escape(headline)}</b></p>")
        notes = (*extra_notes, *report.notes)
        if notes:
            self.notes.setText("<br>".join("• " + escape(note) for note in notes))
            self.notes.show()
        for listener in report.listeners:
            self._add_listener(listener)
        self.tree.show()

    def _add_listener(self, listener) -> None:
        mark, color = MARKS[listener.passed]
        top = QTreeWidgetItem(self.tree, [f"{mark} {listener.label} — {listener.host}:{listener.port}",
                                          facts_line(listener)])
        top.setData(0, ID_ROLE, f"{listener.role}/")
        font = QFont(top.font(0))
        font.setBold(True)
        top.setFont(0, font)
        top.setForeground(0, QBrush(QColor(color)))
        chain = listener.facts.get("chain")
        if chain:
            top.setToolTip(1, "Chain served: " + " ← ".join(chain))
        for check in listener.checks:
            mark, color = MARKS[check.passed]
            row = QTreeWidgetItem(top, [f"{mark} {check.title}", check.detail])
            row.setData(0, ID_ROLE, f"{listener.role}/{check.name}")
            row.setForeground(0, QBrush(QColor(color)))
            row.setToolTip(0, {True: "passed", False: "FAILED", None: "information (not a pass/fail check)"}
                           [check.passed])
            row.setToolTip(1, check.detail)
            if check.passed is False and check.reason:
                fix = QTreeWidgetItem(row, [f"Fix: {check.reason}", ""])
                fix.setData(0, ID_ROLE, f"{listener.role}/fix:{check.name}")
                fix.setForeground(0, QBrush(QColor(FAIL_COLOR)))
                fix.setToolTip(0, check.reason)
                fix.setFirstColumnSpanned(True)
                row.setExpanded(True)
        top.setExpanded(True)  # at most four listeners: every check reads at a glance, green ones too

    # --- reading back (tests, accessibility) ---------------------------------------------------
    def item(self, role: str, name: str = "") -> QTreeWidgetItem | None:
        """The row of a listener (`name` "") or of one of its checks; None when the report has none."""
        root = self.tree.invisibleRootItem()
        for i in range(root.childCount()):
            top = root.child(i)
            if top.data(0, ID_ROLE) == f"{role}/":
                if not name:
                    return top
                for j in range(top.childCount()):
                    if top.child(j).data(0, ID_ROLE) == f"{role}/{name}":
                        return top.child(j)
        return None

    def fix_text(self, role: str, name: str) -> str:
        row = self.item(role, name)
        for j in range(row.childCount() if row is not None else 0):
            if row.child(j).data(0, ID_ROLE) == f"{role}/fix:{name}":
                return row.child(j).text(0)
        return ""
