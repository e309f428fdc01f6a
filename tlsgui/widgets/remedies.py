"""A TlsguiError's remedies in the window's words: a sentence and a button for each (never a command line)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from tlsgui.model.options import BY_KEY

#: Wizard paths (tlsgui.wizard.ids.WizardPath values): (button text, what to do).
WIZARD_REMEDIES = {
    "development": ("Make a Development Certificate…",
                    "Make a development certificate for testing (Certificates page)"),
    "received": ("Install a Certificate…",
                 "install the certificate your CA sent (its chain is put in the right order for you)"),
    "forward_secrecy": ("Set Up Forward Secrecy…", "install a standard DH group as dhparams.pem"),
}


#: Page name ("web", …) → the sidebar's title; the window fills it (widgets sit below pages and cannot ask them).
PAGE_TITLES: dict[str, str] = {}


def set_page_titles(titles: dict[str, str]) -> None:
    PAGE_TITLES.update(titles)


def page_title_for(key: str) -> str:
    return PAGE_TITLES.get(BY_KEY[key].page, "")


def remedy_button_text(remedy: str) -> str:
    if remedy.startswith("setting:"):
        key = remedy.split(":", 1)[1]
        page = page_title_for(key)
        return f"{page}: {BY_KEY[key].label}" if page else BY_KEY[key].label
    return WIZARD_REMEDIES[remedy][0]


def remedy_sentence(remedies: tuple[str, ...]) -> str:
    """What to do, in the window's words: "Make a development certificate …, or install …"."""
    parts = []
    settings = [r.split(":", 1)[1] for r in remedies if r.startswith("setting:")]
    for remedy in remedies:
        if remedy in WIZARD_REMEDIES:
            parts.append(WIZARD_REMEDIES[remedy][1])
    if settings:
        names = [f"“{BY_KEY[key].label}”" + (f" ({page_title_for(key)} page)" if page_title_for(key) else "")
                 for key in settings]
        parts.append("change " + ", ".join(names[:-1]) + (" or " if len(names) > 1 else "") + names[-1])
    if not parts:
        return ""
    text = ", or ".join(parts)
    return text[0].upper() + text[1:] + ". Use the buttons below."


def gui_fix(fix: str, remedies: tuple[str, ...]) -> str:
    """The fix to show in the window: the core's own words, unless they name a command line (then the
    remedies' sentence, with buttons beside it, says the same in the window's words)."""
    if remedies and ("tlsgui " in fix or not fix):
        return remedy_sentence(known(remedies)) or fix
    return fix


def known(remedies: tuple[str, ...]) -> tuple[str, ...]:
    """The remedies this window can offer (an unknown name from a newer core is left out, not a crash)."""
    return tuple(r for r in remedies
                 if r in WIZARD_REMEDIES or (r.startswith("setting:") and r.split(":", 1)[1] in BY_KEY))


class RemedyButtons(QWidget):
    """A row of buttons, one per remedy; `remedy_chosen(name)` when one is clicked."""

    remedy_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remedy_buttons")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QPushButton] = []
        self.hide()

    def set_remedies(self, remedies: tuple[str, ...]) -> None:
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        while self._layout.count():
            self._layout.takeAt(0)
        for remedy in known(remedies):
            button = QPushButton(remedy_button_text(remedy), self, objectName=f"remedy_{remedy}")
            button.clicked.connect(lambda _=False, r=remedy: self.remedy_chosen.emit(r))
            self._layout.addWidget(button)
            self.buttons.append(button)
        self._layout.addStretch(1)
        self.setVisible(bool(self.buttons))

    def texts(self) -> list[str]:
        return [button.text() for button in self.buttons]
