"""A certificate's validity as a bar from 'not before' to 'not after', with today and the days left."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


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
            return f"Expired {-left} day(s) ago, on {self.not_after:%Y-%m-%d}."
        return f"{left} day(s) left (until {self.not_after:%Y-%m-%d})."

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
        colour = QColor("#b3261e") if left < 0 else QColor("#c77700") if left < 30 else QColor("#1e7b34")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#dddddd"))
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
