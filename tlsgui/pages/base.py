"""SettingsPage: binds each editor (objectName = setting key with underscores) to the document."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from tlsgui.errors import TlsguiError
from tlsgui.model.options import BY_KEY, Storage, keys_on_page
from tlsgui.model.settings import Source
from tlsgui.pages.registry import info_for_class
from tlsgui.widgets import colours


def save_target(document, key: str) -> str:
    """The file an edit of `key` is written to (DESIGN.md: user settings stay where they were read)."""
    if BY_KEY[key].storage is Storage.SIDECAR:
        return Source.SIDECAR.label
    source = document.source_of(key).source
    return source.label if source in (Source.USER, Source.USER_DATA) else Source.STRUCTURE.label


def default_source_text(key: str) -> str:
    """The source label of a value no file sets: 4D's default, or for tlsgui's own settings, tlsgui's."""
    # As short as the other labels, so the page never needs a horizontal scroll bar; the tooltip says where
    # a change would be stored.
    return "not set (a tlsgui setting, not 4D's)" if BY_KEY[key].tlsgui_only else "4D default (not stored)"


def default_source_tip(key: str) -> str:
    option = BY_KEY[key]
    if option.tlsgui_only:
        return (f"Not stored yet. 4D has no such setting: tlsgui keeps it in Project/Sources/"
                f"{Storage.SIDECAR.value} once it is set.")
    where = "settings.4DSettings" if option.storage is Storage.XML else f"Project/Sources/{Storage.SIDECAR.value}"
    return f"Not stored in any file: 4D's default applies. A change is saved to {where}."


#: Alt+letter keys the window's menu bar owns (File, Edit, View, Certificates, Help): a page never takes them.
MENU_LETTERS = frozenset("fevch")


def used_mnemonics(widget: QWidget) -> set[str]:
    """Letters already taken by "&x" in the texts of a page's buttons and labels (from its .ui file)."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox

    used = set(MENU_LETTERS)
    for child in widget.findChildren(QWidget):
        text = child.text() if isinstance(child, QLabel | QAbstractButton) else (
            child.title() if isinstance(child, QGroupBox) else "")
        index = text.replace("&&", "").find("&")
        if 0 <= index < len(text) - 1:
            used.add(text.replace("&&", "")[index + 1].lower())
    return used


def with_mnemonic(text: str, used: set[str]) -> str:
    """`text` with an Alt+letter no other field of the page has: a word's first letter if free, else any."""
    if "&" in text:
        return text
    words = [i for i, ch in enumerate(text) if ch.isalpha() and (i == 0 or not text[i - 1].isalnum())]
    rest = [i for i, ch in enumerate(text) if ch.isascii() and ch.isalpha()]
    for i in [*words, *rest]:
        letter = text[i].lower()
        if letter.isascii() and letter not in used:
            used.add(letter)
            return text[:i] + "&" + text[i:]
    return text


def _is_combo(widget: QWidget) -> bool:
    return isinstance(widget, QComboBox)


