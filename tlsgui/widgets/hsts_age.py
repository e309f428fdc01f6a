"""HSTS max age: seconds as 4D takes them, presets (1 day, 1 year, 2 years) and a human-readable echo."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from tlsgui.policy.limits import ONE_YEAR, TWO_YEARS

ONE_DAY = 86400
PRESETS = (("1 day", ONE_DAY), ("1 year", ONE_YEAR), ("2 years", TWO_YEARS))
_UNITS = (("year", 365 * ONE_DAY), ("day", ONE_DAY), ("hour", 3600), ("minute", 60), ("second", 1))


def human_duration(seconds: int) -> str:
    """'2 years', '1 day 2 hours': the two largest units, so the echo stays short."""
    if seconds <= 0:
        return "0 seconds (browsers forget HSTS)" if seconds == 0 else "negative"
    parts = []
    rest = seconds
    for name, size in _UNITS:
        count, rest = divmod(rest, size)
        if count:
            parts.append(f"{count} {name}{'s' if count != 1 else ''}")
    return " ".join(parts[:2]) + (" (about)" if len(parts) > 2 else "")


class HstsAgeEdit(QWidget):
    """The editor is `self.edit` (objectName web_hsts_max_age); a preset emits `preset_chosen(seconds)`."""

    preset_chosen = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self, objectName="web_hsts_max_age")
        self.edit.setMaximumWidth(120)
        self.echo = QLabel(self, objectName="web_hsts_max_age_echo")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(QLabel("seconds", self))
        for text, seconds in PRESETS:
            button = QPushButton(text, self, objectName=f"hsts_preset_{seconds}")
            button.setToolTip(f"{seconds} seconds")
            button.clicked.connect(lambda _=False, s=seconds: self.preset_chosen.emit(s))
            layout.addWidget(button)
        layout.addWidget(self.echo, 1)
        self.edit.textChanged.connect(self.update_echo)

    def update_echo(self, text: str) -> None:
        """Also called by the page, since loading a value blocks the editor's signals."""
        try:
            seconds = int(text.strip(), 10)
        except ValueError:
            self.echo.setText("")
            return
        self.echo.setText("= " + human_duration(seconds))
