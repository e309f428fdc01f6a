"""The handshake report as a checklist (mark, word and colour): one branch per listener, each failed check with its fix."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from tlsgui.widgets import colours
from tlsgui.widgets.plurals import tr
from tlsgui.widgets.remedies import RemedyButtons, gui_fix

#: Status by mark and word, never by colour alone (the colour comes from the palette: colours.py).
MARKS = {True: ("✔", "ok", "Passed"), False: ("✘", "error", "Failed"), None: ("ℹ", "info", "Info")}
#: The settings that make a TLS server: the remedies offered when none is on.
TLS_SWITCHES = ("setting:web.https_enabled", "setting:client_server.encryption", "setting:sql.tls_enabled")
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

    remedy_chosen = Signal(str)  # a remedy name (tlsgui.widgets.remedies): the window shows that setting or wizard

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self, objectName="test_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Without a report the tree is hidden; the message stays at the top instead of floating mid-window.
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.remedies = RemedyButtons(self)
        self.remedies.remedy_chosen.connect(self.remedy_chosen)
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
        layout.addWidget(self.remedies)
        layout.addWidget(self.notes)
        layout.addWidget(self.tree, 100)
        layout.addStretch(1)  # without a report (tree hidden) the words and buttons stay together at the top
        self.report = None
        self.clear()

    # --- showing --------------------------------------------------------------------------------
    def clear(self, text: str = "") -> None:
        self.report = None
        self.tree.clear()
        self.tree.hide()
        self.notes.hide()
        self.remedies.set_remedies(())
        self.summary.setText(escape(text))

    @staticmethod
    def _headline(kind: str, text: str) -> str:
        return f"<p style='{colours.css(kind)} font-size:13pt'><b>{escape(text)}</b></p>"

    def show_message(self, headline: str, detail: str = "", fix: str = "", *, failed: bool = True,
                     remedies: tuple[str, ...] = ()) -> None:
        """A test that produced no report: what happened, where, and what to do, in words (never a traceback).

        With `remedies`, "what to do" is said in the window's words with a button for each, not as a command.
        """
        self.clear()
        html = self._headline("error" if failed else "info", ("✘ " if failed else "ℹ ") + headline)
        if detail:
            html += f"<p>{escape(detail)}</p>"
        fix = gui_fix(fix, remedies)
        if fix:
            html += f"<p><b>What to do:</b> {escape(fix)}</p>"
        self.summary.setText(html)
        self.remedies.set_remedies(remedies)

    def show_nothing_to_test(self) -> None:
        """No server uses TLS (the fresh demo): say so, with a way to each switch, rather than "all 0 passed"."""
        self.show_message("Nothing to test: HTTPS, client-server encryption and SQL TLS are off.",
                          "Test TLS checks the servers that use TLS; with all three off there is no TLS "
                          "handshake to make.", failed=False, remedies=TLS_SWITCHES)

    def show_refused(self, name: str, title: str, message: str, where: str = "", fix: str = "",
                     remedies: tuple[str, ...] = ()) -> None:
        """The project's files stop the preview before any handshake (key does not match cert.pem, chain out of
        order, DH too small, no usable cipher): one failed check, with its message and fix."""
        self.clear()
        self.summary.setText(self._headline("error", "✘ The preview servers cannot start with these files and "
                                                     "settings; 4D's would not either."))
        fail = QBrush(colours.status_colour("error"))
        top = QTreeWidgetItem(self.tree, ["✘ Failed: Project files and TLS policy", where])
        top.setData(0, ID_ROLE, "files/")
        top.setForeground(0, fail)
        row = QTreeWidgetItem(top, [f"✘ Failed: {title}", message])
        row.setData(0, ID_ROLE, f"files/{name}")
        row.setForeground(0, fail)
        row.setToolTip(1, message)
        fix = gui_fix(fix, remedies)
        if fix:
            fix_row = QTreeWidgetItem(row, [f"Fix: {fix}", ""])
            fix_row.setData(0, ID_ROLE, f"files/fix:{name}")
            fix_row.setForeground(0, fail)
            fix_row.setFirstColumnSpanned(True)
        self.remedies.set_remedies(remedies)
        self.tree.expandAll()
        self.tree.show()

    def show_report(self, report, *, edited: bool = False, extra_notes: tuple[str, ...] = (),
                    scope: str = "") -> None:
        """Fill the checklist; `edited` says the settings tested include unsaved edits; `scope` replaces the
        words about which settings were tested (a probe of a running server has none)."""
        self.clear()
        self.report = report
        checks = [check for item in report.listeners for check in item.checks]
        failed = [check for check in checks if check.passed is False]
        passed = sum(check.passed is True for check in checks)
        if not scope:
            scope = " (with the unsaved edits shown in the window)" if edited else " (with the saved settings)"
        if failed:
            headline, kind = "✘ " + tr("{failed} of %n check(s) failed", passed + len(failed)).format(
                failed=len(failed)) + scope, "error"
        elif passed:
            headline, kind = "✔ " + tr("All %n check(s) passed", passed) + scope, "ok"
        else:  # only information rows (plain HTTP): nothing passed, so nothing may be shown as a success
            headline, kind = "ℹ No pass/fail checks ran: no server uses TLS" + scope, "info"
            self.remedies.set_remedies(TLS_SWITCHES)
        self.summary.setText(f"<p style='{colours.css(kind)} font-size:13pt'><b>{escape(headline)}</b></p>")
        notes = (*extra_notes, *report.notes)
        if notes:
            self.notes.setText("<br>".join("• " + escape(note) for note in notes))
            self.notes.show()
        for listener in report.listeners:
            self._add_listener(listener)
        self.tree.show()

    def _add_listener(self, listener) -> None:
        mark, kind, word = MARKS[listener.passed]
        top = QTreeWidgetItem(self.tree, [f"{mark} {word}: {listener.label} — {listener.host}:{listener.port}",
                                          facts_line(listener)])
        top.setData(0, ID_ROLE, f"{listener.role}/")
        font = QFont(top.font(0))
        font.setBold(True)
        top.setFont(0, font)
        top.setForeground(0, QBrush(colours.status_colour(kind)))
        chain = listener.facts.get("chain")
        if chain:
            top.setToolTip(1, "Chain served: " + " ← ".join(chain))
        for check in listener.checks:
            mark, kind, word = MARKS[check.passed]
            row = QTreeWidgetItem(top, [f"{mark} {word}: {check.title}", check.detail])
            row.setData(0, ID_ROLE, f"{listener.role}/{check.name}")
            row.setForeground(0, QBrush(colours.status_colour(kind)))
            row.setToolTip(0, {True: "passed", False: "FAILED", None: "information (not a pass/fail check)"}
                           [check.passed])
            row.setToolTip(1, check.detail)
            if check.passed is False and check.reason:
                fix = QTreeWidgetItem(row, [f"Fix: {check.reason}", ""])
                fix.setData(0, ID_ROLE, f"{listener.role}/fix:{check.name}")
                fix.setForeground(0, QBrush(colours.status_colour("error")))
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
