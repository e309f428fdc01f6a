"""A message strip above the pages: read-only projects, files changed on disk, with optional actions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from tlsgui.widgets import colours

#: Shown before the text, so the kind of message never depends on its colour alone.
_MARKS = {"error": "✘", "warning": "⚠", "info": "ℹ"}


class Banner(QFrame):
    """Hidden until `show_message`; `action_clicked` fires for its main button (e.g. Reload), `extra_clicked(name)`
    for the others (e.g. "show_folder", "open_editor")."""

    action_clicked = Signal()
    extra_clicked = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel(self, objectName="banner_text", wordWrap=True)
        self.button = QPushButton(self, objectName="banner_action")
        self.button.clicked.connect(self.action_clicked)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 10, 6)
        self._layout.addWidget(self.label, 1)
        self._layout.addWidget(self.button)
        self.extra_buttons: dict[str, QPushButton] = {}
        self.kind = ""
        self.hide()

    def show_message(self, kind: str, text: str, action: str = "",
                     extra: tuple[tuple[str, str], ...] = ()) -> None:
        """`extra`: (name, button text) pairs shown before the main action."""
        self.kind = kind
        # From the palette: a light tint of the window colour and a text colour readable on it (dark palettes too).
        background, foreground = colours.tinted_background(kind), colours.readable(
            colours.HUES[kind], colours.tinted_background(kind))
        self.setStyleSheet(f"#banner {{ background: {background.name()}; border: 1px solid {foreground.name()}; "
                           f"border-radius: 4px; }} #banner_text {{ color: {foreground.name()}; }}")
        self.label.setText(f"{_MARKS[kind]} {text}")
        self.button.setText(action)
        self.button.setVisible(bool(action))
        for button in self.extra_buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()
        self.extra_buttons = {}
        for index, (name, label) in enumerate(extra):
            button = QPushButton(label, self, objectName=f"banner_{name}")
            button.clicked.connect(lambda _=False, n=name: self.extra_clicked.emit(n))
            self._layout.insertWidget(1 + index, button)
            self.extra_buttons[name] = button
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self.label.clear()
        for button in self.extra_buttons.values():
            button.hide()
        self.hide()
