"""The one seam every dialog goes through, so tests replace it and never block on a modal box."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class Prompts:
    """Modal questions and messages. Tests pass a subclass that records calls and returns canned answers."""

    def ask_unsaved(self, parent: QWidget | None, name: str) -> str:
        """SAVE, DISCARD or CANCEL for a project with unsaved changes."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes",
                          f"{name} has unsaved changes. Save them before closing it?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, parent)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: SAVE,
                QMessageBox.StandardButton.Discard: DISCARD}.get(QMessageBox.StandardButton(answer), CANCEL)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        """Yes / No, No being the default."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def choose_folder(self, parent: QWidget | None, start: str) -> str | None:
        folder = QFileDialog.getExistingDirectory(parent, "Open a 4D project folder", start)
        return folder or None

    def open_file(self, parent: QWidget | None, title: str, filters: str) -> str | None:
        """A file to read, or None when cancelled. `filters` is a Qt filter string ("PEM (*.pem);;All (*)")."""
        path, _chosen = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path or None

    def save_file(self, parent: QWidget | None, title: str, suggested_name: str, filters: str) -> str | None:
        """Where to save a copy, or None when cancelled (the dialog asks before replacing a file)."""
        path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested_name, filters)
        return path or None

    def ask_password(self, parent: QWidget | None, title: str, text: str) -> bytes | None:
        """A password (UTF-8 bytes, possibly empty), or None when cancelled; typed characters stay hidden."""
        password, ok = QInputDialog.getText(parent, title, text, QLineEdit.EchoMode.Password)
        return password.encode("utf-8") if ok else None

    def open_location(self, parent: QWidget | None, path: str) -> bool:
        """Open a folder in the file manager or a file in its usual application; False when none could."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        return QDesktopServices.openUrl(QUrl.fromLocalFile(path) if "://" not in path else QUrl(path))

    def about(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(parent, title, text)
