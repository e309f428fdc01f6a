"""Source labels tell the truth: tlsgui's own settings have no "4D default", and say where they are stored."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QLabel

from tlsgui.model.options import OPTIONS, Storage


def _source(page, key: str) -> QLabel:
    return page.findChild(QLabel, key.replace(".", "_") + "_source")


def test_only_sidecar_settings_are_tlsgui_only():
    own = [o.key for o in OPTIONS if o.tlsgui_only]
    assert own == ["web.host_names", "project.4d_version"]
    assert all(o.storage is Storage.SIDECAR for o in OPTIONS if o.tlsgui_only)


def test_host_names_say_tlsgui_default_and_where_they_go(window, demo):
    page = window.page("certificates")
    label = _source(page, "web.host_names")
    assert label.text() == "not set (a tlsgui setting, not 4D's)"
    assert "4D has no such setting" in label.toolTip() and "tls-settings.json" in label.toolTip()
    # The certificate folder is 4D's own setting (certificate_folder in settings.4DSettings).
    folder = _source(page, "web.certificate_folder")
    assert folder.text() == "4D default (not stored)"
    assert "settings.4DSettings" in folder.toolTip()

    page.editor("web.host_names").setText("shop.example.com")
    page.editor("web.host_names").textEdited.emit("shop.example.com")
    assert label.text() == "edited, saved to tls-settings.json"
    assert window.save()
    assert label.text() == "from tls-settings.json"
    sidecar = json.loads((demo / "Project" / "Sources" / "tls-settings.json").read_text())
    assert "shop.example.com" in json.dumps(sidecar)
    assert "shop.example.com" not in (demo / "Project" / "Sources" / "settings.4DSettings").read_text()


def test_4d_settings_kept_in_the_sidecar_still_say_4d_default(window):
    page = window.page("tls")
    label = _source(page, "tls.min_version")
    assert label.text() == "4D default (not stored)"
    assert "tls-settings.json" in label.toolTip()


def test_the_cli_says_tlsgui_default_for_host_names_too(demo):
    from gui.conftest import run_cli

    lines = {line.split()[0]: line for line in run_cli("settings", demo).stdout.splitlines() if line.strip()}
    assert lines["web.host_names"].rstrip().endswith("tlsgui default")
    assert lines["web.certificate_folder"].rstrip().endswith("4D default")
