"""The live list of every Problem; activating one asks the window to jump to its field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from tlsgui.widgets.icons import icon
from tlsgui.widgets.qt_values import USER_ROLE

KEY_ROLE = USER_ROLE


class DiagnosticsPanel(QWidget):
    """Shows `document.problems`; `problem_activated(key)` when one is clicked or activated."""

    problem_activated = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.title = QLabel(self, objectName="diagnostics_title")
        self.list = QListWidget(self, objectName="diagnostics_list")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        self.title.setText("<b>Problems</b> — checking…")

    def set_problems(self, problems: list) -> None:
        """Show tlsgui.policy.findings.Finding values (not imported here: it loads `ssl`)."""
        self.list.clear()
        for problem in problems:
            text = problem.message + (f"\n→ {problem.fix}" if problem.fix else "")
            item = QListWidgetItem(icon(problem.severity.value), text)
            item.setData(KEY_ROLE, problem.key)
            item.setToolTip(f"{problem.key}: click to go to the setting")
            self.list.addItem(item)
        errors = sum(p.severity.value == "error" for p in problems)
        warnings = sum(p.severity.value == "warning" for p in problems)
        if problems:
            self.title.setText(f"<b>Problems</b> — {errors} error(s), {warnings} warning(s), "
                               f"{len(problems) - errors - warnings} note(s). Click one to go to its setting.")
        else:
            self.title.setText("<b>Problems</b> — none found.")

    def keys(self) -> list[str]:
        return [self.list.item(i).data(KEY_ROLE) for i in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        self.problem_activated.emit(item.data(KEY_ROLE))
