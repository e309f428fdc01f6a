"""At the wizard's minimum size (it fits an 800×600 screen) no page's wrapped help text is cut off."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from gui.wizard.conftest import start_wizard

PATHS = ("request", "received", "import", "development", "forward_secrecy")


def clipped_labels(page) -> list[str]:
    """Visible word-wrapped labels shorter than the height their text needs at their width."""
    out = []
    for label in page.findChildren(QLabel):
        if not label.isVisibleTo(page) or not label.wordWrap() or not label.text():
            continue
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            out.append(f"{label.objectName()}: {label.height()} < {needed} px: {label.text()[:60]!r}")
    return out


@pytest.mark.parametrize("path", PATHS)
def test_first_page_of_each_path_at_the_minimum_size(qtbot, window, path):
    wizard = start_wizard(window, path)
    minimum = wizard.minimumSize()
    assert minimum.width() <= 800 and minimum.height() <= 600 - 40  # with its frame, on an 800×600 screen
    wizard.resize(minimum)
    qtbot.waitUntil(lambda: wizard.size() == minimum, timeout=2000)
    for _ in range(5):
        QApplication.processEvents()
    assert clipped_labels(wizard.currentPage()) == []
    wizard.reject()


def test_the_choice_page_at_the_minimum_size(qtbot, window):
    window.open_wizard()
    wizard = window.wizard
    wizard.resize(wizard.minimumSize())
    qtbot.waitUntil(lambda: wizard.size() == wizard.minimumSize(), timeout=2000)
    for _ in range(5):
        QApplication.processEvents()
    assert clipped_labels(wizard.currentPage()) == []
    wizard.reject()
