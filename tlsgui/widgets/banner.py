"""A message strip above the pages: read-only projects, files changed on disk, with an optional action."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

_COLOURS = {"error": ("#fdecea", "#b3261e"), "warning": ("#fff4e5", "#8a5300"), "info": ("#e8f1fb", "#1c4f8a")}


class Banner(QFrame):
    """Hidden until `show_message`; `action_clicked` fires when its button (e.g. Reload) is pressed."""

    action_clicked = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel(self, objectName="banner_text", wordWrap=True)
        self.button = QPushButton(self, objectName="banner_action")
        self.button.clicked.connect(self.action_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.kind = ""
        self.hide()

    def show_message(self, kind: str, text: str, action: str = "") -> None:
        background, foreground = _COLOURS[kind]
        self.kind = kind
        self.setStyleSheet(f"#banner {{ background: {background}; border: 1px solid {foreground}; "
                           f"border-radius: 4px; }} #banner_text {{ color: {foreground}; }}")
        self.label.setText(text)
        self.button.setText(action)
        self.button.setVisible(bool(action))
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self.label.clear()
        self.hide()
