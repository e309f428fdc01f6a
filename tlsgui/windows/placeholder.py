"""A simple read-only window listing the project's effective settings, until the main window lands."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from tlsgui.model.options import OPTIONS
from tlsgui.project.store import load_project


class PlaceholderWindow(QMainWindow):
    def __init__(self, project_path: str | Path) -> None:
        super().__init__()
        project = load_project(project_path)
        self.setWindowTitle(f"{project.paths.name} — tlsgui")
        table = QTableWidget(len(OPTIONS), 3)
        table.setObjectName("settings_table")
        table.setHorizontalHeaderLabels(["Setting", "Value", "Stored in"])
        for row, opt in enumerate(OPTIONS):
            sourced = project.sources[opt.key]
            for column, text in enumerate((opt.label, str(sourced.value), sourced.source.label)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(QLabel(f"Project: {project.paths.root}"))
        layout.addWidget(table)
        self.setCentralWidget(central)
        self.resize(900, 600)
