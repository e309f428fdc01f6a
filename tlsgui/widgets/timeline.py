"""A certificate's validity as a bar from 'not before' to 'not after', with today and the days left."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from tlsgui.widgets import colours
from tlsgui.widgets.plurals import tr


class ValidityTimeline(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.not_before: datetime | None = None
        self.not_after: datetime | None = None
        self.now = datetime.now(timezone.utc)

    def set_validity(self, not_before: datetime | None, not_after: datetime | None, now: datetime) -> None:
        self.not_before, self.not_after, self.now = not_before, not_after, now
        self.setToolTip(self.describe())
        # A screen reader says what the bar shows (it has no text of its own).
        self.setAccessibleName("Validity")
        self.setAccessibleDescription(self.describe() if not_before is None else
                                      f"valid from {not_before:%Y-%m-%d} to {not_after:%Y-%m-%d}: {self.describe()}")
        self.update()

    def days_left(self) -> int | None:
        return None if self.not_after is None else (self.not_after - self.now).days

    def describe(self) -> str:
        if self.not_before is None or self.not_after is None:
            return "No certificate."
        left = self.days_left()
        if self.now < self.not_before:
            return f"Not valid yet: valid from {self.not_before:%Y-%m-%d}."
        if left < 0:
            return tr("Expired %n day(s) ago", -left) + f", on {self.not_after:%Y-%m-%d}."
        return tr("%n day(s) left", left) + f" (until {self.not_after:%Y-%m-%d})."

    def sizeHint(self) -> QSize:
        return QSize(400, 44)

    def paintEvent(self, _event) -> None:
        if self.not_before is None or self.not_after is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar = QRectF(4, 4, self.width() - 8, 14)
        total = max((self.not_after - self.not_before).total_seconds(), 1)
        done = min(max((self.now - self.not_before).total_seconds() / total, 0.0), 1.0)
        left = self.days_left()
        colour = colours.status_colour("error" if left < 0 else "warning" if left < 30 else "ok", self.palette())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(bar, 4, 4)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(bar.x(), bar.y(), bar.width() * done, bar.height()), 4, 4)
        painter.setPen(QPen(self.palette().text().color()))
        x = bar.x() + bar.width() * done
        painter.drawLine(int(x), 1, int(x), 21)
        text_rect = QRectF(4, 22, self.width() - 8, 20)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft, f"{self.not_before:%Y-%m-%d}")
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter, f"today: {self.describe()}")
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight, f"{self.not_after:%Y-%m-%d}")
        painter.end()
