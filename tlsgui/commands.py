"""Undoable edits of a ProjectDocument: one setting, or several settings as one step (a TLS profile)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from tlsgui.model.options import BY_KEY

if TYPE_CHECKING:
    from tlsgui.model.profiles import Profile

_SET_SETTING_ID = 1


class SetSettings(QUndoCommand):
    """Set several settings at once; undo puts back the values they had before."""

    def __init__(self, document, changes: dict[str, Any], text: str) -> None:
        super().__init__(text)
        self.document = document
        self.new = dict(changes)
        self.old = {key: document.settings.get(key) for key in changes}

    def redo(self) -> None:
        self.document.apply_values(self.new)

    def undo(self) -> None:
        self.document.apply_values(self.old)


class SetSetting(SetSettings):
    """Set one setting. Consecutive typing in the same field merges into one undo step."""

    def __init__(self, document, key: str, value: Any, *, typing: bool = False) -> None:
        super().__init__(document, {key: value}, f"Change {BY_KEY[key].label}")
        self.key = key
        self.typing = typing

    def id(self) -> int:
        return _SET_SETTING_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetSetting) and other.key == self.key and self.typing and other.typing):
            return False
        self.new = dict(other.new)
        if self.new == self.old:
            # Typed back to where it started: the step disappears instead of becoming a no-op entry.
            self.setObsolete(True)
        return True


class ApplyProfile(SetSettings):
    """A TLS profile sets the minimum version and the cipher list together, undone in one step."""

    def __init__(self, document, profile: "Profile") -> None:
        super().__init__(
            document,
            {"tls.min_version": profile.min_version, "tls.cipher_list": profile.cipher_list},
            f"Apply the {profile.label} profile",
        )
        self.profile = profile
