"""The main window: title marker, close/open prompts, bad projects, changes on disk, drops, UI state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from gui.conftest import drop, read_only_tree, tree_bytes, write_cert
from tlsgui.widgets.prompts import CANCEL, DISCARD, SAVE
from tlsgui.wizard.ids import PageId


def edit_sql_port(window, value="20000"):
    editor = window.page("sql").editor("sql.port")
    editor.setText(value)
    editor.textEdited.emit(value)


def test_title_shows_name_and_modified_marker(window):
    assert window.windowTitle() == "DemoShop[*] — tlsgui"
    assert not window.isWindowModified() and not window.save_action.isEnabled()
    edit_sql_port(window)
    assert window.isWindowModified() and window.save_action.isEnabled() and window.revert_action.isEnabled()
    window.revert_action.trigger()
    assert not window.isWindowModified()
    assert window.page("sql").editor("sql.port").text() == "19812"


def test_close_with_unsaved_changes_cancel_discard_save(qtbot, window, demo, prompts):
    before = tree_bytes(demo)
    edit_sql_port(window)
    prompts.answers = [CANCEL]
    assert not window.close()
    assert window.isVisible() and prompts.asked == ["DemoShop"]
    prompts.answers = [DISCARD]
    assert window.close()
    assert tree_bytes(demo) == before


def test_close_and_save(window, demo, prompts):
    edit_sql_port(window)
    prompts.answers = [SAVE]
    assert window.close()
    assert 'port_number="20000"' in (demo / "Project/Sources/settings.4DSettings").read_text()


def test_open_other_project_asks_first(window, project_factory, prompts):
    other = project_factory()
    edit_sql_port(window)
    prompts.answers = [CANCEL]
    assert not window.open_project(other)
    assert window.document.name == "DemoShop"
    prompts.answers = [DISCARD]
    assert window.open_project(other)
    assert window.windowTitle() == "App[*] — tlsgui"


def test_folder_that_is_not_a_project(window, tmp_path, prompts):
    plain = tmp_path / "just-a-folder"
    plain.mkdir()
    assert not window.open_project(plain)
    title, text = prompts.errors[-1]
    assert "is not inside a 4D project" in text and "Project/" in text
    assert window.document.name == "DemoShop"


def test_corrupt_settings_open_read_only_never_overwritten(open_window, demo, prompts):
    settings = demo / "Project/Sources/settings.4DSettings"
    settings.write_text(settings.read_text().replace('https_port_number="8443"', 'https_port_number="84x3"'))
    before = tree_bytes(demo)
    window = open_window(demo)
    assert window.ui.banner.isVisible() and window.ui.banner.kind == "error"
    text = window.ui.banner.label.text()
    assert "Read-only" in text and "84x3" in text and "settings.4DSettings" in text
    assert not window.page("web").editor("web.https_port").isEnabled()
    assert not window.save_action.isEnabled() and not window.wizard_action.isEnabled()
    window.document.push_setting("sql.port", 20000)  # even if an edit got through
    assert not window.save_action.isEnabled()
    assert not window.save() and "read-only" in prompts.errors[-1][1]
    window.close()
    assert tree_bytes(demo) == before


def test_change_on_disk_shows_banner_and_reload(qtbot, window, demo):
    settings = demo / "Project/Sources/settings.4DSettings"
    settings.write_text(settings.read_text().replace('https_port_number="8443"', 'https_port_number="7443"'))
    qtbot.waitUntil(lambda: window.ui.banner.isVisible(), timeout=5000)
    assert window.ui.banner.kind == "warning" and "settings.4DSettings" in window.ui.banner.label.text()
    assert window.ui.banner.button.text() == "Reload"
    window.ui.banner.button.click()
    assert window.page("web").editor("web.https_port").text() == "7443"
    assert not window.ui.banner.isVisible()


def test_reload_with_unsaved_changes_asks_first(qtbot, window, demo, prompts):
    edit_sql_port(window)
    settings = demo / "Project/Sources/settings.4DSettings"
    settings.write_text(settings.read_text().replace('https_port_number="8443"', 'https_port_number="7443"'))
    qtbot.waitUntil(lambda: window.ui.banner.isVisible(), timeout=5000)
    prompts.confirm_answers = [False]
    window.ui.banner.button.click()
    assert window.document.settings.sql_port == 20000 and prompts.confirmed
    assert not window.save() and "changed on disk" in prompts.errors[-1][1]
    prompts.confirm_answers = [True]
    window.reload_action.trigger()
    assert window.document.settings.sql_port == 19812 and window.document.settings.web_https_port == 7443
    assert not window.isWindowModified()


def test_saving_into_a_read_only_folder(window, demo, prompts):
    edit_sql_port(window)
    before = tree_bytes(demo)
    with read_only_tree(demo, demo / "Project", demo / "Project/Sources"):
        assert not window.save()
    title, text = prompts.errors[-1]
    assert title == "Not saved" and "nothing was" in text
    assert tree_bytes(demo) == before and window.isWindowModified()


def test_drop_folder_opens_it_and_certificate_is_for_the_wizard(qtbot, window, project_factory, demo, rsa_key,
                                                                prompts):
    other = project_factory(name="Dropped")
    drop(window, other)
    assert window.document.name == "Dropped"
    drop(window, write_cert(demo, rsa_key))
    assert window.wizard is not None and window.wizard.isVisible()
    assert window.document.name == "Dropped"
    # The dropped file is read by the received-certificate page (its key is nowhere in "Dropped").
    page = window.wizard.page_by_id(PageId.RECEIVED_SOURCE)
    qtbot.waitUntil(lambda: page.ui.source_error.text() != "", timeout=10000)
    assert "No private key for this certificate" in page.ui.source_error.text()
    # It names the file, and offers the path that takes a key file, with the certificate already chosen.
    assert page.ui.source_error.text().startswith("cert.pem: No private key")
    assert "Import an existing key and certificate" in page.ui.source_error.text()
    button = page.ui.import_instead_button
    assert button.isVisible() and button.text() == "&Import It with Its Key File…"
    button.click()
    assert window.wizard.currentId() == PageId.IMPORT_FILES
    imports = window.wizard.currentPage()
    assert imports.ui.use_separate.isChecked() and imports.ui.cert_path.text() == str(demo / "cert.pem")
    assert imports.ui.source_status.text() == "Now choose the private key that belongs to cert.pem."
    prompts.open_answers = [str(demo / "key.pem")]
    imports.ui.key_button.click()  # the key it belongs to: now the certificate can be installed
    qtbot.waitUntil(imports.isComplete, timeout=10000)
    window.wizard.reject()


def test_problem_click_jumps_to_its_field(qtbot, window):
    window.page("web").editor("web.https_enabled").click()  # HTTPS without key.pem/cert.pem: a warning
    window.show_page("sql")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    rows = window.ui.diagnostics.list
    item = next(rows.item(i) for i in range(rows.count()) if rows.item(i).data(Qt.ItemDataRole.UserRole)
                == "web.https_enabled")
    rows.itemClicked.emit(item)
    assert window.current_page_name() == "web"
    assert QApplication.focusWidget() is window.page("web").editor("web.https_enabled")
    assert window.grade_label.text().startswith("Predicted grade: T")  # 4D's built-in certificate: trusted by no one


def test_ui_state_persists(qtbot, open_window, demo, project_factory, ui_state):
    window = open_window(demo)
    window.resize(640, 480)  # the offscreen screen is 800×600; restoreGeometry keeps windows on it
    window.show_page("tls")
    window.close()
    other = project_factory()
    second = open_window(other)
    assert second.current_page_name() == "tls"
    assert (second.width(), second.height()) == (640, 480)
    assert ui_state.recent_projects()[:2] == [str(other.resolve()), str(demo.resolve())]
    second.recent_menu.aboutToShow.emit()
    recent = [a.text() for a in second.recent_menu.actions()]
    assert recent[:2] == [f"&1 {other.resolve()}", f"&2 {demo.resolve()}"]  # numbered, the number a mnemonic
    next(a for a in second.recent_menu.actions() if a.data() == str(demo.resolve())).trigger()
    assert second.document.name == "DemoShop"


def test_source_labels_show_where_values_are_stored(window):
    page = window.page("web")
    assert page.findChild(QLabel, "web_https_port_source").text() == "from settings.4DSettings (structure)"
    assert page.findChild(QLabel, "web_hsts_enabled_source").text() == "4D default (not stored)"
    assert page.findChild(QLabel, "web_hsts_enabled_source").toolTip().startswith("Not stored")


def test_open_project_action_uses_the_folder_prompt(window, project_factory, prompts):
    prompts.folder = str(project_factory(name="Chosen"))
    window.open_action.trigger()
    assert window.document.name == "Chosen"
    prompts.folder = None  # the person cancelled the folder dialog
    window.open_action.trigger()
    assert window.document.name == "Chosen" and not prompts.errors


def test_fixed_settings_file_becomes_editable_after_reload(open_window, demo):
    settings = demo / "Project/Sources/settings.4DSettings"
    good = settings.read_text()
    settings.write_text(good.replace('https_port_number="8443"', 'https_port_number="84x3"'))
    window = open_window(demo)
    assert window.document.read_only
    settings.write_text(good)
    window.ui.banner.button.click()
    assert not window.document.read_only and not window.ui.banner.isVisible()
    assert window.page("web").editor("web.https_port").isEnabled()
    assert window.page("web").editor("web.https_port").text() == "8443"


def test_recent_project_that_disappeared_is_dropped(window, project_factory, prompts, ui_state):
    import shutil

    gone = project_factory(name="Gone")
    assert window.open_project(gone)
    shutil.rmtree(gone)
    assert not window.open_project(str(gone.resolve()))
    assert "does not exist" in prompts.errors[-1][1]
    assert str(gone.resolve()) not in ui_state.recent_projects()


def test_save_over_a_change_on_disk_is_refused_before_the_watcher_reports(window, demo, prompts):
    edit_sql_port(window)
    settings = demo / "Project/Sources/settings.4DSettings"
    settings.write_text(settings.read_text().replace('https_port_number="8443"', 'https_port_number="7443"'))
    assert not window.save()  # straight away, without waiting for the file watcher
    assert "changed on disk" in prompts.errors[-1][1]
    assert window.ui.banner.kind == "warning" and "Reload" == window.ui.banner.button.text()
    assert 'https_port_number="7443"' in settings.read_text() and 'port_number="19812"' in settings.read_text()
