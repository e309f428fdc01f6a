"""Splitter: a QSplitter whose parent is passed by keyword, so making one does not build PySide's `Qt` enums."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter


class Splitter(QSplitter):
    """What `pyside6-uic` makes for a promoted splitter in ui/*.ui.

    `QSplitter(parent)` has a second overload `QSplitter(Qt.Orientation, parent)`; telling them apart makes
    PySide build the whole `Qt` namespace (25-35 ms). A keyword argument matches one overload directly.
    The orientation is set by the window (horizontal is the default).
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent)