class SettingsPage(QWidget):
    """One page: `form_class` builds the widgets; `KEYS` are the settings edited here, in order.

    A page's name, title, icon and targets come from its entry in pages/registry.py, and its KEYS from the
    options declared for that page (Option.page): a subclass declares only its form and behaviour.
    """

    name = ""
    title = ""
    icon_name = ""
    form_class: type = object
    KEYS: tuple[str, ...] = ()
    LABELS: dict[str, str] = {}  # where 4D's dialog words a setting differently from the option's label
    TARGETS: tuple[str, ...] = ()  # problem keys shown on this page that are not settings (e.g. files.cert)

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        info = info_for_class(cls.__module__, cls.__name__)
        cls.name, cls.title, cls.icon_name, cls.TARGETS = info.name, info.title, info.icon_name, info.targets
        cls.KEYS = keys_on_page(info.name)

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{self.name}_page")
        self.ui = self.form_class()
        self.ui.setupUi(self)
        self.document = document
        self.editors: dict[str, QWidget] = {}
        self.setup()
        self._mnemonics = used_mnemonics(self)
        for key in self.KEYS:
            self._bind(key)
        for grid in self.findChildren(QGridLayout):
            # The same label and editor column widths in every group, so the "stored in" column lines up;
            # small enough that the page fits an 800×600 screen without a horizontal scroll bar.
            grid.setColumnMinimumWidth(0, 150)
            if grid.columnCount() >= 3:
                grid.setColumnMinimumWidth(1, 200)
        document.setting_changed.connect(self._setting_changed)
        document.problems_changed.connect(self.refresh)
        self.load()

    # --- hooks for subclasses -------------------------------------------------------------------
    def setup(self) -> None:
        """Fill combo boxes and connect page-specific widgets (before the editors are bound)."""

    def refresh(self) -> None:
        """Update notes and status texts that depend on several settings or on the files."""

    def read_only_widgets(self) -> list[QWidget]:
        """Widgets besides the editors that change settings (presets, profile)."""
        return []

    # --- public ---------------------------------------------------------------------------------
    def editor(self, key: str) -> QWidget:
        return self.editors[key]

    def target_widget(self, key: str) -> QWidget | None:
        """The widget a problem about `key` points at (the editor, or a files_* status label)."""
        return self.editors.get(key) or self.findChild(QWidget, key.replace(".", "_"))

    def load(self) -> None:
        """Show every value, with signals blocked so that showing a value is never taken for an edit."""
        for key in self.KEYS:
            self._show(key)
        self.set_read_only(self.document.read_only)
        self.refresh()

    def set_read_only(self, read_only: bool) -> None:
        for widget in [*self.editors.values(), *self.read_only_widgets()]:
            widget.setEnabled(not read_only)

    # --- binding --------------------------------------------------------------------------------
    def _bind(self, key: str) -> None:
        option = BY_KEY[key]
        editor = self.findChild(QWidget, option.object_name)
        if editor is None:
            raise LookupError(f"{type(self).__name__}: no editor named {option.object_name}")
        self.editors[key] = editor
        editor.setToolTip(option.help)
        editor.setAccessibleName(option.label)
        editor.setAccessibleDescription(option.help)
        label = self.findChild(QLabel, option.object_name + "_label")
        if isinstance(editor, QCheckBox):
            editor.setText(with_mnemonic(option.label, self._mnemonics))
            editor.toggled.connect(lambda checked, k=key: self.document.push_setting(k, checked))
        else:
            if label is None:
                raise LookupError(f"{type(self).__name__}: no label named {option.object_name}_label")
            label.setText(with_mnemonic(self.LABELS.get(key, option.label), self._mnemonics))
            label.setBuddy(editor)
            label.setToolTip(option.help)
        if isinstance(editor, QLineEdit):
            # Numbers get a short field; text gets room (the source column takes the rest of the row).
            if option.type is int:
                editor.setMaximumWidth(110)
                if option.minimum is not None and option.minimum > 0:
                    # Ports: only digits can be typed; a refused key says why, with the range.
                    from PySide6.QtGui import QIntValidator

                    # Up to ten times the maximum, so 70000 can be typed and be told it is too big.
                    editor.setValidator(QIntValidator(0, option.maximum * 10 + 9, editor))
                    editor.inputRejected.connect(lambda k=key: self._input_rejected(k))
            else:
                editor.setMinimumWidth(200)
            editor.textEdited.connect(lambda text, k=key: self._typed(k, text))
        elif _is_combo(editor):
            editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            editor.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            editor.activated.connect(lambda index, k=key, e=editor: self.document.push_setting(k, e.itemData(index)))

    def _typed(self, key: str, text: str) -> None:
        try:
            value = BY_KEY[key].parse(text)
        except TlsguiError as exc:
            self.document.set_input_error(key, exc)
        else:
            self.document.push_setting(key, value, typing=True)
        self._show_source(key)

    def _input_rejected(self, key: str) -> None:
        label = self.findChild(QLabel, BY_KEY[key].object_name + "_source")
        if label is not None:
            label.setText(f"✘ Only digits can be typed here. {BY_KEY[key].range_hint()}")
            label.setStyleSheet(colours.css("error"))

    def _setting_changed(self, key: str) -> None:
        if key in self.editors:
            self._show(key)

    def _show(self, key: str) -> None:
        editor = self.editors[key]
        value: Any = self.document.settings.get(key)
        with QSignalBlocker(editor):
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif _is_combo(editor):
                editor.setCurrentIndex(editor.findData(value))
            elif isinstance(editor, QLineEdit) and key not in self.document.input_errors:
                if not self._text_means(key, editor.text(), value):
                    editor.setText(str(value))  # only when different, so the cursor never jumps while typing
        self._show_source(key)

    @staticmethod
    def _text_means(key: str, text: str, value: Any) -> bool:
        try:
            return BY_KEY[key].parse(text) == value and (BY_KEY[key].type is not str or text == value)
        except TlsguiError:
            return False

    def _show_source(self, key: str) -> None:
        label = self.findChild(QLabel, BY_KEY[key].object_name + "_source")
        editor = self.editors[key]
        error = self.document.input_errors.get(key)
        if isinstance(editor, QLineEdit) and key != "tls.cipher_list":  # the cipher editor marks its own field
            editor.setStyleSheet(f"border: 1px solid {colours.status_colour('error').name()};"
                                 if error is not None else "")
        if error is not None:
            text, style = f"✘ {error.message} {error.fix}".strip(), colours.css("error")
        else:
            sourced = self.document.source_of(key)
            if self.document.is_edited(key):
                text = f"edited, saved to {save_target(self.document, key)}"
            elif sourced.source is Source.DEFAULT:
                text = default_source_text(key)
            else:
                text = f"from {sourced.source.label}"
            style = f"color: {colours.muted_text().name()};"
        if label is not None:
            label.setWordWrap(True)  # a long error wraps under itself instead of widening the page
            label.setText(text)
            label.setStyleSheet(style)
            label.setToolTip(self.document.source_of(key).path or default_source_tip(key))
