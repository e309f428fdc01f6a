"""The TLS policy page shows which 4D runs the project, where that comes from, and lets the user change it."""

from __future__ import annotations

import json

from corpus import copy_project
from PySide6.QtCore import Qt


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


def test_startup_wiring_is_shown_and_the_button_inserts_the_call(qtbot, open_window, demo):
    db = demo / "Project/Sources/DatabaseMethods"
    db.mkdir(parents=True, exist_ok=True)
    (db / "onStartup.4dm").write_bytes(b"//%attributes = {}\r\nBEEP\r\n")
    window = open_window(demo)
    page = window.page("tls")
    assert window.document.facts.startup == () and not window.document.facts_complete  # read after the paint
    window.document.push_setting("tls.cipher_list", "ECDHE+AESGCM")
    assert page.ui.files_startup.text() == "Looking at On Startup and On Server Startup…"
    qtbot.waitUntil(lambda: window.document.facts_complete)
    assert "which onStartup.4dm and onServerStartup.4dm do not call" in page.ui.files_startup.text()
    assert not page.ui.wire_startup_button.isHidden()
    assert [p.severity.value for p in window.document.problems if p.key == "files.startup"] == ["warning"]
    page.ui.wire_startup_button.click()
    assert (db / "onStartup.4dm").read_bytes().startswith(b"//%attributes = {}\r\nTLS_ApplySettings  // added")
    assert (db / "onServerStartup.4dm").exists()
    assert "which On Startup and On Server Startup call" in page.ui.files_startup.text()
    assert page.ui.wire_startup_button.isHidden()
    assert not any(p.key == "files.startup" for p in window.document.problems)


def test_read_only_startup_method_gets_words_in_the_page(qtbot, open_window, demo):
    db = demo / "Project/Sources/DatabaseMethods"
    db.mkdir(parents=True, exist_ok=True)
    (db / "onStartup.4dm").write_text("BEEP\n")
    (db / "onStartup.4dm").chmod(0o444)
    try:
        window = open_window(demo)
        page = window.page("tls")
        window.document.push_setting("tls.cipher_list", "ECDHE+AESGCM")
        qtbot.waitUntil(lambda: not page.ui.wire_startup_button.isHidden())  # once the startup methods are read
        page.ui.wire_startup_button.click()
        assert "read-only; nothing was written" in page.ui.files_startup.text()
        assert (db / "onStartup.4dm").read_text() == "BEEP\n" and not (db / "onServerStartup.4dm").exists()
    finally:
        (db / "onStartup.4dm").chmod(0o644)


def test_remote_web_section_is_shown_read_only(open_window, tmp_path):
    page = open_window(copy_project("GHSFR__4D-Progress", tmp_path)).page("web")
    assert not page.ui.remote_web_group.isHidden()
    text = page.ui.remote_web_status.text()
    assert "Enable HTTPS: <b>false</b>" in text and "allow_ssl, from settings.4DSettings (structure)" in text
    assert page.findChildren(type(page.ui.remote_web_status)) and not page.ui.remote_web_group.findChildren(
        __import__("PySide6.QtWidgets", fromlist=["QLineEdit"]).QLineEdit)


def test_no_remote_section_no_group(open_window, demo):
    assert open_window(demo).page("web").ui.remote_web_group.isHidden()


def test_pages_say_where_each_server_reads_its_certificate_for_the_release(open_window, tmp_path):
    window = open_window(copy_project("4d-depot__4D-Demo-AI-Automation", tmp_path))  # 21 R3
    window.document.push_setting("sql.tls_enabled", True)
    note = window.page("client_server").ui.restart_note.text()
    assert "4D 21 R3: key.pem and cert.pem not needed: 4D configures TLS at start-up." in note
    assert "4D 21 R3: key.pem and cert.pem not needed" in window.page("sql").ui.sql_connect_note.text()
    window.document.push_setting("project.4d_version", "20")
    window.page("client_server").refresh()
    assert "4D 20: key.pem and cert.pem go in the Resources folder of the 4D Server application" in \
        window.page("client_server").ui.restart_note.text()


def test_the_startup_problem_leads_to_the_tls_page(qtbot, open_window, demo):
    window = open_window(demo)
    qtbot.waitUntil(lambda: window.document.facts_complete)  # the startup methods are read after the paint
    window.document.push_setting("tls.cipher_list", "ECDHE+AESGCM")
    rows = window.ui.diagnostics.list
    item = next(rows.item(i) for i in range(rows.count())
                if rows.item(i).data(Qt.ItemDataRole.UserRole) == "files.startup")
    rows.itemClicked.emit(item)
    assert window.current_page_name() == "tls"


def test_an_unset_minimum_tls_version_follows_the_chosen_release(open_window, tmp_path):
    window = open_window(copy_project("4d-depot__4D-Demo-AI-Automation", tmp_path))  # 21 R3: TLS 1.3 by default
    document = window.document
    assert document.settings.tls_min_version == "1.3"
    document.push_setting("project.4d_version", "19")
    assert document.settings.tls_min_version == "1.2"
    window.undo_action.trigger()
    assert (document.settings.project_4d_version, document.settings.tls_min_version) == ("", "1.3")
    document.push_setting("tls.min_version", "1.2")  # chosen by the user: the release no longer moves it
    document.push_setting("project.4d_version", "21")
    assert document.settings.tls_min_version == "1.2"


def test_the_hsts_note_says_how_hsts_reaches_4d_on_the_release(open_window, tmp_path):
    window = open_window(copy_project("4d-depot__4D-Demo-AI-Automation", tmp_path))  # 21 R3
    page = window.page("web")
    assert "On 4D 21 R3 tlsgui writes it as a rule in Project/Sources/HTTPRules.json" in page.ui.hsts_note.text()
    window.document.push_setting("project.4d_version", "20 R4")
    assert "On 4D 20 R4 it reaches 4D through TLS_ApplySettings" in page.ui.hsts_note.text()
