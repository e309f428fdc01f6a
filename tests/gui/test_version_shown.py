"""The TLS policy page shows which 4D runs the project, where that comes from, and lets the user change it."""

from __future__ import annotations

import json

from corpus import copy_project


def test_version_from_the_project_file_then_set_by_the_user(qtbot, open_window, tmp_path):
    root = copy_project("4d-depot__4D-Demo-AI-Automation", tmp_path)
    window = open_window(root)
    page = window.page("tls")
    combo = page.editor("project.4d_version")
    assert combo.currentText() == "From the project file (21 R3)"
    assert "Checks follow 4D 21 R3, from the project file (compatibilityVersion 2130" in \
        page.ui.project_4d_version_status.text()
    assert page.ui.tls_min_version.itemText(page.ui.tls_min_version.findData("1.3")) == "TLS 1.3 (4D 21 R3 default)"
    combo.setCurrentIndex(combo.findData("19 R8"))
    combo.activated.emit(combo.currentIndex())
    assert window.document.version.source == "tlsgui setting" and str(window.document.version.release) == "19 R8"
    assert "as set here" in page.ui.project_4d_version_status.text()
    assert page.ui.tls_min_version.itemText(page.ui.tls_min_version.findData("1.2")) == "TLS 1.2 (4D 19 R8 default)"
    window.save_action.trigger()
    stored = json.loads((root / "Project/Sources/tls-settings.json").read_text())
    assert stored["settings"]["project.4d_version"] == "19 R8"
    window.undo_action.trigger()
    assert combo.currentText() == "From the project file (21 R3)"


def test_unknown_version_says_what_is_assumed(open_window, demo):
    page = open_window(demo).page("tls")
    assert page.editor("project.4d_version").currentText() == "From the project file (not stated)"
    assert "checks assume 4D 19" in page.ui.project_4d_version_status.text()
