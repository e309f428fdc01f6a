"""The certificate chain as a tree (root → intermediates → server certificate) on one shared validity timeline."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QTreeWidget, QTreeWidgetItem

from tlsgui.widgets import colours
from tlsgui.widgets.plurals import tr

INDEX_ROLE = Qt.ItemDataRole.UserRole  # the certificate's index in cert.pem
SPAN_ROLE = Qt.ItemDataRole.UserRole + 1  # (start, end, today) as fractions of the shared timeline


def validity_words(not_before: datetime, not_after: datetime, now: datetime) -> str:
    """'valid 2026-01-01 – 2026-04-01, 89 days left' (also what a screen reader says for the bar)."""
    span = f"{not_before:%Y-%m-%d} – {not_after:%Y-%m-%d}"
    if now < not_before:
        return f"not valid yet: {span}"
    left = (not_after - now).days
    if left < 0:
        return f"expired: {span}, " + tr("%n day(s) ago", -left)
    return f"valid {span}, " + tr("%n day(s) left", left)


def role_in_chain(chain: tuple, index: int) -> str:
    """What a certificate is in cert.pem: the first is the server's own (self-signed or not), a self-signed CA
    at the end is the root, anything between an intermediate."""
    cert = chain[index]
    if index == 0:
        return "Server (self-signed)" if cert.self_signed else "Server"
    if cert.self_signed:
        return "Root"
    return "Intermediate"


class TimelineDelegate(QStyledItemDelegate):
    """Paints a certificate's validity as a bar on the chain's common time axis, with today as a line."""

    def paint(self, painter: QPainter, option, index) -> None:
        span = index.data(SPAN_ROLE)
        super().paint(painter, option, index)
        if not span:
            return
        start, end, today, kind = span
        rect = option.rect.adjusted(4, 3, -4, -option.rect.height() // 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.status_colour(kind, option.palette))
        bar = QRect(rect.x() + int(rect.width() * start), rect.y(),
                    max(2, int(rect.width() * (end - start))), max(4, rect.height()))
        painter.drawRoundedRect(bar, 3, 3)
        pen = QPen(option.palette.color(QPalette.ColorRole.Text))
        pen.setWidth(2)
        painter.setPen(pen)
        x = rect.x() + int(rect.width() * today)
        painter.drawLine(x, option.rect.top() + 1, x, option.rect.top() + rect.height() + 6)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height() * 2, 34))


class ChainView(QTreeWidget):
    """cert.pem's certificates nested by issuer; `details_requested(index)` on double-click or Enter."""

    details_requested = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("chain_view")
        self.setColumnCount(2)
        self.setHeaderLabels(["Certification path", "Validity (today marked)"])
        self.setItemDelegateForColumn(1, TimelineDelegate(self))
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setAccessibleName("Certificate chain")
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.itemActivated.connect(lambda item, _col: self.details_requested.emit(item.data(0, INDEX_ROLE)))
        self.chain: tuple = ()

    def set_chain(self, chain: tuple, now: datetime) -> None:
        """`chain`: CertDetails in cert.pem order (server first); shown root first, the server one selected."""
        self.clear()
        self.chain = chain
        if not chain:
            return
        first = min(c.not_before for c in chain)
        last = max(c.not_after for c in chain)
        first, last = min(first, now), max(last, now)
        total = max((last - first).total_seconds(), 1.0)
        parent = self.invisibleRootItem()
        leaf = None
        for index in reversed(range(len(chain))):
            cert = chain[index]
            left = (cert.not_after - now).days
            kind = "error" if left < 0 or now < cert.not_before else "warning" if left < 30 else "ok"
            words = validity_words(cert.not_before, cert.not_after, now)
            mark = {"error": "✘", "warning": "⚠", "ok": "✔"}[kind]
            item = QTreeWidgetItem(parent, [f"{role_in_chain(chain, index)}: {cert.common_name}", f"{mark} {words}"])
            item.setData(0, INDEX_ROLE, index)
            item.setData(1, SPAN_ROLE, ((cert.not_before - first).total_seconds() / total,
                                        (cert.not_after - first).total_seconds() / total,
                                        (now - first).total_seconds() / total, kind))
            item.setToolTip(0, cert.subject)
            item.setToolTip(1, words)
            item.setData(1, Qt.ItemDataRole.AccessibleTextRole, words)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft)
            parent, leaf = item, item
        self.expandAll()
        self.setCurrentItem(leaf)
        # As tall as its rows (one to a few certificates): no empty box under a single self-signed one.
        rows = sum(self.sizeHintForRow(0) for _ in chain) or 34
        self.setFixedHeight(self.header().sizeHint().height() + rows + 2 * self.frameWidth() + 4)

    def current_index(self) -> int:
        item = self.currentItem()
        return item.data(0, INDEX_ROLE) if item is not None else 0
