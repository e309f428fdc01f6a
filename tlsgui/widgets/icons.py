"""Icons from the compiled resources (resources/tlsgui.qrc → tlsgui/resources_rc.py), light or dark by palette."""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtGui import QColor, QIcon

import tlsgui.resources_rc  # noqa: F401 - registers the :/icons/ resources
from tlsgui.widgets import colours

#: The lightest background an icon of the dark set sits on (a dark theme's button; window and lists are
#: darker), and the dark ink that replaces white glyphs drawn on a coloured shape.
DARK_BACKGROUND = "#353535"
DARK_GLYPH = "#1e1e1e"
#: Brand and paper colours stay as they are (the app icon; the certificate's sheet reads as paper on dark).
KEEP_WHITE = ("app", "tlsgui", "certificate")
_HEX = re.compile(r'"(#[0-9a-fA-F]{6})"')


def dark_variant(name: str, svg: str) -> str:
    """The icon for a dark palette: dark ink lightened to 4.6:1 on DARK_BACKGROUND (colours.readable), white
    glyphs on a shape made dark so they still stand out from the now light shape."""
    back = QColor(DARK_BACKGROUND)

    def swap(match: re.Match) -> str:
        colour = QColor(match.group(1))
        if colours.is_dark(colour):
            return f'"{colours.readable(colour, back).name()}"'
        if match.group(1).lower() == "#ffffff" and name not in KEEP_WHITE:
            return f'"{DARK_GLYPH}"'
        return match.group(0)

    return _HEX.sub(swap, svg)


def icon_path(name: str, dark: bool | None = None) -> str:
    """The resource of icon `name`: the dark set (resources/icons/dark/) while the palette is dark."""
    if dark is None:
        dark = colours.is_dark(colours.background())
    return f":/icons/dark/{name}.svg" if dark else f":/icons/{name}.svg"


def icon(name: str) -> QIcon:
    return _icon(icon_path(name))


@lru_cache(maxsize=None)
def _icon(path: str) -> QIcon:
    return QIcon(path)
