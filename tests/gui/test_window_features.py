"""The window, second round: restore a backup, a broken settings file, menus, recent projects, undo label,
window size, export for remote clients, probing a running server, opening a .4DProject file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from gui.conftest import tree_bytes, write_cert
from tlsgui.windows.ui_state import is_throwaway_demo

RUN_MS = 30_000


# --- restore -------------------------------------------------------------------------------------------
def _two_certificates(demo, rsa_key, tmp_path):
    """An installed certificate, replaced by a second one through the CLI: a backup of the first exists."""
    write_cert(demo, rsa_key, names=("first.example.com",))
    first = (demo / "cert.pem").read_bytes(), (demo / "key.pem").read_bytes()
    other = tmp_path / "second"
    other.mkdir()
    from cryptography.hazmat.primitives.asymmetric import ec

    write_cert(other, ec.generate_private_key(ec.SECP256R1()), names=("second.example.com",))
    done = subprocess.run([sys.executable, "-m", "tlsgui", "install", str(demo), str(other / "cert.pem"),
                           "--key", str(other / "key.pem"), "--force"], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert (demo / "cert.pem").read_bytes() != first[0]
    return first


def test_restore_shows_what_changes_backs_up_first_and_can_be_undone(qtbot, open_window, demo, rsa_key,
                                                                       tmp_path, prompts):
    first_cert, first_key = _two_certificates(demo, rsa_key, tmp_path)
    second_cert = (demo / "cert.pem").read_bytes()
    window = open_window(demo)
    window.show_page("certificates")
    page = window.page("certificates")
    backups = page.ui.backups_list
    assert backups.count() == 1 and not page.ui.restore_button.isEnabled()  # nothing selected yet
    backups.setCurrentRow(0)
    assert page.ui.restore_button.isEnabled() and page.ui.restore_button.text() == "&Restore…"
    prompts.confirm_answers = [False]  # first: look, then say No
    page.ui.restore_button.click()
    question = prompts.confirmed[-1]
    assert "cert.pem — replaced by the backed-up copy" in question
    assert "key.pem — replaced by the backed-up copy" in question
    assert "backed up first" in question
    assert (demo / "cert.pem").read_bytes() == second_cert  # No changed nothing
    prompts.confirm_answers = [True]
    page.ui.restore_button.click()
    assert (demo / "cert.pem").read_bytes() == first_cert and (demo / "key.pem").read_bytes() == first_key
    qtbot.waitUntil(lambda: window.document.facts.cert is not None
                    and "first.example.com" in window.document.facts.cert.names, timeout=5000)
    page = window.page("certificates")
    assert page.ui.backups_list.count() == 2  # the restore backed up the files it replaced
    # Undo the restore the same way: the newest backup holds the second certificate.
    page.ui.backups_list.setCurrentRow(0)
    prompts.confirm_answers = [True]
    page.ui.restore_button.click()
    assert (demo / "cert.pem").read_bytes() == second_cert


def test_restoring_identical_files_says_so_and_writes_nothing(open_window, demo, rsa_key, tmp_path, prompts):
    _two_certificates(demo, rsa_key, tmp_path)
    window = open_window(demo)
    window.show_page("certificates")
    page = window.page("certificates")
    page.ui.backups_list.setCurrentRow(0)
    backup_id = page.selected_backup()
    prompts.confirm_answers = [True]
    page.ui.restore_button.click()  # back to the first certificate; the newest backup now holds the second
    page = window.page("certificates")
    page.ui.backups_list.setCurrentRow(1)
    assert page.selected_backup() == backup_id  # the first backup: the files it holds are there now
    before = tree_bytes(demo)
    asked = len(prompts.confirmed)
    assert not window.restore_backup(backup_id)
    assert len(prompts.confirmed) == asked and prompts.infos[-1][0] == "Nothing to restore"
    assert tree_bytes(demo) == before


# --- a settings file that cannot be read --------------------------------------------------------------------
def test_a_broken_settings_file_title_problems_and_ways_to_it(qtbot, open_window, demo, prompts):
    settings = demo / "Project/Sources/settings.4DSettings"
    settings.write_text(settings.read_text().replace("</preferences>", ""))  # unclosed XML
    window = open_window(demo)
    assert window.document.read_only
    assert window.windowTitle() == "DemoShop[*] (read-only) — tlsgui"
    problems = window.document.problems
    assert len(problems) == 1 and problems[0].key == "files.settings"
    assert "settings.4DSettings" in problems[0].message
    assert not any("HTTPS" in p.message for p in problems)  # nothing computed from 4D's defaults
    qtbot.waitUntil(lambda: window.grade_label.text() == "Predicted grade: — (the settings cannot be read)",
                    timeout=5000)
    banner = window.ui.banner
    assert set(banner.extra_buttons) == {"show_folder", "open_editor"}
    assert banner.extra_buttons["show_folder"].text() == "Show in Folder"
    banner.extra_buttons["show_folder"].click()
    banner.extra_buttons["open_editor"].click()
    assert prompts.locations == [str(settings.parent), str(settings)]
    assert banner.label.text().startswith("✘ ")  # the kind of message is a mark too, not only a colour


# --- window size, menus, recent projects, demo title, undo label --------------------------------------------
def test_the_first_window_fits_the_screens_free_area(qtbot, open_window, demo):
    window = open_window(demo)
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() + 40 <= free.height() + 1
    from PySide6.QtCore import QRect, QSize

    from tlsgui.windows.main_window import initial_size

    assert initial_size(QRect(0, 0, 1280, 800)) == QSize(1264, 760)  # a 1280×800 screen: frame stays on it
    assert initial_size(QRect(0, 0, 1920, 1080)) == QSize(1280, 800)


def _menu(window, title):
    return next(a.menu() for a in window.menuBar().actions() if a.text() == title)


def test_help_view_and_edit_menus(qtbot, window, prompts):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Certificates", "&Help"]
    edit = [a.text() for a in _menu(window, "&Edit").actions() if not a.isSeparator()]
    assert edit == ["&Undo", "&Redo", "&Revert Unsaved Changes", "Re&load from Disk"]
    from PySide6.QtGui import QKeySequence

    qtbot.waitUntil(lambda: window._painted, timeout=5000)  # shortcuts are set right after the first paint
    assert window.reload_action.shortcut() == QKeySequence("F5")
    assert window.revert_action.shortcut() == QKeySequence("Ctrl+Shift+R")
    view = [a.text() for a in _menu(window, "&View").actions() if not a.isSeparator()]
    assert view == ["&1 Web", "&2 Client-server", "&3 SQL", "&4 TLS policy", "&5 Certificates", "&Problems Panel"]
    window.page_actions[2].trigger()
    assert window.current_page_name() == "sql" and window.page_actions[2].isChecked()
    assert window.page_actions[2].shortcut() == QKeySequence("Ctrl+3")
    window.problems_action.trigger()
    assert not window.ui.diagnostics.isVisible()
    window.problems_action.trigger()
    assert window.ui.diagnostics.isVisible()
    # Help: F1 opens 4D's page for the current page; About names the library versions.
    assert window.page_help_action.shortcut() == QKeySequence("F1")
    window.page_help_action.trigger()
    assert prompts.locations[-1] == "https://developer.4d.com/docs/settings/sql"
    window.show_page("tls")
    window.page_help_action.trigger()
    assert prompts.locations[-1] == "https://developer.4d.com/docs/Admin/tls"
    window.about_action.trigger()
    import ssl

    import cryptography
    from PySide6.QtCore import qVersion

    about = prompts.abouts[-1]
    assert f"{qVersion()}" in about and cryptography.__version__ in about and ssl.OPENSSL_VERSION in about
    window.docs_action.trigger()
    assert prompts.locations[-1].endswith("docs/gui.md") and Path(prompts.locations[-1]).is_file()


def test_recent_projects_are_numbered_clearable_and_never_throwaway_demos(qtbot, open_window, demo,
                                                                          project_factory, ui_state):
    from tlsgui.project.demo import fresh_demo

    throwaway = fresh_demo()
    try:
        assert is_throwaway_demo(throwaway) and not is_throwaway_demo(demo)
        window = open_window(throwaway)
        assert window.windowTitle() == "DemoShop[*] (throw-away demo copy) — tlsgui"
        assert str(throwaway) not in ui_state.recent_projects()
        window.open_project(demo)
        window.open_project(project_factory())
        window.recent_menu.aboutToShow.emit()
        texts = [a.text() for a in window.recent_menu.actions() if not a.isSeparator()]
        assert texts[0].startswith("&1 ") and texts[1] == f"&2 {demo.resolve()}" and texts[-1] == "&Clear List"
        assert not any("tlsgui-demo-" in text for text in texts)
        next(a for a in window.recent_menu.actions() if a.text() == "&Clear List").trigger()
        assert ui_state.recent_projects() == [] and not window.recent_menu.isEnabled()
    finally:
        import shutil

        shutil.rmtree(throwaway.parent, ignore_errors=True)


def test_undo_keeps_a_fixed_label_with_the_command_in_its_tooltip(window):
    toolbar_width = window.findChild(type(window.addToolBar("x")), "main_toolbar").sizeHint().width()
    window.page("web").editor("web.https_enabled").click()
    assert window.undo_action.text() == "&Undo" and window.undo_action.isEnabled()
    assert window.undo_action.toolTip().startswith("Undo: ")
    assert window.findChild(type(window.addToolBar("y")), "main_toolbar").sizeHint().width() == toolbar_width
    window.undo_action.trigger()
    assert window.undo_action.toolTip() == "Nothing to undo" and not window.undo_action.isEnabled()
    assert window.redo_action.text() == "&Redo" and window.redo_action.toolTip().startswith("Redo: ")


# --- what the command line does, from the window -----------------------------------------------------------
def test_export_for_remote_clients(open_window, demo, rsa_key, tmp_path, prompts):
    window = open_window(demo)
    assert not window.export_action.isEnabled()  # nothing to export yet
    write_cert(demo, rsa_key)
    window.document.refresh_facts()
    assert window.export_action.isEnabled()
    target = tmp_path / "client"
    target.mkdir()
    prompts.folder = str(target)
    window.export_action.trigger()
    assert (target / "cert.pem").read_bytes() == (demo / "cert.pem").read_bytes()
    assert (target / "key.pem").read_bytes() == (demo / "key.pem").read_bytes()
    assert (target / "key.pem").stat().st_mode & 0o777 == 0o600
    assert prompts.infos[-1][0] == "Exported"
    (target / "cert.pem").write_text("someone else's\n")
    prompts.confirm_answers = [False]
    window.export_action.trigger()  # asked first; No leaves the folder alone
    assert (target / "cert.pem").read_text() == "someone else's\n"


def test_open_a_4dproject_file_directly(open_window, demo, project_factory, prompts):
    other = project_factory(name="Shop")
    window = open_window(demo)
    prompts.open_answers = [str(other / "Project" / "Shop.4DProject")]
    window.open_file_action.trigger()
    assert window.document.root == other.resolve() and window.document.name == "Shop"


@pytest.fixture
def served(tmp_path, demo, rsa_key):
    """`tlsgui serve` on the demo with HTTPS and a real certificate, as a running 4D server would be."""
    write_cert(demo, rsa_key)
    done = subprocess.run([sys.executable, "-m", "tlsgui", "settings", str(demo), "set", "web.https_enabled=true"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    ready = tmp_path / "ready.json"
    process = subprocess.Popen([sys.executable, "-m", "tlsgui", "serve", str(demo), "--ready-file", str(ready)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while not ready.exists():  # a bounded poll on the ready file the server writes once it listens
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "serve did not become ready"
            time.sleep(0.05)
        data = json.loads(ready.read_text())
        yield next(item["port"] for item in data["listeners"] if item["role"] == "web_https")
    finally:
        process.kill()
        process.communicate(timeout=10)


def test_probe_a_running_server_from_the_window(qtbot, open_window, demo, served):
    window = open_window(demo)
    window.probe(f"127.0.0.1:{served}")
    dialog = window.test_dialog
    qtbot.waitUntil(lambda: not dialog.running, timeout=RUN_MS)
    view = dialog.report_view
    assert view.report is not None, view.summary.text()
    assert view.report.target == f"127.0.0.1:{served}"
    assert dialog.windowTitle() == f"Probe — 127.0.0.1:{served}"
    assert view.item("address", "handshake").text(0).startswith("✔ Passed: ")
    assert f"(127.0.0.1:{served})" in view.summary.text()
    assert dialog.again_button.isEnabled()


def test_the_probe_address_field_refuses_bad_ports_with_the_range(qtbot):
    from tlsgui.windows.probe_dialog import ProbeAddressDialog

    dialog = ProbeAddressDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    dialog.address.setText("shop.example.com:70000")
    assert "70000 is not a TCP port" in dialog.message.text() and "from 1 to 65535" in dialog.message.text()
    assert not ok.isEnabled()
    dialog.address.setText("shop.example.com:https")
    assert "is not HOST:PORT" in dialog.message.text() and not ok.isEnabled()
    dialog.address.setText("shop.example.com:443")
    assert dialog.message.text() == "" and ok.isEnabled()
    assert QApplication.instance() is not None


# --- keyboard ------------------------------------------------------------------------------------------------
def test_tab_goes_sidebar_then_the_page_then_problems(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and window._painted)
    page = window.page("web")
    window.ui.page_list.setFocus()
    seen = []
    for _ in range(40):
        window.focusNextChild()
        widget = QApplication.focusWidget()
        seen.append(widget)
        if widget is window.ui.diagnostics.list:
            break
    assert seen[-1] is window.ui.diagnostics.list, [w.objectName() for w in seen]
    inside = seen[:-1]
    assert inside and all(page.isAncestorOf(w) for w in inside), [w.objectName() for w in inside]
    assert inside[0] is page.editor("web.http_enabled")  # the first field, in reading order
    assert page.editor("web.https_port") in inside and page.editor("web.hsts_max_age") in inside


def test_every_field_label_has_its_own_mnemonic(window):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from tlsgui.pages.base import MENU_LETTERS
    from tlsgui.pages.registry import PAGES

    for info in PAGES:
        page = window.page(info.name)
        letters = []
        for key in page.KEYS:
            editor = page.editor(key)
            label = editor if isinstance(editor, QAbstractButton) else \
                page.findChild(QLabel, key.replace(".", "_") + "_label")
            text = label.text()
            assert "&" in text, (info.name, key, text)
            letters.append(text[text.index("&") + 1].lower())
        assert len(letters) == len(set(letters)), (info.name, letters)  # no two fields share Alt+letter
        assert not set(letters) & MENU_LETTERS, (info.name, letters)  # and none takes a menu's key
