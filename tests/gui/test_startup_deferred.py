"""What start-up leaves for later really is left for later, and really happens later."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from gui.first_paint import first_paint_report

# Built on first use (the other pages, the Test TLS window, the wizard, backups at the first save) or right
# after the first paint (the rules, which load `ssl`; the file facts, which load `cryptography`): never for
# the first picture. What each deferral buys is in docs/benchmarks.md "Start-up".
DEFERRED = ("tlsgui.pages.client_server", "tlsgui.pages.sql", "tlsgui.pages.tls_policy", "tlsgui.pages.certificates",
            "tlsgui.project.backups", "tlsgui.windows.check_dialog", "tlsgui.workers.preview_job", "tlsgui.wizard.ids",
            "tlsgui.policy.rules", "hashlib", "ssl", "cryptography",
            # dialogs (the prompts seam), the startup-method scan (a file fact), banners' escaping
            "tlsgui.widgets.prompts", "tlsgui.project.startup", "html")


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
