"""Icons from the compiled resources (resources/tlsgui.qrc → tlsgui/resources_rc.py)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

import tlsgui.resources_rc  # noqa: F401 - registers the :/icons/ resources


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    return QIcon(f":/icons/{name}.svg")
