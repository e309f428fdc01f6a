"""A key.pem other users can open is reported once (the policy's rule) and made private with one click."""

from __future__ import annotations

import stat

from gui.conftest import write_cert
from tlsgui.model.facts import FileFacts
from tlsgui.model.settings import Settings
from tlsgui.pages.certificates import PROTECT_KEY_LINK
from tlsgui.policy.files import PRIVATE_KEY_MODE, key_too_open
from tlsgui.policy.validation import validate


def key_problems(document) -> list[str]:
    return [p.message for p in document.problems if p.key == "files.key" and "Other users" in p.message]


def test_the_page_makes_an_open_key_private(qtbot, open_window, demo, rsa_key):
    write_cert(demo, rsa_key)
    key = demo / "key.pem"
    key.chmod(0o640)
    window = open_window(demo)
    window.show_page("certificates")
    page = window.pages["certificates"]
    qtbot.waitUntil(lambda: window.document.facts_complete)
    assert "mode 0640: other users have access" in page.ui.files_key.text()
    assert "Make it private" in page.ui.files_key.text()
    assert key_problems(window.document) == ["Other users have access to key.pem (mode 0640)."]
    page.ui.files_key.linkActivated.emit(PROTECT_KEY_LINK)
    assert stat.S_IMODE(key.stat().st_mode) == PRIVATE_KEY_MODE == 0o600
    assert page.ui.files_key.text() == "present, mode 0600 (only you can read it)"
    assert key_problems(window.document) == []


def test_the_same_rule_for_the_page_and_the_problems():
    # Group write counts too (another user could swap the key), as ssh refuses any group or other access.
    for mode, open_ in ((0o600, False), (0o400, False), (0o640, True), (0o620, True), (0o604, True)):
        assert key_too_open(mode) is open_, oct(mode)
        found = validate(Settings(), FileFacts(key_present=True, key_mode=mode))
        assert any(p.key == "files.key" and "Other users" in p.message for p in found) is open_, oct(mode)
