"""A searchable country list (Qt's QLocale territories) showing each ISO 3166 code; `text()` is the code."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter


def territories() -> list[tuple[str, str]]:
    """(name, ISO 3166-1 alpha-2 code) for every territory Qt knows, by name; no "world" or region codes."""
    out = {}
    # C++'s QLocale::Territory is an alias of Country, which is all PySide exposes.
    for territory in getattr(QLocale, "Territory", QLocale.Country):
        code = QLocale.territoryToCode(territory)
        if len(code) == 2 and code.isalpha() and code.isupper():
            out[code] = QLocale.territoryToString(territory)
    return sorted(((name, code) for code, name in out.items()), key=lambda item: item[0].casefold())


class CountryBox(QComboBox):
    """Editable: type part of a name or the code to search ("Germ", "DE"); an unknown text is kept, so the page
    can say it is not a country (nothing is cut to two letters behind the person's back)."""

    textChanged = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", "")
        self.codes: dict[str, str] = {}
        for name, code in territories():
            self.addItem(f"{name} — {code}", code)
            self.codes[code] = name
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText("type to search, e.g. Germany or DE")
        self.editTextChanged.connect(lambda _text: self.textChanged.emit(self.text()))

    def text(self) -> str:
        """The ISO code of the chosen or typed country; the typed text itself when it names none."""
        typed = self.currentText().strip()
        if not typed:
            return ""
        index = self.findText(typed, Qt.MatchFlag.MatchFixedString)
        if index > 0:
            return self.itemData(index)
        if typed in self.codes:  # a code as ISO writes it; "Ge" is more likely the start of Germany than Georgia
            return typed
        by_name = {name.casefold(): code for code, name in self.codes.items()}
        return by_name.get(typed.casefold(), typed)

    def setText(self, code: str) -> None:
        index = self.findData(code) if code in self.codes else (0 if not code else -1)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code)

    def is_known(self) -> bool:
        return self.text() == "" or self.text() in self.codes
