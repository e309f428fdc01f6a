"""Qt enum values as ints, for what is set before the first paint (docs/gui.md "Start-up" says why)."""

from __future__ import annotations

# PySide builds its whole `Qt` namespace (95 Python enums, 25-35 ms at start-up) the first time any one of
# them is used. The widgets shown at start-up set these few values as Qt properties (QObject.setProperty
# takes the int), so the first picture does not pay for it. tests/gui/test_startup_qt_namespace.py checks
# that each int is its Qt enum's value and that the widgets end up with it.
ORIENTATION_VERTICAL = 2  # Qt.Orientation.Vertical
TOOL_BUTTON_TEXT_BESIDE_ICON = 2  # Qt.ToolButtonStyle.ToolButtonTextBesideIcon
TEXT_FORMAT_RICH = 1  # Qt.TextFormat.RichText
USER_ROLE = 256  # Qt.ItemDataRole.UserRole (item data roles are ints in the C++ API too)
