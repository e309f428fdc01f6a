"""UI state kept between runs in QSettings: geometry, splitters, last page, recent projects (no user data)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8
#: tlsgui.project.demo.fresh_demo's folders: a demo copy there is thrown away, so it is never "recent".
DEMO_PREFIX = "tlsgui-demo-"


def is_throwaway_demo(path) -> bool:
    """A fresh demo copy in the temporary folder (what `tlsgui` with no project opens)."""
    import tempfile

    path = Path(path)
    return path.parent.name.startswith(DEMO_PREFIX) and path.parent.parent == Path(tempfile.gettempdir())


class UiState:
    """A thin typed wrapper; tests pass a QSettings on an INI file in a temporary folder."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings if settings is not None else QSettings()

    def get_bytes(self, key: str) -> QByteArray | None:
        value = self.settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self.settings.setValue(key, value)

    @property
    def last_page(self) -> str:
        return str(self.settings.value("window/last_page", "") or "")

    @last_page.setter
    def last_page(self, name: str) -> None:
        self.settings.setValue("window/last_page", name)

    def recent_projects(self) -> list[str]:
        # Stored as one string: an empty list does not round-trip through QSettings on every platform.
        text = str(self.settings.value("recent/projects", "") or "")
        return [line for line in text.split("\n") if line]

    def add_recent(self, path: str) -> None:
        recent = [path] + [p for p in self.recent_projects() if p != path]
        self.settings.setValue("recent/projects", "\n".join(recent[:MAX_RECENT]))

    def remove_recent(self, path: str) -> None:
        self.settings.setValue("recent/projects", "\n".join(p for p in self.recent_projects() if p != path))

    def clear_recent(self) -> None:
        self.settings.setValue("recent/projects", "")

    def sync(self) -> None:
        self.settings.sync()
