"""The first wizard page: which of the five paths to take."""

from __future__ import annotations

from tlsgui.forms.ui_wizard_choose_page import Ui_WizardChoosePage
from tlsgui.wizard.base import WizardPage
from tlsgui.wizard.ids import FIRST_PAGE, PageId, WizardPath


class ChoosePage(WizardPage):
    form_class = Ui_WizardChoosePage
    page_id = PageId.CHOOSE

    def setup(self) -> None:
        self.buttons = {path: getattr(self.ui, f"path_{path.value}") for path in WizardPath}

    def chosen(self) -> WizardPath:
        return next(path for path, button in self.buttons.items() if button.isChecked())

    def choose(self, path: WizardPath) -> None:
        self.buttons[WizardPath(path)].setChecked(True)

    def nextId(self) -> int:
        return int(FIRST_PAGE[self.chosen()])

    def is_final(self) -> bool:
        return False
