"""What start-up leaves for later really is left for later, and really happens later."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from gui.first_paint import first_paint_report

# Loaded on first use (saving, editing, testing, the wizard), never for the first picture.
DEFERRED = ("tlsgui.project.atomic", "tlsgui.project.backups", "tlsgui.project.method_file", "tlsgui.commands",
            "tlsgui.windows.check_dialog", "tlsgui.workers.preview_job", "tlsgui.wizard.ids", "tlsgui.project.saved",
            "tlsgui.model.cert_facts", "hashlib", "ssl",
            "cryptography")


def test_first_paint_needs_no_save_edit_or_test_modules(demo, tmp_path):
    report = first_paint_report(demo, tmp_path, DEFERRED)
    assert (report["loaded"], report["page"], report["http_port"]) == ([], "web", "8080")


def test_shortcuts_are_set_once_painted(qtbot, window):
    qtbot.waitUntil(lambda: window.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save))
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.test_action.shortcut() == QKeySequence("Ctrl+T")


def test_saving_loads_what_it_needs_and_detects_changes_by_content(window, demo):
    window.document.push_setting("web.http_port", 8081)
    assert window.save()
    structure = demo / "Project" / "Sources" / "settings.4DSettings"
    assert 'port_number="8081"' in structure.read_text()
    assert window.document.project.changed_on_disk() == []
    structure.write_bytes(structure.read_bytes().replace(b'port_number="8081"', b'port_number="8082"'))
    assert window.document.project.changed_on_disk() == [structure]
