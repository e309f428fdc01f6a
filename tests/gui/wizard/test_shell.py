"""The wizard shell: opened from the menu and the Certificates page, Cancel writes nothing."""

from __future__ import annotations

import pytest

from gui.conftest import OFFSCREEN_NOISE, tree_bytes
from tlsgui.wizard.ids import PageId, WizardPath


def test_menu_opens_the_wizard_on_the_choice_page(qtbot, window):
    before = tree_bytes(window.document.root)
    window.wizard_action.trigger()
    wizard = window.wizard
    assert wizard.isVisible() and wizard.currentId() == PageId.CHOOSE
    assert wizard.choose_page.chosen() is WizardPath.REQUEST
    wizard.reject()
    assert not wizard.isVisible()
    assert tree_bytes(window.document.root) == before


# Until every path module is registered in PATH_MODULES, starting on a path warns about its page id.
@pytest.mark.qt_log_ignore("Invalid page ID", OFFSCREEN_NOISE)
def test_certificates_page_buttons_ask_for_their_path(qtbot, window):
    page = window.page("certificates")
    asked = []
    page.wizard_requested.connect(asked.append)
    for button in (page.ui.wizard_button, page.ui.import_button, page.ui.selfsigned_button,
                   page.ui.dhparams_button):
        button.click()
        if window.wizard is not None:
            # The development page makes its key in the background at once; Cancel while that runs asks.
            qtbot.waitUntil(lambda: not window.wizard.context.busy)
            window.wizard.reject()
            assert not window.wizard.isVisible()
    assert asked == ["wizard", "received", "development", "forward_secrecy"]
